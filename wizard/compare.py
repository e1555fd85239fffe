"""Compare a trainee's route with a case's reference route, and explain what one answer does.

Pure logic, no screen: the trainer UI shows what these functions return.

- :func:`compare` walks the reference answers and the trainee's answers through the same flow
  and returns both routes side by side, the first question where they part (with the reference
  explanation), and what the difference does to the advice.
- :func:`diff_advice` says what changed between two advices (decision, levels, werkvormen,
  belanghebbenden and the other lists).
- :func:`explain_change` and :func:`answer_effect` are for "uitleg mode": after one answer,
  what did it add to or change in the advice, and why (the reasons and their sources).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import zip_longest
from typing import Any, Literal

from wizard.advice import (
    DECISION_LABELS,
    LEVEL_LABELS,
    PROJECT_LEVEL_NAME,
    ROLE_LABELS,
    AdviceResult,
    Item,
    LevelAdvice,
    Reason,
    answer_label,
    compose,
)
from wizard.engine import Engine
from wizard.flow import Flow, resolve
from wizard.model import AnswerValue, Case, Decision, Level, Role, Tree
from wizard.render import Step, route_steps
from wizard.run import Walk, walk
from wizard.text import as_sentence, clean, one_line

# The lists of an advice that are compared item by item, with a Dutch name (singular, plural).
LIST_KINDS: dict[str, tuple[str, str]] = {
    "werkvormen": ("werkvorm", "werkvormen"),
    "avoided": ("werkvorm die niet past", "werkvormen die niet passen"),
    "stakeholders": ("belanghebbende", "belanghebbenden"),
    "fixed": ("wat vastligt", "wat vastligt"),
    "open": ("wat open is", "wat open is"),
    "decides": ("rollen", "rollen"),
    "duties": ("procesafspraak", "procesafspraken"),
    "warnings": ("waarschuwing", "waarschuwingen"),
    "notes": ("advies", "overige adviezen"),
}


def _bare(text: str) -> str:
    """Text without its closing full stop, for a list inside a sentence."""
    return " ".join(text.split()).rstrip(".")


# --- routes -----------------------------------------------------------------------------------


def same_answer(node: Any, a: Any, b: Any) -> bool:
    """Whether two answers to a node count as the same (a multi's order does not matter)."""
    if node.kind == "multi":
        return set(a or []) == set(b or [])
    return a == b


RowStatus = Literal["same", "different", "text", "reference-only", "trainee-only"]


@dataclass(frozen=True)
class Row:
    """One line of the side-by-side view. ``node`` is the reference's question, or the trainee's
    when only the trainee has a question on this line."""

    reference: Step | None
    trainee: Step | None
    status: RowStatus

    @property
    def node(self) -> str:
        step = self.reference or self.trainee
        assert step is not None
        return step.node

    @property
    def differs(self) -> bool:
        return self.status not in ("same", "text")


def align(reference: list[Step], trainee: list[Step], flow: Flow) -> list[Row]:
    """Put two routes side by side: the same question on one line where both have it."""
    a = [s.node for s in reference]
    b = [s.node for s in trainee]
    rows: list[Row] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for ref, mine in zip(reference[i1:i2], trainee[j1:j2], strict=True):
                node = flow.node(ref.node)
                if mine.answer is None:
                    status: RowStatus = "reference-only"
                elif node.kind == "text":
                    status = "text"
                elif same_answer(node, ref.answer, mine.answer):
                    status = "same"
                else:
                    status = "different"
                rows.append(Row(ref, mine, status))
            continue
        for ref, mine in zip_longest(reference[i1:i2], trainee[j1:j2]):
            if mine is not None and mine.answer is None:
                mine = None if ref is not None else mine
            if ref is not None and mine is not None:
                rows.append(Row(ref, mine, "different"))
            elif ref is not None:
                rows.append(Row(ref, None, "reference-only"))
            elif mine is not None and mine.answer is not None:
                rows.append(Row(None, mine, "trainee-only"))
    return rows


PartingKind = Literal["answer", "route", "unanswered"]


@dataclass(frozen=True)
class Parting:
    """Where the trainee's route parts from the reference: the first question that differs.

    ``kind`` is ``answer`` (the trainee answered this question differently), ``route`` (the
    trainee's route does not pass this question), or ``unanswered`` (the trainee stopped here).
    """

    node: str
    question: str
    kind: PartingKind
    reference_answer: AnswerValue | None
    reference_label: str | None
    trainee_answer: AnswerValue | None
    trainee_label: str | None
    explanation: str | None = None  # the case's explanation of the reference answer
    help: str | None = None  # the tree's own "why we ask this"
    added: tuple[str, ...] = ()  # for a multi: labels the trainee ticked and the reference did not
    missing: tuple[
        str, ...
    ] = ()  # for a multi: labels the reference ticked and the trainee did not
    sources: tuple[str, ...] = ()

    def sentence(self) -> str:
        """One Dutch sentence that says where and how the routes part."""
        q = f"“{self.question}”"
        ref = f"“{self.reference_label}”" if self.reference_label else "geen antwoord"
        if self.kind == "unanswered":
            return f"U bent gestopt bij {q}; de referentie antwoordt daar {ref}."
        if self.kind == "route":
            return f"Uw route komt niet langs {q}; de referentie antwoordt daar {ref}."
        if self.added or self.missing:  # a multiple choice: name only what differs
            text = f"Bij {q} koos u anders dan de referentie."
            if self.missing:
                text += " U miste: " + ", ".join(self.missing) + "."
            if self.added:
                text += " U koos ook: " + ", ".join(self.added) + "."
            return text
        mine = f"“{self.trainee_label}”" if self.trainee_label else "geen antwoord"
        return f"Bij {q} koos u {mine}; de referentie koos {ref}."


def _parting(flow: Flow, case: Case | None, row: Row, trainee: Walk) -> Parting:
    ref = row.reference
    assert ref is not None
    node = flow.node(ref.node)
    mine = row.trainee
    if mine is not None and mine.answer is not None:
        kind: PartingKind = "answer"
    elif ref.node in trainee.engine.path:
        kind = "unanswered"
    else:
        kind = "route"
    added: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    if kind == "answer" and node.kind == "multi":
        a, b = set(ref.answer or []), set(mine.answer or []) if mine else set()
        added = tuple(o.label for o in node.options if o.id in b - a)
        missing = tuple(o.label for o in node.options if o.id in a - b)
    explanation = case.explanations.get(ref.node) if case is not None else None
    return Parting(
        node=ref.node,
        question=ref.question,
        kind=kind,
        reference_answer=ref.answer,
        reference_label=ref.label,
        trainee_answer=mine.answer if mine else None,
        trainee_label=mine.label if mine else None,
        explanation=explanation,
        help=getattr(node, "help", None),
        added=added,
        missing=missing,
        sources=tuple(node.sources),
    )


# --- advice differences -------------------------------------------------------------------------


@dataclass(frozen=True)
class LevelChange:
    """A rung of the ladder that differs: for the project (group and topic None) or a group."""

    group: str | None
    topic: str | None
    name: str
    before: Level | None
    after: Level | None
    before_advice: LevelAdvice | None = field(default=None, compare=False, repr=False)
    after_advice: LevelAdvice | None = field(default=None, compare=False, repr=False)


@dataclass
class ListChange:
    """Items that came, went, or got an extra reason, in one list of the advice."""

    added: list[Item] = field(default_factory=list)
    removed: list[Item] = field(default_factory=list)
    reinforced: list[Item] = field(default_factory=list)  # in both, with new reasons after

    def is_empty(self, *, with_reinforced: bool = False) -> bool:
        return not (self.added or self.removed or (with_reinforced and self.reinforced))


@dataclass
class AdviceDiff:
    """What differs between two advices, ``before`` and ``after``.

    In a comparison ``before`` is the reference and ``after`` the trainee's advice; in uitleg
    mode ``before`` is the advice before an answer and ``after`` the advice with it.
    """

    before: AdviceResult
    after: AdviceResult
    decision: tuple[Decision | None, Decision | None] | None = None
    role: tuple[Role | None, Role | None] | None = None
    outcome: tuple[str | None, str | None] | None = None
    project_level: LevelChange | None = None
    group_levels: list[LevelChange] = field(default_factory=list)
    lists: dict[str, ListChange] = field(default_factory=dict)

    def _list(self, kind: str) -> ListChange:
        return self.lists.get(kind, ListChange())

    @property
    def werkvormen_added(self) -> list[Item]:
        return self._list("werkvormen").added

    @property
    def werkvormen_removed(self) -> list[Item]:
        return self._list("werkvormen").removed

    @property
    def stakeholders_added(self) -> list[Item]:
        return self._list("stakeholders").added

    @property
    def stakeholders_removed(self) -> list[Item]:
        return self._list("stakeholders").removed

    @property
    def level_changes(self) -> list[LevelChange]:
        return ([self.project_level] if self.project_level else []) + self.group_levels

    def is_empty(self, *, with_reinforced: bool = False) -> bool:
        return not (
            self.decision
            or self.role
            or self.outcome
            or self.level_changes
            or any(not c.is_empty(with_reinforced=with_reinforced) for c in self.lists.values())
        )


def _level_key(lv: LevelAdvice) -> tuple[str | None, str | None]:
    return (lv.group, lv.topic)


def diff_advice(before: AdviceResult, after: AdviceResult) -> AdviceDiff:
    """What changed from ``before`` to ``after``: decision, role, outcome, levels, lists."""
    diff = AdviceDiff(before, after)
    if before.decision != after.decision:
        diff.decision = (before.decision, after.decision)
    if before.role != after.role:
        diff.role = (before.role, after.role)
    if before.outcome != after.outcome:
        diff.outcome = (before.outcome, after.outcome)
    b, a = before.project_level, after.project_level
    b_level, a_level = (b.level if b else None), (a.level if a else None)
    if b_level != a_level:
        diff.project_level = LevelChange(None, None, PROJECT_LEVEL_NAME, b_level, a_level, b, a)
    b_groups = {_level_key(lv): lv for lv in before.group_levels}
    a_groups = {_level_key(lv): lv for lv in after.group_levels}
    for key in list(dict.fromkeys([*b_groups, *a_groups])):
        old, new = b_groups.get(key), a_groups.get(key)
        if (old.level if old else None) != (new.level if new else None):
            name = (new or old).name  # type: ignore[union-attr]
            diff.group_levels.append(
                LevelChange(
                    key[0],
                    key[1],
                    name,
                    old.level if old else None,
                    new.level if new else None,
                    old,
                    new,
                )
            )
    for kind in LIST_KINDS:
        old_items = {i.key: i for i in getattr(before, kind)}
        new_items = {i.key: i for i in getattr(after, kind)}
        change = ListChange(
            added=[i for k, i in new_items.items() if k not in old_items],
            removed=[i for k, i in old_items.items() if k not in new_items],
            reinforced=[
                i
                for k, i in new_items.items()
                if k in old_items and any(r not in old_items[k].reasons for r in i.reasons)
            ],
        )
        if not change.is_empty(with_reinforced=True):
            diff.lists[kind] = change
    return diff


def _decision_label(d: Decision | None) -> str:
    return DECISION_LABELS[d] if d else "nog geen besluit"


def _role_label(r: Role | None) -> str:
    return ROLE_LABELS[r] if r else "geen"


def _outcome_label(flow: Flow | None, outcome: str | None) -> str:
    if outcome is None:
        return "nog geen uitkomst"
    if flow is not None and outcome in flow.nodes:
        return flow.node(outcome).title
    return outcome


def describe_diff(
    diff: AdviceDiff,
    flow: Flow | None = None,
    *,
    before_name: str = "referentie",
    after_name: str = "u",
) -> list[str]:
    """The difference as short Dutch lines, for a comparison (reference vs. trainee)."""
    lines: list[str] = []
    if diff.outcome:
        lines.append(
            f"Uitkomst: {before_name} “{_outcome_label(flow, diff.outcome[0])}”, "
            f"{after_name} “{_outcome_label(flow, diff.outcome[1])}”."
        )
    if diff.decision:
        lines.append(
            f"Besluit: {before_name} {_decision_label(diff.decision[0])}, "
            f"{after_name} {_decision_label(diff.decision[1])}."
        )
    if diff.role:
        lines.append(
            f"Rol van de gemeente: {before_name} {_role_label(diff.role[0])}, "
            f"{after_name} {_role_label(diff.role[1])}."
        )
    for change in diff.level_changes:
        before = LEVEL_LABELS[change.before] if change.before else "geen"
        after = LEVEL_LABELS[change.after] if change.after else "geen"
        who = "Niveau" if change.name == PROJECT_LEVEL_NAME else f"Niveau voor {change.name}"
        lines.append(f"{who}: {before_name} {before}, {after_name} {after}.")
    for kind, (_one, many) in LIST_KINDS.items():
        change = diff.lists.get(kind)
        if change is None:
            continue
        if change.added:
            names = ", ".join(_bare(i.text) for i in change.added)
            lines.append(f"Alleen bij {after_name}, {many}: {names}.")
        if change.removed:
            names = ", ".join(_bare(i.text) for i in change.removed)
            lines.append(f"Alleen bij {before_name}, {many}: {names}.")
    return lines


# --- the comparison -----------------------------------------------------------------------------


@dataclass
class Comparison:
    """A trainee's route against a case's reference route."""

    flow: Flow
    case: Case
    reference: Walk
    trainee: Walk
    reference_route: list[Step]
    trainee_route: list[Step]
    rows: list[Row]
    parting: Parting | None
    differences: list[Parting]
    reference_advice: AdviceResult
    trainee_advice: AdviceResult
    advice_diff: AdviceDiff

    @property
    def same(self) -> bool:
        """The trainee followed the reference route with the same answers (text aside)."""
        return self.parting is None and not any(r.differs for r in self.rows)

    @property
    def trainee_complete(self) -> bool:
        return self.trainee.engine.is_complete

    @property
    def reference_complete(self) -> bool:
        return self.reference.engine.is_complete

    def summary(self) -> list[str]:
        """Short Dutch lines: where the routes part, why the reference answers so, and what it
        does to the advice."""
        lines: list[str] = []
        if self.parting is None:
            lines.append("Uw route is gelijk aan de referentieroute.")
        else:
            lines.append(self.parting.sentence())
            if self.parting.explanation:
                lines.append(f"Waarom de referentie zo antwoordt: {self.parting.explanation}")
        if not self.trainee_complete:
            lines.append("Let op: u bent nog niet bij een uitkomst; uw advies is voorlopig.")
        diff = describe_diff(self.advice_diff, self.flow)
        lines += diff if diff else ["Het advies is hetzelfde."]
        return lines


def _flow_for(tree_or_flow: Tree | Flow, case: Case) -> Flow:
    if isinstance(tree_or_flow, Flow):
        return tree_or_flow
    return resolve(tree_or_flow, case.variant)


def reference_walk(tree_or_flow: Tree | Flow, case: Case) -> Walk:
    """The case's own answers walked through the tree (its variant applied)."""
    return walk(_flow_for(tree_or_flow, case), case.answers)


def compare(tree_or_flow: Tree | Flow, case: Case, trainee_answers: dict[str, Any]) -> Comparison:
    """Compare the trainee's answers with the case's reference answers.

    ``trainee_answers`` may be an engine's whole answer store (parked answers are ignored) or a
    partial one (the trainee's route then stops where an answer is missing). Given a
    :class:`Tree`, the case's variant is applied; given a :class:`Flow`, it is used as is.
    """
    flow = _flow_for(tree_or_flow, case)
    ref = walk(flow, case.answers)
    mine = walk(flow, trainee_answers)
    ref_route = route_steps(ref.engine)
    my_route = route_steps(mine.engine)
    rows = align(ref_route, my_route, flow)
    differences = [
        _parting(flow, case, row, mine)
        for row in rows
        if row.reference is not None and row.status in ("different", "reference-only")
    ]
    ref_advice = ref.engine.advice()
    my_advice = mine.engine.advice()
    return Comparison(
        flow=flow,
        case=case,
        reference=ref,
        trainee=mine,
        reference_route=ref_route,
        trainee_route=my_route,
        rows=rows,
        parting=differences[0] if differences else None,
        differences=differences,
        reference_advice=ref_advice,
        trainee_advice=my_advice,
        advice_diff=diff_advice(ref_advice, my_advice),
    )


def _md(text: str | None) -> str:
    return one_line(text).replace("|", "\\|")


def comparison_markdown(comp: Comparison) -> str:
    """The comparison as Markdown: where the routes part, a side-by-side table, the advice."""
    lines = [f"# Vergelijking: {_md(comp.case.name)}", ""]
    lines += ["## Waar de routes uiteengaan", ""]
    lines += [f"- {_md(line)}" for line in comp.summary()]
    lines += ["", "## De routes naast elkaar", ""]
    lines += ["| Vraag | Referentie | Uw antwoord | |", "|---|---|---|---|"]
    marks = {
        "same": "gelijk",
        "text": "vrije tekst",
        "different": "**anders**",
        "reference-only": "**alleen referentie**",
        "trainee-only": "**alleen u**",
    }
    for row in comp.rows:
        step = row.reference or row.trainee
        assert step is not None
        question = _md(step.question)
        if row.reference and row.trainee and row.reference.node != row.trainee.node:
            question += f" / {_md(row.trainee.question)}"
        ref = _md(row.reference.label) if row.reference else "—"
        mine = _md(row.trainee.label) if row.trainee and row.trainee.label else "—"
        lines.append(f"| {question} | {ref} | {mine} | {marks[row.status]} |")
    ref_out = _outcome_label(comp.flow, comp.reference_advice.outcome)
    my_out = _outcome_label(comp.flow, comp.trainee_advice.outcome)
    lines.append(f"| *Uitkomst* | {_md(ref_out)} | {_md(my_out)} | |")
    return clean("\n".join(lines).rstrip() + "\n")


# --- uitleg mode --------------------------------------------------------------------------------

ChangeWord = Literal["toegevoegd", "vervallen", "gewijzigd", "versterkt"]


@dataclass(frozen=True)
class Effect:
    """One thing an answer did to the advice, with why (the reasons that are new)."""

    part: str  # "besluit", "rol", "uitkomst", "niveau", or a LIST_KINDS key
    change: ChangeWord
    text: str
    before: str | None = None
    why: tuple[str, ...] = ()
    reasons: tuple[Reason, ...] = ()

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(s for r in self.reasons for s in r.sources))

    def line(self) -> str:
        """One Dutch line, e.g. ``Werkvorm toegevoegd: Ontwerpatelier. Waarom: ... [leiden]``."""
        label = _PART_LABELS.get(self.part, self.part)
        text = f"{label} {self.change}: {_bare(self.text)}"
        if self.before:
            text += f" (was: {self.before})"
        text += "."
        parts: list[str] = []
        for text_ in [*self.why, *(r.text for r in self.reasons if r.kind in _GROUNDS)]:
            clean = " ".join((text_ or "").split())
            if clean and not any(clean.rstrip(".") in p for p in parts):
                parts.append(clean)
        because = " ".join(as_sentence(p) for p in parts)  # parts are whitespace-normalised
        if because:
            text += f" Waarom: {as_sentence(because)}"
        if self.sources:
            text += " " + " ".join(f"[{s}]" for s in self.sources)
        return text


