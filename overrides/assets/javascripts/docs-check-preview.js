/* The docs-check problem box's dismiss button (mkdocs serve only; docs_check/preview.py).
   A dismissal is remembered for the browser tab, keyed by the page's findings, so the box
   stays away across live reloads and comes back when the findings change. Works with
   Material's instant navigation, which swaps the page content without a page load. */
(function () {
  "use strict";
  var STORE = "docs-check-dismissed";

  function dismissed() {
    try {
      return JSON.parse(sessionStorage.getItem(STORE) || "[]");
    } catch (e) {
      return [];
    }
  }

  function remember(key) {
    var keys = dismissed().filter(function (k) { return k !== key; });
    keys.push(key);
    try {
      sessionStorage.setItem(STORE, JSON.stringify(keys.slice(-200)));
    } catch (e) { /* storage full or disabled: dismiss for this view only */ }
  }

  function enhance() {
    var keys = dismissed();
    document.querySelectorAll("details.docs-check-preview").forEach(function (box) {
      if (keys.indexOf(box.dataset.docsCheck) !== -1) {
        box.hidden = true;
        return;
      }
      var summary = box.querySelector("summary");
      if (!summary || summary.querySelector(".docs-check-preview__dismiss")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "docs-check-preview__dismiss";
      button.textContent = "Dismiss";
      button.setAttribute("aria-label", "Dismiss the docs-check problems until they change");
      summary.appendChild(button);
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".docs-check-preview__dismiss");
    if (!button) return;
    event.preventDefault(); // the button sits in <summary>: do not also toggle the box
    var box = button.closest("details.docs-check-preview");
    if (!box) return;
    box.hidden = true;
    remember(box.dataset.docsCheck);
  });

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(enhance);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
