"""The dossiers opened or saved lately, for the start screen.

Its own small module because the start screen lists them before anything else is loaded:
importing :mod:`wizard.dossier` (its pydantic models) there would delay the first paint.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

RECENT_FILE = "recente-dossiers.json"
RECENT_MAX = 20


@dataclass(frozen=True)
class Recent:
    path: Path
    title: str
    opened: str


def _recent_file() -> Path:
    from wizard.paths import state_dir

    return state_dir() / RECENT_FILE


def recent_dossiers(*, existing_only: bool = True) -> list[Recent]:
    """Dossiers opened or saved lately, newest first (files that are gone are left out)."""
    try:
        raw = json.loads(_recent_file().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return []
    out: list[Recent] = []
    if not isinstance(raw, list):
        return out
    for entry in raw:
        if not isinstance(entry, dict):
            continue
        path, title, opened = entry.get("path"), entry.get("title"), entry.get("opened")
        if not (isinstance(path, str) and isinstance(title, str) and isinstance(opened, str)):
            continue
        p = Path(path)
        if existing_only and not p.is_file():
            continue
        out.append(Recent(p, title, opened))
    return out[:RECENT_MAX]


def remember(path: Path, title: str) -> None:
    """Put a dossier on top of the recent list; a failure to write it is not worth an error."""
    from wizard.engine import now_iso
    from wizard.session import write_atomic

    path = path.resolve()
    entries = [r for r in recent_dossiers(existing_only=False) if r.path.resolve() != path]
    entries.insert(0, Recent(path, title, now_iso()))
    data = [{"path": str(r.path), "title": r.title, "opened": r.opened} for r in entries]
    try:
        text = json.dumps(data[:RECENT_MAX], ensure_ascii=False, indent=2)
        write_atomic(_recent_file(), text, private=True)
    except OSError:
        pass
