"""The user's own words at a ticked option: a small dialog over the question, so the route does
not get longer. The tree's ``detail`` is the prompt; Enter keeps the words, Esc skips (the tick
stays either way). The words are kept in the engine at once, like an answer (undo takes them
back), and the list under the question shows them.

The dialog opens in the same key press as the tick, so an Enter typed right after it reaches the
dialog, not the question; an Enter typed before the dialog was there does not close it (the user
never saw it). The words belong to the question and option the dialog was opened for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from wizard.engine import MAX_DETAIL, AnswerError
from wizard.ui import safe
from wizard.ui.base import localize_bindings


class _WordsField(Input):
    """The field for the words. Enter keeps them only when it was pressed in this field: an Enter
    typed right after the tick, before the dialog was there, went to the question's list and
    reaches the dialog's keys only afterwards; it would close the dialog before it was seen."""

    _enter_here = False

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            self._enter_here = True

    async def action_submit(self) -> None:
        if not self._enter_here:
            return
        self._enter_here = False
        await super().action_submit()


class WordsScreen(ModalScreen[str | None]):
    """Ask for the words at one option; dismisses with the text typed, or None (Esc)."""

    DEFAULT_CSS = """
    WordsScreen #words-question {
        color: $text-muted;
        margin-bottom: 1;
    }
    WordsScreen #words-input {
        margin-top: 1;
    }
    WordsScreen #words-keys {
        margin-top: 1;
        color: $text-muted;
    }
    """
    BINDINGS = [Binding("escape", "skip", "b.close", key_display="Esc")]

    def __init__(self, label: str, prompt: str, words: str, question: str = "") -> None:
        super().__init__(classes="dialog")
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]
        self._label, self._prompt, self._words = label, prompt, words
        self._question = question

    def compose(self) -> ComposeResult:
        s = self.app.strings  # type: ignore[attr-defined]
        with Vertical(classes="dialog-box", id="words-box"):
            title = s("words.title", label=safe.one_line(self._label))
            yield Static(safe.text(title, "bold"), classes="dialog-title")
            if self._question:  # which question the words belong to
                question = s("words.question", question=safe.one_line(self._question))
                yield Static(safe.text(question), id="words-question")
            yield Static(safe.text(self._prompt), classes="dialog-body", id="words-prompt")
            # an Input shows its value as plain text: the words are never read as markup
            yield _WordsField(safe.one_line(self._words), id="words-input", max_length=MAX_DETAIL)
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
        # Esc skips; and the session may have been closed meanwhile
        if words is None or screen.session is None or screen.engine is not engine:
            return
        try:  # kept at the question and option the dialog was opened for, wherever the walk is
            engine.set_detail(node.id, option_id, words)
        except AnswerError as exc:
            screen.notify(str(exc), severity="error", markup=False)
            return
        screen.app.autosave()
        if engine.node is node:  # still on screen: show them under the option
            kept()
            multi.set_words(engine.details.get(node.id, {}))

    before = engine.detail(node.id, option_id) or ""
    question = getattr(node, "question", "") or ""
    screen.app.push_screen(WordsScreen(option.label, option.detail, before, question), done)
