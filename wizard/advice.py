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
from dataclasses import dataclass, field
from typing import Any

from wizard.flow import Flow, holds
from wizard.model import Advice, Decision, Level, Role

DECISION_LABELS = {
    Decision.participeren: "Participeren",
    Decision.faciliteren: "Initiatief uit de samenleving ondersteunen (overheidsparticipatie)",
    Decision.niet_participeren: "Geen participatietraject",
}
LEVEL_LABELS = {
    Level.informeren: "Informeren",
    Level.raadplegen: "Raadplegen",
    Level.adviseren: "Adviseren",
    Level.coproduceren: "Coproduceren",
    Level.meebeslissen: "Meebeslissen",
}
PROJECT_LEVEL_NAME = "Algemeen niveau"
ROLE_LABELS = {r: r.value.capitalize() for r in Role}


@dataclass(frozen=True)
class Reason:
    """Why a part of the advice is there: the answer, rule, outcome or setting behind it."""

    kind: str  # "answer", "outcome", "rule", "variant", "setting"
    text: str
    sources: tuple[str, ...] = ()
    node: str | None = None
    answer: str | None = None
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "node": self.node,
            "answer": self.answer,
            "rule": self.rule,
            "sources": list(self.sources),
        }


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
class LevelAdvice:
    level: Level
    group: str | None = None
    group_name: str | None = None
    topic: str | None = None
    why: list[str] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)
    capped: bool = False
    floored: bool = False

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self.level]

    @property
    def name(self) -> str:
        """Whom or what the level is for, as a reader sees it."""
        name = self.group_name or self.group or PROJECT_LEVEL_NAME
        return f"{name} ({self.topic})" if self.topic else name


@dataclass
class AdviceResult:
    decision: Decision | None = None
    decision_text: list[str] = field(default_factory=list)
    decision_reasons: list[Reason] = field(default_factory=list)
    role: Role | None = None
    role_text: str | None = None
    role_reasons: list[Reason] = field(default_factory=list)
    project_level: LevelAdvice | None = None
    group_levels: list[LevelAdvice] = field(default_factory=list)
    werkvormen: list[Item] = field(default_factory=list)
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
        return ([self.project_level] if self.project_level else []) + self.group_levels

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


@dataclass
class _Contribution:
    advice: Advice
    reason: Reason


