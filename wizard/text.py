"""Untrusted text made harmless for any output: terminal, Markdown file or screen.

Tree files and answer files are written by other people. An ESC byte in them would start a
terminal escape sequence wherever the text is printed (the wizard, ``stappenplan run`` in a
shell, or ``cat`` on an exported plan), so control characters are shown as their visible
Unicode "control pictures" (ESC becomes ``␛``); newlines and tabs stay.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def clean(value: object) -> str:
    """The text with control characters made visible and harmless."""
    return _CONTROL.sub(_picture, str(value))


def one_line(value: object) -> str:
    """Harmless text on one line: for list items, table cells and headings in Markdown."""
    return " ".join(clean(value if value is not None else "").split())


LONG_WORD = 200
_LONG_WORD = re.compile(rf"\S{{{LONG_WORD + 1},}}")


def shorten_long_words(text: str, keep: int = 60) -> str:
    """Words (runs without spaces) over ``LONG_WORD`` characters cut to their start, with the
    length: a message quoting a megabyte-long id stays readable."""

    def cut(match: re.Match[str]) -> str:
        word = match.group()
        return f"{word[:keep]}… ({len(word)} tekens)"

    return _LONG_WORD.sub(cut, text)
