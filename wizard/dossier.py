"""One dossier per project: the plan as it was made, and what happened after.

A dossier is one readable YAML file that a civil servant can mail, keep in the municipality's
document system and open again later (``stappenplan open FILE``). It holds:

- the answers (by node and option id, like a session) and the tree they were given for;
- the advice *as it was when the plan was made* (``plan.advice``: the JSON that
  :func:`wizard.render.to_json_data` produces), so a later change to the tree or the advice
  engine never rewrites history. That snapshot is read as data, defensively: its fields grow;
- the activity log: per activity the werkvorm, date, place or channel, how many took part,
  which of the plan's groups were reached and which were missing, and what was done about it;
- what was heard (per subject and group) and how it was weighed (overgenomen / deels / niet,
  with the reason and who decided);
- evaluation results per activity, and the decision that followed.

Plain Python: no Textual. Reports are made from a dossier by :mod:`wizard.report`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    model_validator,
)

from wizard.engine import Engine, now_iso
from wizard.flow import Flow
from wizard.problems import Problem, ProblemsError
from wizard.recent import remember
from wizard.session import fit_answers, fit_details, write_atomic

DOSSIER_KIND = "stappenplan-dossier"
DOSSIER_VERSION = 1
MAX_DOSSIER_BYTES = 2 * 1024 * 1024


def _day(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat() if len(value) == 10 else _bad_day(value)
    except ValueError:
        return _bad_day(value)


def _bad_day(value: str) -> str:
    raise ValueError(f"'{value}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-14")


Day = Annotated[
    str,
    AfterValidator(_day),
    Field(description="Datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-14."),
]
LINE_MAX = 300
Line = Annotated[str, Field(max_length=LINE_MAX)]
Note = Annotated[str, Field(max_length=4000)]
Ref = Annotated[str, Field(min_length=1, max_length=80)]


class _Base(BaseModel):
    # defer_build: the schemas are built when a dossier is first read, not on import
    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True, defer_build=True)


class Weighing(str, Enum):
    """How an idea or concern was weighed."""

    open = "open"
    overgenomen = "overgenomen"
    deels = "deels"
    niet = "niet"


WEIGHING_LABELS = {
    Weighing.open: "Nog niet gewogen",
    Weighing.overgenomen: "Overgenomen",
    Weighing.deels: "Deels overgenomen",
    Weighing.niet: "Niet overgenomen",
}


class Activity(_Base):
    """One thing that happened: a meeting, a survey, a walk, a letter."""

    id: Ref
    werkvorm: Line = Field(description="Werkvorm: id uit het plan, of een eigen naam.")
    name: Line = Field("", description="Eigen naam van de activiteit (bijvoorbeeld 'Tekenles').")
    date: Day | None = None
    place: Line = Field("", description="Plaats of kanaal (buurthuis, online, huis-aan-huis).")
    participants: int | None = Field(None, ge=0, le=10_000_000)
    reached: list[Ref] = Field(default_factory=list, description="Bereikte groepen (ids).")
    missing: list[Ref] = Field(default_factory=list, description="Ontbrekende groepen (ids).")
    follow_up: Note = Field("", description="Wat er is gedaan om de ontbrekende groepen te horen.")
    notes: Note = ""

    @model_validator(mode="after")
    def _reached_or_missing(self) -> Activity:
        both = [g for g in self.reached if g in self.missing]
        if both:
            raise ValueError(f"'{both[0]}' staat bij bereikt én bij ontbrekend; kies er één")
        return self


class Input(_Base):
    """What was heard about one subject from one group, and how it was weighed."""

    id: Ref
    subject: Line = Field(min_length=1)
    group: Ref | None = Field(None, description="Groep (id uit het plan) of eigen naam.")
    activity: Ref | None = Field(None, description="Activiteit waar het gehoord is (id).")
    heard: Note = Field(min_length=1)
    weighing: Weighing = Weighing.open
    action: Note = Field("", description="Wat we ermee doen (bij elke afweging).")
    reason: Note = Field("", description="Waarom (nodig bij deels of niet overgenomen).")
    decided_by: Line = ""


class Evaluation(_Base):
    """The results of the evaluation form for one activity (scores 1 to 5, averaged)."""

    activity: Ref
    respondents: int = Field(0, ge=0, le=10_000_000)
    clear: float | None = Field(None, ge=1, le=5, description="Was duidelijk wat open lag?")
    heard: float | None = Field(None, ge=1, le=5, description="Voelden mensen zich gehoord?")
    accessible: float | None = Field(None, ge=1, le=5, description="Was het toegankelijk?")
    change: Note = Field("", description="Wat deelnemers anders willen.")
    organisers: Note = Field("", description="Wat de organisatie ervan leerde.")


class DecisionRecord(_Base):
    text: Note = Field(min_length=1)
    by: Line = ""
    date: Day | None = None


class RoomItem(_Base):
    """One thing that was fixed or open, in the words participants read (the invloedsruimte
    as told to them). ``plan`` is the plan's item it stands for, with any instruction to the
    civil servant in it; ``text`` is what the public documents say (empty: not mentioned)."""

    kind: Literal["fixed", "open"]
    plan: Note = ""
    text: Note = ""


class Written(_Base):
    """A document written from the dossier: which one, where, when. ``answers`` is a digest of
    the answers it was made from (for the plan: is that export still the plan as it is?)."""

    document: Ref
    file: Note = ""
    at: Line = ""
    answers: Line = ""


class TreeRef(_Base):
    id: Ref
    title: Line = ""
    version: Line | None = None
    digest: Line = ""
    variant: Ref | None = None


class PlanSnapshot(_Base):
    made: Day
    advice: dict[str, Any]


AnswerValue = str | list[str] | bool

# Children and young people get their own evaluation form and are not addressed as "u". The
# plan snapshot says so per group and werkvorm (the tree's ``audience``); these catalogue ids
# of the bundled tree only serve dossiers made before plans carried that field.
YOUNG_AUDIENCES = frozenset({"kinderen", "jongeren"})
YOUNG_GROUPS = frozenset({"kinderen", "jongeren"})
YOUNG_WERKVORMEN = frozenset({"kinderparticipatie", "jongerenpanel"})
# Groups a public letter does not name ("we spraken nog niet met mensen met weinig geld" labels
# the readers' neighbours): the plan snapshot says so per stakeholder (the tree's
# ``sensitive: true``); these catalogue ids of the bundled tree (poverty and debts, low literacy,
# migration background, disability) only serve dossiers made before plans carried that field.
# The rapportage for the council names every group.
SENSITIVE_GROUPS = frozenset(
    {"armoede", "schulden", "laaggeletterden", "nieuwkomers", "beperking", "statushouders"}
)


class Dossier(_Base):
    kind: Literal["stappenplan-dossier"] = DOSSIER_KIND
    version: Literal[1] = DOSSIER_VERSION
    title: Line = Field(min_length=1)
    organisation: Line = Field("", description="Gemeente of organisatie.")
    contact: Line = Field("", description="Contactpersoon voor deelnemers.")
    created: Line = ""
    updated: Line = ""
    tree: TreeRef
    answers: dict[str, AnswerValue] = Field(default_factory=dict)
    details: dict[str, dict[str, str]] = Field(default_factory=dict)  # own words per option
    activities: list[Activity] = Field(default_factory=list)
    inputs: list[Input] = Field(default_factory=list)
    evaluations: list[Evaluation] = Field(default_factory=list)
    decision: DecisionRecord | None = None
    room: list[RoomItem] = Field(
        default_factory=list,
        description="Wat vastligt en wat open is, in woorden voor deelnemers (leeg: uit het plan).",
    )
    plan: PlanSnapshot | None = None
    written: list[Written] = Field(
        default_factory=list, description="Documenten die uit dit dossier zijn geschreven."
    )
    # what load_dossier had to repair in an older file (in Dutch, for the user); not saved
    _load_notes: list[str] = PrivateAttr(default_factory=list)

    @property
    def load_notes(self) -> list[str]:
        return list(self._load_notes)

    # --- reading the plan snapshot (its fields grow: read defensively) ------------------------

    @property
    def advice(self) -> dict[str, Any]:
        return self.plan.advice if self.plan else {}

    def planned_groups(self) -> list[tuple[str, str]]:
        """(id, name) of every stakeholder in the plan, in the plan's order."""
        return [(i, n) for i, n, _ in _entries(self.advice.get("stakeholders"))]

    def plan_room(self) -> list[tuple[str, str, str, str]]:
        """(kind, the plan's text, its public part, the instruction) per fixed or open item."""
        room = self.advice.get("invloedsruimte")
        room = room if isinstance(room, dict) else {}
        out: list[tuple[str, str, str, str]] = []
        for kind in ("fixed", "open"):
            items = room.get(kind)
            for item in items if isinstance(items, list) else []:
                part = public_part(item)
                if part is not None:
                    plan = item["text"] if isinstance(item, dict) else item
                    out.append((kind, plan, *part))
        return out

    def public_room(self) -> tuple[list[str], list[str]]:
        """(fixed, open) in words for participants: per item of the plan as written in the
        dossier, else its public part; then what was added by hand (no ``plan``). Words written
        for an item that a newer plan no longer has are left out."""
        written = {(r.kind, r.plan): r.text.strip() for r in self.room}
        pairs = [(k, written.get((k, plan), public)) for k, plan, public, _ in self.plan_room()]
        pairs += [(r.kind, r.text.strip()) for r in self.room if not r.plan]  # added by hand
        return (
            [t for k, t in pairs if k == "fixed" and t],
            [t for k, t in pairs if k == "open" and t],
        )

    def planned_werkvormen(self) -> list[tuple[str, str]]:
        return [(i, n) for i, n, _ in _entries(self.advice.get("werkvormen"))]

    def reach_groups(self) -> list[tuple[str, str]]:
        """The plan's groups whose reach is logged: everyone outside the municipality (the
        raad, college and colleagues are involved, not reached); silent interests count, as
        reached through whoever speaks for them."""
        return [
            (i, n)
            for i, n, raw in _entries(self.advice.get("stakeholders"))
            if raw.get("category") != "intern"
        ]

    def werkvorm_options(self) -> list[tuple[str, str]]:
        """Werkvormen a user may log: the advised ones, then the alternatives."""
        seen: dict[str, str] = {}
        for key in ("werkvormen", "alternative_werkvormen"):
            for i, n, _ in _entries(self.advice.get(key)):
                seen.setdefault(i, n)
        return list(seen.items())

    def is_young_group(self, ref: str | None) -> bool:
        """Is this group children or young people (by the plan's data)?"""
        return _is_young(self.advice.get("stakeholders"), ref, YOUNG_GROUPS)

    def is_young_werkvorm(self, ref: str | None) -> bool:
        entries = [
            entry
            for key in ("werkvormen", "alternative_werkvormen")
            if isinstance(self.advice.get(key), list)
            for entry in self.advice[key]
        ]
        return _is_young(entries, ref, YOUNG_WERKVORMEN)

    def audience(self, a: Activity) -> str:
        """Who an activity's evaluation form is for: ``young``, ``adult`` or ``both``."""
        if self.is_young_werkvorm(a.werkvorm):
            return "young"
        young = [g for g in a.reached if self.is_young_group(g)]
        if young and len(young) == len(a.reached):
            return "young"
        return "both" if young else "adult"

    def is_sensitive_group(self, ref: str | None) -> bool:
        """Is this a group a public letter should not name (poverty, low literacy, ...)?"""
        for i, _, raw in _entries(self.advice.get("stakeholders")):
            if i == ref and "sensitive" in raw:  # the tree marks it: that is what counts
                return raw.get("sensitive") is True
        return ref in SENSITIVE_GROUPS

    def plain_group_name(self, ref: str | None) -> str:
        """The group's name for a sentence in a letter: without the explanation in brackets,
        and lower case where it is a common noun ('Mensen met weinig tijd (werkende ouders)'
        becomes 'mensen met weinig tijd')."""
        name = re.sub(r"\s*\([^)]*\)", "", self.group_name(ref)).strip()
        return lower_first(name)

    def is_silent_group(self, ref: str | None) -> bool:
        """A silent interest (nature, future residents): others speak for it."""
        for i, _, raw in _entries(self.advice.get("stakeholders")):
            if i == ref:
                return raw.get("category") == "stil-belang"
        return False

    def has_young(self) -> bool:
        """Did children or young people take part (a werkvorm for them, or such a group)?"""
        return any(
            self.audience(a) != "adult" or any(self.is_young_group(g) for g in a.reached)
            for a in self.activities
        )

    def promise(self) -> list[str]:
        """What the plan told participants about who decides and what their say is worth (the
        plan's "Rollen"). The promise of the level is written for the public as a whole; for
        other items only the public part is used (see :func:`public_part`)."""
        room = self.advice.get("invloedsruimte")
        items = room.get("decides") if isinstance(room, dict) else None
        out: list[str] = []
        for item in items if isinstance(items, list) else []:
            part = public_part(item)
            if part is None or not part[0]:
                continue
            if _is_organiser_statement(item):
                continue  # who organises it is for the plan, not a promise to participants
            whole = item["text"].strip() if isinstance(item, dict) else str(item).strip()
            text = whole if _is_level_promise(item) else part[0]
            out.append(re.sub(r"\s*\(zie [^)]*\)", "", text))  # no "(zie hierboven)" alone
        return out

    def is_permit(self) -> bool:
        """Is the plan about an application for a permit (the aanvraagvereiste of the
        Omgevingswet applies)? Read from the plan's recorded answers: the duty 'vergunning'
        (question ``plichten``) or an initiatiefnemer as origin (question ``herkomst``); those
        are the bundled tree's ids, as the snapshot records answers by id."""
        trace = self.advice.get("answers")
        for r in trace if isinstance(trace, list) else []:
            if not isinstance(r, dict):
                continue
            answer = r.get("answer")
            values = answer if isinstance(answer, list) else [answer]
            if r.get("node") == "plichten" and "vergunning" in values:
                return True
            if r.get("node") == "herkomst" and "initiatiefnemer" in values:
                return True
        return False

    def variant_id(self) -> str | None:
        variant = self.advice.get("variant")
        if isinstance(variant, dict) and isinstance(variant.get("id"), str):
            return variant["id"]
        return self.tree.variant

    def group_name(self, ref: str | None) -> str:
        if not ref:
            return "Iedereen"
        return dict(self.planned_groups()).get(ref, ref)

    def werkvorm_name(self, ref: str) -> str:
        return dict(self.werkvorm_options()).get(ref, ref)

    def activity_name(self, a: Activity) -> str:
        """The activity's own name ('Tekenles op basisschool De Wieken'), else its werkvorm."""
        return a.name.strip() or self.werkvorm_name(a.werkvorm)

    def activity(self, ref: str | None) -> Activity | None:
        return next((a for a in self.activities if a.id == ref), None)

    def next_id(self, prefix: str) -> str:
        taken = {a.id for a in self.activities} | {i.id for i in self.inputs}
        n = 1
        while f"{prefix}{n}" in taken:
            n += 1
        return f"{prefix}{n}"

    # --- reach ----------------------------------------------------------------------------

    def reached_groups(self) -> list[str]:
        """Groups an activity reached or a point was heard from (first by activity)."""
        found: dict[str, None] = {}
        for a in self.activities:
            for g in a.reached:
                found.setdefault(g)
        outside = {g for g, _ in self.reach_groups()}  # not the municipality's own people
        for i in self.inputs:
            if i.group in outside:
                found.setdefault(i.group)
        return list(found)

    def never_reached(self) -> list[str]:
        """Groups of the plan that no activity reached (in the plan's order)."""
        reached = set(self.reached_groups())
        return [g for g, _ in self.reach_groups() if g not in reached]

    def follow_ups(self, group: str) -> list[tuple[Activity, str]]:
        """What was done about a group, per activity where it was missing."""
        return [(a, a.follow_up) for a in self.activities if group in a.missing and a.follow_up]


