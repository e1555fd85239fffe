"""Dialogs: confirm (quit, restart, overwrite), export to a path, and the tree's sources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from wizard.plan_labels import plan_label
from wizard.ui import safe
from wizard.ui.base import localize_bindings, step_between_buttons
from wizard.ui.state import (
    ExportError,
    default_export_name,
    default_handout_name,
    error_key,
    expand_home,
    export_targets,
    handout_target,
    write_document,
    write_export,
)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; Escape means no, and the safe answer has the focus."""

    BINDINGS = [
        Binding("escape", "cancel", "b.close", key_display="Esc"),
        Binding("left", "step_button(-1)", show=False),
        Binding("right", "step_button(1)", show=False),
    ]

    def __init__(self, title: str, body: str, yes: str, no: str) -> None:
        super().__init__(classes="dialog")
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]
        self._title, self._body, self._yes, self._no = title, body, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(safe.text(self._title, "bold"), classes="dialog-title")
            yield Static(safe.text(self._body), classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(self._no), id="no", variant="primary")
                yield Button(Content(self._yes), id="yes", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes_pressed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no_pressed(self) -> None:
        self.dismiss(False)

    def action_cancel(self) -> None:
        self.dismiss(False)

    def action_step_button(self, step: int) -> None:
        step_between_buttons(self, step)


class ChoiceScreen(ModalScreen[str | None]):
    """A question with several answers (id, label, variant); Escape means the first one, which
    has the focus (the safe answer)."""

    BINDINGS = [
        Binding("escape", "cancel", "b.close", key_display="Esc"),
        Binding("left", "step_button(-1)", show=False),
        Binding("right", "step_button(1)", show=False),
    ]

    def __init__(self, title: str, body: str, choices: list[tuple[str, str, str]]) -> None:
        super().__init__(classes="dialog")
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]
        self._title, self._body, self._choices = title, body, choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(safe.text(self._title, "bold"), classes="dialog-title")
            yield Static(safe.text(self._body), classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                for choice, label, variant in self._choices:
                    yield Button(Content(label), id=f"choice-{choice}", variant=variant)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss(self._choices[0][0])

    def action_step_button(self, step: int) -> None:
        step_between_buttons(self, step)


class ExportScreen(ModalScreen[bool]):
    """Ask where to export; never overwrite without asking; report a failure and stay open."""

    BINDINGS = [Binding("escape", "cancel", "b.close", key_display="Esc")]
    TITLE_KEY = "export.title"
    EXPLAIN_KEY = "export.explain"

    def __init__(self) -> None:
        super().__init__(classes="dialog")
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]

    @property
    def session(self):
        return self.app.session  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        s = self.app.strings  # type: ignore[attr-defined]
        with Vertical(classes="dialog-box", id="export-box"):
            yield Static(safe.text(s(self.TITLE_KEY), "bold"), classes="dialog-title")
            yield Static(safe.text(s(self.EXPLAIN_KEY)), classes="dialog-body")
            yield Static(safe.text(s("export.folder")), classes="label")
            yield Input(str(self._folder()), id="export-folder")
            yield Static(safe.text(s("export.path")), classes="label")
            yield Input(self._default_name(), id="export-path")
            yield Static(id="export-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(s("export.cancel")), id="cancel")
                yield Button(Content(s("export.ok")), id="export", variant="primary")

    # --- what is exported (a subclass exports something else the same way) ---

    def _default_name(self) -> str:
        return default_export_name(self.session.engine, self.app.today)  # type: ignore[attr-defined]

    @staticmethod
    def _folder() -> Path:
        from wizard.exportdir import default_export_folder

        return default_export_folder()

    def _chosen_folder(self) -> Path:
        raw = self.query_one("#export-folder", Input).value.strip()
        return expand_home(Path(raw)) if raw else self._folder()

    def _targets(self, raw: str) -> list[Path]:
        return list(export_targets(raw, self._default_name(), cwd=self._chosen_folder()))

    def _write_files(self, paths: list[Path]) -> str:
        """Write the files (raises ExportError) and return the message that says it worked."""
        md_path, json_path = paths
        app = self.app
        write_export(self.session, md_path, json_path, app.today, app.strings.lang)  # type: ignore[attr-defined]
        self.app.autosave()  # type: ignore[attr-defined]
        return self.app.strings("result.exported", md=str(md_path), json=str(json_path))  # type: ignore[attr-defined]

    def _tell_result(self, text: str) -> bool:
        """Show ``text`` in the status line of the screen below; False if there is none."""
        from wizard.ui.screens.result import ResultScreen

        told = False
        for screen in self.app.screen_stack:
            if isinstance(screen, ResultScreen):
                screen.set_status(text)
                told = True
        return told

    # --- the dialog ---

    def on_mount(self) -> None:
        self.query_one("#export-error").display = False
        folder = self.query_one("#export-folder", Input)
        folder.cursor_position = len(folder.value)  # the end of a folder is its own name
        path = self.query_one("#export-path", Input)
        path.focus()
        # show the start of the name, not its tail (after layout, or the view stays scrolled)
        path.call_after_refresh(path.action_home)

    def _error(self, message: str) -> None:
        error = self.query_one("#export-error", Static)
        error.update(safe.text(self.app.strings("q.error", message=message), "bold"))  # type: ignore[attr-defined]
        error.display = True
        self._tell_result(self.app.strings("result.export_failed", reason=message))  # type: ignore[attr-defined]

    @on(Input.Submitted, "#export-folder")
    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export")
    def _export(self) -> None:
        s = self.app.strings  # type: ignore[attr-defined]
        raw = self.query_one("#export-path", Input).value
        if not raw.strip():
            self._error(s("export.empty"))
            return
        folder = self.query_one("#export-folder", Input).value
        if any(not c.isprintable() for c in raw + folder):  # a pasted text with line breaks
            self._error(s("export.err.name"))
            return
        try:
            paths = self._targets(raw)
            existing = [p for p in paths if p.exists()]
        except OSError as exc:  # a name too long for the file system, and such
            self._error(s(error_key(exc), path=raw[:60], reason=exc.strerror or str(exc)))
            return
        if existing:

            def answered(yes: bool | None) -> None:
                if yes:
                    self._write(paths)

            files = ", ".join(str(p) for p in existing)
            self.app.push_screen(
                ConfirmScreen(
                    s(self.TITLE_KEY),
                    s("export.exists", files=files),
                    s("export.overwrite"),
                    s("export.cancel"),
                ),
                answered,
            )
            return
        self._write(paths)

    def _write(self, paths: list[Path]) -> None:
        s = self.app.strings  # type: ignore[attr-defined]
        try:
            done = self._write_files(paths)
        except ExportError as exc:
            self._error(s(exc.key, path=exc.path, reason=exc.reason))
            return
        except OSError as exc:  # checking the folder can fail too (a name too long, …)
            self._error(s(error_key(exc), path=str(paths[0])[:200], reason=exc.strerror or ""))
            return
        if self.app.save:  # type: ignore[attr-defined]  # --no-save: leave no trace
            from wizard.exportdir import remember_export_folder

            remember_export_folder(paths[0].parent)
        if not self._tell_result(done):
            self.notify(done, markup=False)  # else the screen below says it, without covering text
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(False)

    def action_cancel(self) -> None:
        self.dismiss(False)


class HandoutExportScreen(ExportScreen):
    """Export a case's handout (Markdown) the same way: editable path, never overwrite unasked."""

    TITLE_KEY = "handout.title"
    EXPLAIN_KEY = "handout.explain"

    def __init__(self, tree: Any, case: Any) -> None:
        self.decision_tree = tree  # the Tree (the case's variant is applied by the handout)
        self.case = case  # a wizard.model.Case
        super().__init__()

    def _default_name(self) -> str:
        return default_handout_name(self.case.name)

    def _targets(self, raw: str) -> list[Path]:
        return [handout_target(raw, self._default_name(), cwd=self._chosen_folder())]

    def _write_files(self, paths: list[Path]) -> str:
        from wizard.handout import handout_markdown

        text = handout_markdown(self.decision_tree, self.case, today=self.app.today)  # type: ignore[attr-defined]
        write_document(paths[0], text)
        return self.app.strings("handout.exported", md=str(paths[0]))  # type: ignore[attr-defined]

    def _tell_result(self, text: str) -> bool:
        stack = self.app.screen_stack
        below = stack[stack.index(self) - 1] if self in stack and len(stack) > 1 else None
        if below is not None and hasattr(below, "set_status"):
            below.set_status(text)
            return True
        return False


class UitlegScreen(ModalScreen[None]):
    """Uitleg mode: what the answer just given added to or changed in the advice, and why."""

    BINDINGS = [
        Binding("enter,escape", "close", "b.next", key_display="Enter"),
        Binding("f4", "uitleg_off", "b.uitleg", key_display="F4"),
    ]

    def __init__(self, uitleg: Any, tree: Any) -> None:
        super().__init__(classes="dialog")
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]
        self.uitleg = uitleg
        self.decision_tree = tree

    def compose(self) -> ComposeResult:
        s = self.app.strings  # type: ignore[attr-defined]
        u = self.uitleg
        with Vertical(classes="dialog-box", id="uitleg-box"):
            yield Static(safe.text(s("uitleg.title"), "bold"), classes="dialog-title")
            if u.question:
                answer = u.label if u.label is not None else ""
                yield Static(
                    safe.text(
                        s(
                            "uitleg.answer",
                            question=safe.one_line(u.question),
                            answer=safe.one_line(answer),
                        ),
                        "italic",
                    ),
                    id="uitleg-answer",
                )
            with VerticalScroll(id="uitleg-scroll"):
                for line in u.lines():
                    yield Static(safe.hanging("• ", safe.one_line(line)), classes="uitleg-line")
                known = self.decision_tree.source_map()
                cited = [known[sid] for sid in u.sources if sid in known]
                if cited:
                    yield Static(safe.text(s("uitleg.sources"), "bold"), classes="label")
                    for source in cited:
                        line = f"[{source.id}] {safe.one_line(source.citation())}"
                        yield Static(safe.text(line), classes="uitleg-source")
            yield Static(safe.text(s("uitleg.hint"), "dim"), id="uitleg-hint")

    def on_mount(self) -> None:
        self.query_one("#uitleg-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_uitleg_off(self) -> None:
        self.app.set_uitleg(False)  # type: ignore[attr-defined]
        self.dismiss(None)


class _ReadingDialog(ModalScreen[None]):
    """A dialog to read and close: its one button (``#close``) has the focus, and the page and
    arrow keys scroll the text at once (no Tab to the text first)."""

    BINDINGS = [
        Binding("pagedown", "scroll_text('page_down')", show=False),
        Binding("pageup", "scroll_text('page_up')", show=False),
        Binding("down", "scroll_text('down')", show=False),
        Binding("up", "scroll_text('up')", show=False),
        Binding("end", "scroll_text('end')", show=False),
        Binding("home", "scroll_text('home')", show=False),
    ]

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    def action_scroll_text(self, how: str) -> None:
        scroll = self.query_one(VerticalScroll)
        {
            "page_down": scroll.scroll_page_down,
            "page_up": scroll.scroll_page_up,
            "down": scroll.scroll_down,
            "up": scroll.scroll_up,
            "end": scroll.scroll_end,
            "home": scroll.scroll_home,
        }[how](animate=False)

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)


