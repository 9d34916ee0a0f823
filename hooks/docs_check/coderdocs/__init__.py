"""Coder's docs conventions, as plain functions over text and data.

coder.com renders Coder's `docs/` tree with conventions of its own: navigation from
`manifest.json`, `<children></children>` placeholders, `<div class="tabs">` sections,
links that leave the tree for the repository, and GitHub's heading anchors. These modules
turn each convention into something Python-Markdown and Material render. Two adapters wire
them into every engine (MkDocs, ProperDocs, Zensical) with no hook: the Markdown extension
`mdext` (per page; `context` tells it which page) and the mkdocs.yml tags of `siteconfig`
(navigation, state labels, redirects).
"""
