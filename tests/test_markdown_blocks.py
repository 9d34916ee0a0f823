"""Material's admonitions and content tabs are containers: code inside them is fenced code."""

from __future__ import annotations

from docs_check import Document, check_document, load_config
from docs_check.scanner import CODE, FENCE_OPEN, INDENTED_CODE, TEXT

TABS = """# Page

=== "Docker"

    ```tf
    resource "coder_agent" "main" {
      arch = "amd64"
      os = "linux"
    }
    ```

=== "Kubernetes"

    Text in a tab.

!!! note "Title"

    ```hcl
    variable "x" {}
    ```

Back to the page.

    indented code again
"""


def test_fences_inside_tabs_and_admonitions_are_fences():
    doc = Document.from_text(TABS, "t.md")
    kinds = {ln.number: ln.kind for ln in doc.lines}
    assert [f.lang for f in doc.fences] == ["tf", "hcl"]
    assert kinds[3] == TEXT and kinds[5] == FENCE_OPEN and kinds[6] == CODE
    assert doc.block_text(doc.fences[0]).startswith('resource "coder_agent" "main" {\n  arch')
    assert kinds[22] == TEXT
    assert kinds[24] == INDENTED_CODE


def test_terraform_checks_see_blocks_in_tabs_and_fix_them_in_place():
    doc = Document.from_text(TABS, "t.md")
    findings = check_document(doc, load_config())
    rules = {(f.rule, f.line) for f in findings}
    assert ("tf-fmt", 8) in rules  # `os = "linux"` is not aligned
    assert ("tf-lang", 18) in rules
    fix = next(f.fix for f in findings if f.rule == "tf-fmt")
    fixed = TABS[: fix.start] + fix.replacement + TABS[fix.end :]
    assert '    ```tf\n    resource "coder_agent" "main" {\n      arch = "amd64"\n      os   = "linux"\n    }\n    ```\n' in fixed
    assert fixed.replace('os   = "linux"', 'os = "linux"') == TABS


def test_an_alert_in_an_admonition_is_not_in_a_list():
    doc = Document.from_text('!!! tip\n\n    > [!NOTE]\n    > Body.\n', "a.md")
    assert len(doc.quotes) == 1 and not doc.quotes[0].in_list


def test_jekylls_highlight_block_is_code_not_a_paragraph():
    # tfsec's docs website (sixty-fourth sample): Liquid's `{% highlight terraform %}` renders
    # its lines as code; read as a paragraph, `publicly_accessible = true` was prose.
    text = ("Before.\n\n{% highlight terraform %}\n\nresource \"a\" \"b\" {\n\tpublicly_accessible = true\n}\n\n"
            "{%- endhighlight -%}\n\nAfter the block.\n\n- {% highlight sh %}\n  tfsec .\n  {% endhighlight %}\n")
    doc = Document.from_text(text, "t.md")
    kinds = {ln.number: ln.kind for ln in doc.lines}
    assert [kinds[n] for n in (3, 5, 6, 7, 9)] == [INDENTED_CODE] * 5
    assert kinds[1] == kinds[11] == TEXT and doc.fences == []
    assert [kinds[n] for n in (13, 14, 15)] == [INDENTED_CODE] * 3  # in a list item too
    spelling = [f for f in check_document(doc, load_config(None)) if f.rule.startswith("spell-")]
    assert spelling == []
    # The words `highlight` and `endhighlight` in a sentence are a sentence.
    assert Document.from_text("{% raw %} the highlight of it\n", "t.md").lines[0].kind == TEXT


def test_liquid_comments_are_not_prose():
    # CockroachDB's docs (hundred-and-first sample): `{% comment %} ... metric_id. {% endcomment %}`
    # inside a page's Liquid is never rendered; nor is a comment block over several lines.
    text = ("{% comment %} Get the row with the given metric_id. {% endcomment %}\n\n"
            "{% comment %}\nThe list is made by gen_metric_list, then recieved.\n{% endcomment %}\n\n"
            "Set the metric_id here.\n")
    doc = Document.from_text(text, "t.md")
    assert [doc.lines[n - 1].kind for n in (3, 4, 5)] == [INDENTED_CODE] * 3
    found = [(f.line, f.rule) for f in check_document(doc, load_config(None)) if f.rule.startswith("spell-")]
    assert found == [(7, "spell-code-in-prose")]


