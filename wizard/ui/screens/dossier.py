"""The project dossier on screen: what was planned, what happened, what was heard, and export.

The screen shows the dossier (a :class:`wizard.dossier.Dossier` held by the session) and sends
every change straight to disk through ``Session.save_dossier``. Forms are small modal dialogs
that check what was typed and say in Dutch what is wrong; nothing here decides anything about
the advice. Text typed by users and tree text are shown as literal ``Content``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.strip import Strip
from textual.widgets import (
    Button,
    Footer,
    Header,
    Input,
    OptionList,
    RadioButton,
    RadioSet,
    Select,
    SelectionList,
    Static,
)
from textual.widgets.option_list import Option, OptionDoesNotExist
from textual.widgets.selection_list import Selection

from wizard.ui import safe
from wizard.ui.base import localize_bindings
from wizard.ui.widgets.lists import PointerList

OTHER = "__anders__"
NONE = "__geen__"


def _strings(node: Any):
    return node.app.strings


class _TypeOn:
    """Enter moves to the next field at once (not later, as a binding would), and keys typed on
    right after it that were already on their way to this field (a fast typist, a paste, tmux)
    go to the field that has the focus now, never nowhere."""

    def enter_moves_on(self) -> bool:
        return True

    async def _on_key(self, event: events.Key) -> None:
        me: Any = self
        focused = me.app.focused
        if focused is me and event.key == "enter" and self.enter_moves_on():
            event.prevent_default()
            event.stop()
            me.screen.focus_next()
            return
        if focused is None or focused is me or me in focused.ancestors:
            return
        event.prevent_default()
        event.stop()
        focused._forward_event(events.Key(event.key, event.character))


class FormInput(_TypeOn, Input):
    """A text field in a form."""


class FormSelect(_TypeOn, Select[str]):
    """A dropdown in a form: Enter opens it while nothing is chosen; once something is chosen,
    Enter goes to the next field (as the form says: "Tab of Enter: volgend veld"). Space, Up and Down
    open it to choose again."""

    def enter_moves_on(self) -> bool:
        return not self.is_blank()


def _select(options: list[tuple[str, str]], value: str | None, prompt: str, **kw: Any) -> Select:
    return FormSelect(
        [(safe.text(label), key) for key, label in options],
        value=value if value in {k for k, _ in options} else Select.NULL,
        prompt=prompt,
        **kw,
    )


def _value(select: Select) -> str | None:
    value = select.value
    return None if value == Select.NULL or value is None else str(value)


def _parse_number(text: str, low: float, high: float) -> float | None:
    raw = text.strip().replace(",", ".")
    if not raw:
        return None
    value = float(raw)  # ValueError for the caller
    if not low <= value <= high:
        raise ValueError(raw)
    return value


def _check_date(text: str) -> str | None:
    from datetime import date

    raw = text.strip()
    if not raw:
        return None
    for fmt in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            from datetime import datetime

            return datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    # other ISO forms (20260314); ValueError otherwise, and the caller says it in Dutch
    return date.fromisoformat(raw).isoformat()


def _activity_label(dossier: Any, activity: Any) -> str:
    from wizard.report import _nl_date

    when = _nl_date(activity.date)
    return f"{dossier.activity_name(activity)}{' · ' + when if when else ''}"


# --- widgets whose state reads as text --------------------------------------------------------


class TickList(SelectionList[str]):
    """A selection list whose boxes read ``[x]`` or ``[ ]``: the state is in the text, not only
    in a colour (a screen reader, ``tmux capture-pane``, a monochrome terminal)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 3:
            return strip
        index = self.scroll_offset[1] + y
        try:
            ticked = self.get_option_at_index(index).value in self.selected
        except OptionDoesNotExist:  # a line past the last option: nothing to mark
            return strip
        marks = ("[", "x" if ticked else " ", "]")
        for n, mark in enumerate(marks):
            segments[n] = segments[n]._replace(text=mark)
        last = segments[-1]
        if index == self.highlighted and self.has_focus and len(last.text) >= 2:
            if not last.text.strip():  # the row the cursor is on reads "◀" at its end
                segments[-1] = last._replace(text=" ◀" + last.text[2:])
        return Strip(segments, strip.cell_length)

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Toggle the row Space was pressed on, not the one highlighted when the message is
        handled: in a fast "Space Down Space" the second key moves on before the first toggle
        is handled (SelectionList toggles ``highlighted``, so both toggled the same row)."""
        event.prevent_default()
        event.stop()
        self.toggle(self.get_option_at_index(event.option_index))

    def _watch_has_focus(self, focus: bool) -> None:
        self.refresh()  # the cursor mark shows only while the list has the focus


class TextRadio(RadioButton):
    """A radio button that reads ``(x)`` when chosen and ``( )`` when not."""

    BUTTON_LEFT = "("
    BUTTON_RIGHT = ")"

    @property  # type: ignore[override]
    def BUTTON_INNER(self) -> str:  # noqa: N802 - Textual's name for it
        return "x" if self.value else " "


# --- forms ------------------------------------------------------------------------------------


class _Form(ModalScreen[Any]):
    """A dialog with fields, Opslaan / Annuleren (and Verwijderen when editing)."""

    BINDINGS = [
        Binding("escape", "cancel", "b.close", key_display="Esc"),
        Binding("ctrl+s", "save", "dossier.form.save", priority=True),
    ]
    TITLE_KEY = ""

    def __init__(self, dossier: Any, item: Any = None) -> None:
        super().__init__(classes="dialog")
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]
        self.dossier = dossier
        self.item = item
        self.quit_after_save = False  # set by the quit dialog's "Opslaan en stoppen"

    def compose(self) -> ComposeResult:
        s = _strings(self)
        with VerticalScroll(classes="dialog-box dossier-form"):
            yield Static(safe.text(s(self.TITLE_KEY), "bold"), classes="dialog-title")
            yield Static(safe.text(s("dossier.form.keys"), "dim"))
            yield from self.fields()
            yield Static(id="form-error")
            with Horizontal(classes="dialog-buttons"):
                if self.item is not None:
                    yield Button(Content(s("dossier.form.delete")), id="delete", variant="error")
                yield Button(Content(s("dossier.form.cancel")), id="cancel")
                yield Button(Content(s("dossier.form.save")), id="save", variant="primary")

    def fields(self) -> ComposeResult:  # pragma: no cover - every form overrides it
        yield from ()

    def label(self, key: str) -> Static:
        return Static(safe.text(_strings(self)(key)), classes="form-label")

    def field(self, key: str, widget_id: str, value: str | None, **kw: Any) -> ComposeResult:
        """A label and a text field, filled with ``value`` (``None``: empty)."""
        yield self.label(key)
        yield FormInput(value="" if value is None else value, id=widget_id, **kw)

    def on_mount(self) -> None:
        self.query_one("#form-error").display = False
        focusable = [w for w in self.query("Select, Input, SelectionList, RadioSet")]
        if focusable:
            focusable[0].focus()
        self._initial = self._values()

    def _values(self) -> list[tuple[str | None, Any]]:
        """What the fields hold now, to tell whether anything was changed."""
        out: list[tuple[str | None, Any]] = []
        for w in self.query("Input, Select, SelectionList, RadioSet"):
            if isinstance(w, Input):
                out.append((w.id, w.value))
            elif isinstance(w, Select):
                out.append((w.id, w.value))
            elif isinstance(w, SelectionList):
                out.append((w.id, sorted(w.selected)))
            elif isinstance(w, RadioSet):
                out.append((w.id, w.pressed_index))
        return out

    @property
    def changed(self) -> bool:
        return self._values() != getattr(self, "_initial", None)

    def error(self, key: str, **values: Any) -> None:
        box = self.query_one("#form-error", Static)
        box.update(safe.text(_strings(self)(key, **values)))
        box.display = True
        buttons = self.query_one(".dialog-buttons")
        self.call_after_refresh(buttons.scroll_visible, animate=False)

    def action_cancel(self) -> None:
        """Esc or Annuleren: close; when something was typed or changed, ask first."""
        from wizard.ui.screens.modals import ConfirmScreen

        if not self.changed:
            self.dismiss(None)
            return
        s = _strings(self)

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(
                s("dossier.discard.title"),
                s("dossier.discard.body"),
                s("dossier.discard.yes"),
                s("dossier.discard.no"),
            ),
            answered,
        )

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()

    @on(Button.Pressed, "#delete")
    def _delete(self) -> None:
        from wizard.ui.screens.modals import ConfirmScreen

        s = _strings(self)

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(("delete", self.item))

        self.app.push_screen(
            ConfirmScreen(
                s("dossier.delete.title"),
                s("dossier.delete.body"),
                s("dossier.form.delete"),
                s("dossier.form.cancel"),
            ),
            answered,
        )

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        from pydantic import ValidationError

        try:
            result = self.collect()
        except ValidationError:  # every field is checked above; this is the last safety net
            self.error("dossier.err.invalid")
            return
        if result is not None:
            self.dismiss(("save", result))
        else:
            self.quit_after_save = False  # not saved: the form stays, and so does the app

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.focus_next()

    def collect(self) -> Any:  # pragma: no cover - every form overrides it
        return None

    def text(self, widget_id: str) -> str:
        return self.query_one(widget_id, Input).value.strip()

    def whole_number(self, widget_id: str, error_key: str) -> int | None | bool:
        """The whole number in a field (``None`` when empty), or False after saying it is not
        one."""
        raw = self.text(widget_id)
        if not raw:
            return None
        if raw.isascii() and raw.isdigit() and int(raw) <= 10_000_000:
            return int(raw)
        self.error(error_key)
        return False

    def day(self, widget_id: str) -> str | None | bool:
        """The date in a field as JJJJ-MM-DD (``None`` when empty), or False after saying it
        cannot be read."""
        try:
            return _check_date(self.text(widget_id))
        except ValueError:
            self.error("dossier.err.date")
            return False


def open_changed_form(app: Any) -> _Form | None:
    """The dossier form on the screen stack that holds input not saved yet, if any."""
    return next(
        (sc for sc in reversed(app.screen_stack) if isinstance(sc, _Form) and sc.changed), None
    )


class ActivityForm(_Form):
    TITLE_KEY = "dossier.activity.title"

    def fields(self) -> ComposeResult:
        s = _strings(self)
        a = self.item
        d = self.dossier
        options = d.werkvorm_options()
        known = {k for k, _ in options}
        current = a.werkvorm if a else None
        yield self.label("dossier.activity.werkvorm")
        yield _select(
            [*options, (OTHER, s("dossier.activity.other"))],
            current if current in known else (OTHER if current else None),
            s("dossier.choose"),
            id="f-werkvorm",
        )
        yield self.label("dossier.activity.name")
        own = a.name if a and a.name else (current if current and current not in known else "")
        yield FormInput(
            value=own,
            placeholder=s("dossier.activity.other_hint"),
            id="f-werkvorm-other",
        )
        yield from self.field(
            "dossier.activity.date", "f-date", a.date if a else None, placeholder="2026-03-14"
        )
        yield from self.field("dossier.activity.place", "f-place", a.place if a else None)
        yield from self.field(
            "dossier.activity.participants",
            "f-participants",
            None if not a or a.participants is None else str(a.participants),
        )
        groups = d.reach_groups()
        reached = set(a.reached) if a else set()
        missing = set(a.missing) if a else set()
        yield self.label("dossier.activity.reached")
        yield TickList(
            *[Selection(safe.text(n), g, g in reached) for g, n in groups], id="f-reached"
        )
        yield self.label("dossier.activity.missing")
        yield TickList(
            *[Selection(safe.text(n), g, g in missing) for g, n in groups], id="f-missing"
        )
        yield from self.field("dossier.activity.follow_up", "f-follow", a.follow_up if a else None)
        yield from self.field("dossier.activity.notes", "f-notes", a.notes if a else None)

    @on(SelectionList.SelectedChanged)
    def _reached_or_missing(self, event: SelectionList.SelectedChanged) -> None:
        """A group is reached or missing, never both: ticking one clears the other."""
        other = {"f-reached": "#f-missing", "f-missing": "#f-reached"}.get(event.control.id or "")
        if other is None:
            return
        target = self.query_one(other, SelectionList)
        for value in event.control.selected:
            if value in target.selected:
                target.deselect(value)

    def collect(self) -> Any:
        from wizard.dossier import Activity

        werkvorm = _value(self.query_one("#f-werkvorm", Select))
        other = self.text("#f-werkvorm-other")
        name = ""
        if werkvorm in (None, OTHER):
            werkvorm = other  # a werkvorm of one's own: its name is the werkvorm
        else:
            name = other  # a werkvorm from the plan, and the activity's own name
        if not werkvorm:
            self.error("dossier.err.werkvorm")
            return None
        day = self.day("#f-date")
        if day is False:
            return None
        participants = self.whole_number("#f-participants", "dossier.err.participants")
        if participants is False:
            return None
        reached = list(self.query_one("#f-reached", SelectionList).selected)
        missing = list(self.query_one("#f-missing", SelectionList).selected)
        both = [g for g in reached if g in missing]
        if both:
            self.error("dossier.err.both", group=self.dossier.group_name(both[0]))
            return None
        return Activity(
            id=self.item.id if self.item else self.dossier.next_id("a"),
            werkvorm=werkvorm[:300],
            name=name[:300],
            date=day,
            place=self.text("#f-place")[:300],
            participants=participants,
            reached=reached,
            missing=missing,
            follow_up=self.text("#f-follow")[:4000],
            notes=self.text("#f-notes")[:4000],
        )


class InputForm(_Form):
    TITLE_KEY = "dossier.input.title"

    def fields(self) -> ComposeResult:
        from wizard.dossier import WEIGHING_LABELS

        s = _strings(self)
        i = self.item
        d = self.dossier
        yield from self.field("dossier.input.subject", "f-subject", i.subject if i else None)
        yield self.label("dossier.input.group")
        yield _select(
            [(NONE, s("dossier.input.everyone")), *d.planned_groups()],
            (i.group or NONE) if i else NONE,
            s("dossier.choose"),
            id="f-group",
            allow_blank=False,
        )
        yield self.label("dossier.input.activity")
        activities = [(a.id, _activity_label(d, a)) for a in d.activities]
        yield _select(
            [(NONE, s("dossier.input.no_activity")), *activities],
            (i.activity or NONE) if i else (activities[-1][0] if activities else NONE),
            s("dossier.choose"),
            id="f-activity",
            allow_blank=False,
        )
        yield from self.field("dossier.input.heard", "f-heard", i.heard if i else None)
        yield self.label("dossier.input.weighing")
        with RadioSet(id="f-weighing"):
            for w, label in WEIGHING_LABELS.items():
                yield TextRadio(
                    safe.text(label), value=(i.weighing == w) if i else w.value == "open"
                )
        yield from self.field("dossier.input.action", "f-action", i.action if i else None)
        yield from self.field("dossier.input.reason", "f-reason", i.reason if i else None)
        yield from self.field("dossier.input.decided_by", "f-decided", i.decided_by if i else None)

    def collect(self) -> Any:
        from wizard.dossier import WEIGHING_LABELS
        from wizard.dossier import Input as Heard

        subject, heard = self.text("#f-subject"), self.text("#f-heard")
        if not subject:
            self.error("dossier.err.subject")
            return None
        if not heard:
            self.error("dossier.err.heard")
            return None
        index = self.query_one("#f-weighing", RadioSet).pressed_index
        weighing = list(WEIGHING_LABELS)[max(index, 0)]
        reason = self.text("#f-reason")
        if weighing.value in ("deels", "niet") and not reason:
            self.error("dossier.err.reason")
            return None
        group = _value(self.query_one("#f-group", Select))
        activity = _value(self.query_one("#f-activity", Select))
        return Heard(
            id=self.item.id if self.item else self.dossier.next_id("i"),
            subject=subject[:300],
            group=None if group in (None, NONE) else group,
            activity=None if activity in (None, NONE) else activity,
            heard=heard[:4000],
            weighing=weighing,
            action=self.text("#f-action")[:4000],
            reason=reason[:4000],
            decided_by=self.text("#f-decided")[:300],
        )


class EvaluationForm(_Form):
    TITLE_KEY = "dossier.eval.title"

    def fields(self) -> ComposeResult:
        from wizard.report import SCORE_QUESTIONS

        s = _strings(self)
        e = self.item
        d = self.dossier
        yield self.label("dossier.eval.activity")
        activities = [(a.id, _activity_label(d, a)) for a in d.activities]
        yield _select(
            activities,
            e.activity if e else (activities[-1][0] if activities else None),
            s("dossier.choose"),
            id="f-activity",
        )
        yield from self.field(
            "dossier.eval.respondents", "f-respondents", str(e.respondents) if e else None
        )
        yield Static(safe.text(s("dossier.eval.scale"), "italic"), classes="form-label")
        for key, question in SCORE_QUESTIONS:
            yield Static(safe.text(question), classes="form-label")
            value = getattr(e, key) if e else None
            yield FormInput(value="" if value is None else f"{value:g}", id=f"f-{key}")
        yield from self.field("dossier.eval.change", "f-change", e.change if e else None)
        yield from self.field(
            "dossier.eval.organisers", "f-organisers", e.organisers if e else None
        )

    def collect(self) -> Any:
        from wizard.dossier import Evaluation
        from wizard.report import SCORE_QUESTIONS

        activity = _value(self.query_one("#f-activity", Select))
        if not activity:
            self.error("dossier.err.activity")
            return None
        respondents = self.whole_number("#f-respondents", "dossier.err.respondents")
        if respondents is False:
            return None
        scores: dict[str, float | None] = {}
        for key, _ in SCORE_QUESTIONS:
            try:
                scores[key] = _parse_number(self.text(f"#f-{key}"), 1, 5)
            except ValueError:
                self.error("dossier.err.score")
                return None
        return Evaluation(
            activity=activity,
            respondents=respondents or 0,
            change=self.text("#f-change")[:4000],
            organisers=self.text("#f-organisers")[:4000],
            **scores,
        )


class DecisionForm(_Form):
    TITLE_KEY = "dossier.decision.title"

    def fields(self) -> ComposeResult:
        d = self.item
        yield from self.field("dossier.decision.text", "f-text", d.text if d else None)
        yield from self.field("dossier.decision.by", "f-by", d.by if d else None)
        yield from self.field(
            "dossier.decision.date", "f-date", d.date if d else None, placeholder="2026-06-30"
        )

    def collect(self) -> Any:
        from wizard.dossier import DecisionRecord

        text = self.text("#f-text")
        if not text:
            self.error("dossier.err.decision")
            return None
        day = self.day("#f-date")
        if day is False:
            return None
        return DecisionRecord(text=text[:4000], by=self.text("#f-by")[:300], date=day)


class ContactForm(_Form):
    """Who sends the letter and whom participants can ask: the letter and the rapportage name
    them (until then the letter has a placeholder to fill in)."""

    TITLE_KEY = "dossier.contact.title"

    def fields(self) -> ComposeResult:
        d = self.dossier
        yield Static(safe.text(_strings(self)("dossier.contact.explain")), classes="form-label")
        yield from self.field("dossier.contact.organisation", "f-organisation", d.organisation)
        yield from self.field("dossier.contact.contact", "f-contact", d.contact)

    def collect(self) -> Any:
        return (self.text("#f-organisation")[:300], self.text("#f-contact")[:300])


class RoomForm(_Form):
    """What was fixed and what was open, in the words participants read. The plan's items are
    written for the civil servant, with what to fill in ("Noem het bedrag"): here they say it,
    and only what they write reaches the rapportage and the evaluation form."""

    TITLE_KEY = "dossier.room.title"

    def fields(self) -> ComposeResult:
        s = _strings(self)
        d = self.dossier
        written = {(r.kind, r.plan): r.text for r in d.room}
        yield Static(safe.text(s("dossier.room.explain")), classes="form-label")
        for n, (kind, plan, public, instruction) in enumerate(d.plan_room()):
            key = "dossier.room.fixed" if kind == "fixed" else "dossier.room.open"
            yield Static(safe.text(s(key, text=public), "bold"), classes="form-label")
            if instruction:
                yield Static(safe.text(s("dossier.room.hint", text=instruction), "italic"))
            yield FormInput(value=written.get((kind, plan), public), id=f"f-room-{n}")
        if not d.plan_room():
            yield Static(safe.text(s("dossier.room.none")))

    def collect(self) -> Any:
        from wizard.dossier import RoomItem

        return [
            RoomItem(kind=kind, plan=plan[:4000], text=self.text(f"#f-room-{n}")[:4000])
            for n, (kind, plan, _, _) in enumerate(self.dossier.plan_room())
        ]


# --- export -----------------------------------------------------------------------------------

DOCUMENTS = ("rapport", "brief", "brief-kinderen", "brief-ouders", "formulier", "plan")
_FOR_YOUNG = ("brief-kinderen", "brief-ouders")
FORMATS = ("docx", "markdown", "json")
SUFFIX = {"docx": ".docx", "markdown": ".md", "json": ".json"}


def documents_for(dossier: Any) -> tuple[str, ...]:
    """The documents to offer: the letter for children only when children took part."""
    return tuple(d for d in DOCUMENTS if d not in _FOR_YOUNG or dossier.has_young())


def document_text(dossier: Any, session: Any, doc: str, fmt: str, today: Any) -> tuple[str, str]:
    """(Markdown or JSON text, file stem suffix) for one document of the dossier."""
    import json

    from wizard import report

    if doc == "plan":
        from wizard.render import to_json_data, to_markdown

        engine = session.engine
        if fmt == "json":
            data = to_json_data(engine, session.digest)
            return json.dumps(data, ensure_ascii=False, indent=2) + "\n", "plan"
        return to_markdown(engine, today=today), "plan"
    makers = {
        "rapport": (report.report_markdown, report.report_data, "rapportage"),
        "brief": (report.letter_markdown, report.letter_data, "brief"),
        "brief-kinderen": (report.child_letter_markdown, report.letter_data, "brief-kinderen"),
        "brief-ouders": (report.parents_letter_markdown, report.letter_data, "brief-ouders"),
        "formulier": (
            lambda d, t: report.form_markdown(d),
            lambda d, t: report.form_data(d),
            "evaluatieformulier",
        ),
    }
    to_md, to_data, stem = makers[doc]
    if fmt == "json":
        return json.dumps(to_data(dossier, today), ensure_ascii=False, indent=2) + "\n", stem
    return to_md(dossier, today), stem


_STEMS = {
    "rapport": "rapportage",
    "brief": "brief",
    "brief-kinderen": "brief-kinderen",
    "brief-ouders": "brief-ouders",
    "formulier": "evaluatieformulier",
    "plan": "plan",
}


def document_path(doc: str, fmt: str, folder: Path, stem: str) -> Path:
    return folder / f"{stem}-{_STEMS[doc]}{SUFFIX[fmt]}"


def write_document_file(
    dossier: Any, session: Any, doc: str, fmt: str, folder: Path, stem: str, today: Any
) -> Path:
    """Write one document in ``folder``; returns its path. The dossier notes it (saved by the
    caller)."""
    from wizard.dossier import answers_digest, note_written
    from wizard.session import write_atomic

    text, _ = document_text(dossier, session, doc, fmt, today)
    path = document_path(doc, fmt, folder, stem)
    if fmt == "docx":
        from wizard.docx_export import write_docx

        write_docx(path, text)
    else:
        write_atomic(path, text)
    engine = session.engine
    digest = answers_digest(engine.answers, engine.details) if doc == "plan" else ""
    note_written(dossier, doc, path.resolve(), digest)
    return path


class DossierExportScreen(ModalScreen[None]):
    """Pick a document and a format; it goes to the documents folder (as the plan export does,
    or the folder used last), in the format used last; an existing file is only overwritten
    after asking."""

    BINDINGS = [Binding("escape", "cancel", "b.close", key_display="Esc")]

    def __init__(self) -> None:
        super().__init__(classes="dialog")
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        from wizard.exportdir import default_export_folder, default_export_format

        s = _strings(self)
        session = self.app.session  # type: ignore[attr-defined]
        folder = default_export_folder()
        fmt = default_export_format(FORMATS)
        with VerticalScroll(classes="dialog-box dossier-form", id="dossier-export"):
            yield Static(safe.text(s("dossier.export.title"), "bold"), classes="dialog-title")
            missing = _missing_contact(session.dossier)
            if missing:
                yield Static(safe.text(s("dossier.contact.missing.export", what=missing), "bold"))
            # the document first, under the title: the list has the focus, and at 80x24 the
            # dialog opened scrolled down to it, hiding the title and what it was about
            yield Static(safe.text(s("dossier.export.which")), classes="form-label")
            # format and folder are below the list: say here what Enter will use
            yield Static(id="x-where", classes="form-hint")
            yield PointerList(
                *[
                    Option(safe.text(s(f"dossier.doc.{d}")), id=d)
                    for d in documents_for(session.dossier)
                ],
                id="x-docs",
            )
            yield Static(id="x-result")
            yield Static(safe.text(s("dossier.export.format")), classes="form-label")
            with RadioSet(id="x-format"):
                for f in FORMATS:
                    yield TextRadio(safe.text(s(f"dossier.fmt.{f}")), value=f == fmt)
            yield Static(safe.text(s("dossier.export.folder")), classes="form-label")
            yield Input(value=str(folder), id="x-folder")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(s("dossier.form.close")), id="cancel")

    def on_mount(self) -> None:
        docs = self.query_one("#x-docs", OptionList)
        docs.highlighted = 0
        docs.focus()
        self.query_one("#x-result").display = False
        self._show_where()

    @on(RadioSet.Changed, "#x-format")
    @on(Input.Changed, "#x-folder")
    def _show_where(self) -> None:
        s = _strings(self)
        fmt = FORMATS[max(self.query_one("#x-format", RadioSet).pressed_index, 0)]
        folder = self.query_one("#x-folder", Input).value.strip() or "."
        where = s("dossier.export.where", fmt=s(f"dossier.fmt.{fmt}"), folder=folder)
        self.query_one("#x-where", Static).update(safe.text(where, "italic"))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    def _say(self, text: str, error: bool) -> None:
        result = self.query_one("#x-result", Static)
        result.update(safe.text(text))
        result.set_class(error, "error")
        result.display = True

    @on(OptionList.OptionSelected, "#x-docs")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        from wizard.ui.screens.modals import ConfirmScreen

        s = _strings(self)
        session = self.app.session  # type: ignore[attr-defined]
        doc = str(event.option_id)
        fmt = FORMATS[max(self.query_one("#x-format", RadioSet).pressed_index, 0)]
        from wizard.ui.state import expand_home

        folder = expand_home(Path(self.query_one("#x-folder", Input).value.strip() or "."))
        stem = session.dossier_path.stem if session.dossier_path else "dossier"
        target = document_path(doc, fmt, folder, stem)
        if target.exists():

            def answered(yes: bool | None) -> None:
                if yes:
                    self._write(doc, fmt, folder, stem)

            self.app.push_screen(
                ConfirmScreen(
                    s("dossier.export.title"),
                    s("export.exists", files=str(target)),
                    s("export.overwrite"),
                    s("export.cancel"),
                ),
                answered,
            )
            return
        self._write(doc, fmt, folder, stem)

    def _write(self, doc: str, fmt: str, folder: Path, stem: str) -> None:
        s = _strings(self)
        session = self.app.session  # type: ignore[attr-defined]
        try:
            if not folder.is_dir():
                raise NotADirectoryError(0, s("dossier.export.nofolder"), str(folder))
            path = write_document_file(
                session.dossier,
                session,
                doc,
                fmt,
                folder,
                stem,
                self.app.today,  # type: ignore[attr-defined]
            )
        except OSError as exc:
            reason = exc.strerror
            self._say(s("dossier.export.failed", path=exc.filename or folder, reason=reason), True)
            return
        self._say(s("dossier.export.done", path=path), False)
        if self.app.save:  # type: ignore[attr-defined]  # --no-save: leave no trace
            from wizard.exportdir import remember_export_folder, remember_export_format

            remember_export_folder(folder)
            remember_export_format(fmt)
        if doc == "plan":
            session.plan_export = path
            session.mark_exported()  # saves the dossier too
        else:
            session.save_dossier()
        if path not in session.documents:
            session.documents.append(path)


def _missing_contact(dossier: Any) -> str:
    from wizard.report import missing_contact

    return " en ".join(missing_contact(dossier))


# --- the dossier screen -------------------------------------------------------------------------


class DossierScreen(Screen):
    """One project's dossier: plan, activities, what was heard and weighed, evaluations."""

    AUTO_FOCUS = None
    BINDINGS = [
        Binding("escape", "back", "b.back", key_display="Esc"),
        # h, e and b are named in the section headings; the footer keeps to 80 columns.
        # Letters are shortcuts here: see _typed_ahead for text typed on after a form closed.
        Binding("a", "shortcut('activity')", "dossier.b.activity"),
        Binding("h", "shortcut('heard')", "dossier.b.heard", show=False),
        Binding("e", "shortcut('evaluation')", "dossier.b.evaluation", show=False),
        Binding("b", "shortcut('decision')", "dossier.b.decision", show=False),
        Binding("o", "shortcut('contact')", "dossier.b.contact"),
        Binding("x", "shortcut('export')", "dossier.b.export"),
        Binding("v", "shortcut('snapshot')", "dossier.b.snapshot", show=False),
        Binding("r", "shortcut('room')", "dossier.b.room", show=False),
    ]
    # After a form closes, letters that follow within this many seconds of each other are text
    # typed on (fast typing after Ctrl+S), not shortcuts.
    TYPE_AHEAD = 0.5

    def __init__(self, notes: list[str] | None = None) -> None:
        super().__init__()  # no fixed id: it may be opened twice (found by the fuzz test)
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]
        self.notes = list(notes or [])
        self._reveal: str | None = None
        self._quiet_until = 0.0  # letters before this moment are typed text, not shortcuts
        self._told_typing = False

    @property
    def session(self):
        return self.app.session  # type: ignore[attr-defined]

    @property
    def dossier(self):
        return self.session.dossier

    def compose(self) -> ComposeResult:
        s = _strings(self)
        yield Header()
        with VerticalScroll(id="dossier-body"):
            yield Static(id="d-title")
            yield Static(id="d-file")
            yield Static(id="d-notes")
            yield Static(id="d-contact")
            yield Static(id="d-plan")
            yield Static(id="d-changed")
            yield Static(id="d-missing")
            yield Static(safe.text(s("dossier.activities"), "bold"), classes="label")
            yield PointerList(id="activities")
            yield Static(safe.text(s("dossier.inputs"), "bold"), classes="label")
            yield PointerList(id="inputs")
            yield Static(safe.text(s("dossier.evaluations"), "bold"), classes="label")
            yield PointerList(id="evaluations")
            yield Static(safe.text(s("dossier.decision"), "bold"), classes="label")
            yield Static(id="d-decision")
        yield Footer(compact=True)  # every key fits in 80 columns

    def on_mount(self) -> None:
        self.refresh_view()
        # no scrolling: the page opens at its top, with the plan and what is still missing
        self.query_one("#activities", OptionList).focus(scroll_visible=False)

    def refresh_view(self) -> None:
        from wizard.dossier import WEIGHING_LABELS
        from wizard.report import _levels, _nl_date, evaluation_summary

        s = _strings(self)
        d = self.dossier
        self.query_one("#d-title", Static).update(
            safe.text(s("dossier.heading", title=d.title), "bold")
        )
        file = s("dossier.file", path=self.session.dossier_path)
        if not self.session.save:  # say what working without saving means for this file
            file += "\n" + s("dossier.file.nosave")
        self.query_one("#d-file", Static).update(safe.text(file, "dim"))
        notes = self.query_one("#d-notes", Static)
        notes.update(safe.text(s("dossier.notes", notes="; ".join(self.notes))))
        notes.display = bool(self.notes)
        missing = _missing_contact(d)
        contact = self.query_one("#d-contact", Static)
        if missing:  # the letter would go out with a placeholder: say it before it is sent
            contact.update(safe.text(s("dossier.contact.missing", what=missing), "bold"))
        else:
            contact.update(safe.text(s("dossier.contact.line", org=d.organisation, who=d.contact)))
        plan = []
        if d.plan:
            decision = d.advice.get("decision")
            label = decision.get("label") if isinstance(decision, dict) else None
            plan.append(s("dossier.plan.made", day=_nl_date(d.plan.made)))
            if isinstance(label, str):
                plan.append(s("dossier.plan.decision", decision=label))
            levels = _levels(d.advice)
            if levels:
                plan.append(s("dossier.plan.levels", levels="; ".join(levels)))
            werkvormen = ", ".join(n for _, n in d.planned_werkvormen())
            if werkvormen:
                plan.append(s("dossier.plan.werkvormen", names=werkvormen))
            groups = ", ".join(n for _, n in d.planned_groups())
            if groups:
                plan.append(s("dossier.plan.groups", names=groups))
            if d.plan_room():
                fixed, open_ = d.public_room()
                plan.append(s("dossier.plan.fixed", text=" ".join(fixed) or "–"))
                plan.append(s("dossier.plan.open", text=" ".join(open_) or "–"))
                if d.room:
                    plan.append(s("dossier.plan.room.own"))
                elif any(instruction for *_, instruction in d.plan_room()):
                    # only while an item still tells the civil servant what to fill in
                    plan.append(s("dossier.plan.room"))
        self.query_one("#d-plan", Static).update(safe.text("\n".join(plan)))
        from wizard.dossier import plan_is_current

        changed = self.query_one("#d-changed", Static)
        changed.update(safe.text(s("dossier.plan.changed"), "bold"))
        changed.display = d.plan is not None and not plan_is_current(d, self.session.engine)
        never = d.never_reached()
        missing = self.query_one("#d-missing", Static)
        if never and d.activities:
            names = ", ".join(d.group_name(g) for g in never)
            key = (
                "dossier.never_reached.done"
                if all(d.follow_ups(g) for g in never)
                else "dossier.never_reached"
            )
            missing.update(safe.text(s(key, names=names), "bold"))
            missing.display = True
        else:
            missing.display = False

        activities = self.query_one("#activities", OptionList)
        options = []
        for a in d.activities:
            line = f"{d.activity_name(a)} · {_nl_date(a.date) or s('dossier.nodate')}"
            if a.participants is not None:
                key = "dossier.person" if a.participants == 1 else "dossier.people"
                line += " · " + s(key, n=a.participants)
            if a.missing:
                line += " · " + s(
                    "dossier.missing", names=", ".join(d.group_name(g) for g in a.missing)
                )
            options.append(Option(safe.text(line), id=a.id))
        options.append(Option(safe.text(s("dossier.add.activity"), "italic"), id=NONE))
        self._fill(activities, options)

        inputs = self.query_one("#inputs", OptionList)
        options = [
            Option(
                safe.text(
                    f"{i.subject} — {d.group_name(i.group)}: {safe.summary(i.heard, 60)} "
                    f"[{WEIGHING_LABELS[i.weighing]}]"
                ),
                id=i.id,
            )
            for i in d.inputs
        ]
        options.append(Option(safe.text(s("dossier.add.input"), "italic"), id=NONE))
        self._fill(inputs, options)

        evaluations = self.query_one("#evaluations", OptionList)
        options = []
        for n, e in enumerate(d.evaluations):
            a = d.activity(e.activity)
            title = d.activity_name(a) if a else e.activity
            options.append(Option(safe.text(f"{title}: {evaluation_summary(e)}"), id=str(n)))
        options.append(Option(safe.text(s("dossier.add.evaluation"), "italic"), id=NONE))
        self._fill(evaluations, options)

        decision = d.decision
        self.query_one("#d-decision", Static).update(
            safe.text(
                s("dossier.decision.none")
                if decision is None
                else " ".join(
                    x
                    for x in (decision.text, decision.by and f"({decision.by})", decision.date)
                    if x
                )
            )
        )

    def _fill(self, widget: OptionList, options: list[Option]) -> None:
        keep = widget.highlighted
        widget.set_options(options)
        widget.highlighted = min(keep or 0, len(options) - 1)

    # --- changes ------------------------------------------------------------------------------

    def _saved(self, kind: str | None = None) -> None:
        error = self.session.save_dossier()
        if error:
            self.notify(
                _strings(self)("dossier.save_failed", reason=error),
                markup=False,
                severity="error",
                timeout=10,
            )
        self.refresh_view()
        self._reveal = kind  # shown when the form has closed (see on_screen_resume)

    def on_screen_resume(self) -> None:
        """Show what was just saved: the plan summary above it can fill a small screen."""
        lists = {"activity": "#activities", "input": "#inputs", "evaluation": "#evaluations"}
        kind, self._reveal = self._reveal, None
        if kind in lists:
            target = self.query_one(lists[kind], OptionList)
            target.focus(scroll_visible=False)
            self.call_after_refresh(target.scroll_visible, animate=False, top=True)

    def _form_closed(self, *_: Any) -> None:
        """Keys typed on after a form closed are text, not shortcuts (see _typed_ahead)."""
        self._quiet_until = time.monotonic() + self.TYPE_AHEAD
        self._told_typing = False

    def _edit(self, form: _Form, kind: str) -> None:
        def done(result: Any) -> None:
            self._form_closed()
            if not result:
                return
            action, value = result
            d = self.dossier
            items = {"activity": d.activities, "input": d.inputs, "evaluation": d.evaluations}
            if kind == "decision":
                d.decision = None if action == "delete" else value
            elif kind == "contact":
                d.organisation, d.contact = value
            elif kind == "room":
                d.room = value
            else:
                target = items[kind]
                old = form.item
                index = next((n for n, x in enumerate(target) if x is old), None)
                if action == "delete" and index is not None:
                    target.pop(index)
                    if kind == "activity":
                        self._forget_activity(old.id)
                elif action == "save":
                    if index is None:
                        target.append(value)
                    else:
                        target[index] = value
            self._saved(kind)
            if form.quit_after_save and self.session.autosave_error is None:
                self.app.exit(0)  # "Opslaan en stoppen" in the quit dialog

        self.app.push_screen(form, done)

    def _forget_activity(self, activity_id: str) -> None:
        d = self.dossier
        d.evaluations = [e for e in d.evaluations if e.activity != activity_id]
        for i in d.inputs:
            if i.activity == activity_id:
                i.activity = None

    def _typed_ahead(self) -> bool:
        """Is a letter now part of text typed on after a form closed? Then it is no shortcut:
        each such letter keeps the screen quiet a little longer, so a whole word is ignored,
        and the user is told once where the text went."""
        now = time.monotonic()
        if now >= self._quiet_until:
            return False
        self._quiet_until = now + self.TYPE_AHEAD
        if not self._told_typing:
            self._told_typing = True
            self.notify(_strings(self)("dossier.typed_ahead"), markup=False, severity="warning")
        return True

    def on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character and event.character.isalpha():
            self._typed_ahead()  # a letter that is no shortcut still belongs to the word

    def action_shortcut(self, name: str) -> None:
        if not self._typed_ahead():
            getattr(self, f"action_{name}")()

    def action_activity(self, item: Any = None) -> None:
        self._edit(ActivityForm(self.dossier, item), "activity")

    def action_heard(self, item: Any = None) -> None:
        self._edit(InputForm(self.dossier, item), "input")

    def action_evaluation(self, item: Any = None) -> None:
        if not self.dossier.activities:
            self.notify(_strings(self)("dossier.eval.first"), markup=False, severity="warning")
            return
        self._edit(EvaluationForm(self.dossier, item), "evaluation")

    def action_decision(self) -> None:
        self._edit(DecisionForm(self.dossier, self.dossier.decision), "decision")

    def action_contact(self) -> None:
        self._edit(ContactForm(self.dossier, None), "contact")

    def action_room(self) -> None:
        self._edit(RoomForm(self.dossier), "room")

    def action_export(self) -> None:
        self.app.push_screen(DossierExportScreen(), self._form_closed)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_snapshot(self) -> None:
        """Record the plan again from the current answers (after the plan was changed)."""
        from wizard.dossier import snapshot

        session = self.session
        if not session.engine.is_complete:
            self.notify(_strings(self)("dossier.incomplete"), markup=False, severity="warning")
            return
        self.dossier.plan = snapshot(session.engine, session.digest, self.app.today)  # type: ignore[attr-defined]
        self._saved()
        self.notify(_strings(self)("dossier.snapshot.done"), markup=False)

    @on(OptionList.OptionSelected, "#activities")
    def _activity_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_activity(self.dossier.activity(event.option_id))

    @on(OptionList.OptionSelected, "#inputs")
    def _input_selected(self, event: OptionList.OptionSelected) -> None:
        item = next((i for i in self.dossier.inputs if i.id == event.option_id), None)
        self.action_heard(item)

    @on(OptionList.OptionSelected, "#evaluations")
    def _evaluation_selected(self, event: OptionList.OptionSelected) -> None:
        n = event.option_id
        item = self.dossier.evaluations[int(n)] if n and n.isdigit() else None
        self.action_evaluation(item)


