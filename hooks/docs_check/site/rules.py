"""The `link-*` rules: what the built-site checker reports.

Ids are public (configuration, suppression comments and CI annotations name them); a rule is
never renamed once released.
"""

from __future__ import annotations

from ..findings import Severity
from ..rules import rule

MISSING_FILE = rule(
    "link-missing-file", Severity.ERROR,
    "A link, image, stylesheet or script points at a file the built site does not have",
)
MISSING_ANCHOR = rule(
    "link-missing-anchor", Severity.ERROR,
    "A link's #fragment names no element (id or a[name]) of the page it points at",
)
MD_TARGET = rule(
    "link-md-target", Severity.ERROR,
    "A link still points at a .md file: MkDocs did not recognise it, so readers get a 404",
)
OUTSIDE_SITE = rule(
    "link-outside-site", Severity.ERROR,
    "A relative or root-relative link climbs out of the site root",
)
REDIRECT_BROKEN = rule(
    "link-redirect-broken", Severity.ERROR,
    "A redirect stub (meta refresh) leads to a page or anchor that does not exist, or loops",
)
EMPTY_HREF = rule(
    "link-empty-href", Severity.WARNING,
    "A link or image has an empty href/src, which reloads the page instead of going anywhere",
)
UNREACHABLE_PAGE = rule(
    "link-unreachable-page", Severity.INFO,
    "A page that neither the navigation nor any reachable page links to",
)
EXTERNAL_SHAPE = rule(
    "link-external-shape", Severity.WARNING,
    "An external link is malformed, not https, or points at localhost or a placeholder host",
)
EXTERNAL_BROKEN = rule(
    "link-external-broken", Severity.ERROR,
    "Online mode only: an external link answers with an error (404, 5xx, timeout)",
)
