"""Coder's docs conventions, as plain functions over text and data.

coder.com renders Coder's `docs/` tree with conventions of its own: navigation from
`manifest.json`, `<children></children>` placeholders, `<div class="tabs">` sections,
links that leave the tree for the repository, and GitHub's heading anchors. These modules
turn each convention into something Python-Markdown and Material render; the MkDocs hook
`hooks/coder_docs.py` only wires them to MkDocs' events.
"""
