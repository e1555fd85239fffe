"""Validated trees kept between starts, so the wizard does not parse and check the same file
again every time it opens.

A start of the TUI spent most of its own time on the tree: importing PyYAML, parsing the file
with every position, building pydantic's validators and validating (see
``benchmarks/RESULTS.md``). The result depends only on the file's text and on the code that
reads it, so it is kept in the user's cache folder under a key made of both: the hash of the
text, of the reading modules' source and of the Python and pydantic versions. Editing the tree,
updating stappenplan or pydantic gives a new key; nothing is ever served stale.

Only trees that passed are kept (a broken tree is read every time, so its problems are always
reported in full). The stored file is a pickle; since it is read back from disk, the unpickler
accepts nothing but the tree's own model classes (`Restricting Globals` in the pickle
documentation), so a planted file can build a tree at worst, never run code. Whatever goes
wrong with the cache (unreadable, full disk, another version's file) falls back to a normal
load, silently: the cache may only ever make a start faster.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
from pathlib import Path

from wizard.loaded import LoadedTree
from wizard.paths import cache_dir
from wizard.textfile import MAX_BYTES, read_text

FORMAT = 1
KEEP = 20  # newest entries kept; a tree author saving again and again makes a new one each time
_READERS = ("model.py", "loader.py", "yamlsafe.py", "textfile.py", "loaded.py", "treecache.py")
_code_key: str | None = None


def _code_fingerprint() -> str:
    """A hash of everything that decides what a tree file becomes."""
    global _code_key
    if _code_key is None:
        import pydantic

        h = hashlib.sha256(f"{FORMAT}|{sys.version}|{pydantic.VERSION}".encode())
        here = Path(__file__).parent
        for name in _READERS:
            h.update((here / name).read_bytes())
        _code_key = h.hexdigest()[:24]
    return _code_key


class _TreeUnpickler(pickle.Unpickler):
    """Builds nothing but the tree's own models, enumerations and citation strings.

    What a planted file could still do with these is limited to building odd objects of these
    classes (which the type check after loading rejects unless it is a Tree) or setting an
    attribute on one of them in this process: nothing runs, nothing leaves the process. The
    cache folder is the user's own; whoever can write there can also change what the user's
    shell starts.
    """

    def find_class(self, module: str, name: str) -> type:
        from enum import Enum

        from pydantic import BaseModel

        from wizard import model

        found = getattr(model, name, None) if module == "wizard.model" else None
        allowed = isinstance(found, type) and found.__module__ == "wizard.model"
        if not allowed or not issubclass(found, (BaseModel, Enum, model.Cite)):  # type: ignore[arg-type]
            raise pickle.UnpicklingError(f"not a tree class: {module}.{name}")
        return found  # type: ignore[return-value]


def _entry(text: str) -> Path:
    key = hashlib.sha256(f"{_code_fingerprint()}|{text}".encode()).hexdigest()[:32]
    return cache_dir() / "bomen" / f"{key}.pickle"


def _read(entry: Path):  # -> Tree | None
    from wizard.model import Tree

    try:
        with open(entry, "rb") as fh:
            tree = _TreeUnpickler(io.BytesIO(fh.read())).load()
    except Exception:  # noqa: BLE001 - any fault in a cache file means: not cached
        return None
    return tree if isinstance(tree, Tree) else None


def _write(entry: Path, tree: object) -> None:
    tmp = entry.with_suffix(f".{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(pickle.dumps(tree, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, entry)  # on Windows this fails while another start reads the entry
        _prune(entry.parent)
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no cache, not an error
        pass
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


def _prune(folder: Path) -> None:
    """Keep the entries used most recently (a hit touches its entry)."""
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)


def load_tree_cached(path: Path | str) -> LoadedTree:
    """Like :func:`wizard.loader.load_tree`, from the cache when this exact text was valid
    before. Raises ProblemsError, as the loader does, for a file that cannot be used."""
    path = Path(path)
    text = read_text(path, max_bytes=MAX_BYTES, what="boombestand")
    try:
        entry = _entry(text)
    except Exception:  # noqa: BLE001 - no source to fingerprint (a frozen build): no cache
        entry = None
    tree = _read(entry) if entry is not None else None
    if tree is not None:
        try:
            os.utime(entry)  # type: ignore[arg-type]  # in use: not the first to be pruned
        except OSError:
            pass
        return LoadedTree(tree, file=str(path), text=text)
    from wizard.loader import tree_from_doc
    from wizard.yamlsafe import parse_yaml

    doc = parse_yaml(text, str(path))
    loaded = LoadedTree.from_doc(tree_from_doc(doc), doc)
    if entry is not None:
        _write(entry, loaded.tree)
    return loaded
