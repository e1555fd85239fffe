"""Untrusted text made harmless for any output: terminal, Markdown file or screen.

Tree files and answer files are written by other people. An ESC byte in them would start a
terminal escape sequence wherever the text is printed (the wizard, ``stappenplan run`` in a
shell, or ``cat`` on an exported plan), so control characters are shown as their visible
Unicode "control pictures" (ESC becomes ``␛``); newlines and tabs stay.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
# characters that change how the text around them is shown without being seen themselves:
# bidi embeddings, overrides and isolates (which can reverse a line on screen), the Arabic
# letter mark, the Mongolian vowel separator, zero-width spaces and joiners, invisible
# operators and the byte order mark
_INVISIBLE = re.compile("[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def clean(value: object) -> str:
    """The text with control characters made visible and harmless, and invisible formatting
    characters (bidi overrides, zero-width characters) removed.

    The one cleaning helper for every output: terminal, Markdown, JSON, DOT and Mermaid.
    """
    return _INVISIBLE.sub("", _CONTROL.sub(_picture, str(value)))


def one_line(value: object) -> str:
    """Harmless text on one line: for list items, table cells and headings in Markdown."""
    return " ".join(clean(value if value is not None else "").split())


LONG_WORD = 300
_LONG_WORD = re.compile(rf"\S{{{LONG_WORD + 1},}}")


def shorten_long_words(text: str, keep: int = 80) -> str:
    """Words (runs without spaces) over ``LONG_WORD`` characters cut to their start, with the
    length: a message quoting a megabyte-long id stays readable."""

    def cut(match: re.Match[str]) -> str:
        word = match.group()
        return f"{word[:keep]}… ({len(word)} tekens)"

    return _LONG_WORD.sub(cut, text)


# Markdown syntax that could turn tree text into something else than text: emphasis, code,
# links and images, raw HTML and entities, tables, strikethrough, headings' closing '#'
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&~|#@])")
_MD_LINE_START = re.compile(r"^(?:([=+\-])|(\d+)([.)]))")
# bare web addresses that a renderer would make clickable (https://..., www.example.nl)
_MD_AUTOLINK = re.compile(r"(?i)(?<=[a-z]):(?=//)|(?<=\bwww)\.")


def md_text(value: object) -> str:
    """Tree text for a Markdown document, shown as the text it is: one clean line in which
    nothing is a link, an image, HTML or formatting. A link in a question stays readable and
    is not clickable; a remote image never lands in an exported plan."""
    text = _MD_SPECIAL.sub(r"\\\1", one_line(value))
    text = _MD_AUTOLINK.sub(lambda m: "\\" + m.group(), text)
    return _MD_LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\" + match.group(3)


def json_text(data: object) -> str:
    """A JSON document for a terminal or a file: ``json.dumps`` leaves C1 control codes, bidi
    overrides and zero-width characters in strings as they are; they are cleaned here."""
    return clean(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def show_invisible(value: object) -> str:
    """The text with invisible formatting characters written as ``<U+202E>``: for problem
    messages, where the author must see why ``naam`` is not ``naam``."""
    return _INVISIBLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", str(value))


def join_names(values: Iterable[str]) -> str:
    """'a', 'a en b', 'a, b en c': names in a Dutch sentence, each once."""
    names = list(dict.fromkeys(values))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " en " + names[-1]


def as_sentence(text: str) -> str:
    """Text that ends as a sentence, so the next one never runs into it (and never two stops)."""
    text = text.strip()
    return text if not text or text[-1] in ".!?:;)”\"'" else text + "."
