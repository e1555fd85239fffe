"""The advice: the participatieplan draft in its sections, scrollable, with export and copy.

The draft is the Markdown of :func:`wizard.render.to_markdown` (what is copied and exported),
shown by :class:`~wizard.ui.widgets.plan.PlanView` as one widget per section.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from wizard.render import to_markdown
from wizard.ui import safe
from wizard.ui.base import localize_bindings
from wizard.ui.widgets.footer import SteadyFooter
from wizard.ui.widgets.plan import PlanView


class ResultScreen(Screen):
    BINDINGS = [
        Binding("escape", "back", "b.back", key_display="Esc"),
        Binding("e,ctrl+e", "export", "b.export"),
        Binding("c", "copy", "b.copy"),
        Binding("f2", "review", "b.review", key_display="F2"),
        Binding("f6", "app.dossier", "b.dossier", key_display="F6"),
        Binding("1", "section(1)", "b.section", key_display="1-7", show=False),
        *[Binding(str(i), f"section({i})", show=False) for i in range(2, 8)],
    ]

    def __init__(self, provisional: bool = False, step_back: bool = True) -> None:
        super().__init__()  # no fixed id: the same screen may be pushed twice
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]
        self.provisional = provisional
        self.step_back = step_back  # False when opened on top of another screen (comparison)
        self.status = ""
        self._shown = ""
        self._made: tuple[tuple[object, ...], str] | None = None

    @property
    def session(self):
        return self.app.session  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="result-title")
        yield Static(id="result-status")
        with VerticalScroll(id="result-scroll"):
            self._shown = self.markdown()
            yield PlanView(self._shown, id="result-body")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.fill()
        self.query_one("#result-scroll").focus()

    def on_screen_resume(self) -> None:
        # a screen popped on the way back to the start may still get its resume event after
        # the session has ended (found by the fuzz test)
        if self.app.session is None:  # type: ignore[attr-defined]
            return
        self.fill()

    def markdown(self) -> str:
        """The plan for the session as it is now (made once per state of the answers: compose,
        mount and resume each ask for it)."""
        app = self.app
        engine = self.session.engine
        key = (
            id(self.session),
            id(engine),
            engine.cursor,
            len(engine.history),
            repr(engine.answers),
            repr(getattr(engine, "details", None)),  # the user's own words at ticked options
            engine.flow.variant.id if engine.flow.variant else None,
            app.today,  # type: ignore[attr-defined]
            app.strings.lang,  # type: ignore[attr-defined]
        )
        if self._made is None or self._made[0] != key:
            text = to_markdown(engine, today=app.today, lang=app.strings.lang)  # type: ignore[attr-defined]
            self._made = (key, text)
        return self._made[1]

    def fill(self) -> None:
        s = self.app.strings  # type: ignore[attr-defined]
        title = s("result.provisional") if self.provisional else s("result.title")
        self.query_one("#result-title", Static).update(safe.text(title, "bold"))
        markdown = self.markdown()
        if markdown != self._shown:  # only after a change (e.g. back from the review)
            self._shown = markdown
            self.query_one("#result-body", PlanView).update(markdown)
        self.set_status(self.status)

    def set_status(self, text: str) -> None:
        self.status = text
        status = self.query_one("#result-status", Static)
        status.update(safe.text(text))
        status.display = bool(text)

    def action_back(self) -> None:
        engine = self.session.engine
        if self.step_back and not self.provisional and engine.at_outcome:
            engine.back()
            self.app.autosave()  # type: ignore[attr-defined]
        self.app.pop_screen()

    def action_export(self) -> None:
        from wizard.ui.screens.modals import ExportScreen

        self.app.push_screen(ExportScreen())

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.markdown())
        self.notify(self.app.strings("result.copied"), markup=False)  # type: ignore[attr-defined]

    def action_review(self) -> None:
        self.app.show_review()  # type: ignore[attr-defined]

    def action_section(self, number: int) -> None:
        headings = self.query_one("#result-body", PlanView).sections()
        if 0 < number <= len(headings):
            headings[number - 1].scroll_visible(top=True, animate=False)
