"""Demo a route: a case's reference answers replayed step by step, for a trainer to narrate.

Each step shows the question with every option, the reference answer marked in text
(``◀ referentie``, not only by colour), the case's explanation of that answer, and what the
answer does to the advice (:func:`wizard.compare.answer_effect`). Nothing is answered or saved:
the route comes from :func:`wizard.compare.reference_walk`, a fresh engine of its own.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from wizard.advice import answer_label
from wizard.casuistiek import LibraryCase
from wizard.compare import answer_effect, reference_walk
from wizard.loader import LoadedTree
from wizard.ui import safe
from wizard.ui.base import localize_bindings


class ReplayScreen(Screen):
    BINDINGS = [
        Binding("right,n,space,pagedown", "step(1)", "b.next", key_display="→"),
        Binding("left,p,backspace,pageup", "step(-1)", "b.prev", key_display="←"),
        Binding("home", "first", "b.first", show=False),
        Binding("end", "last", "b.last", show=False),
        Binding("h", "handout", "b.handout"),
        Binding("f5", "app.show_tree", "b.tree", key_display="F5", show=False),
        Binding("escape", "close", "b.back", key_display="Esc"),
    ]

    def __init__(self, loaded: LoadedTree, case: LibraryCase) -> None:
        super().__init__()  # no fixed id: the same screen may be pushed twice
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]
        self.loaded = loaded
        self.entry = case
        self.walk = reference_walk(loaded.tree, case.case)
        engine = self.walk.engine
        flow = engine.flow
        self.steps = [
            n for n in engine.path if flow.is_question(n) or flow.node(n).kind == "outcome"
        ]
        self.index = 0

    @property
    def node_id(self) -> str | None:
        return self.steps[self.index] if self.steps else None

    def compose(self) -> ComposeResult:
        s = self.app.strings  # type: ignore[attr-defined]
        yield Header()
        title = s("replay.title", name=safe.one_line(self.entry.name))
        yield Static(safe.text(title, "bold"), id="replay-title")
        yield Static(id="replay-step")
        with VerticalScroll(id="replay-scroll"):
            yield Static(id="replay-question")
            yield Static(id="replay-options")
            yield Static(id="replay-why")
            yield Static(id="replay-effect")
            yield Static(id="replay-broken")
        yield Static(safe.text(s("replay.keys"), "dim"), id="replay-keys")
        yield Footer()

    def on_mount(self) -> None:
        self.show_step()
        self.query_one("#replay-scroll").focus()

    def show_step(self) -> None:
        s = self.app.strings  # type: ignore[attr-defined]
        engine = self.walk.engine
        flow = engine.flow
        case = self.entry.case
        broken = self.query_one("#replay-broken", Static)
        if self.walk.error:
            broken.update(safe.text(s("replay.broken", error=self.walk.error), "bold"))
        broken.display = bool(self.walk.error)
        node_id = self.node_id
        question = self.query_one("#replay-question", Static)
        options = self.query_one("#replay-options", Static)
        why = self.query_one("#replay-why", Static)
        effect = self.query_one("#replay-effect", Static)
        if node_id is None:
            for widget in (question, options, why, effect):
                widget.display = False
            return
        node = flow.node(node_id)
        step = s("replay.step", n=self.index + 1, total=len(self.steps))
        sections = {sec.id: sec.title for sec in flow.tree.sections}
        if getattr(node, "section", None) in sections:
            step = f"{safe.one_line(sections[node.section])} · {step}"
        self.query_one("#replay-step", Static).update(safe.text(step, "dim"))

        if node.kind == "outcome":
            question.update(safe.text(s("replay.outcome", title=safe.one_line(node.title)), "bold"))
            options.update(safe.text(node.text.strip()))
            lesson = case.lesson
            if lesson is not None:
                lines = Text()
                lines.append(s("compare.lesson"), style="bold underline")
                lines.append("\n" + safe.clean(" ".join(lesson.text.split())))
                if lesson.dos:
                    lines.append("\n" + s("compare.dos"), style="bold")
                    for d in lesson.dos:
                        lines.append("\n  + " + safe.one_line(d))
                if lesson.donts:
                    lines.append("\n" + s("compare.donts"), style="bold")
                    for d in lesson.donts:
                        lines.append("\n  − " + safe.one_line(d))
                why.update(lines)
            why.display = lesson is not None
            effect.display = False
        else:
            value = engine.answers.get(node_id)
            question.update(safe.text(node.question, "bold"))
            options.update(self._options(node, value))
            explanation = case.explanations.get(node_id)
            if explanation:
                why.update(safe.text(s("replay.why", text=safe.one_line(explanation))))
            why.display = bool(explanation)
            uitleg = answer_effect(flow, engine.path, engine.answers, node_id)
            items = [(s("replay.effect"), "bold underline")]
            items += [("• " + safe.one_line(line), "") for line in uitleg.lines()]
            effect.update(safe.lines(items))
            effect.display = True
        question.display = options.display = True
        self.query_one("#replay-scroll").scroll_home(animate=False)

    def _options(self, node, value) -> Text:
        """Every option, the reference answer marked with text and in bold."""
        s = self.app.strings  # type: ignore[attr-defined]
        out = Text()
        if node.kind == "text":
            out.append(safe.clean(answer_label(node, value) if value else "—"), style="bold")
            out.append(s("replay.ref"), style="italic")
            return out
        chosen = value if isinstance(value, list) else [value]
        for i, option in enumerate(node.options):
            picked = option.id in chosen
            if node.kind == "multi":
                mark = "[x] " if picked else "[ ] "
            else:
                mark = "(•) " if picked else "( ) "
            if i:
                out.append("\n")
            out.append(f"{mark}{i + 1}. ", style="bold" if picked else "dim")
            out.append(safe.one_line(option.label), style="bold reverse" if picked else "dim")
            if picked:
                out.append(s("replay.ref"), style="italic")
        return out

    # --- actions ----------------------------------------------------------------------------

    def action_step(self, delta: int) -> None:
        target = max(0, min(len(self.steps) - 1, self.index + delta))
        if target != self.index:
            self.index = target
            self.show_step()

    def action_first(self) -> None:
        self.index = 0
        self.show_step()

    def action_last(self) -> None:
        self.index = max(len(self.steps) - 1, 0)
        self.show_step()

    def action_handout(self) -> None:
        from wizard.ui.screens.modals import HandoutExportScreen

        self.app.push_screen(HandoutExportScreen(self.loaded.tree, self.entry.case))

    def action_close(self) -> None:
        self.app.pop_screen()
