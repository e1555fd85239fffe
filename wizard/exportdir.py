"""Where exports go: the folder the user chose last, else the user's documents folder (made
when it does not exist yet; only when that fails, the home folder, which the dialog shows).

Plain Python (no Textual). The last folder is kept in the state folder, only when saving is on
(``--no-save`` leaves no trace on a shared laptop).
"""

from __future__ import annotations

from pathlib import Path

from wizard.paths import documents_dir, state_dir

LAST_FOLDER_FILE = "exportmap.txt"


def _memo() -> Path:
    return state_dir() / LAST_FOLDER_FILE


def default_export_folder() -> Path:
    """The last folder an export went to (if it still exists), else the documents folder."""
    try:
        last = _memo().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        last = ""
    if last and "\n" not in last and Path(last).is_dir():
        return Path(last)
    documents = documents_dir()
    try:  # a new account may not have one yet: make it, rather than write somewhere else
        documents.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path.home()  # the export dialog shows this folder, so the user sees where
    return documents


def remember_export_folder(folder: Path) -> None:
    """Note the folder of a successful export (best effort: failing here changes nothing)."""
    try:
        _memo().parent.mkdir(parents=True, exist_ok=True)
        _memo().write_text(str(folder.resolve()) + "\n", encoding="utf-8")
    except OSError:
        pass
