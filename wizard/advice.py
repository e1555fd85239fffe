"""Compose the advice from everything on the route, and say why for every part.

Contributions come, in this order, from: the answers on the route (in route order), the outcome
reached, the tree's rules whose condition holds, and the variant's own advice. Conflicts are
resolved by fixed rules, written out in ``docs/tree-format.md``:

- **decision**: the strongest wins: niet-participeren > faciliteren > participeren;
- **role**: the last one on the route wins;
- **level** (project, and per group or topic): the highest contributed level wins, then a
  ``level_cap`` (the lowest cap) limits it, then the variant's floor raises the project level
  (not group or topic levels) to at least the floor, but only when the decision is to
  participate; a capped or raised level says so, and what it would have been;
- **lists** (werkvormen, stakeholders, texts): everything is kept once, in route order, with all
  its reasons; a werkvorm under ``avoid_werkvormen`` is removed and listed as avoided.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from wizard.flow import Flow, holds
from wizard.levels import LEVEL_LABELS, PROJECT_LEVEL_NAME, LevelAdvice, LevelComposer
from wizard.methods import choose
from wizard.model import DETAIL_PLACEHOLDER, Advice, Decision, Level, Role
from wizard.reasons import Reason

__all__ = [
    "DECISION_LABELS",
    "LEVEL_LABELS",
    "PROJECT_LEVEL_NAME",
    "ROLE_LABELS",
    "AdviceResult",
    "Item",
    "LevelAdvice",
    "Reason",
    "answer_label",
    "compose",
    "with_detail",
]

DECISION_LABELS = {
    Decision.participeren: "Participeren",
    Decision.faciliteren: "Initiatief uit de samenleving ondersteunen (overheidsparticipatie)",
    Decision.niet_participeren: "Geen participatietraject",
}
ROLE_LABELS = {r: r.value.capitalize() for r in Role}
_GRADES = ("laag", "midden", "hoog")


@dataclass
class Item:
    """One piece of advice: a text or a catalogue entry, with every reason it is there."""

    key: str
    text: str
    why: list[str] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)

    def add(self, why: str | None, reason: Reason) -> None:
        if why and why not in self.why:
            self.why.append(why)
        if reason not in self.reasons:
            self.reasons.append(reason)


@dataclass
class AdviceResult:
    decision: Decision | None = None
    decision_text: list[str] = field(default_factory=list)
    decision_reasons: list[Reason] = field(default_factory=list)
    role: Role | None = None
    role_text: str | None = None
    role_reasons: list[Reason] = field(default_factory=list)
    project_level: LevelAdvice | None = None
    subject_levels: list[LevelAdvice] = field(default_factory=list)
    group_levels: list[LevelAdvice] = field(default_factory=list)
    cap: Level | None = None  # the lowest level cap that applies
    werkvormen: list[Item] = field(default_factory=list)  # the core
    alternatives: list[Item] = field(default_factory=list)
    dropped_werkvormen: list[tuple[str, str]] = field(default_factory=list)
    avoided: list[Item] = field(default_factory=list)
    stakeholders: list[Item] = field(default_factory=list)
    fixed: list[Item] = field(default_factory=list)
    open: list[Item] = field(default_factory=list)
    decides: list[Item] = field(default_factory=list)
    duties: list[Item] = field(default_factory=list)
    warnings: list[Item] = field(default_factory=list)
    notes: list[Item] = field(default_factory=list)
    outcome: str | None = None
    stakeholder_categories: set[str] = field(default_factory=set)

    @property
    def levels(self) -> list[LevelAdvice]:
        """Every advised level: the project, each open subject, each named group."""
        project = [self.project_level] if self.project_level else []
        return project + self.subject_levels + self.group_levels

    def sources_used(self) -> list[str]:
        found: dict[str, None] = {}
        for reason in self.all_reasons():
            for s in reason.sources:
                found.setdefault(s)
        return list(found)

    def all_reasons(self) -> Iterable[Reason]:
        yield from self.decision_reasons
        yield from self.role_reasons
        for lv in self.levels:
            yield from lv.reasons
        for group in (
            self.werkvormen,
            self.alternatives,
            self.avoided,
            self.stakeholders,
            self.fixed,
            self.open,
            self.decides,
            self.duties,
            self.warnings,
            self.notes,
        ):
            for item in group:
                yield from item.reasons


class _Composer:
    def __init__(self, flow: Flow):
        self.flow = flow
        self.result = AdviceResult()
        self.decisions: list[tuple[Decision, str | None, Reason]] = []
        self.levels = LevelComposer(flow)
        self.scale: str | None = None
        self.max_effort: str | None = None
        self.core_werkvormen: set[str] = set()

    def _sources(self, advice: Advice, reason: Reason, extra: Iterable[str] = ()) -> Reason:
        sources = tuple(dict.fromkeys([*extra, *(advice.sources or reason.sources)]))
        return replace(reason, sources=sources)

    def add(self, advice: Advice, reason: Reason) -> None:
        base = self._sources(advice, reason)
        if advice.decision:
            self.decisions.append((advice.decision.value, advice.decision.text, base))
        if advice.role:
            self.result.role = advice.role.value
            self.result.role_text = advice.role.text
            self.result.role_reasons = [base]
        self.levels.add(advice, lambda extra: self._sources(advice, reason, extra))
        if advice.scale:
            self.scale = advice.scale
        if advice.max_effort and (
            self.max_effort is None
            or _GRADES.index(advice.max_effort) < _GRADES.index(self.max_effort)
        ):
            self.max_effort = advice.max_effort
        catalogue = self.flow.tree.werkvorm_map()
        for ref in advice.werkvormen:
            name = catalogue[ref.id].name if ref.id in catalogue else ref.id
            self._item(self.result.werkvormen, ref.id, name, ref.why, advice, reason, ref.sources)
            if ref.core:
                self.core_werkvormen.add(ref.id)
        for ref in advice.avoid_werkvormen:
            name = catalogue[ref.id].name if ref.id in catalogue else ref.id
            self._item(self.result.avoided, ref.id, name, ref.why, advice, reason, ref.sources)
        people = self.flow.tree.stakeholder_map()
        for ref in advice.stakeholders:
            name = people[ref.id].name if ref.id in people else ref.id
            self._item(self.result.stakeholders, ref.id, name, ref.why, advice, reason, ref.sources)
        for attr in ("fixed", "open", "decides", "duties", "warnings", "notes"):
            for text in getattr(advice, attr):
                self._item(getattr(self.result, attr), text, text, None, advice, reason, ())

    def _item(
        self,
        items: list[Item],
        key: str,
        text: str,
        why: str | None,
        advice: Advice,
        reason: Reason,
        sources: Iterable[str],
    ) -> None:
        r = self._sources(advice, reason, sources)
        item = next((i for i in items if i.key == key), None)
        if item is None:
            item = Item(key, text)
            items.append(item)
        item.add(why, r)

    def finish(self, route_answers: dict[str, Any]) -> AdviceResult:
        res = self.result
        flow = self.flow
        if self.decisions:
            best = max(d.rank for d, _, _ in self.decisions)
            res.decision = next(d for d, _, _ in self.decisions if d.rank == best)
            for d, text, reason in self.decisions:
                if d == res.decision:
                    if text and text not in res.decision_text:
                        res.decision_text.append(text)
                    res.decision_reasons.append(reason)
        people = flow.tree.stakeholder_map()
        named = {i.key: people[i.key] for i in res.stakeholders if i.key in people}
        default_reason = Reason(
            "setting",
            "Nog geen antwoord dat het niveau bepaalt: het uitgangspunt van de boom",
        )
        levels = self.levels.finish(route_answers, res.decision, named, default_reason)
        res.project_level = levels.project
        res.subject_levels = levels.subjects
        res.group_levels = levels.groups
        res.cap = levels.cap
        for key, text, reason in levels.warnings:
            item = next((i for i in res.warnings if i.key == key), None)
            if item is None:
                item = Item(key, text)
                res.warnings.append(item)
            item.add(None, reason)
        res.stakeholder_categories = {p.category for p in named.values()}
        avoided = {i.key for i in res.avoided}
        suggested = {i.key: i for i in res.werkvormen if i.key not in avoided}
        chosen = choose(
            flow.tree.werkvormen,
            suggested,
            avoided,
            res.levels,
            levels.project.level,
            named,
            {i.key: i for i in res.stakeholders},
            scale=self.scale,
            max_effort=self.max_effort,
            marked_core=self.core_werkvormen,
            core_max=flow.settings.core_werkvormen,
            alternatives_max=flow.settings.alternative_werkvormen,
            make_item=Item,
        )
        res.werkvormen = chosen.core
        res.alternatives = chosen.alternatives
        res.dropped_werkvormen = chosen.dropped
        return res


_DETAIL_TEXTS = ("fixed", "open", "decides", "duties", "warnings", "notes")


def with_detail(advice: Advice, words: str) -> Advice:
    """The block with ``{detail}`` in each of its texts replaced by the user's words.

    The words stay plain text: every output escapes them like any other tree text."""

    def sub(text: Any) -> Any:
        if not isinstance(text, str):
            return text
        if words.endswith((".", "!", "?")):  # "Het budget: {detail}." never ends in two stops
            text = text.replace(DETAIL_PLACEHOLDER + ".", DETAIL_PLACEHOLDER)
        return text.replace(DETAIL_PLACEHOLDER, words)

    def why(refs: list[Any], key: str = "why") -> list[Any]:
        return [r.model_copy(update={key: sub(getattr(r, key))}) for r in refs]

    update: dict[str, Any] = {
        attr: [sub(t) for t in getattr(advice, attr)] for attr in _DETAIL_TEXTS
    }
    for attr in ("decision", "role"):
        part = getattr(advice, attr)
        if part is not None:
            update[attr] = part.model_copy(update={"text": sub(part.text)})
    if advice.level_cap is not None:
        update["level_cap"] = advice.level_cap.model_copy(update={"why": sub(advice.level_cap.why)})
    for attr in ("levels", "werkvormen", "avoid_werkvormen", "stakeholders"):
        update[attr] = why(getattr(advice, attr))
    return advice.model_copy(update=update)


def option_advice(option: Any, words: str | None) -> Advice | None:
    """The advice an option gives: ``advice_with_detail`` (filled in) when the user gave words
    and the tree has such a block, else its ``advice``."""
    special = getattr(option, "advice_with_detail", None)
    if words and special is not None:
        return with_detail(special, words)
    return option.advice


def with_words(label: str, words: str | None) -> str:
    """An option's label with the user's own words after it ("Het budget: € 250.000"); the
    closing stop is left off, because reasons and answers end a sentence themselves."""
    words = (words or "").rstrip(". ")
    return f"{label}: {words}" if words else label


def answer_label(node: Any, value: Any, words: dict[str, str] | None = None) -> str:
    """The text a user chose, for reasons and reports; ``words``: the user's own words per
    option, shown after the option's label."""
    if node.kind == "choice":
        return next((o.label for o in node.options if o.id == value), str(value))
    if node.kind == "multi":
        words = words or {}
        labels = [
            with_words(o.label, words.get(o.id)) for o in node.options if o.id in (value or [])
        ]
        return "; ".join(labels) if labels else "(niets aangevinkt)"
    if node.kind == "text":
        return str(value) if value else "(leeg)"
    return "gelezen"