# --- opening and creating -------------------------------------------------------------------------


def show_dossier(app: Any) -> None:
    """The dossier of the running session; made from the plan the first time (a new file)."""
    from wizard.dossier import default_dossier_path, new_dossier

    s = app.strings
    session = app.session
    if session is None:
        app.notify(s("dossier.no_session"), markup=False, severity="warning")
        return
    if session.case is not None:
        app.notify(s("dossier.no_case"), markup=False, severity="warning")
        return
    if isinstance(app.screen, DossierScreen):
        return
    if session.dossier is None:
        if not session.engine.is_complete:
            app.notify(s("dossier.incomplete"), markup=False, severity="warning")
            return
        dossier = new_dossier(session.engine, session.digest, today=app.today)
        path = default_dossier_path(dossier)
        error = session.attach_dossier(dossier, path)
        if error:
            session.dossier = session.dossier_path = None
            app.notify(s("dossier.save_failed", reason=error), markup=False, severity="error")
            return
        app.notify(s("dossier.created", path=path), markup=False, timeout=10)
    app.push_screen(DossierScreen())


def open_dossier_file(app: Any, path: Path) -> None:
    """Open a dossier file: its tree (by id), its variant and answers; name what no longer fits."""
    from wizard.dossier import load_dossier, open_with_tree, plan_written
    from wizard.flow import UnknownVariant, resolve
    from wizard.problems import ProblemsError
    from wizard.recent import remember
    from wizard.ui.state import Session

    s = app.strings
    try:
        dossier = load_dossier(path)
    except ProblemsError as exc:
        app.notify(
            s("dossier.open_failed", reason=exc.problems[0].format()),
            markup=False,
            severity="error",
            timeout=15,
        )
        return
    entry = next(
        (e for e in app.entries or [] if e.loaded and e.loaded.tree.id == dossier.tree.id), None
    )
    if entry is None:
        app.notify(
            s("dossier.no_tree", tree=dossier.tree.title or dossier.tree.id),
            markup=False,
            severity="error",
            timeout=15,
        )
        return
    try:
        flow = resolve(entry.loaded.tree, dossier.tree.variant)
    except UnknownVariant as exc:
        app.notify(s("dossier.open_failed", reason=str(exc)), markup=False, severity="error")
        return
    opened = open_with_tree(dossier, flow, entry.loaded.digest)
    session = Session(entry.loaded, opened.engine, app.save)
    session.dossier, session.dossier_path = dossier, path.resolve()
    session.dossier_unfit = {
        k: v for k, v in dossier.answers.items() if k not in opened.engine.answers
    }
    if plan_written(dossier, opened.engine.answers, opened.engine.details):
        session.mark_exported(save=False)  # this plan was exported before (the dossier says so)
    if app.save:  # working without saving leaves no trace in the state folder
        remember(path, dossier.title)
    notes = [*opened.notes, *dossier.load_notes]
    if opened.tree_changed:
        notes.append(s("dossier.tree_changed"))
    app.begin(session, [s("q.notes", notes="; ".join(opened.notes))] if opened.notes else [])
    app.push_screen(DossierScreen(notes))
