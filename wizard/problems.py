"""Problems found in a tree, an answer file or a session, located as ``file:line:col``.

Every check in the project reports through :class:`Problem` so that the command line, the tests
and the UI show the same plain-language message. Lines and columns are 1-based, as editors show
them; ``None`` means we do not know the place, and we never make one up.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from wizard.text import clean

Severity = Literal["error", "warning"]

_SEVERITY_WORD = {"error": "fout", "warning": "waarschuwing"}


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    col: int | None
    message: str
    severity: Severity = "error"
    where: str = ""

    def format(self) -> str:
        place = self.file
        if self.line is not None:
            place += f":{self.line}"
            if self.col is not None:
                place += f":{self.col}"
        where = f" [{self.where}]" if self.where else ""
        # messages quote tree text; a terminal must never receive its control codes
        return clean(f"{place}: {_SEVERITY_WORD[self.severity]}: {self.message}{where}")

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class ProblemsError(Exception):
    """Raised when a file cannot be used at all; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(p.format() for p in problems))
        self.problems = problems


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A ``; bedoelde u 'x'?`` suffix, or an empty string when nothing is close."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"; bedoelde u '{matches[0]}'?" if matches else ""


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file, p.line or 0, p.col or 0, p.message))