def compose(
    flow: Flow,
    path: list[str],
    answers: dict[str, Any],
    details: dict[str, dict[str, str]] | None = None,
) -> AdviceResult:
    """The advice for the answers on ``path`` (the route); parked answers play no part.

    ``details`` holds the user's own words per question and option; words count only at a
    ticked option on the route, where they choose ``advice_with_detail`` over ``advice``.

    Rules that read the advice itself (``{decision: ...}``, ``{stakeholder_category: ...}``)
    see the advice as the answers and the other rules make it, and are applied in a second
    pass; they cannot trigger one another, so the result never depends on rule order.
    """
    details = details or {}
    first = _compose(flow, path, answers, details, None)
    if not any(rule.when.reads_advice() for rule in flow.rules):
        return first
    return _compose(flow, path, answers, details, first)


def _outcome_reason(flow: Flow, node: Any, path: list[str], answers: dict[str, Any]) -> Reason:
    """An outcome's ground is the answers that led to it (``because``), not only its title."""
    given = []
    for q in node.because:
        if q in path and q in answers and flow.is_question(q):
            question = flow.node(q)
            given.append(f"{question.question} — {answer_label(question, answers[q])}")
    return Reason(
        "outcome", f"Uitkomst: {node.title}", tuple(node.sources), node.id, after=tuple(given)
    )