class _Composer:
    def __init__(self, flow: Flow):
        self.flow = flow
        self.result = AdviceResult()
        self.decisions: list[tuple[Decision, str | None, Reason]] = []
        self.levels: dict[tuple[str | None, str | None], LevelAdvice] = {}
        self.caps: list[tuple[Level, str, Reason]] = []
        self.avoid: dict[str, Item] = {}

    def _sources(self, advice: Advice, reason: Reason, extra: Iterable[str] = ()) -> Reason:
        sources = tuple(dict.fromkeys([*extra, *(advice.sources or reason.sources)]))
        return Reason(reason.kind, reason.text, sources, reason.node, reason.answer, reason.rule)

    def add(self, advice: Advice, reason: Reason) -> None:
        base = self._sources(advice, reason)
        if advice.decision:
            self.decisions.append((advice.decision.value, advice.decision.text, base))
        if advice.role:
            self.result.role = advice.role.value
            self.result.role_text = advice.role.text
            self.result.role_reasons = [base]
        for lv in advice.levels:
            r = self._sources(advice, reason, lv.sources)
            key = (lv.group, lv.topic)
            current = self.levels.get(key)
            if current is None or lv.level.rank > current.level.rank:
                self.levels[key] = LevelAdvice(lv.level, lv.group, None, lv.topic, [], [])
                current = self.levels[key]
            if lv.level == current.level:
                if lv.why and lv.why not in current.why:
                    current.why.append(lv.why)
                current.reasons.append(r)
        if advice.level_cap:
            cap = advice.level_cap
            self.caps.append((cap.level, cap.why, self._sources(advice, reason, cap.sources)))
        catalogue = self.flow.tree.werkvorm_map()
        for ref in advice.werkvormen:
            name = catalogue[ref.id].name if ref.id in catalogue else ref.id
            self._item(self.result.werkvormen, ref.id, name, ref.why, advice, reason, ref.sources)
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

    def finish(self) -> AdviceResult:
        res = self.result
        settings = self.flow.settings
        if self.decisions:
            best = max(d.rank for d, _, _ in self.decisions)
            res.decision = next(d for d, _, _ in self.decisions if d.rank == best)
            for d, text, reason in self.decisions:
                if d == res.decision:
                    if text and text not in res.decision_text:
                        res.decision_text.append(text)
                    res.decision_reasons.append(reason)
        project = self.levels.pop((None, None), None)
        if project is None:
            project = LevelAdvice(
                settings.default_level,
                reasons=[
                    Reason(
                        "setting", "Geen antwoord noemde een niveau: standaardniveau van de boom"
                    )
                ],
            )
        groups = list(self.levels.values())
        people = self.flow.tree.stakeholder_map()
        for lv in groups:
            if lv.group:
                lv.group_name = people[lv.group].name if lv.group in people else lv.group
        cap = min(self.caps, key=lambda c: c[0].rank) if self.caps else None
        floor = settings.level_floor if res.decision == Decision.participeren else None
        variant_name = self.flow.variant.name if self.flow.variant else "de boom"
        floor_sources = tuple(self.flow.variant.sources) if self.flow.variant else ()
        for lv in [project, *groups]:
            if cap and lv.level.rank > cap[0].rank:
                # the answers' own reason no longer explains the level shown: say what happened
                lv.why = [cap[1], f"Zonder deze grens was het {lv.level.value}."]
                lv.level = cap[0]
                lv.capped = True
                lv.reasons.append(cap[2])
        if floor and project.level.rank < floor.rank:
            project.why = [
                f"Ondergrens van {variant_name}: minimaal {floor.value}.",
                f"Uit de antwoorden volgde {project.level.value}.",
            ]
            project.level = floor
            project.floored = True
            project.reasons.append(
                Reason("setting", f"Ondergrens (level_floor) van {variant_name}", floor_sources)
            )
        if cap and floor and cap[0].rank < floor.rank:
            self._item(
                res.warnings,
                "cap-floor",
                f"Het plafond ({cap[0].value}) ligt onder de ondergrens van {variant_name} "
                f"({floor.value}). De ondergrens gaat voor: leg uit hoe u die haalt.",
                None,
                Advice(),
                Reason("setting", f"Ondergrens van {variant_name}", floor_sources),
                (),
            )
        res.project_level = project
        res.group_levels = groups
        res.stakeholder_categories = {
            people[i.key].category for i in res.stakeholders if i.key in people
        }
        avoided = {i.key for i in res.avoided}
        res.werkvormen = [w for w in res.werkvormen if w.key not in avoided]
        return res


def answer_label(node: Any, value: Any) -> str:
    """The text a user chose, for reasons and reports."""
    if node.kind == "choice":
        return next((o.label for o in node.options if o.id == value), str(value))
    if node.kind == "multi":
        labels = [o.label for o in node.options if o.id in (value or [])]
        return "; ".join(labels) if labels else "(niets aangevinkt)"
    if node.kind == "text":
        return str(value) if value else "(leeg)"
    return "gelezen"


def compose(flow: Flow, path: list[str], answers: dict[str, Any]) -> AdviceResult:
    """The advice for the answers on ``path`` (the route); parked answers play no part.

    Rules that read the advice itself (``{decision: ...}``, ``{stakeholder_category: ...}``)
    see the advice as the answers and the other rules make it, and are applied in a second
    pass; they cannot trigger one another, so the result never depends on rule order.
    """
    first = _compose(flow, path, answers, None)
    if not any(rule.when.reads_advice() for rule in flow.rules):
        return first
    return _compose(flow, path, answers, first)


def _compose(
    flow: Flow, path: list[str], answers: dict[str, Any], advice: AdviceResult | None
) -> AdviceResult:
    composer = _Composer(flow)
    route_answers = {n: answers[n] for n in path if n in answers}
    for node_id in path:
        node = flow.node(node_id)
        if node.kind == "outcome":
            composer.result.outcome = node.id
            if node.advice:
                composer.add(
                    node.advice,
                    Reason("outcome", f"Uitkomst: {node.title}", tuple(node.sources), node.id),
                )
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
            if option.advice:
                composer.add(
                    option.advice,
                    Reason(
                        "answer",
                        f"{node.question} — {option.label}",
                        tuple(node.sources),
                        node.id,
                        option.id,
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
    return composer.finish()
