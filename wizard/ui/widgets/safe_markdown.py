"""Markdown whose links open only https: addresses (the help panel, the whole-tree view).

Its own module, because importing Textual's Markdown widget and markdown-it costs ~40 ms: the
question screen loads it only when the help panel is first shown (issue 8 §3).
"""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.widgets import Markdown

from wizard.ui import safe


class SafeMarkdown(Markdown):
    """Markdown whose links open only https: addresses in the browser, never a local file.

    A text given at construction is composed with the widget (its blocks mount with the
    screen, in one layout pass), instead of Textual's default of parsing it in a thread and
    mounting the blocks after the first paint: that cost a long plan seconds of CPU.
    """

    def __init__(self, markdown: str = "", **kwargs: Any):
        super().__init__(safe.clean(markdown), open_links=False, **kwargs)
        self._composed = False

    def compose(self) -> ComposeResult:
        markdown = self._initial_markdown
        if not markdown:
            return
        self._initial_markdown = None
        self._markdown = markdown
        self._composed = True
        parser = MarkdownIt("gfm-like") if self._parser_factory is None else self._parser_factory()
        yield from self._parse_markdown(parser.parse(markdown))
        lines = markdown.splitlines()
        self._last_parsed_line = len(lines) - (1 if lines and lines[-1] else 0)

    def update(self, markdown: str) -> AwaitComplete:
        if self._composed and markdown == "" and not self._markdown_updated:
            # Markdown's own mount asks for the (already composed) first text again as ""
            self._markdown_updated = True
            return AwaitComplete(_nothing())
        self._markdown_updated = True
        return super().update(markdown)

    _markdown_updated = False

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        from wizard.ui.widgets.plan import open_https

        event.stop()
        open_https(self.app, event.href)


async def _nothing() -> None:
    return None