_GROUNDS = ("rule", "outcome", "setting")  # reasons whose text says why (an answer's says what)

_PART_LABELS = {
    "besluit": "Besluit",
    "rol": "Rol van de gemeente",
    "uitkomst": "Uitkomst",
    "niveau": "Niveau",
    "werkvormen": "Werkvorm",
    "avoided": "Liever niet",
    "stakeholders": "Belanghebbende",
    "fixed": "Vast gegeven",
    "open": "Open voor inbreng",
    "decides": "Rollen: wie organiseert en wie beslist",
    "duties": "Procesafspraak",
    "warnings": "Let op",
    "notes": "Advies",
}


@dataclass
class Uitleg:
    """What one answer added to or changed in the advice, and why."""

    node: str | None
    question: str | None
    label: str | None
    diff: AdviceDiff
    effects: list[Effect]

    @property
    def is_empty(self) -> bool:
        return not self.effects

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(s for e in self.effects for s in e.sources))

    def lines(self) -> list[str]:
        if not self.effects:
            return ["Dit antwoord verandert het advies (nog) niet; het bepaalt wel de route."]
        return [e.line() for e in self.effects]

    def markdown(self, tree: Tree | None = None) -> str:
        """The uitleg as Markdown, with the sources written out when ``tree`` is given."""
        head = "**Wat dit antwoord doet**"
        if self.question and self.label:
            head = f"**{_md(self.question)} — {_md(self.label)}**"
        out = [head, ""] + [f"- {_md(line)}" for line in self.lines()]
        if tree is not None and self.sources:
            known = tree.source_map()
            out += ["", "Bronnen:"]
            for sid in self.sources:
                if sid in known:
                    out.append(f"- [{sid}] {_md(known[sid].citation())}")
        return clean("\n".join(out) + "\n")