class StoryScreen(_ReadingDialog):
    """The story of a case (to read it again while answering it)."""

    BINDINGS = [Binding("escape,enter,f6", "close", "b.close", key_display="Esc")]

    def __init__(self, case: Any, variant_name: str | None = None) -> None:
        super().__init__(classes="dialog")
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]
        self.case = case
        self.variant_name = variant_name

    def compose(self) -> ComposeResult:
        s = self.app.strings  # type: ignore[attr-defined]
        with Vertical(classes="dialog-box", id="story-box"):
            yield Static(safe.text(safe.one_line(self.case.name), "bold"), classes="dialog-title")
            with VerticalScroll(id="story-scroll"):
                if self.variant_name:
                    yield Static(
                        safe.text(
                            s("cases.variant", name=safe.one_line(self.variant_name)), "italic"
                        )
                    )
                yield Static(safe.text(self.case.description.strip()))
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(s("b.close")), id="close", variant="primary")


class SourcesScreen(_ReadingDialog):
    """The documents a tree rests on."""

    BINDINGS = [Binding("escape,f1", "close", "b.close", key_display="Esc")]

    def __init__(self, tree, used: dict[str, list[str]] | None = None) -> None:
        """``used``: the sources the current plan cites, with the plan sections citing them;
        None before there is a plan (then every source of the tree is listed)."""
        super().__init__(classes="dialog")
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]
        # not ``self.tree``: Textual's DOMNode already has a read-only ``tree`` property
        self.source_tree = tree
        self.used = used

    def compose(self) -> ComposeResult:
        s = self.app.strings  # type: ignore[attr-defined]
        with Vertical(classes="dialog-box", id="sources-box"):
            title = s("sources.title") if self.used is None else s("sources.plan")
            yield Static(safe.text(title, "bold"), classes="dialog-title")
            with VerticalScroll(id="sources-list"):
                sources = self.source_tree.sources
                if self.used is not None:
                    sources = [x for x in sources if x.id in self.used]
                if not sources:
                    yield Static(safe.text(s("sources.none"), "italic"))
                for source in sources:
                    # never the document's file name: a reader cannot look that up
                    line = f"[{source.id}] {safe.one_line(source.citation())}"
                    if source.url:
                        line += f"\n    {safe.one_line(source.url)}"
                    if source.note:
                        line += f"\n    {safe.one_line(source.note)}"
                    if self.used is not None:
                        lang = self.app.strings.lang  # type: ignore[attr-defined]
                        where = ", ".join(plan_label(lang, k) for k in self.used[source.id])
                        line += f"\n    {s('sources.used', where=where)}"
                    yield Static(safe.text(line), classes="source")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(s("b.close")), id="close", variant="primary")
