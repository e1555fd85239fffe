"""Show untrusted tree text as text, and nothing else.

Tree files are written by other people. Their text must never be read as Textual markup (a
``[@click=...]`` span would run an action when clicked, see research/textual.md §0.1) and must
never reach the terminal as control codes (an ESC byte would start an escape sequence). So:

- :func:`clean` turns control characters into their visible Unicode "control pictures"
  (ESC becomes ``␛``), keeping newlines and tabs;
- :func:`text` gives a literal :class:`~textual.content.Content` for Static, Label, OptionList,
  Button and friends (``Content(str)`` never parses markup);
- :func:`rich_text` gives a literal :class:`rich.text.Text` for widgets that want Rich text;
- :func:`markup_literal` is only for the few APIs that insist on a markup string.

Never pass a tree string to a widget any other way.
"""

from __future__ import annotations

import re

from textual.content import Content

from wizard.text import clean, one_line

__all__ = [
    "clean",
    "hanging",
    "lines",
    "markup_literal",
    "one_line",
    "rich_text",
    "summary",
    "text",
]


def summary(value: object, limit: int = 140) -> str:
    """The first sentence on one line, cut at ``limit`` characters (for list descriptions)."""
    line = one_line(value)
    for end in (". ", "? ", "! "):
        cut = line.find(end)
        if 0 < cut < limit:
            line = line[: cut + 1]
            break
    if len(line) > limit:
        line = line[: limit - 1].rsplit(" ", 1)[0] + "…"
    return line


def text(value: object, style: str = "") -> Content:
    """Literal content: no markup, no control codes."""
    content = Content(clean(value))
    return content.stylize(style) if style else content


def rich_text(value: object):
    from rich.text import Text

    return Text(clean(value))


def markup_literal(value: object) -> str:
    """A markup string that shows ``value`` literally (round-trips on Textual 8.2.8)."""
    return clean(value).replace("[", "\\[")


_MARK = re.compile(r"^(\s*(?:[•+−–-]|\d+\.) )")


def hanging(prefix: str, value: object, style: str = ""):
    """``prefix`` then the text, whose wrapped lines start under the text, not under the mark."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(expand=True)
    grid.add_column(width=len(prefix), no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Text(prefix, style=style), Text(clean(value), style=style))
    return grid


def lines(items: list[tuple[str, str]]):
    """Literal lines, each with its style; a list item ("• …", "  + …") keeps its indent when
    it wraps."""
    from rich.console import Group
    from rich.text import Text

    parts = []
    for line, style in items:
        found = _MARK.match(line)
        if found:
            parts.append(hanging(found.group(1), line[found.end() :], style))
        else:
            parts.append(Text(clean(line), style=style))
    return Group(*parts)
