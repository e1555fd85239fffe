"""Overzicht: every answer on the route; Enter on one jumps to that question to change it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from wizard.advice import answer_label
from wizard.ui import safe
from wizard.ui.base import localize_bindings
from wizard.ui.widgets.lists import PointerList


class ReviewScreen(Screen):
    BINDINGS = [
        Binding("escape,f2", "close", "b.back", key_display="Esc"),
        Binding("f3", "advice", "b.advice", key_display="F3"),
    ]

    def __init__(self) -> None:
        super().__init__()  # no fixed id: the same screen may be pushed twice
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        s = self.app.strings  # type: ignore[attr-defined]
        yield Header()
        yield Static(safe.text(s("review.title"), "bold"), id="review-title")
        yield Static(safe.text(s("review.intro"), "italic"), id="review-intro")
        yield PointerList(id="review-list")
        yield Static(id="review-parked")
        yield Footer()

    def on_mount(self) -> None:
        self.fill()

    def on_screen_resume(self) -> None:
        # a screen popped on the way back to the start may still get its resume event after
        # the session has ended (found by the fuzz test)
        if self.app.session is None:  # type: ignore[attr-defined]
            return
        self.fill()

    def fill(self) -> None:
        s = self.app.strings  # type: ignore[attr-defined]
        engine = self.app.session.engine  # type: ignore[attr-defined]
        options: list[Option] = []
        highlight = 0
        for step, node_id in enumerate(engine.path, 1):
            node = engine.flow.node(node_id)
            if node_id == engine.cursor:
                highlight = len(options)
            if node.kind == "outcome":
                prompt = safe.text(s("review.outcome", title=safe.one_line(node.title)), "bold")
                options.append(
                    Option(Content.assemble(Content(f"{step:>2}. "), prompt), id=node_id)
                )
                continue
            if node.kind == "info":
                continue
            if node_id in engine.answers:
                words = engine.details.get(node_id)  # the user's own words, after the label
                answer = safe.text(_label(node, engine.answers[node_id], s, words), "bold")
                arrow = Content("    → ")
            else:
                answer = safe.text(s("review.open"), "italic")
                arrow = Content("    … ")
            prompt = Content.assemble(
                Content(f"{step:>2}. "),
                safe.text(safe.one_line(node.question)),
                Content("\n"),
                arrow,
                answer,
            )
            options.append(Option(prompt, id=node_id))
        review = self.query_one("#review-list", OptionList)
        review.set_options(options)
        if options:
            review.highlighted = min(highlight, len(options) - 1)
        review.focus()
        parked = engine.parked()
        note = self.query_one("#review-parked", Static)
        note.update(safe.text(s("review.parked", n=len(parked)), "italic") if parked else "")
        note.display = bool(parked)

    @on(OptionList.OptionSelected, "#review-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id:
            self.app.goto_node(event.option_id)  # type: ignore[attr-defined]

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_advice(self) -> None:
        engine = self.app.session.engine  # type: ignore[attr-defined]
        self.app.show_result(provisional=not engine.is_complete)  # type: ignore[attr-defined]


def _label(node, value, s, words=None) -> str:
    if node.kind == "multi" and not value:
        return s("answer.none")
    if node.kind == "text" and not value:
        return s("answer.empty")
    return safe.one_line(answer_label(node, value, words))