def _new_reasons(item: Item, old: Item | None) -> tuple[Reason, ...]:
    if old is None:
        return tuple(item.reasons)
    return tuple(r for r in item.reasons if r not in old.reasons)


def _new_why(new: Iterable[str], old: Iterable[str]) -> tuple[str, ...]:
    seen = set(old)
    return tuple(w for w in new if w not in seen)


def explain_change(
    before: AdviceResult,
    after: AdviceResult,
    *,
    node: Any = None,
    value: Any = None,
    flow: Flow | None = None,
) -> Uitleg:
    """What changed from ``before`` to ``after``, as effects with the reasons that are new.

    ``node`` and ``value`` (the question and the answer given) only label the result.
    """
    diff = diff_advice(before, after)
    effects: list[Effect] = []
    if diff.outcome and diff.outcome[1]:
        effects.append(
            Effect(
                "uitkomst",
                "gewijzigd" if diff.outcome[0] else "toegevoegd",
                _outcome_label(flow, diff.outcome[1]),
            )
        )
    if diff.decision:
        old, new = diff.decision
        known = set(before.decision_reasons)
        effects.append(
            Effect(
                "besluit",
                "gewijzigd" if old else ("toegevoegd" if new else "vervallen"),
                _decision_label(new),
                _decision_label(old) if old else None,
                tuple(after.decision_text),
                tuple(r for r in after.decision_reasons if r not in known),
            )
        )
    if diff.role:
        old_r, new_r = diff.role
        effects.append(
            Effect(
                "rol",
                "gewijzigd" if old_r else ("toegevoegd" if new_r else "vervallen"),
                _role_label(new_r),
                _role_label(old_r) if old_r else None,
                (after.role_text,) if after.role_text else (),
                tuple(after.role_reasons),
            )
        )
    for change in diff.level_changes:
        new_lv, old_lv = change.after_advice, change.before_advice
        if change.after is None:
            effects.append(
                Effect("niveau", "vervallen", change.name, LEVEL_LABELS[change.before])  # type: ignore[index]
            )
            continue
        effects.append(
            Effect(
                "niveau",
                "gewijzigd" if change.before else "toegevoegd",
                f"{change.name}: {LEVEL_LABELS[change.after]}",
                LEVEL_LABELS[change.before] if change.before else None,
                _new_why(new_lv.why if new_lv else [], old_lv.why if old_lv else []),
                tuple(
                    r
                    for r in (new_lv.reasons if new_lv else [])
                    if r not in (old_lv.reasons if old_lv else [])
                ),
            )
        )
    for kind, change in diff.lists.items():
        old_items = {i.key: i for i in getattr(before, kind)}
        for item in change.added:
            effects.append(
                Effect(
                    kind, "toegevoegd", item.text, None, tuple(item.why), _new_reasons(item, None)
                )
            )
        for item in change.reinforced:
            old = old_items.get(item.key)
            effects.append(
                Effect(
                    kind,
                    "versterkt",
                    item.text,
                    None,
                    _new_why(item.why, old.why if old else []),
                    _new_reasons(item, old),
                )
            )
        for item in change.removed:
            effects.append(Effect(kind, "vervallen", item.text))
    question = getattr(node, "question", None) or getattr(node, "title", None)
    label = answer_label(node, value) if node is not None and value is not None else None
    return Uitleg(getattr(node, "id", None), question, label, diff, effects)


