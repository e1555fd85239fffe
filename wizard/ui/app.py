"""The Textual app: owns the session (engine, autosave, export state) and moves between screens.

Screen stack: StartScreen (the default screen) → WizardScreen (one screen for every question,
updated in place) → Review / Result and the modal dialogs on top. Screens hold no decision
logic: they call the engine through ``app.session.engine``.
"""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.reactive import Reactive

from wizard.ui import safe
from wizard.ui.base import localize_bindings
from wizard.ui.commands import StappenplanCommands
from wizard.ui.state import Session, TreeEntry, load_entry
from wizard.ui.strings import Strings

if TYPE_CHECKING:  # the domain loads in a worker thread, after the first paint
    from wizard.casuistiek import CaseLibrary, LibraryCase
    from wizard.loader import LoadedTree


class StappenplanApp(App[int]):
    CSS_PATH = "app.tcss"
    # The header watches these and repaints itself; Textual's App also repainted the whole
    # screen on every change, and the sub-title changes with the first answer (the project)
    title: Reactive[str] = Reactive("", compute=False, repaint=False)
    sub_title: Reactive[str] = Reactive("", compute=False, repaint=False)
    COMMANDS = {StappenplanCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "b.quit", priority=True),
        Binding("ctrl+p", "command_palette", "b.palette", show=False, priority=True),
        Binding("ctrl+c", "help_quit", show=False, system=True),
        Binding("f6", "dossier", "b.dossier", show=False),
    ]

    def __init__(
        self,
        tree_paths: list[Path],
        *,
        variant: str | None = None,
        save: bool = True,
        lang: str = "nl",
        folder_hint: str = "",
        open_dossier: Path | None = None,
    ):
        self.strings = Strings(lang)
        super().__init__()
        localize_bindings(self, self.strings)
        self.tree_paths = list(tree_paths)
        self.initial_variant = variant
        self.save = save
        self.folder_hint = folder_hint
        self.pending_dossier = open_dossier  # `stappenplan open FILE`: opened once trees load
        self.entries: list[TreeEntry] | None = None
        self.session: Session | None = None
        self.today: date | None = None  # fixed in tests, so dates in snapshots do not move
        self.uitleg = False  # uitleg mode: after each answer, show what it did to the advice
        self._libraries: dict[str, CaseLibrary] = {}
        self.title = self.strings("app.title")
        # set when an unexpected error stopped the app (see _handle_exception)
        self.crashed = False
        self.crash_log: Path | None = None
        self.crash_saved: bool | None = None

    # --- start-up ---------------------------------------------------------------------------

    def get_default_screen(self):
        from wizard.ui.screens.start import StartScreen

        return StartScreen()

    @work(thread=True, exclusive=True, group="load")
    def load_trees(self) -> None:
        """Load and validate the trees off the UI thread, so the first paint is not delayed."""
        from wizard.textfile import gc_paused

        with gc_paused():  # importing the model and loading make only long-lived objects
            entries = [load_entry(p) for p in self.tree_paths]
            # kept for the app's life: frozen before the collector is back, or its first young
            # collection walks every object just loaded (5 ms on the default tree)
            gc.freeze()
        self.call_from_thread(self._trees_loaded, entries)

    def _trees_loaded(self, entries: list[TreeEntry]) -> None:
        # Textual, the model and the trees live as long as the app: keep the cyclic garbage
        # collector from walking them again and again (a full collection during an answer
        # cost tens of milliseconds)
        gc.freeze()
        # Drawing an answer keeps thousands of objects alive for a moment (strips, segments,
        # cached styles): at the default threshold of 700 the young generation was collected
        # about nine times per answer and everything once every few answers, ~1 ms of an
        # answer's ~16 (issue 8 §3). Once every 10,000 still collects what reference counting
        # cannot.
        gc.set_threshold(10_000, 10, 10)
        self.entries = entries
        from wizard.ui.screens.start import StartScreen

        for screen in self.screen_stack:
            if isinstance(screen, StartScreen):
                screen.show_trees(entries)
        if self.pending_dossier is not None:
            from wizard.ui.screens.dossier import open_dossier_file

            path, self.pending_dossier = self.pending_dossier, None
            open_dossier_file(self, Path(path))

    # --- the session ------------------------------------------------------------------------

    def begin(self, session: Session, notes: list[str] | None = None) -> None:
        from wizard.ui.screens.wizard import WizardScreen

        # a new session replaces whatever was open (a case opened from the palette or from a
        # comparison): one question screen at a time, on top of the start screen
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.session = session
        self.title = safe.one_line(session.loaded.tree.title)
        self.sub_title = ""
        self.autosave()
        self.push_screen(WizardScreen())
        for note in notes or []:
            self.notify(note, markup=False, severity="warning", timeout=10)

    def autosave(self) -> None:
        if self.session is None:
            return
        error = self.session.autosave()
        if self.session.forked_to is not None:
            self.notify(
                self.strings("start.forked", path=self.session.forked_to),
                markup=False,
                severity="warning",
                timeout=15,
            )
            self.session.forked_to = None
        if error:
            self.notify(
                self.strings("q.autosave_failed", reason=error),
                markup=False,
                severity="error",
            )

    def wizard_screen(self):
        from wizard.ui.screens.wizard import WizardScreen

        return next((s for s in self.screen_stack if isinstance(s, WizardScreen)), None)

    def back_to_wizard(self) -> None:
        """Close review, result and dialogs so the question screen is on top."""
        wizard = self.wizard_screen()
        if wizard is None:
            return
        while self.screen is not wizard and len(self.screen_stack) > 1:
            self.pop_screen()
        wizard.refresh_view()

    def goto_node(self, node_id: str) -> None:
        """Jump to a step on the route (review, command palette) and show it."""
        if self.session is None:
            return
        engine = self.session.engine
        if node_id not in engine.path:
            return
        engine.goto(node_id)
        self.autosave()
        if engine.at_outcome:
            self.back_to_wizard()
            self.show_result()
        else:
            self.back_to_wizard()

    def show_result(self, provisional: bool = False) -> None:
        from wizard.ui.screens.result import ResultScreen

        if self.session is None:
            return
        if self.session.case is not None and not provisional and self.session.engine.is_complete:
            self.show_compare()  # a practised case ends in the comparison with the reference
            return
        self.push_screen(ResultScreen(provisional=provisional))

    def show_review(self) -> None:
        from wizard.ui.screens.review import ReviewScreen

        if self.session is not None:
            self.push_screen(ReviewScreen())

    def show_sources(self) -> None:
        from wizard.ui.screens.modals import SourcesScreen

        tree = self.session.loaded.tree if self.session else None
        if tree is None and self.entries:
            tree = next((e.loaded.tree for e in self.entries if e.loaded), None)
        if tree is not None:
            used = None
            if self.session is not None and self.session.engine.answers:
                from wizard.render import sources_by_section

                used = sources_by_section(self.session.engine.advice(), tree)
            self.push_screen(SourcesScreen(tree, used))

    def start_export(self) -> None:
        from wizard.ui.screens.modals import ExportScreen
        from wizard.ui.screens.result import ResultScreen

        if self.session is None:
            return
        if not isinstance(self.screen, ResultScreen):
            self.back_to_wizard()
            self.show_result(provisional=not self.session.engine.is_complete)
        self.push_screen(ExportScreen())

    def confirm_restart(self) -> None:
        from wizard.ui.screens.modals import ConfirmScreen

        if self.session is None:
            return
        s = self.strings

        def done(yes: bool | None) -> None:
            if yes and self.session is not None:
                self.session.engine.restart()
                self.autosave()
                self.back_to_wizard()

        self.push_screen(
            ConfirmScreen(s("restart.title"), s("restart.body"), s("restart.yes"), s("quit.no")),
            done,
        )

    def to_start(self) -> None:
        """Back to the start screen (the session stays autosaved)."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.session = None
        self.title = self.strings("app.title")
        self.sub_title = ""

    # --- trainer mode: casuïstiek, comparison, demo, the whole tree, uitleg ---------------------

    def trainer_tree(self) -> LoadedTree | None:
        """The tree the trainer tools work on: the session's, else the one chosen on the start
        screen, else the first usable one."""
        from wizard.ui.screens.start import StartScreen

        if self.session is not None:
            return self.session.loaded
        for screen in self.screen_stack:
            if isinstance(screen, StartScreen):
                entry = screen._selected_entry()
                if entry is not None and entry.loaded is not None:
                    return entry.loaded
        return next((e.loaded for e in self.entries or [] if e.loaded), None)

    def library(self, loaded: LoadedTree) -> CaseLibrary:
        """The case library for a tree (read once per tree file)."""
        key = str(loaded.file)
        if key not in self._libraries:
            from wizard.casuistiek import cases_for_tree

            self._libraries[key] = cases_for_tree(loaded)
        return self._libraries[key]

    def show_cases(self, loaded: LoadedTree | None = None, select: str | None = None) -> None:
        from wizard.ui.screens.cases import CasesScreen

        loaded = loaded or self.trainer_tree()
        if loaded is None:
            self.notify(self.strings("cases.no_tree"), markup=False, severity="warning")
            return
        if isinstance(self.screen, CasesScreen) and self.screen.loaded is loaded:
            return
        self.push_screen(CasesScreen(loaded, select))

    def start_case(self, loaded: LoadedTree, case: LibraryCase) -> None:
        """Answer a case yourself: a fresh, unsaved session on top of the start screen."""
        from wizard.ui.screens.modals import ConfirmScreen

        current = self.session
        at_risk = (
            current is not None
            and current.case is None
            and current.has_answers
            and not current.save
            and not current.exported
        )

        def go(yes: bool | None = True) -> None:
            if not yes:
                return
            self.to_start()
            self.begin(Session.for_case(loaded, case))

        if at_risk:
            s = self.strings
            self.push_screen(
                ConfirmScreen(
                    s("case.replace.title"),
                    s("case.replace.body"),
                    s("case.replace.yes"),
                    s("quit.no"),
                ),
                go,
            )
        else:
            go()

    def leave_session(self) -> None:
        """Back from the first step: to the case library for a practised case, else the start."""
        practised = self.session.case if self.session is not None else None
        loaded = self.session.loaded if self.session is not None else None
        self.to_start()
        if practised is not None and loaded is not None:
            self.show_cases(loaded, practised.id)

    def show_compare(self) -> None:
        from wizard.ui.screens.compare import CompareScreen

        if self.session is not None and self.session.case is not None:
            self.push_screen(CompareScreen())

    def show_replay(
        self, loaded: LoadedTree | None = None, case: LibraryCase | None = None
    ) -> None:
        from wizard.ui.screens.replay import ReplayScreen

        if case is None and self.session is not None:
            case, loaded = self.session.case, self.session.loaded
        if loaded is None or case is None:
            return
        self.push_screen(ReplayScreen(loaded, case))

    def show_story(self) -> None:
        from wizard.ui.screens.modals import StoryScreen

        if self.session is None or self.session.case is None:
            return
        flow = self.session.engine.flow
        self.push_screen(
            StoryScreen(self.session.case.case, flow.variant.name if flow.variant else None)
        )

    def show_tree(self, loaded: LoadedTree | None = None) -> None:
        from wizard.ui.screens.tree_view import TreeScreen

        loaded = loaded or self.trainer_tree()
        if loaded is None:
            self.notify(self.strings("cases.no_tree"), markup=False, severity="warning")
            return
        if isinstance(self.screen, TreeScreen):
            return
        self.push_screen(TreeScreen(loaded))

    def set_uitleg(self, on: bool) -> None:
        self.uitleg = on
        self.notify(self.strings("uitleg.on" if on else "uitleg.off"), markup=False)

    def toggle_uitleg(self) -> None:
        self.set_uitleg(not self.uitleg)

    # actions for bindings on screens ("app.toggle_uitleg" runs App.action_toggle_uitleg)
    def action_toggle_uitleg(self) -> None:
        self.toggle_uitleg()

    def action_show_tree(self) -> None:
        self.show_tree()

    def action_show_sources(self) -> None:
        self.show_sources()

    # --- an unexpected error ------------------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """Contain a crash: save the answers, log the traceback to a file, exit with code 3.

        Replaces Textual's handler, which prints a traceback with local variables (possibly the
        user's answers) on the terminal. The launcher prints one sentence with the log's path.
        """
        from wizard.crash import EXIT_BUG, write_crash_log

        self._return_code = EXIT_BUG
        if self._exception is None:  # run_test re-raises it, so tests still see the error
            self._exception = error
            self._exception_event.set()
        if not self.crashed:
            self.crashed = True
            self.crash_saved = self._save_after_crash()
            note = {True: "bewaard", False: "niet bewaard", None: "niets te bewaren"}
            self.crash_log = write_crash_log(error, autosave=note[self.crash_saved])
        self._close_messages_no_wait()

    def _save_after_crash(self) -> bool | None:
        session = self.session
        if session is None or not session.save or session.case is not None:
            return None
        if not session.has_answers:
            return None
        try:
            return session.autosave() is None
        except Exception:  # the state may be what broke; the log still gets written
            return False

    def action_command_palette(self) -> None:
        """Ctrl+P: the command palette, in the user's language."""
        from textual.command import CommandPalette

        from wizard.ui.palette import Palette

        if self.use_command_palette and not CommandPalette.is_open(self):
            s = self.strings
            self.push_screen(
                Palette(s("palette.placeholder"), s("palette.nomatch"), id="--command-palette")
            )

    def search_themes(self) -> None:
        """The theme picker (palette: Thema), in the user's language."""
        from textual.theme import ThemeProvider

        from wizard.ui.palette import Palette

        s = self.strings
        self.push_screen(Palette(s("palette.themes"), s("palette.nomatch"), [ThemeProvider]))

    # --- quitting ---------------------------------------------------------------------------

    def action_dossier(self) -> None:
        from wizard.ui.screens.dossier import show_dossier

        show_dossier(self)

    def _dossier_quit_facts(self) -> str:
        """What the dossier says was exported and written: the plan, then the documents."""
        from wizard.dossier import answers_digest

        s, session = self.strings, self.session
        dossier = session.dossier
        plans = [w for w in dossier.written if w.document == "plan"]
        digest = answers_digest(session.engine.answers, session.engine.details)
        same = [w for w in plans if w.answers == digest]
        if same:
            facts = [s("quit.plan.exported", file=same[-1].file)]
        elif session.exported and session.plan_export is not None:
            facts = [s("quit.plan.exported", file=session.plan_export)]
        elif plans:
            facts = [s("quit.plan.changed", file=plans[-1].file)]
        else:
            facts = [s("quit.plan.none")]
        docs = [Path(w.file) for w in dossier.written if w.document != "plan"]
        if docs:
            names = ", ".join(p.name for p in docs)
            facts.append(s("quit.documents", names=names, folder=docs[-1].parent))
        return " ".join(facts)

    def _quit_with_open_form(self) -> bool:
        """A dossier form with unsaved input is open: ask (keep editing, save, throw away)."""
        from wizard.ui.screens.dossier import open_changed_form
        from wizard.ui.screens.modals import ChoiceScreen

        form = open_changed_form(self)
        if form is None:
            return False
        s = self.strings

        def answered(choice: str | None) -> None:
            if choice == "discard":
                self.exit(0)
            elif choice == "save":
                form.quit_after_save = True
                form.action_save()  # stays open with the reason when something is not right

        self.push_screen(
            ChoiceScreen(
                s("quit.form.title"),
                s("quit.form.body", form=s(form.TITLE_KEY)),
                [
                    ("keep", s("quit.form.keep"), "primary"),
                    ("save", s("quit.form.save"), "success"),
                    ("discard", s("quit.form.discard"), "warning"),
                ],
            ),
            answered,
        )
        return True

    async def action_quit(self) -> None:
        from wizard.ui.screens.modals import ChoiceScreen, ConfirmScreen

        session = self.session
        if session is not None and session.case is None and session.has_answers:
            session.autosave()  # one last try, so the dialog can say what really happened
        failed = session is not None and session.autosave_error is not None
        in_dossier = session is not None and session.dossier_path is not None
        if (
            session is None
            or not session.has_answers
            or (session.exported and not failed and not in_dossier)
            or session.case is not None  # a practised case is an exercise, not a plan
        ):
            self.exit(0)
            return
        if isinstance(self.screen, (ConfirmScreen, ChoiceScreen)):
            return
        if self._quit_with_open_form():
            return
        s = self.strings
        if failed:
            kept = s("quit.save_failed", reason=session.autosave_error)
        elif in_dossier:  # written also without saving: see autosave
            kept = s("quit.dossier", path=session.dossier_path)
        elif not session.save:
            kept = s("quit.notsaved")
        else:
            kept = s("quit.saved")
        if in_dossier:
            body = kept + " " + self._dossier_quit_facts()
        else:
            if session.documents:
                names = ", ".join(p.name for p in session.documents)
                folder = session.documents[-1].parent
                kept += " " + s("quit.documents", names=names, folder=folder)
            done_any = session.exported or session.documents
            body = kept if done_any else s("quit.unexported") + " " + kept

        def done(yes: bool | None) -> None:
            if yes:
                self.exit(0)

        self.push_screen(ConfirmScreen(s("quit.title"), body, s("quit.yes"), s("quit.no")), done)
