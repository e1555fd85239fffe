"""The help panel beside (or under) a question: help text, what the options mean, sources."""

from __future__ import annotations

from typing import Any

from textual.containers import VerticalScroll
from textual.widgets import Static

from wizard.ui import safe
from wizard.ui.widgets.plan import MarkdownText
from wizard.ui.widgets.steady import put


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
        yield MarkdownText(id="help-body")
        yield Static(id="help-keys")

    _wanted = ""
    _started = False

    def show(self, node: Any, tree: Any) -> None:
        strings = self.app.strings
        put(self.query_one("#help-title", Static), safe.text(strings("help.title"), "bold"))
        put(self.query_one("#help-keys", Static), safe.text(strings("help.keys")))
        self._wanted = safe.clean(help_markdown(node, tree, strings))
        self.scroll_home(animate=False)
        if self.display:  # hidden (a narrow terminal): rendered when it is shown
            self._apply()

    def on_show(self) -> None:
        """Shown again (F1 on a narrow terminal, or a wider one): bring the help up to date."""
        self._apply()

    def _apply(self) -> None:
        if not self._started:
            # the first help after the first paint: the question comes first, the Markdown
            # parser (markdown-it, ~30 ms to import) after it
            self._started = True
            self.call_after_refresh(self._apply)
            return
        self.query_one("#help-body", MarkdownText).update(self._wanted)
