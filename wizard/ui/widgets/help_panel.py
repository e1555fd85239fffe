"""The help panel beside (or under) a question: help text, what the options mean, sources."""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from wizard.ui import safe
from wizard.ui.widgets.steady import put


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
        event.stop()
        href = event.href.strip()
        if href.lower().startswith("https://") and not any(c.isspace() for c in href):
            self.app.open_url(href)
        else:
            self.app.notify(self.app.strings("help.link_blocked"), markup=False, severity="warning")


async def _nothing() -> None:
    return None


def help_markdown(node: Any, tree: Any, strings: Any) -> str:
    """The help panel's text as Markdown (tree text is Markdown-literal, never Textual markup)."""
    parts: list[str] = []
    help_text = getattr(node, "help", None)
    if help_text:
        parts.append(help_text)
    options = getattr(node, "options", None) or []
    explained = [o for o in options if o.help]
    if explained:
        parts.append(f"**{strings('help.options')}**")
        parts.append("\n".join(f"- **{_inline(o.label)}**: {_inline(o.help)}" for o in explained))
    sources = tree.source_map()
    cited = [(sources[s], getattr(s, "at", None)) for s in node.sources if s in sources]
    if cited:
        parts.append(f"**{strings('help.sources')}**")
        lines = []
        for s, at in cited:
            line = f"- {_inline(s.citation())}"
            if at:
                line += f", {_inline(at)}"
            if s.url:
                line += f" <{s.url}>"
            lines.append(line)
        parts.append("\n".join(lines))
    if not parts:
        parts.append(f"_{strings('help.none')}_")
    return "\n\n".join(parts)


def _inline(text: str) -> str:
    return " ".join(str(text).split())


class HelpPanel(VerticalScroll):
    """Scrollable help; its content is replaced in place for each question."""

    can_focus = True

    def compose(self):
        yield Static(id="help-title")
        yield SafeMarkdown(id="help-body")
        yield Static(id="help-keys")

    _wanted = ""
    _applied: str | None = None
    _busy = False

    def show(self, node: Any, tree: Any) -> None:
        strings = self.app.strings
        put(self.query_one("#help-title", Static), safe.text(strings("help.title"), "bold"))
        put(self.query_one("#help-keys", Static), safe.text(strings("help.keys")))
        self._wanted = safe.clean(help_markdown(node, tree, strings))
        self.scroll_home(animate=False)
        if self.display:  # hidden (a narrow terminal): rendered when it is shown
            self._start()

    def _start(self) -> None:
        if not self._busy and self._wanted != self._applied:
            self._busy = True
            self.run_worker(self._apply(), group="help", exit_on_error=False)

    def on_show(self) -> None:
        """Shown again (F1 on a narrow terminal, or a wider one): bring the help up to date."""
        self._start()

    async def _apply(self) -> None:
        """Render the latest help text; quick key presses never pile up Markdown updates."""
        body = self.query_one("#help-body", SafeMarkdown)
        try:
            while self._wanted != self._applied:
                text = self._wanted
                await body.update(text)
                self._applied = text
        finally:
            self._busy = False
