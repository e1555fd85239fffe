"""Where bundled trees and user state live. Plain Python: safe for the headless commands."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_TREE_FILE = "participatie.yaml"


def trees_dir() -> Path:
    """The bundled ``trees/`` folder (beside the package in a checkout or editable install)."""
    override = os.environ.get("STAPPENPLAN_TREES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "trees"


def default_tree() -> Path:
    return trees_dir() / DEFAULT_TREE_FILE


def bundled_trees() -> list[Path]:
    """Tree files at the top of ``trees/`` (subfolders hold other material, such as cases)."""
    folder = trees_dir()
    return sorted(p for p in folder.glob("*.yaml") if p.is_file()) if folder.is_dir() else []


def state_dir() -> Path:
    """The user's state folder, where sessions are autosaved and crash logs are kept.

    platformdirs knows it per system: ``$XDG_STATE_HOME/stappenplan`` (``~/.local/state``) on
    Linux, ``~/Library/Application Support/stappenplan`` on macOS and ``%LOCALAPPDATA%`` on
    Windows.
    """
    override = os.environ.get("STAPPENPLAN_STATE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_state_dir

    return Path(user_state_dir("stappenplan", appauthor=False))


def documents_dir() -> Path:
    """The user's documents folder (where exports go unless the user chose another folder)."""
    override = os.environ.get("STAPPENPLAN_DOCUMENTS_DIR")
    if override:
        return Path(override)
    from platformdirs import user_documents_dir

    return Path(user_documents_dir())


def dossiers_dir() -> Path:
    """Where new dossiers go: a folder in the user's documents (platformdirs knows where that
    is on Windows, macOS and Linux)."""
    override = os.environ.get("STAPPENPLAN_DOSSIERS")
    if override:
        return Path(override)
    return documents_dir() / "Stappenplan"


def cache_dir() -> Path:
    """The user's cache folder: what can be made again, such as validated trees
    (:mod:`wizard.treecache`). Deleting it is always safe."""
    override = os.environ.get("STAPPENPLAN_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("stappenplan", appauthor=False))