def test_home_assistants_configuration_block_is_data():
    # Home Assistant's integration pages (hundred-and-fifteenth sample): the YAML between
    # `{% configuration %}` and `{% endconfiguration %}` becomes a table of options.
    text = ("{% configuration %}\nkey_file:\n  description: The filename.\n  required: true\n"
            "{% endconfiguration %}\n\nSet the key_file option.\n")
    doc = Document.from_text(text, "t.md")
    assert [ln.kind for ln in doc.lines[:5]] == [INDENTED_CODE] * 5
    found = [(f.line, f.rule) for f in check_document(doc, load_config(None)) if f.rule.startswith("spell-")]
    assert found == [(7, "spell-code-in-prose")]


def test_mdx_imports_and_exports_are_code():
    # ClickHouse's Docusaurus pages (hundred-and-first sample) open with
    # `import create_primary_key from '@site/static/images/...gif';`: ESM, not prose. A sentence
    # that starts with the word is a sentence, and so is a line inside a paragraph.
    text = ("---\ntitle: Keys\n---\n\nimport Image from '@theme/IdealImage';\n"
            "import create_primary_key from '@site/static/images/create_primary_key.gif';\n"
            "export const toc = [];\n\nimport the CSV file first.\nOr:\nimport x from 'y';\n")
    kinds = {ln.number: ln.kind for ln in Document.from_text(text, "t.md").lines}
    assert [kinds[n] for n in (5, 6, 7)] == [INDENTED_CODE] * 3
    assert kinds[9] == kinds[11] == TEXT


def test_hugos_code_shortcodes_are_code():
    # kind's docs (eighty-first sample): a site's own shortcode that takes the code's language,
    # and Hugo's `highlight`, hold code to their closing shortcode; another shortcode is text.
    text = ('On Windows:\n{{< codeFromInline lang="powershell" >}}\nchoco install kind\n{{< /codeFromInline >}}\n\n'
            "{{< highlight go >}}\nfmt.Println(x)\n{{< /highlight >}}\n\n{{< note >}}\nA note.\n{{< /note >}}\n")
    kinds = {ln.number: ln.kind for ln in Document.from_text(text, "t.md").lines}
    assert [kinds[n] for n in (2, 3, 4, 6, 7, 8)] == [INDENTED_CODE] * 6
    assert kinds[1] == kinds[10] == kinds[11] == TEXT
    # The AWS workshops (eighty-ninth sample): `{{< output >}}` holds a command's output.
    text = "Run it:\n{{< output >}}\n+ skip_crds = false\n{{< /output >}}\nThe output_file.\n"
    kinds = {ln.number: ln.kind for ln in Document.from_text(text, "t.md").lines}
    assert [kinds[n] for n in (1, 2, 3, 4, 5)] == [TEXT, INDENTED_CODE, INDENTED_CODE, INDENTED_CODE, TEXT]


def test_gravs_prism_shortcode_is_code():
    # Grav's docs (hundred-and-twenty-third sample): `[prism classes="language-yaml"]` to
    # `[/prism]` is its code block; a link or a reference definition opening a line is text.
    text = ('Create it:\n\n[prism classes="language-yaml line-numbers"]\n---\ntitle: Sent\ncache_enable: false\n'
            "---\n\n## Email sent!\n[/prism]\n\n[The docs](x) say so.\n\n[ref]: https://example.com\n")
    kinds = {ln.number: ln.kind for ln in Document.from_text(text, "t.md").lines}
    assert [kinds[n] for n in (3, 4, 5, 6, 7, 9, 10)] == [INDENTED_CODE] * 7
    assert kinds[1] == kinds[12] == kinds[14] == TEXT


def test_hexos_codeblock_tag_is_code():
    # Hexo's and Octopress' code block, the same tag shape as Jekyll's `highlight`.
    text = "Run:\n{% codeblock lang:js %}\nconst snake_case = 1;\n{% endcodeblock %}\nThe end.\n"
    kinds = {ln.number: ln.kind for ln in Document.from_text(text, "t.md").lines}
    assert [kinds[n] for n in (1, 2, 3, 4, 5)] == [TEXT, INDENTED_CODE, INDENTED_CODE, INDENTED_CODE, TEXT]
