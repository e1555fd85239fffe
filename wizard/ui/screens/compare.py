"""The comparison at the end of a practised case: the trainee's route beside the reference.

What is shown comes from :func:`wizard.compare.compare` (no decision logic here): where the
routes part (the first differing question, with the case's explanation of the reference
answer), what the difference does to the advice, both routes side by side, and the lesson.
Its sentences are Dutch by design, like every message from the engine.
"""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from wizard.compare import Comparison, compare, describe_diff
from wizard.ui import safe
from wizard.ui.base import localize_bindings


class CompareScreen(Screen):
    BINDINGS = [
        Binding("f5", "app.show_tree", "b.tree", key_display="F5", show=False),
        Binding("escape", "back", "b.back", key_display="Esc"),
        Binding("h", "handout", "b.handout"),
        Binding("d", "demo", "b.demo"),
        Binding("a", "own_advice", "b.own_advice"),
        Binding("f2", "review", "b.review", key_display="F2", show=False),
        Binding("l", "library", "b.cases"),
    ]

    def __init__(self) -> None:
        super().__init__()  # no fixed id: the same screen may be pushed twice
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]
        self.comparison: Comparison | None = None
        self.status = ""

    @property
    def session(self):
        return self.app.session  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="compare-title")
        yield Static(id="compare-status")
        with VerticalScroll(id="compare-scroll"):
            yield Static(classes="compare-head", id="compare-parting-head")
            yield Static(id="compare-parting")
            yield Static(classes="compare-head", id="compare-advice-head")
            yield Static(id="compare-advice")
            yield Static(classes="compare-head", id="compare-routes-head")
            yield Static(id="compare-table")
            yield Static(classes="compare-head", id="compare-lesson-head")
            yield Static(id="compare-lesson")
            yield Static(safe.text(self.app.strings("compare.keys"), "dim"), id="compare-keys")  # type: ignore[attr-defined]
        yield Footer()

    def on_mount(self) -> None:
        self.fill()
        self.query_one("#compare-scroll").focus()

    def on_screen_resume(self) -> None:
        # a screen popped on the way back to the start may still get its resume event after
        # the session has ended (found by the fuzz test)
        if self.app.session is None or self.app.session.case is None:  # type: ignore[attr-defined]
            return
        self.fill()

    def fill(self) -> None:
        s = self.app.strings  # type: ignore[attr-defined]
        session = self.session
        if session is None or session.case is None:
            return
        case = session.case.case
        engine = session.engine
        comp = compare(engine.flow, case, engine.answers)
        self.comparison = comp

        title = s("compare.title", name=safe.one_line(case.name))
        self.query_one("#compare-title", Static).update(safe.text(title, "bold"))
        self._head("#compare-parting-head", s("compare.parting"))
        self._head("#compare-advice-head", s("compare.advice"))
        self._head("#compare-routes-head", s("compare.routes"))
        self._head("#compare-lesson-head", s("compare.lesson"))

        # where the routes part, and why the reference answers so
        lines: list[tuple[str, str]] = []
        parting = comp.parting
        if parting is None:
            lines.append((s("compare.same"), "bold"))
        else:
            lines.append((parting.sentence(), "bold"))
            if parting.explanation:
                lines.append((s("compare.why", text=safe.one_line(parting.explanation)), ""))
            else:  # no word from the case: what the tree says about the reference's answer
                for label, text in _reference_option_help(comp.flow, parting):
                    line = s("compare.option_help", label=safe.one_line(label), text=text)
                    lines.append((line, ""))
            if parting.help:
                lines.append((s("compare.help", text=safe.one_line(parting.help)), "italic"))
            more = [d.question for d in comp.differences[1:]]
            if more:
                names = "; ".join(f"“{safe.one_line(q)}”" for q in more)
                lines.append((s("compare.more", names=names), "dim"))
        if not comp.trainee_complete:
            lines.append((s("compare.incomplete"), "italic"))
        self.query_one("#compare-parting", Static).update(_lines(lines))

        # what the difference does to the advice
        diff = describe_diff(comp.advice_diff, comp.flow)
        advice = [("• " + safe.one_line(d), "") for d in diff] or [(s("compare.advice.same"), "")]
        self.query_one("#compare-advice", Static).update(_lines(advice))

        self.query_one("#compare-table", Static).update(self._table(comp))

        lesson = case.lesson
        lesson_box = self.query_one("#compare-lesson", Static)
        head = self.query_one("#compare-lesson-head", Static)
        if lesson is None:
            lesson_box.display = head.display = False
        else:
            out: list[tuple[str, str]] = [(safe.one_line(lesson.text), "")]
            if lesson.dos:
                out.append((s("compare.dos"), "bold"))
                out += [("  + " + safe.one_line(d), "") for d in lesson.dos]
            if lesson.donts:
                out.append((s("compare.donts"), "bold"))
                out += [("  − " + safe.one_line(d), "") for d in lesson.donts]
            lesson_box.update(_lines(out))
            lesson_box.display = head.display = True
        self.set_status(self.status)

    def _head(self, widget_id: str, text: str) -> None:
        self.query_one(widget_id, Static).update(safe.text(text, "bold underline"))

    def _table(self, comp: Comparison) -> Table:
        """Both routes side by side; the state of a row is written out, not only coloured."""
        s = self.app.strings  # type: ignore[attr-defined]
        table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)
        table.add_column(s("compare.col.question"), ratio=5)
        table.add_column(s("compare.col.reference"), ratio=4)
        table.add_column(s("compare.col.yours"), ratio=4)
        first = comp.parting.node if comp.parting else None
        marked = False
        for row in comp.rows:
            step = row.reference or row.trainee
            assert step is not None
            question = safe.one_line(step.question)
            if row.reference and row.trainee and row.reference.node != row.trainee.node:
                question += " / " + safe.one_line(row.trainee.question)
            style = "bold" if row.differs else ""
            prefix = ""
            if not marked and row.reference is not None and row.reference.node == first:
                prefix, marked = s("compare.first"), True
            ref = safe.one_line(row.reference.label) if row.reference else "—"
            mine = safe.one_line(row.trainee.label) if row.trainee and row.trainee.label else "—"
            mark = s(f"compare.mark.{row.status}")
            yours = Text.assemble(safe.rich_text(mine), "\n", (mark, "italic"))
            table.add_row(
                Text.assemble(prefix, safe.rich_text(question)),
                safe.rich_text(ref),
                yours,
                style=style,
            )
        flow = comp.flow
        ref_out = comp.reference_advice.outcome
        my_out = comp.trainee_advice.outcome
        table.add_row(
            Text(s("compare.outcome"), style="italic"),
            safe.rich_text(safe.one_line(flow.node(ref_out).title) if ref_out else "—"),
            safe.rich_text(safe.one_line(flow.node(my_out).title) if my_out else "—"),
            style="bold" if ref_out != my_out else "",
        )
        return table

    def set_status(self, text: str) -> None:
        self.status = text
        status = self.query_one("#compare-status", Static)
        status.update(safe.text(text))
        status.display = bool(text)

    # --- actions ----------------------------------------------------------------------------

    def action_back(self) -> None:
        engine = self.session.engine
        if engine.at_outcome:
            engine.back()
        self.app.pop_screen()

    def action_handout(self) -> None:
        from wizard.ui.screens.modals import HandoutExportScreen

        session = self.session
        self.app.push_screen(HandoutExportScreen(session.loaded.tree, session.case.case))

    def action_demo(self) -> None:
        self.app.show_replay()  # type: ignore[attr-defined]

    def action_own_advice(self) -> None:
        from wizard.ui.screens.result import ResultScreen

        engine = self.session.engine
        self.app.push_screen(ResultScreen(provisional=not engine.is_complete, step_back=False))

    def action_review(self) -> None:
        self.app.show_review()  # type: ignore[attr-defined]

    def action_library(self) -> None:
        self.app.show_cases(self.session.loaded)  # type: ignore[attr-defined]


def _reference_option_help(flow, parting) -> list[tuple[str, str]]:
    """The tree's help for the option(s) the reference chose and the trainee did not."""
    node = flow.nodes.get(parting.node)
    options = getattr(node, "options", None) or []
    chosen = parting.reference_answer
    wanted = set(chosen) if isinstance(chosen, list) else {chosen}
    if isinstance(parting.trainee_answer, list):
        wanted -= set(parting.trainee_answer)
    return [(o.label, safe.one_line(o.help)) for o in options if o.id in wanted and o.help]


def _lines(lines: list[tuple[str, str]]):
    """Literal lines (tree text included), each with its own style; list items keep their
    indent when they wrap."""
    return safe.lines(lines)
