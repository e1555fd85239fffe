"""Problems found in a tree, an answer file or a session, located as ``file:line:col``.

Every check in the project reports through :class:`Problem` so that the command line, the tests
and the UI show the same plain-language message. Lines and columns are 1-based, as editors show
them; ``None`` means we do not know the place, and we never make one up.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from wizard.text import one_line, shorten_long_words, show_invisible

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
        where = f" [{brief(self.where, MAX_MESSAGE // 4)}]" if self.where else ""
        # messages quote tree text: a terminal must never receive its control codes, a problem
        # is one line, and a value of a megabyte is not echoed back whole
        message = brief(self.message, MAX_MESSAGE)
        return (
            f"{brief(place, MAX_MESSAGE // 2)}: {_SEVERITY_WORD[self.severity]}: {message}{where}"
        )

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


MAX_MESSAGE = 600


def brief(text: str, limit: int = MAX_MESSAGE) -> str:
    """One clean line, long words and an overlong whole cut short with their length said."""
    text = shorten_long_words(one_line(show_invisible(text)))
    if len(text) <= limit:
        return text
    return f"{text[: limit - 40]}… ({len(text)} tekens)"


class ProblemsError(Exception):
    """Raised when a file cannot be used at all; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(p.format() for p in problems))
        self.problems = problems


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A ``; bedoelde u 'x'?`` suffix, or an empty string when nothing is close."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"; bedoelde u '{matches[0]}'?" if matches else ""


MAX_SHOWN = 30


def shown_problems(
    problems: Sequence[Problem], limit: int = MAX_SHOWN
) -> tuple[list[Problem], int]:
    """The problems to print for one file, and how many are left out.

    Errors go before warnings when not everything fits, so a file with ten thousand warnings
    still shows the error that makes it unusable. What is shown stays in file order.
    """
    if len(problems) <= limit:
        return list(problems), 0
    chosen = sorted(problems, key=lambda p: not p.is_error)[:limit]
    return sort_problems(chosen), len(problems) - limit


def problem_lines(problems: Sequence[Problem], limit: int = MAX_SHOWN) -> list[str]:
    """The lines to show for one file's problems: at most ``limit``, then how many more."""
    shown, rest = shown_problems(problems, limit)
    lines = [p.format() for p in shown]
    if rest:
        lines.append(f"... en nog {rest} meldingen die niet getoond worden; los eerst deze op")
    return lines


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file, p.line or 0, p.col or 0, p.message))