def _compose(
    flow: Flow,
    path: list[str],
    answers: dict[str, Any],
    details: dict[str, dict[str, str]],
    advice: AdviceResult | None,
) -> AdviceResult:
    composer = _Composer(flow)
    route_answers = {n: answers[n] for n in path if n in answers}
    for node_id in path:
        node = flow.node(node_id)
        if node.kind == "outcome":
            composer.result.outcome = node.id
            if node.advice:
                composer.add(node.advice, _outcome_reason(flow, node, path, answers))
            continue
        if node_id not in answers:
            continue
        value = answers[node_id]
        if node.kind == "info":
            if node.advice:
                composer.add(
                    node.advice, Reason("answer", node.title, tuple(node.sources), node.id)
                )
            continue
        if node.kind == "choice":
            chosen = [o for o in node.options if o.id == value]
        elif node.kind == "multi":
            chosen = [o for o in node.options if o.id in value]
        else:
            chosen = []
        for option in chosen:
            words = details.get(node_id, {}).get(option.id) if node.kind == "multi" else None
            words = words if words and getattr(option, "detail", None) else None
            block = option_advice(option, words)
            if block:
                label = with_words(option.label, words)
                composer.add(
                    block,
                    Reason(
                        "answer",
                        f"{node.question} — {label}",
                        tuple(node.sources),
                        node.id,
                        option.id,
                        detail=words,
                    ),
                )
    for rule in flow.rules:
        if rule.when.reads_advice() and advice is None:
            continue
        if holds(rule.when, route_answers, flow.variant_id, advice):
            composer.add(rule.advice, Reason("rule", rule.why, tuple(rule.sources), rule=rule.id))
    if flow.variant and flow.variant.advice:
        composer.add(
            flow.variant.advice,
            Reason("variant", f"Variant {flow.variant.name}", tuple(flow.variant.sources)),
        )
    return composer.finish(route_answers)
