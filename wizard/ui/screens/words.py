"""The user's own words at a ticked option: a small dialog over the question, so the route does
not get longer. The tree's ``detail`` is the prompt; Enter keeps the words, Esc skips (the tick
stays either way). The words are kept in the engine at once, like an answer (undo takes them
back), and the list under the question shows them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from wizard.engine import MAX_DETAIL, AnswerError
from wizard.ui import safe
from wizard.ui.base import localize_bindings


class WordsScreen(ModalScreen[str | None]):
    """Ask for the words at one option; dismisses with the text typed, or None (Esc)."""

    DEFAULT_CSS = """
    WordsScreen #words-input {
        margin-top: 1;
    }
    WordsScreen #words-keys {
        margin-top: 1;
        color: $text-muted;
    }
    """
    BINDINGS = [Binding("escape", "skip", "b.close", key_display="Esc")]

    def __init__(self, label: str, prompt: str, words: str) -> None:
        super().__init__(classes="dialog")
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]
        self._label, self._prompt, self._words = label, prompt, words

    def compose(self) -> ComposeResult:
        s = self.app.strings  # type: ignore[attr-defined]
        with Vertical(classes="dialog-box", id="words-box"):
            title = s("words.title", label=safe.one_line(self._label))
            yield Static(safe.text(title, "bold"), classes="dialog-title")
            yield Static(safe.text(self._prompt), classes="dialog-body", id="words-prompt")
            # an Input shows its value as plain text: the words are never read as markup
            yield Input(safe.one_line(self._words), id="words-input", max_length=MAX_DETAIL)
            yield Static(safe.text(s("words.keys")), id="words-keys")

    def on_mount(self) -> None:
        field = self.query_one("#words-input", Input)
        field.cursor_position = len(field.value)
        field.focus()

    @on(Input.Submitted, "#words-input")
    def _keep(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_skip(self) -> None:
        self.dismiss(None)


def ask_words(screen: Any, multi: Any, option_id: str, kept: Callable[[], None]) -> None:
    """Open the dialog for ``option_id`` of the question on ``screen``; keep what is typed in the
    engine, save, and show it in ``multi`` (whose ticks, not yet answered, stay). ``kept`` runs
    after the words changed."""
    engine = screen.engine
    node = engine.node
    option = next((o for o in getattr(node, "options", []) if o.id == option_id), None)
    if option is None or not getattr(option, "detail", None):
        return

    def done(words: str | None) -> None:
        # Esc skips; and the session or the question may have changed meanwhile
        if words is None or screen.session is None or screen.engine is not engine:
            return
        if engine.node is not node:
            return
        try:
            engine.set_detail(node.id, option_id, words)
        except AnswerError as exc:
            screen.notify(str(exc), severity="error", markup=False)
            return
        kept()
        screen.app.autosave()
        multi.set_words(engine.details.get(node.id, {}))

    before = engine.detail(node.id, option_id) or ""
    screen.app.push_screen(WordsScreen(option.label, option.detail, before), done)
