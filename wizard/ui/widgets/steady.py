"""Update a Static only when what it shows changes.

``Static.update`` always asks for a new layout of the screen, even for the same text. The
question screen refreshes a dozen labels per answer, most of them unchanged (the hint, the
help title, an empty error line): skipping those keeps an answer to one layout pass where
possible (issue 8 §3).
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


def put(widget: Static, content: Content | str) -> None:
    old = widget.content
    if isinstance(content, Content) and isinstance(old, Content):
        if old.is_same(content):
            return
    elif isinstance(content, str) and isinstance(old, str) and old == content:
        return
    widget.update(content)
