"""The help panel beside (or under) a question: help text, what the options mean, sources."""

from __future__ import annotations

from typing import Any

from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from wizard.ui import safe


class SafeMarkdown(Markdown):
    """Markdown whose links open only https: addresses in the browser, never a local file."""

    def __init__(self, markdown: str = "", **kwargs: Any):
        super().__init__(safe.clean(markdown), open_links=False, **kwargs)

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        href = event.href.strip()
        if href.lower().startswith("https://") and not any(c.isspace() for c in href):
            self.app.open_url(href)
        else:
            self.app.notify(self.app.strings("help.link_blocked"), markup=False, severity="warning")


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
        self.query_one("#help-title", Static).update(safe.text(strings("help.title"), "bold"))
        self.query_one("#help-keys", Static).update(safe.text(strings("help.keys")))
        self._wanted = safe.clean(help_markdown(node, tree, strings))
        self.scroll_home(animate=False)
        if not self._busy and self._wanted != self._applied:
            self._busy = True
            self.run_worker(self._apply(), group="help", exit_on_error=False)

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
