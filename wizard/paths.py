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
    """The user's state folder (XDG), where sessions are autosaved."""
    override = os.environ.get("STAPPENPLAN_STATE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "stappenplan"


def dossiers_dir() -> Path:
    """Where new dossiers go: a folder in the user's documents (platformdirs knows where that
    is on Windows, macOS and Linux)."""
    override = os.environ.get("STAPPENPLAN_DOSSIERS")
    if override:
        return Path(override)
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()) / "Stappenplan"