def lower_first(name: str) -> str:
    """'Jongeren' → 'jongeren' mid-sentence; an abbreviation or a name with capitals further
    on ('GGD', 'Gemeente Leiden') stays as it is."""
    words = name.split()
    if not words or len(words[0]) < 2 or not words[0][1:].islower():
        return name
    if any(w[:1].isupper() for w in words[1:]):
        return name  # a proper name, most likely
    return name[:1].lower() + name[1:]


def _is_level_promise(item: Any) -> bool:
    """Is this Rollen item the promise of the level (the tree's rules ``belofte-*``)? Such an
    item is written for the public as a whole."""
    reasons = item.get("reasons") if isinstance(item, dict) else None
    return any(
        isinstance(r, dict) and str(r.get("rule") or "").startswith("belofte")
        for r in reasons or []
    )


def _is_organiser_statement(item: Any) -> bool:
    """Is this Rollen item only about who organises the participation (it follows from an
    outcome such as ``plan-gemeente``, not from an answer on who decides or a level's promise)?
    Such an item is not a promise to participants."""
    reasons = item.get("reasons") if isinstance(item, dict) else None
    if not isinstance(reasons, list) or not reasons or _is_level_promise(item):
        return False
    return all(isinstance(r, dict) and r.get("kind") == "outcome" for r in reasons)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Þ0-9\"'‘“(])")


