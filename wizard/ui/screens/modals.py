"""Dialogs: confirm (quit, restart, overwrite), export to a path, and the tree's sources."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from wizard.ui import safe
from wizard.ui.base import localize_bindings
from wizard.ui.state import ExportError, default_export_name, export_targets, write_export


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; Escape means no, and the safe answer has the focus."""

    BINDINGS = [Binding("escape", "cancel", "b.close", key_display="Esc")]

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


class ExportScreen(ModalScreen[bool]):
    """Ask where to export; never overwrite without asking; report a failure and stay open."""

    BINDINGS = [Binding("escape", "cancel", "b.close", key_display="Esc")]

    def __init__(self) -> None:
        super().__init__(classes="dialog")
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]

    @property
    def session(self):
        return self.app.session  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        s = self.app.strings  # type: ignore[attr-defined]
        with Vertical(classes="dialog-box", id="export-box"):
            yield Static(safe.text(s("export.title"), "bold"), classes="dialog-title")
            yield Static(safe.text(s("export.explain")), classes="dialog-body")
            yield Static(safe.text(s("export.path")), classes="label")
            yield Input(self._default_path(), id="export-path")
            yield Static(id="export-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(s("export.cancel")), id="cancel")
                yield Button(Content(s("export.ok")), id="export", variant="primary")

    def _default_path(self) -> str:
        name = default_export_name(self.session.engine, self.app.today)  # type: ignore[attr-defined]
        return str(Path.cwd() / name)

    def on_mount(self) -> None:
        self.query_one("#export-error").display = False
        path = self.query_one("#export-path", Input)
        path.focus()
        path.cursor_position = len(path.value)

    def _error(self, message: str) -> None:
        error = self.query_one("#export-error", Static)
        error.update(safe.text(self.app.strings("q.error", message=message), "bold"))  # type: ignore[attr-defined]
        error.display = True
        self._tell_result(self.app.strings("result.export_failed", reason=message))  # type: ignore[attr-defined]

    def _tell_result(self, text: str) -> None:
        from wizard.ui.screens.result import ResultScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, ResultScreen):
                screen.set_status(text)

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export")
    def _export(self) -> None:
        s = self.app.strings  # type: ignore[attr-defined]
        raw = self.query_one("#export-path", Input).value
        if not raw.strip():
            self._error(s("export.empty"))
            return
        default = default_export_name(self.session.engine, self.app.today)  # type: ignore[attr-defined]
        md_path, json_path = export_targets(raw, default)
        existing = [p for p in (md_path, json_path) if p.exists()]
        if existing:

            def answered(yes: bool | None) -> None:
                if yes:
                    self._write(md_path, json_path)

            files = ", ".join(str(p) for p in existing)
            self.app.push_screen(
                ConfirmScreen(
                    s("export.title"),
                    s("export.exists", files=files),
                    s("export.overwrite"),
                    s("export.cancel"),
                ),
                answered,
            )
            return
        self._write(md_path, json_path)

    def _write(self, md_path: Path, json_path: Path) -> None:
        s = self.app.strings  # type: ignore[attr-defined]
        try:
            write_export(self.session, md_path, json_path, self.app.today)  # type: ignore[attr-defined]
        except ExportError as exc:
            self._error(s(exc.key, path=exc.path, reason=exc.reason))
            return
        self.app.autosave()  # type: ignore[attr-defined]
        done = s("result.exported", md=str(md_path), json=str(json_path))
        self._tell_result(done)
        self.notify(done, markup=False)
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(False)

    def action_cancel(self) -> None:
        self.dismiss(False)


class SourcesScreen(ModalScreen[None]):
    """The documents a tree rests on."""

    BINDINGS = [Binding("escape,f1", "close", "b.close", key_display="Esc")]

    def __init__(self, tree) -> None:
        super().__init__(classes="dialog")
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]
        self.tree = tree

    def compose(self) -> ComposeResult:
        s = self.app.strings  # type: ignore[attr-defined]
        with Vertical(classes="dialog-box", id="sources-box"):
            yield Static(safe.text(s("sources.title"), "bold"), classes="dialog-title")
            with VerticalScroll(id="sources-list"):
                if not self.tree.sources:
                    yield Static(safe.text(s("sources.none"), "italic"))
                for source in self.tree.sources:
                    bits = [source.title]
                    if source.publisher:
                        bits.append(source.publisher)
                    if source.year:
                        bits.append(str(source.year))
                    line = f"[{source.id}] " + ", ".join(safe.one_line(b) for b in bits)
                    where = source.url or source.file
                    if where:
                        line += f"\n    {safe.one_line(where)}"
                    if source.note:
                        line += f"\n    {safe.one_line(source.note)}"
                    yield Static(safe.text(line), classes="source")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(s("b.close")), id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
