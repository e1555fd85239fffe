"""Reading a small text file safely, with Dutch messages, and a pause in garbage collection.

Apart from the YAML layer so that a start that finds its tree in the cache
(:mod:`wizard.treecache`) reads the file without importing PyYAML.
"""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wizard.problems import Problem, ProblemsError

MAX_BYTES = 2 * 1024 * 1024

_NOT_A_FILE = (
    (stat.S_ISDIR, "een map"),
    (stat.S_ISFIFO, "een pijp (FIFO)"),
    (stat.S_ISCHR, "een apparaat"),
    (stat.S_ISBLK, "een apparaat"),
    (stat.S_ISSOCK, "een socket"),
)


def not_a_file(path: Path, what: str = "bestand") -> str | None:
    """Why ``path`` cannot be read as a file, in Dutch, or None when it is a regular file.

    A directory, pipe or device is named for what it is: "niet gevonden" would send the user
    looking for a file that is right there, and reading a pipe would wait for ever.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return f"{what} niet gevonden: {path}"
    except OSError as exc:
        return f"kan {what} niet lezen: {path} ({exc.strerror})"
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _NOT_A_FILE if test(mode)), "geen gewoon bestand")
    return f"{path} is {kind}, geen {what}; geef het pad van een bestand"


def read_text(path: Path, *, max_bytes: int = MAX_BYTES, what: str = "bestand") -> str:
    """Read a small UTF-8 text file or raise ProblemsError with a located message."""
    name = str(path)
    try:
        st = os.stat(path)
        size = st.st_size
    except FileNotFoundError:
        raise ProblemsError([Problem(name, None, None, f"{what} bestaat niet")]) from None
    except OSError as exc:
        raise ProblemsError(
            [Problem(name, None, None, f"kan {what} niet lezen: {exc.strerror}")]
        ) from None
    if not stat.S_ISREG(st.st_mode):
        kind = next((k for test, k in _NOT_A_FILE if test(st.st_mode)), "geen gewoon bestand")
        raise ProblemsError([Problem(name, None, None, f"dit is {kind}, geen {what}")])
    if size > max_bytes:
        raise ProblemsError(
            [
                Problem(
                    name,
                    None,
                    None,
                    f"{what} is te groot ({size // 1024} kB); de grens is {max_bytes // 1024} kB. "
                    "Splits het bestand of haal overbodige tekst weg.",
                )
            ]
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ProblemsError(
            [Problem(name, None, None, f"kan {what} niet lezen: {exc.strerror}")]
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ProblemsError(
            [Problem(name, line, None, "dit is geen UTF-8-tekst; sla het bestand op als UTF-8")]
        ) from None


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while building a big acyclic structure.

    Parsing a tree allocates hundreds of thousands of small objects and no reference cycles;
    every allocation burst would start a collection that walks all of them again, which made
    loading a 10,000-question tree four times slower than the parsing itself.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
