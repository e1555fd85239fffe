"""Start: resume the last unfinished session, or choose a tree (and a variant) and begin."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Header, OptionList, Static
from textual.widgets.option_list import Option

from wizard.ui import safe
from wizard.ui.base import localize_bindings, step_between_buttons
from wizard.ui.state import Resumable, Session, TreeEntry, Unreadable, scan_sessions
from wizard.ui.widgets.footer import SteadyFooter
from wizard.ui.widgets.lists import PointerList

NO_VARIANT = "__none__"


def _when(stamp: str, layout: str = "%d-%m-%Y %H:%M") -> str:
    """The moment in the user's own way of writing dates (English: 2026-12-01, never 01-12)."""
    try:
        moment = datetime.fromisoformat(stamp).astimezone()
    except (ValueError, OverflowError, TypeError):
        return "?"
    return moment.strftime(layout)


class StartScreen(Screen):
    # "" and not None: None means the app's "*", which focused the first focusable widget on
    # every mount (restyling it and all it holds) before this screen focuses the right one
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("f1", "app.show_sources", "b.help", show=False),
        Binding("c", "cases", "b.cases"),
        Binding("f5", "app.show_tree", "b.tree", key_display="F5"),
        Binding("left", "step_button(-1)", show=False),
        Binding("right", "step_button(1)", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="start")
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]
        self.entries: list[TreeEntry] = []
        self.resumable: Resumable | None = None
        self.others: list[Resumable] = []  # more unfinished sessions: one per project
        self.recent: list = []  # wizard.recent.Recent
        self.unreadable: list[Unreadable] = []
        self._scanned = False

    def compose(self) -> ComposeResult:
        s = self.app.strings  # type: ignore[attr-defined]
        yield Header()
        with VerticalScroll(id="start-body"):
            yield Static(safe.text(s("start.title"), "bold"), id="start-title")
            yield Static(safe.text(s("start.intro")), id="start-intro")
            if not self.app.save:  # type: ignore[attr-defined]
                yield Static(safe.text(s("start.nosave"), "italic"), id="start-nosave")
            with Vertical(id="resume-box"):
                yield Static(safe.text(s("start.resume.title"), "bold"), id="resume-title")
                yield Static(id="resume-detail")
                with Horizontal(id="resume-buttons"):
                    yield Button(Content(s("start.resume.button")), id="resume", variant="primary")
                    yield Button(Content(s("start.fresh.button")), id="fresh")
            with Vertical(id="unreadable-box"):
                yield Static(safe.text(s("start.unreadable.title"), "bold"))
                yield Static(id="unreadable-detail")
                with Horizontal(id="unreadable-buttons"):
                    yield Button(Content(s("start.unreadable.keep")), id="unreadable-keep")
                    yield Button(Content(s("start.unreadable.delete")), id="unreadable-delete")
            yield Static(
                safe.text(s("start.projects"), "bold"), id="projects-label", classes="label"
            )
            yield PointerList(id="projects")
            yield Static(safe.text(s("start.loading"), "italic"), id="start-loading")
            yield Static(safe.text(s("start.trees"), "bold"), id="trees-label", classes="label")
            yield PointerList(id="trees")
            yield Static(
                safe.text(s("start.variants"), "bold"), id="variants-label", classes="label"
            )
            yield PointerList(id="variants")
            yield Static(id="problems")
            with Horizontal(id="start-buttons"):
                yield Button(Content(s("start.begin")), id="begin", variant="primary")
                yield Button(Content(s("start.cases")), id="cases")
        yield SteadyFooter()

    def on_mount(self) -> None:
        for widget_id in (
            "#resume-box",
            "#trees-label",
            "#trees",
            "#variants-label",
            "#variants",
            "#unreadable-box",
            "#projects-label",
            "#projects",
        ):
            self.query_one(widget_id).display = False
        self.query_one("#start-buttons").display = False
        self.query_one("#problems").display = False
        app = self.app
        if app.entries is None:  # type: ignore[attr-defined]
            app.load_trees()  # type: ignore[attr-defined]
        else:
            self.show_trees(app.entries)  # type: ignore[attr-defined]

    def on_screen_resume(self) -> None:
        if self.entries:
            self.show_trees(self.entries)

    def action_step_button(self, step: int) -> None:
        """Arrow keys move between "Verder gaan" and "Nieuw beginnen" (and the other buttons)."""
        step_between_buttons(self, step)

    # --- filling in -------------------------------------------------------------------------

    def show_trees(self, entries: list[TreeEntry]) -> None:
        s = self.app.strings  # type: ignore[attr-defined]
        self.entries = entries
        self.query_one("#start-loading").display = False
        trees = self.query_one("#trees", OptionList)
        if not entries:
            problems = self.query_one("#problems", Static)
            problems.update(safe.text(s("start.no_trees", folder=self.app.folder_hint)))  # type: ignore[attr-defined]
            problems.display = True
            return
        self._show_choose_hint(entries)
        options = []
        for i, entry in enumerate(entries):
            line2 = (
                safe.summary(entry.description, 1000)  # the first sentence, never cut with "…"
                if entry.ok
                else s("start.tree.invalid", count=len(entry.problems))
            )
            prompt = Content.assemble(
                safe.text(entry.title, "bold"), Content("\n"), safe.text(line2, "dim")
            )
            options.append(Option(prompt, id=str(i)))
        trees.set_options(options)
        first_ok = next((i for i, e in enumerate(entries) if e.ok), 0)
        trees.highlighted = first_ok
        self.query_one("#trees-label").display = True
        trees.display = True
        self.query_one("#start-buttons").display = True
        self._show_variants(entries[first_ok])

        if not self._scanned:  # once per start: unreadable files are set aside, then named
            self._scanned = True
            scan = scan_sessions(entries) if self.app.save else None  # type: ignore[attr-defined]
            self.unreadable = scan.unreadable if scan else []
            found = scan.sessions if scan else []
            self.resumable = found[0] if found else None
            self.others = found[1:]
        from wizard.recent import recent_dossiers

        self.recent = recent_dossiers()
        self._show_unreadable()
        self._show_projects()
        box = self.query_one("#resume-box")
        if self.resumable:
            r = self.resumable
            loaded = r.entry.loaded
            variant_name = ""
            if r.variant and loaded and loaded.tree.variant(r.variant):
                variant_name = s("start.resume.variant", name=loaded.tree.variant(r.variant).name)
            detail = s(
                "start.resume.detail",
                project=r.project or s("start.resume.noname"),
                tree=r.entry.title,
                variant=variant_name,
                answered=r.answered,
                when=_when(r.updated, s("start.resume.when")),
            )
            self.query_one("#resume-detail", Static).update(safe.text(detail))
            box.display = True
            # no scrolling: the page stays at its top, where the intro says what to do
            self.query_one("#resume", Button).focus(scroll_visible=False)
        else:
            box.display = False
            trees.focus(scroll_visible=False)

    def _show_choose_hint(self, entries: list[TreeEntry]) -> None:
        """Say what to choose: a tree only when there is more than one, a municipality only
        when the tree has variants."""
        s = self.app.strings  # type: ignore[attr-defined]
        if len(entries) > 1:
            key = "start.choose.trees"
        elif entries[0].ok and entries[0].loaded.tree.variants:  # type: ignore[union-attr]
            key = "start.choose.variants"
        else:
            key = "start.choose.one"
        intro = s("start.intro") + " " + s(key)
        self.query_one("#start-intro", Static).update(safe.text(intro))

    def _show_unreadable(self) -> None:
        s = self.app.strings  # type: ignore[attr-defined]
        box = self.query_one("#unreadable-box")
        lines = [
            s("start.unreadable.item", name=u.name, reason=u.reason, backup=u.backup.parent)
            if u.backup
            else s("start.unreadable.lost", name=u.name, reason=u.reason)
            for u in self.unreadable
        ]
        self.query_one("#unreadable-detail", Static).update(safe.text("\n".join(lines)))
        box.display = bool(lines)
        self.query_one("#unreadable-delete").display = any(u.backup for u in self.unreadable)

    def _show_projects(self) -> None:
        s = self.app.strings  # type: ignore[attr-defined]
        options = []
        for n, r in enumerate(self.recent):
            detail = s(
                "start.project.dossier.detail",
                path=r.path,
                when=_when(r.opened, s("start.resume.when")),
            )
            prompt = Content.assemble(
                safe.text(s("start.project.dossier", title=r.title), "bold"),
                Content("\n"),
                safe.text(detail, "dim"),
            )
            options.append(Option(prompt, id=f"d{n}"))
        for n, r in enumerate(self.others):
            loaded = r.entry.loaded
            variant = ""
            if r.variant and loaded and loaded.tree.variant(r.variant):
                variant = s("start.resume.variant", name=loaded.tree.variant(r.variant).name)
            detail = s(
                "start.project.session.detail",
                tree=r.entry.title,
                variant=variant,
                answered=r.answered,
                when=_when(r.updated, s("start.resume.when")),
            )
            prompt = Content.assemble(
                safe.text(
                    s("start.project.session", project=r.project or s("start.resume.noname")),
                    "bold",
                ),
                Content("\n"),
                safe.text(detail, "dim"),
            )
            options.append(Option(prompt, id=f"s{n}"))
        projects = self.query_one("#projects", OptionList)
        projects.set_options(options)
        if options:
            projects.highlighted = 0
        projects.display = self.query_one("#projects-label").display = bool(options)

    @on(OptionList.OptionSelected, "#projects")
    def _project_selected(self, event: OptionList.OptionSelected) -> None:
        key = event.option_id or ""
        if key.startswith("d"):
            from wizard.ui.screens.dossier import open_dossier_file

            open_dossier_file(self.app, self.recent[int(key[1:])].path)
        elif key.startswith("s"):
            self._resume(self.others[int(key[1:])])

    @on(Button.Pressed, "#unreadable-keep")
    def _unreadable_keep(self) -> None:
        self.unreadable = []
        self.query_one("#unreadable-box").display = False

    @on(Button.Pressed, "#unreadable-delete")
    def _unreadable_delete(self) -> None:
        for u in self.unreadable:
            if u.backup is not None:
                try:
                    u.backup.unlink()
                except OSError:
                    pass
        self.unreadable = []
        self.query_one("#unreadable-box").display = False
        self.notify(self.app.strings("start.unreadable.deleted"), markup=False)  # type: ignore[attr-defined]

    def _selected_entry(self) -> TreeEntry | None:
        trees = self.query_one("#trees", OptionList)
        if trees.highlighted is None or not self.entries:
            return None
        return self.entries[trees.highlighted]

    def _show_variants(self, entry: TreeEntry) -> None:
        s = self.app.strings  # type: ignore[attr-defined]
        variants = self.query_one("#variants", OptionList)
        label = self.query_one("#variants-label")
        problems = self.query_one("#problems", Static)
        if not entry.ok:
            problems.update(safe.text(s("start.problems") + "\n" + "\n".join(entry.problems)))
            problems.display = True
            variants.display = label.display = False
            return
        problems.display = False
        tree = entry.loaded.tree  # type: ignore[union-attr]
        if not tree.variants:
            variants.clear_options()
            variants.display = label.display = False
            return
        options = [Option(safe.text(s("start.variant.none")), id=NO_VARIANT)]
        for v in tree.variants:
            prompt = safe.text(v.name)
            if v.description:
                prompt = Content.assemble(
                    prompt, Content(" — "), safe.text(safe.summary(v.description, 1000), "dim")
                )
            options.append(Option(prompt, id=v.id))
        variants.set_options(options)
        wanted = self.app.initial_variant  # type: ignore[attr-defined]
        ids = [o.id for o in options]
        variants.highlighted = ids.index(wanted) if wanted in ids else 0
        if wanted and wanted not in ids:
            s = self.app.strings  # type: ignore[attr-defined]
            known = ", ".join(v.id for v in tree.variants) or "-"
            self.notify(
                safe.clean(s("start.variant.unknown", name=wanted, known=known)),
                severity="warning",
                markup=False,
            )
            self.app.initial_variant = None  # type: ignore[attr-defined]  # say it once
        variants.display = label.display = True

    # --- events -----------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#trees")
    def _tree_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        entry = self._selected_entry()
        if entry is not None:
            self._show_variants(entry)

    @on(OptionList.OptionSelected, "#trees")
    def _tree_selected(self, event: OptionList.OptionSelected) -> None:
        entry = self._selected_entry()
        if entry is None or not entry.ok:
            return
        variants = self.query_one("#variants", OptionList)
        if variants.display:
            variants.focus()
        else:
            self._begin()

    @on(OptionList.OptionSelected, "#variants")
    def _variant_selected(self) -> None:
        self._begin()

    @on(Button.Pressed, "#begin")
    def _begin_pressed(self) -> None:
        self._begin()

    @on(Button.Pressed, "#cases")
    def action_cases(self) -> None:
        entry = self._selected_entry()
        if entry is not None and entry.loaded is not None:
            self.app.show_cases(entry.loaded)  # type: ignore[attr-defined]

    @on(Button.Pressed, "#fresh")
    def _fresh_pressed(self) -> None:
        self.query_one("#resume-box").display = False
        self.query_one("#trees", OptionList).focus()

    @on(Button.Pressed, "#resume")
    def _resume_pressed(self) -> None:
        if self.resumable is not None:
            self._resume(self.resumable)

    def _resume(self, found: Resumable) -> None:
        from wizard.flow import UnknownVariant
        from wizard.session import SessionError

        s = self.app.strings  # type: ignore[attr-defined]
        try:
            session, notes, changed = Session.resume(found, self.app.save)  # type: ignore[attr-defined]
        except (SessionError, UnknownVariant) as exc:
            self.notify(s("start.resume.failed", reason=str(exc)), markup=False, severity="error")
            self.query_one("#resume-box").display = False
            return
        messages = [s("q.notes", notes="; ".join(notes))] if notes else []
        if changed:
            messages.append(s("start.resume.tree_changed"))
        self.app.begin(session, messages)  # type: ignore[attr-defined]

    def _begin(self) -> None:
        entry = self._selected_entry()
        if entry is None or not entry.ok:
            return
        variant = None
        variants = self.query_one("#variants", OptionList)
        if variants.display and variants.highlighted is not None:
            option = variants.get_option_at_index(variants.highlighted)
            variant = None if option.id == NO_VARIANT else option.id
        session = Session.fresh(entry.loaded, variant, self.app.save)  # type: ignore[arg-type, attr-defined]
        self.app.begin(session)  # type: ignore[attr-defined]