def public_part(item: Any) -> tuple[str, str] | None:
    """(public text, instruction to the civil servant) of one of the plan's fixed or open items.

    The tree writes these items for the civil servant, and some end in an instruction to them
    ("Noem het bedrag, zodat ..."), which must not reach a document for participants. An item
    whose snapshot has an ``instruction`` key comes from a tree that marks the instruction
    apart: its ``text`` is public as a whole. An item without that key comes from a tree that
    does not mark instructions: its first sentence, which names what is fixed or open, is the
    public part, and the rest is shown to the civil servant only. That may say less than the
    item, but never tells the public what to do. ``None`` for anything that is not an item.
    """
    if isinstance(item, dict) and isinstance(item.get("text"), str):
        text = item["text"].strip()
        if "instruction" in item:
            instruction = item.get("instruction")
            return text, instruction.strip() if isinstance(instruction, str) else ""
    elif isinstance(item, str):
        text = item.strip()
    else:
        return None
    first, *rest = _SENTENCE_END.split(text, maxsplit=1)
    return first, rest[0] if rest else ""


def _is_young(entries: Any, ref: str | None, fallback: frozenset[str]) -> bool:
    for i, _, raw in _entries(entries):
        if i == ref and "audience" in raw:  # the tree marks it: that is what counts
            return raw.get("audience") in YOUNG_AUDIENCES
    return ref in fallback


