"""The question screen: one screen for the whole walk, its content replaced in place per step.

Pushing a screen per question would cost ~50 ms each (research/baselines.md §2); replacing the
text and options of mounted widgets costs about a millisecond.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.events import Resize
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Header, Input, OptionList, ProgressBar, Static

from wizard.engine import AnswerError, check_answer
from wizard.graph import node_title
from wizard.levels import preview_lines
from wizard.render import project_title
from wizard.ui import safe
from wizard.ui.base import localize_bindings
from wizard.ui.widgets.answers import KEYS, AnswerList, ContinueButton, TextAnswer
from wizard.ui.widgets.footer import SteadyFooter
from wizard.ui.widgets.help_panel import HelpPanel
from wizard.ui.widgets.steady import put

WIDE = 110  # columns from which the help panel stands beside the question


class WizardScreen(Screen):
    # "" and not None: None means the app's "*", which focused the first focusable widget on
    # every mount (restyling it and all it holds) before this screen focuses the right one
    AUTO_FOCUS = ""
    # Textual repaints the whole screen when the focus moves; here it moves with almost every
    # change of question kind (list, text field, button), and the widgets
    # that gain and lose the focus restyle and repaint themselves anyway
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    BINDINGS = [
        Binding("escape", "back", "b.back", key_display="Esc"),
        Binding("backspace", "back", "b.back", show=False),
        Binding("f2", "review", "b.review", key_display="F2"),
        Binding("f3", "advice", "b.advice", key_display="F3"),
        Binding("f1", "toggle_help", "b.help", key_display="F1"),
        Binding("question_mark", "toggle_help", "b.help", show=False),
        Binding("ctrl+z", "undo", "b.undo", show=False, priority=True),
        Binding("f4", "app.toggle_uitleg", "b.uitleg", key_display="F4", show=False),
        Binding("f5", "app.show_tree", "b.tree", key_display="F5", show=False),
        Binding("f6", "story", "b.story", key_display="F6", show=False),
        # option 1-9 by its digit, option 10 and up by its letter (a = 10): see answers.KEYS
        *[Binding(key, f"pick({i})", show=False) for i, key in enumerate(KEYS, 1)],
    ]

    def __init__(self) -> None:
        super().__init__()  # no fixed id: a new session may push a new one while the old pops
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]
        self.help_toggled = False
        self._shown: tuple[str, int] | None = None
        self._bindings_state: tuple[bool, bool] | None = None
        self._shown_state: tuple[object, ...] | None = None
        # the width classes before the first mount: set later, they restyle every widget again
        self._set_width_classes(self.app.size.width)

    @property
    def session(self):
        return self.app.session  # type: ignore[attr-defined]

    @property
    def engine(self):
        return self.app.session.engine  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="question-pane"):
                yield Static(id="step")
                yield Static(id="question")
                yield Static(id="hint")
                yield Static(id="preview")
                # asked at the tick itself, so the dialog is open before the next key
                yield AnswerList(ask_words=self._words_wanted, id="answers")
                yield TextAnswer(id="text")
                yield Static(id="counter")
                yield Static(id="info-text")
                yield ContinueButton(Content(""), id="continue", variant="primary")
                yield Static(id="error")
            help_panel = HelpPanel(id="help")
            help_panel.display = self._help_visible()
            yield help_panel
        with Horizontal(id="progress-row"):
            yield ProgressBar(id="progress", show_eta=False, show_percentage=False)
            yield Static(id="progress-text")
        yield SteadyFooter(compact=True)  # every key fits in 80 columns

    def on_mount(self) -> None:
        self._layout(self.app.size.width)
        self.refresh_view()

    def on_screen_resume(self) -> None:
        # pushed, this follows on_mount at once: refresh only when something changed meanwhile
        if self.session is not None and self._view_state() != self._shown_state:
            self.refresh_view()

    def _view_state(self) -> tuple[object, ...]:
        engine = self.engine
        return (
            id(self.session),
            id(engine),
            engine.cursor,
            len(engine.history),
            repr(engine.answers),
        )

    def on_resize(self, event: Resize) -> None:
        self._layout(event.size.width)
        self.call_after_refresh(self._fit_list)

    def _fit_list(self) -> None:
        """Give the answer list the height left in the question pane, so that it scrolls and the
        highlighted option stays in view (at 80x24 a long list used to run off the screen)."""
        try:
            pane = self.query_one("#question-pane")
        except NoMatches:  # the screen closed before this ran (a new session replaced it)
            return
        room = pane.content_region.height
        if room <= 0:
            return
        for widget in pane.children:
            if widget.id == "answers" or not widget.display:
                continue
            margin = widget.styles.margin
            room -= widget.outer_size.height + margin.top + margin.bottom
        answers = self.query_one("#answers", AnswerList)
        margin = answers.styles.margin
        fit = max(room - margin.top - margin.bottom, 4)
        if answers.styles.max_height is None or answers.styles.max_height.value != fit:
            answers.styles.max_height = fit
            # a new height may hide the highlighted option; otherwise the list itself keeps it in
            # view (scrolling again when nothing changed cost a layout pass per answer)
            if answers.display and answers.highlighted is not None:
                answers.scroll_to_highlight()

    def _set_width_classes(self, width: int, update: bool = False) -> None:
        wide = width >= WIDE
        self.set_class(wide, "-wide", update=update)
        self.set_class(not wide, "-narrow", update=update)

    def _layout(self, width: int) -> None:
        self._set_width_classes(width, update=True)  # no restyle when they stay the same
        self._apply_help()

    def _help_visible(self) -> bool:
        # wide: shown unless hidden; narrow: hidden unless shown
        return self.has_class("-wide") != self.help_toggled

    def _apply_help(self) -> None:
        self.query_one("#help").display = self._help_visible()

    # --- showing a step ---------------------------------------------------------------------

    def refresh_view(self) -> None:
        """Show the step at the engine's cursor, replacing the content of the mounted widgets."""
        self._shown_state = self._view_state()
        s = self.app.strings  # type: ignore[attr-defined]
        engine = self.engine
        node = engine.node
        tree = engine.flow.tree
        kind = node.kind
        step_no = engine.path.index(engine.cursor) + 1

        sections = {sec.id: sec.title for sec in tree.sections}
        step = s("q.step", n=step_no)
        if node.section and node.section in sections:
            step = f"{safe.one_line(sections[node.section])} · {step}"
        put(self.query_one("#step", Static), safe.text(step, "dim"))

        title = node_title(node)
        put(self.query_one("#question", Static), safe.text(title, "bold"))
        hint_key = {
            "choice": "q.hint.choice",
            "multi": "q.hint.multi",
            "text": "q.hint.text",
        }.get(kind, "q.hint.info")
        if kind in ("choice", "multi") and len(node.options) > 9:  # options 10+ have a letter
            hint_key = {"choice": "q.hint.choice.letters", "multi": "q.hint.multi.letters"}[kind]
        hint = s(hint_key)
        if kind == "multi" and node.max_choices is not None:  # the limit before, not after
            hint = s("q.hint.max", n=node.max_choices) + " " + hint
        put(self.query_one("#hint", Static), safe.text(hint, "italic"))
        self._show_preview(node)

        answers = self.query_one("#answers", AnswerList)
        text = self.query_one("#text", Input)
        counter = self.query_one("#counter", Static)
        info = self.query_one("#info-text", Static)
        button = self.query_one("#continue", Button)
        answers.display = kind in ("choice", "multi")
        text.display = counter.display = kind == "text"
        info.display = kind in ("info", "outcome")
        button.display = kind in ("info", "outcome")
        current = engine.current_answer()
        if kind == "choice":
            answers.show(node, current, s("q.current"))
            answers.focus()
        elif kind == "multi":
            answers.show(node, current, s("q.exclusive"), engine.details.get(node.id))
            answers.focus()
        elif kind == "text":
            text.max_length = node.max_length
            text.placeholder = safe.clean(node.placeholder or "")
            text.value = current if isinstance(current, str) else ""
            text.cursor_position = len(text.value)
            self._update_counter(text.value)
            text.focus()
        else:
            put(info, safe.text(node.text))
            button.label = Content(s("b.advice") if kind == "outcome" else s("q.continue"))
            button.focus()
        self._clear_error()
        self.query_one("#help", HelpPanel).show(node, tree)
        self._show_progress()
        bits = [  # the variant first: at 100 columns a long project name would push it off
            engine.flow.variant.name if engine.flow.variant else "",
            project_title(engine) or "",
        ]
        if self.session.case is not None:
            case = self.session.case
            bits.append(s("case.sub" if case.is_training else "case.sub.example", name=case.name))
        self.app.sub_title = " · ".join(safe.one_line(b) for b in bits if b)
        self.call_after_refresh(self._fit_list)
        # the footer is rebuilt (a widget per key) on every refresh of the bindings: only when
        # what check_action answers has changed, not on every answer
        state = (self.engine.can_undo(), self.session.case is not None)
        if state != self._bindings_state:
            self._bindings_state = state
            self.refresh_bindings()

    def _show_preview(self, node: Any) -> None:
        """A question with ``preview: levels`` shows the advised levels before it is answered."""
        preview = self.query_one("#preview", Static)
        lines: list[str] = []
        if getattr(node, "preview", None) == "levels":
            advice = self.engine.advice_before(node.id)
            lines = preview_lines(
                advice.project_level, advice.subject_levels, advice.group_levels, advice.cap
            )
        preview.display = bool(lines)
        if lines:
            s = self.app.strings  # type: ignore[attr-defined]
            put(
                preview,
                Content.assemble(
                    safe.text(s("q.preview"), "bold"), "\n", safe.text("\n".join(lines))
                ),
            )

    def _show_progress(self) -> None:
        s = self.app.strings  # type: ignore[attr-defined]
        p = self.engine.progress()
        if p.most_left == 0:
            left = s("q.left.none")
        elif p.fewest_left == p.most_left:
            left = s("q.left.one") if p.most_left == 1 else s("q.left.exact", n=p.most_left)
        else:
            left = s("q.left.range", low=p.fewest_left, high=p.most_left)
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=max(p.answered + p.most_left, 1), progress=p.answered)
        put(
            self.query_one("#progress-text", Static),
            safe.text(s("q.progress", answered=p.answered, left=left)),
        )

    def _show_error(self, message: str) -> None:
        error = self.query_one("#error", Static)
        put(error, safe.text(self.app.strings("q.error", message=message), "bold"))  # type: ignore[attr-defined]
        error.display = True

    def _clear_error(self) -> None:
        error = self.query_one("#error", Static)
        put(error, "")
        error.display = False

    def _update_counter(self, value: str) -> None:
        node = self.engine.node
        if node.kind != "text":
            return
        s = self.app.strings  # type: ignore[attr-defined]
        put(
            self.query_one("#counter", Static),
            safe.text(s("q.counter", n=len(value.strip()), max=node.max_length), "dim"),
        )

    # --- answering --------------------------------------------------------------------------

    def submit(self, value: Any) -> None:
        engine = self.engine
        node_id = engine.cursor
        parked_before = set(engine.parked())
        try:
            engine.answer(value)
        except AnswerError as exc:
            self._show_error(str(exc))
            return
        newly_parked = set(engine.parked()) - parked_before
        if newly_parked:
            s = self.app.strings  # type: ignore[attr-defined]
            n = len(newly_parked)
            self.notify(s("q.parked.one") if n == 1 else s("q.parked", n=n), markup=False)
        self.app.autosave()  # type: ignore[attr-defined]
        self.refresh_view()
        if self.app.uitleg and engine.flow.is_question(node_id):  # type: ignore[attr-defined]
            self._show_uitleg(node_id)
        elif engine.at_outcome:
            self.app.show_result()  # type: ignore[attr-defined]

    def _show_uitleg(self, node_id: str) -> None:
        """Uitleg mode: what this answer did to the advice, before moving on."""
        from wizard.compare import answer_effect
        from wizard.ui.screens.modals import UitlegScreen

        engine = self.engine
        uitleg = answer_effect(engine.flow, engine.path, engine.answers, node_id, engine.details)

        def done(_: object = None) -> None:
            if self.session is not None and self.engine is engine and engine.at_outcome:
                self.app.show_result()  # type: ignore[attr-defined]

        self.app.push_screen(UitlegScreen(uitleg, engine.flow.tree), done)

    @on(OptionList.OptionSelected, "#answers")
    def _choice_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.submit(event.option_id)

    @on(AnswerList.Submitted)
    def _multi_submitted(self, event: AnswerList.Submitted) -> None:
        event.stop()
        self.submit(event.values)

    def _words_wanted(self, option_id: str) -> None:
        from wizard.ui.screens.words import ask_words

        ask_words(self, self.query_one("#answers", AnswerList), option_id, self._words_kept)

    def _words_kept(self) -> None:
        # the ticks on screen are not answered yet: coming back from the dialog keeps them
        self._shown_state = self._view_state()

    @on(Input.Submitted, "#text")
    def _text_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit(event.value)

    @on(Input.Changed, "#text")
    def _text_changed(self, event: Input.Changed) -> None:
        node = self.engine.node
        if node.kind != "text":
            return
        self._update_counter(event.value)
        try:
            if event.value.strip():
                check_answer(node, event.value)
            self._clear_error()
        except AnswerError as exc:
            self._show_error(str(exc))

    @on(Button.Pressed, "#continue")
    def _continue(self) -> None:
        if self.engine.at_outcome:
            self.app.show_result()  # type: ignore[attr-defined]
        else:
            self.submit(True)

    # --- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.session is None:
            return True
        if action == "undo":
            return True if self.engine.can_undo() else None
        if action == "story":
            return self.session.case is not None
        return True

    def action_pick(self, number: int) -> None:
        node = self.engine.node
        index = number - 1
        if node.kind == "choice" and index < len(node.options):
            self.query_one("#answers", AnswerList).highlighted = index
            self.submit(node.options[index].id)
        elif node.kind == "multi" and index < len(node.options):
            self.query_one("#answers", AnswerList).toggle(index)

    def action_back(self) -> None:
        if self.has_class("-narrow") and self.query_one("#help").display:
            self.action_toggle_help()  # Esc first closes the help that covers the question
            return
        engine = self.engine
        if engine.back():
            self.app.autosave()  # type: ignore[attr-defined]
            self.refresh_view()
        else:
            self.app.leave_session()  # type: ignore[attr-defined]

    def action_undo(self) -> None:
        s = self.app.strings  # type: ignore[attr-defined]
        change = self.engine.undo()
        if change is None:
            self.notify(s("q.nothing_to_undo"), markup=False)
            return
        node = self.engine.flow.nodes.get(change.node)
        question = getattr(node, "question", change.node)
        self.notify(s("q.undone", question=safe.one_line(question)), markup=False)
        self.app.autosave()  # type: ignore[attr-defined]
        self.refresh_view()

    def action_review(self) -> None:
        self.app.show_review()  # type: ignore[attr-defined]

    def action_advice(self) -> None:
        self.app.show_result(provisional=not self.engine.is_complete)  # type: ignore[attr-defined]

    def action_story(self) -> None:
        self.app.show_story()  # type: ignore[attr-defined]

    def action_toggle_help(self) -> None:
        self.help_toggled = not self.help_toggled
        self._apply_help()
        help_panel = self.query_one("#help", HelpPanel)
        if self.has_class("-narrow"):
            # on a small screen the help takes the focus, so PageDown scrolls it at once (down to
            # the key overview at its end); F1 or Esc closes it and gives the answer back the focus
            if help_panel.display:
                help_panel.focus()
            else:
                self._focus_answer()
        self.call_after_refresh(self._fit_list)

    def _focus_answer(self) -> None:
        kind = self.engine.node.kind
        target = {"choice": "#answers", "multi": "#answers", "text": "#text"}.get(kind, "#continue")
        self.query_one(target).focus()
