"""When the wizard itself fails: keep the details in a log file and tell the user one sentence.

Plain Python (no Textual): the app calls :func:`write_crash_log` from its exception hook, and the
launcher prints :func:`crash_sentence` after the terminal is restored. The traceback goes to the
file only (never with local variables, which may hold the user's answers, and never on screen).
"""

from __future__ import annotations

import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path

from wizard.paths import state_dir

EXIT_BUG = 3  # the exit status for an internal error (README, cli.py)
LOG_FOLDER = "logs"
KEEP_LOGS = 20  # older crash logs are removed, so the folder never grows without bound


def crash_log_dir() -> Path:
    return state_dir() / LOG_FOLDER


def write_crash_log(error: BaseException, *, autosave: str = "") -> Path | None:
    """Write the traceback of ``error`` to a new log file; return its path (None if impossible).

    ``autosave`` says what happened to the user's answers, for whoever reads the log.
    """
    folder = crash_log_dir()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"fout-{stamp}.log"
    lines = [
        f"stappenplan: onverwachte fout op {datetime.now().isoformat(timespec='seconds')}",
        f"python {sys.version.split()[0]} op {platform.platform()}",
    ]
    if autosave:
        lines.append(f"antwoorden: {autosave}")
    lines.append("")
    lines.extend(
        line.rstrip("\n")
        for line in traceback.format_exception(type(error), error, error.__traceback__)
    )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError:
        return None
    _prune(folder)
    return path


def _prune(folder: Path) -> None:
    try:
        logs = sorted(folder.glob("fout-*.log"))
        for old in logs[:-KEEP_LOGS]:
            old.unlink()
    except OSError:
        pass


def crash_sentence(log: Path | None, saved: bool | None = None) -> str:
    """The one sentence a user reads after a crash (Dutch, with the log's path).

    ``saved``: True when the answers were just saved, False when saving failed, None when there
    was nothing to save (no session, a practised case, or saving switched off).
    """
    answers = {
        True: "; uw antwoorden zijn bewaard",
        False: "; uw antwoorden konden niet worden bewaard",
        None: "",
    }[saved]
    where = (
        f"het foutverslag staat in {log} (stuur dat mee als u de fout meldt)"
        if log is not None
        else "het foutverslag kon niet worden opgeslagen"
    )
    return f"stappenplan is gestopt door een fout in het programma{answers}; {where}."