def _entries(value: Any) -> list[tuple[str, str, dict[str, Any]]]:
    """(id, name, raw) for a list of dicts with at least an id; anything else is skipped."""
    out: list[tuple[str, str, dict[str, Any]]] = []
    if not isinstance(value, list):
        return out
    for entry in value:
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            name = entry.get("name")
            out.append((entry["id"], name if isinstance(name, str) else entry["id"], entry))
    return out


def answers_digest(answers: Any, details: Any) -> str:
    """A short fingerprint of answers and own words: is an earlier export still this plan?"""
    import hashlib

    text = json.dumps({"answers": answers, "details": details}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def note_written(dossier: Dossier, document: str, path: Path, answers: str = "") -> None:
    """Remember in the dossier that a document was written (one entry per file)."""
    file = str(path)
    dossier.written = [w for w in dossier.written if w.file != file]
    dossier.written.append(Written(document=document, file=file, at=now_iso(), answers=answers))
    del dossier.written[:-50]  # the last fifty are plenty


def plan_written(dossier: Dossier, answers: Any, details: Any) -> bool:
    """Was the plan, with exactly these answers, written from this dossier before?"""
    digest = answers_digest(answers, details)
    return any(w.document == "plan" and w.answers == digest for w in dossier.written)


# --- making a dossier ---------------------------------------------------------------------------


def snapshot(engine: Engine, digest: str, today: date | None = None) -> PlanSnapshot:
    """The advice as it is now, frozen for the dossier."""
    from wizard.render import to_json_data

    data = json.loads(json.dumps(to_json_data(engine, digest), ensure_ascii=False))
    return PlanSnapshot(made=(today or date.today()).isoformat(), advice=data)


def new_dossier(
    engine: Engine, digest: str, title: str | None = None, today: date | None = None
) -> Dossier:
    from wizard.render import project_title

    tree = engine.flow.tree
    stamp = now_iso()
    return Dossier(
        title=(title or project_title(engine) or tree.title)[:300],
        created=stamp,
        updated=stamp,
        tree=TreeRef(
            id=tree.id,
            title=tree.title[:300],
            version=tree.version,
            digest=digest,
            variant=engine.flow.variant_id,
        ),
        answers=json.loads(json.dumps(engine.answers)),
        details=json.loads(json.dumps(engine.details)),
        plan=snapshot(engine, digest, today),
    )


def plan_is_current(dossier: Dossier, engine: Engine) -> bool:
    """Do the answers on the route still match those the plan snapshot was made from?"""
    from wizard.render import route_trace

    recorded = dossier.advice.get("answers")
    if not isinstance(recorded, list):
        return True  # nothing to compare with: say nothing rather than something untrue
    then = [
        (r.get("node"), r.get("answer"), r.get("details") or {})
        for r in recorded
        if isinstance(r, dict)
    ]
    now = [(r["node"], r["answer"], r["details"]) for r in route_trace(engine)]
    return json.dumps(then) == json.dumps(now)


def update_answers(
    dossier: Dossier, engine: Engine, digest: str, keep: dict[str, Any] | None = None
) -> None:
    """Keep the dossier's answers in step with the wizard (the plan snapshot stays as made).

    ``keep`` holds answers that did not fit the tree when the dossier was opened: they stay in
    the file until that question is answered again, so opening with a newer tree loses nothing.
    """
    kept = {k: v for k, v in (keep or {}).items() if k not in engine.answers}
    dossier.answers = json.loads(json.dumps({**kept, **engine.answers}))
    dossier.details = json.loads(json.dumps(engine.details))
    dossier.tree.digest = digest
    dossier.tree.variant = engine.flow.variant_id
    dossier.updated = now_iso()


@dataclass
class Opened:
    engine: Engine
    notes: list[str] = field(default_factory=list)
    tree_changed: bool = False


def open_with_tree(dossier: Dossier, flow: Flow, digest: str) -> Opened:
    """An engine on the dossier's answers; answers the tree no longer has are named, not fatal."""
    if dossier.tree.id != flow.tree.id:
        raise ProblemsError(
            [
                Problem(
                    "dossier",
                    None,
                    None,
                    f"dit dossier hoort bij boom '{dossier.tree.id}', niet bij '{flow.tree.id}'",
                )
            ]
        )
    kept, notes = fit_answers(flow, dossier.answers)
    words, word_notes = fit_details(flow, dossier.details)
    engine = Engine(flow, kept, details=words)
    notes += word_notes
    if dossier.created:
        engine.created = dossier.created
    if dossier.updated:
        engine.updated = dossier.updated
    return Opened(
        engine, notes, tree_changed=bool(dossier.tree.digest) and dossier.tree.digest != digest
    )


# --- reading and writing ------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Plain YAML a person can read; every string that could read back as something else is
    quoted (our reader follows YAML 1.2, PyYAML writes for 1.1), and no anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_AMBIGUOUS = re.compile(
    r"^([-+]?[0-9]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|~|null|Null|NULL|"
    r"true|True|TRUE|false|False|FALSE|)$"
)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if _AMBIGUOUS.match(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_str(value)


_Dumper.add_representer(str, _str)

_HEADER = (
    "# Participatiedossier van stappenplan. Open het met: stappenplan open <dit bestand>\n"
    "# U mag dit bestand lezen en doorsturen. Wijzig het liefst in stappenplan zelf.\n"
)


def dossier_to_yaml(dossier: Dossier) -> str:
    data = dossier.model_dump(mode="json", exclude_none=False)
    plan = data.pop("plan")
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    tail = yaml.dump({"plan": plan}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    note = "\n# Het plan zoals het was toen het werd vastgelegd (niet wijzigen).\n"
    return _HEADER + text + note + tail


def save_dossier(path: Path, dossier: Dossier, *, remember_it: bool = True) -> None:
    write_atomic(path, dossier_to_yaml(dossier))
    if remember_it:
        remember(path, dossier.title)


def load_dossier(path: Path) -> Dossier:
    """Read and check a dossier; every problem is located (``file:line:col``) and in Dutch."""
    from wizard.loader import validation_problems
    from wizard.yamlsafe import load_yaml_file

    doc = load_yaml_file(path, what="dossier", max_bytes=MAX_DOSSIER_BYTES)
    data = doc.data
    if not isinstance(data, dict) or data.get("kind") != DOSSIER_KIND:
        raise ProblemsError(
            [Problem(doc.file, 1, 1, "dit is geen dossier van stappenplan (kind ontbreekt)")]
        )
    if data.get("version") != DOSSIER_VERSION:
        line, col = doc.marks.at(("version",)) or (1, 1)
        raise ProblemsError(
            [
                Problem(
                    doc.file,
                    line,
                    col,
                    f"dossierversie {data.get('version')!r} kent deze versie van stappenplan "
                    f"niet (verwacht {DOSSIER_VERSION}); werk stappenplan bij",
                )
            ]
        )
    notes = _repair_reach(data)
    try:
        dossier = Dossier.model_validate(data)
    except ValidationError as exc:
        raise ProblemsError(validation_problems(exc, doc, Dossier)) from None
    problems = _reference_problems(dossier, doc)
    if problems:
        raise ProblemsError(problems)
    dossier._load_notes = notes
    return dossier


def _repair_reach(data: dict[str, Any]) -> list[str]:
    """Older files could mark a group both reached and missing at one activity. That cannot
    both be true: the group stays under missing (no reach is claimed that is not sure), and
    the user is told to check it."""
    notes: list[str] = []
    activities = data.get("activities")
    for a in activities if isinstance(activities, list) else []:
        if not isinstance(a, dict):
            continue
        reached, missing = a.get("reached"), a.get("missing")
        if not (isinstance(reached, list) and isinstance(missing, list)):
            continue
        both = [g for g in reached if g in missing]
        if both:
            a["reached"] = [g for g in reached if g not in both]
            names = ", ".join(f"'{g}'" for g in both if isinstance(g, str))
            notes.append(
                f"bij activiteit '{a.get('id')}' stond {names} zowel bij bereikt als bij "
                "ontbrekend; nu alleen bij ontbrekend. Kijk het na en sla op"
            )
    return notes


def _reference_problems(dossier: Dossier, doc: Any) -> list[Problem]:
    problems: list[Problem] = []
    ids = [a.id for a in dossier.activities] + [i.id for i in dossier.inputs]
    seen: set[str] = set()
    for n, a in enumerate(dossier.activities):
        if a.id in seen:
            line, col = doc.marks.at(("activities", n, "id")) or (None, None)
            problems.append(Problem(doc.file, line, col, f"id '{a.id}' komt twee keer voor"))
        seen.add(a.id)
    refs = [("inputs", n, i.activity) for n, i in enumerate(dossier.inputs) if i.activity]
    refs += [("evaluations", n, e.activity) for n, e in enumerate(dossier.evaluations)]
    for where, n, ref in refs:
        if ref not in ids:
            line, col = doc.marks.at((where, n, "activity")) or (None, None)
            problems.append(
                Problem(doc.file, line, col, f"activiteit '{ref}' bestaat niet in dit dossier")
            )
    return problems


def slug(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out = re.sub(r"[^a-z0-9]+", "-", norm.lower()).strip("-")
    return out[:50].strip("-") or "project"


def default_dossier_path(dossier: Dossier) -> Path:
    """A new file in the dossiers folder, named after the project; never an existing one."""
    from wizard.paths import dossiers_dir

    folder = dossiers_dir()
    base = f"dossier-{slug(dossier.title)}"
    path = folder / f"{base}.yaml"
    n = 2
    while path.exists():
        path = folder / f"{base}-{n}.yaml"
        n += 1
    return path
