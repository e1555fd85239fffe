"""A tree that passed validation, with what a later step needs of the file it came from.

Kept apart from :mod:`wizard.loader` so that a start that finds the tree in the cache
(:mod:`wizard.treecache`) imports neither PyYAML nor the loader's error reporting. The positions
of keys and values (for ``file:line:col`` in a case or lint message) are parsed from the text
only when something asks for them.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wizard.model import Tree
    from wizard.yamlsafe import YamlDoc


def content_digest(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class LoadedTree:
    """The validated tree, its file name and text, and the hash that sessions are tied to."""

    def __init__(self, tree: Tree, *, file: str, text: str, doc: YamlDoc | None = None):
        self.tree = tree
        self.file = file
        self.text = text
        self.digest = content_digest(text)
        self._doc = doc

    @classmethod
    def from_doc(cls, tree: Tree, doc: YamlDoc) -> LoadedTree:
        return cls(tree, file=doc.file, text=doc.text, doc=doc)

    @property
    def doc(self) -> YamlDoc:
        """The parsed YAML with positions; parsed again from the text on first use after a
        cached load (the text was valid when the tree was cached, so this cannot fail)."""
        if self._doc is None:
            from wizard.yamlsafe import parse_yaml

            self._doc = parse_yaml(self.text, self.file)
        return self._doc

    def __repr__(self) -> str:
        return f"LoadedTree({self.tree.id!r}, file={self.file!r})"
