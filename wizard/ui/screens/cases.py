"""Casuïstiek: the case library of a tree (its example cases and the training cases beside it).

Pick a case and read its story below the list; Enter answers it yourself in the normal wizard
(a fresh, unsaved session), ``d`` demonstrates its reference route, ``h`` exports its handout.
The lesson is not shown here: it comes with the comparison, after the trainee has answered.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from wizard.casuistiek import LibraryCase
from wizard.loader import LoadedTree
from wizard.ui import safe
from wizard.ui.base import localize_bindings
from wizard.ui.widgets.lists import PointerList


class CasesScreen(Screen):
    BINDINGS = [
        Binding("escape", "close", "b.back", key_display="Esc"),
        Binding("d", "demo", "b.demo"),
        Binding("h", "handout", "b.handout"),
        Binding("f5", "app.show_tree", "b.tree", key_display="F5"),
    ]

    def __init__(self, loaded: LoadedTree, select: str | None = None) -> None:
        super().__init__()  # no fixed id: the same screen may be pushed twice
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]
        self.loaded = loaded
        self.select = select  # the id of the case to highlight first
        self.library = self.app.library(loaded)  # type: ignore[attr-defined]

    @property
    def cases(self) -> list[LibraryCase]:
        return self.library.cases

    def compose(self) -> ComposeResult:
        s = self.app.strings  # type: ignore[attr-defined]
        yield Header()
        title = s("cases.title", tree=safe.one_line(self.loaded.tree.title))
        yield Static(safe.text(title, "bold"), id="cases-title")
        yield Static(safe.text(s("cases.intro"), "italic"), id="cases-intro")
        yield PointerList(id="case-list")
        with VerticalScroll(id="case-detail"):
            yield Static(id="case-name")
            yield Static(id="case-variant")
            yield Static(id="case-story")
        yield Static(id="case-problems")
        yield Footer()

    def on_mount(self) -> None:
        s = self.app.strings  # type: ignore[attr-defined]
        options: list[Option] = []
        for i, entry in enumerate(self.cases):
            kind = s("cases.training") if entry.is_training else s("cases.example")
            prompt = Content.assemble(
                safe.text(safe.one_line(entry.name), "bold"),
                Content(f"  · {kind}").stylize("italic"),
                Content("\n"),
                safe.text(safe.summary(entry.case.description, 100), "dim"),
            )
            options.append(Option(prompt, id=str(i)))
        cases = self.query_one("#case-list", OptionList)
        cases.set_options(options)
        problems = self.query_one("#case-problems", Static)
        if self.library.problems:
            lines = [s("cases.problems")] + [p.format() for p in self.library.problems]
            problems.update(safe.text("\n".join(lines)))
        problems.display = bool(self.library.problems)
        if options:
            ids = self.library.ids
            first = ids.index(self.select) if self.select in ids else 0
            cases.highlighted = first
            self._show(first)
        else:
            self.query_one("#case-story", Static).update(safe.text(s("cases.none"), "italic"))
        cases.focus()

    def selected(self) -> LibraryCase | None:
        cases = self.query_one("#case-list", OptionList)
        if cases.highlighted is None or not self.cases:
            return None
        return self.cases[cases.highlighted]

    def _show(self, index: int) -> None:
        s = self.app.strings  # type: ignore[attr-defined]
        entry = self.cases[index]
        case = entry.case
        self.query_one("#case-name", Static).update(safe.text(safe.one_line(case.name), "bold"))
        variant = self.query_one("#case-variant", Static)
        found = self.loaded.tree.variant(case.variant) if case.variant else None
        if case.variant:
            name = found.name if found else case.variant
            variant.update(safe.text(s("cases.variant", name=safe.one_line(name)), "italic"))
        variant.display = bool(case.variant)
        self.query_one("#case-story", Static).update(safe.text(case.description.strip()))
        self.query_one("#case-detail").scroll_home(animate=False)

    @on(OptionList.OptionHighlighted, "#case-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index is not None and self.cases:
            self._show(event.option_index)

    @on(OptionList.OptionSelected, "#case-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_practice()

    def action_practice(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.app.start_case(self.loaded, entry)  # type: ignore[attr-defined]

    def action_demo(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.app.show_replay(self.loaded, entry)  # type: ignore[attr-defined]

    def action_handout(self) -> None:
        from wizard.ui.screens.modals import HandoutExportScreen

        entry = self.selected()
        if entry is not None:
            self.app.push_screen(HandoutExportScreen(self.loaded.tree, entry.case))

    def action_close(self) -> None:
        self.app.pop_screen()