def _until_next_question(flow: Flow, path: list[str], index: int) -> int:
    """The end (exclusive) of the path slice that an answer at ``index`` brings in: up to the
    next question, so that an outcome or information step it leads to counts with it."""
    j = index + 1
    while j < len(path) and not flow.is_question(path[j]):
        j += 1
    return j


def answer_effect(
    flow: Flow,
    path: list[str],
    answers: dict[str, Any],
    node_id: str,
    details: dict[str, dict[str, str]] | None = None,
) -> Uitleg:
    """What the answer to ``node_id`` on ``path`` did to the advice (for uitleg mode).

    The advice is composed twice from the same answers: with the route up to that question,
    and with the route up to the next question (so an outcome the answer leads to counts).
    Rules count when their condition holds on the shorter or longer route.
    """
    if node_id not in path:
        raise ValueError(f"'{node_id}' ligt niet op de route")
    i = path.index(node_id)
    before = compose(flow, path[:i], answers, details)
    after = compose(flow, path[: _until_next_question(flow, path, i)], answers, details)
    node = flow.node(node_id)
    return explain_change(before, after, node=node, value=answers.get(node_id), flow=flow)


def engine_answer_effect(engine: Engine, node_id: str | None = None) -> Uitleg:
    """Uitleg for an engine: by default for the last question answered before the cursor."""
    path = engine.path
    if node_id is None:
        index = path.index(engine.cursor)
        earlier = [n for n in path[:index] if engine.flow.is_question(n) and n in engine.answers]
        if not earlier:
            return Uitleg(None, None, None, diff_advice(AdviceResult(), AdviceResult()), [])
        node_id = earlier[-1]
    return answer_effect(engine.flow, path, engine.answers, node_id, engine.details)
