"""The advice as a participatieplan draft (Markdown) and as stable JSON.

The Markdown follows the order of the domain briefing: Besluit, Niveau, Werkvormen,
Belanghebbenden, Invloedsruimte, Procesafspraken, Verantwoording. Every item says why it is
there and which sources it rests on, so the draft can be defended to the council. The JSON
shape is documented in ``docs/output.md`` and only grows by adding keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from wizard.advice import (
    DECISION_LABELS,
    LEVEL_LABELS,
    ROLE_LABELS,
    AdviceResult,
    Item,
    LevelAdvice,
    Reason,
    answer_label,
)
from wizard.engine import Engine
from wizard.model import AnswerValue, StakeholderCategory, Werkvorm
from wizard.text import clean, md_text

ADVICE_KIND = "stappenplan-advice"
ADVICE_VERSION = 2  # 2: levels per subject and cap; 'werkvormen' is the chosen core

CATEGORY_TITLES = {
    StakeholderCategory.direct: "Direct betrokkenen",
    StakeholderCategory.georganiseerd: "Georganiseerde belangen",
    StakeholderCategory.overheid: "Andere overheden en instanties",
    StakeholderCategory.intern: "Binnen de gemeente",
    StakeholderCategory.publiek: "Het brede publiek",
    StakeholderCategory.moeilijk_bereikbaar: "Moeilijk bereikbare groepen",
    StakeholderCategory.stil_belang: "Stille belangen",
}


def project_title(engine: Engine) -> str | None:
    question = engine.flow.settings.title_question
    value = engine.answers.get(question) if question and question in engine.path else None
    return value if isinstance(value, str) and value.strip() else None


@dataclass(frozen=True)
class Step:
    """One answered question on a route."""

    node: str
    question: str
    answer: AnswerValue | None
    label: str | None
    kind: str = "choice"


def route_steps(engine: Engine) -> list[Step]:
    """The questions on an engine's route with the answer given (None when not answered yet)."""
    steps: list[Step] = []
    for node_id in engine.path:
        if not engine.flow.is_question(node_id):
            continue
        node = engine.flow.node(node_id)
        value = engine.answers.get(node_id)
        label = answer_label(node, value) if value is not None else None
        steps.append(Step(node_id, node.question, value, label, node.kind))
    return steps


def route_trace(engine: Engine) -> list[dict[str, Any]]:
    """The answered questions on the route, for the plan's Verantwoording and the JSON."""
    return [
        {"node": st.node, "question": st.question, "answer": st.answer, "label": st.label}
        for st in route_steps(engine)
        if st.answer is not None
    ]


# --- Markdown ---------------------------------------------------------------------------------


_md_text = md_text  # tree text is text: one line, no control codes, no Markdown


def _cite(reasons: list[Reason]) -> str:
    sources: dict[str, None] = {}
    for r in reasons:
        for s in r.sources:
            sources.setdefault(s)
    return " ".join(f"[{s}]" for s in sources)


def _because(reasons: list[Reason]) -> str:
    parts: list[str] = []
    for r in reasons:
        text = f"“{_md_text(r.text)}”" if r.kind in ("answer", "outcome") else _md_text(r.text)
        if text not in parts:
            parts.append(text)
    return "; ".join(parts)


def _reason_line(why: list[str], reasons: list[Reason]) -> str:
    bits = []
    if why:
        bits.append(" ".join(_md_text(w) for w in why))
    because = _because(reasons)
    if because:
        bits.append(f"*Grond:* {because.rstrip('.')}.")
    cite = _cite(reasons)
    if cite:
        bits.append(f"*Bron:* {cite}")
    return " ".join(bits)


def _werkvorm_facts(w: Werkvorm) -> str:
    """Levels, scale, effort and reach of a method, on one line."""
    facts = [f"*Past bij:* {', '.join(lv.value for lv in w.levels)}"]
    if w.scale:
        facts.append(f"*schaal:* {', '.join(w.scale)}")
    facts.append(f"*inspanning:* {w.effort}")
    facts.append(f"*bereikt wie niet vanzelf komt:* {w.inclusiveness}")
    if w.low_threshold:
        facts.append("laagdrempelig")
    return " · ".join(facts) + "."


def _items(lines: list[str], items: list[Item], empty: str) -> None:
    if not items:
        lines.append(f"_{empty}_")
        return
    for item in items:
        lines.append(f"- {_md_text(item.text)}  ")
        lines.append(f"  {_reason_line(item.why, item.reasons)}")


def _level_line(lv: LevelAdvice) -> str:
    who = _md_text(lv.name)
    if lv.members:
        who += f" ({_md_text(', '.join(lv.members))})"
    if lv.phase:
        who += f" (fase: {_md_text(lv.phase)})"
    extra = " (begrensd)" if lv.capped else ""
    extra += " (ondergrens)" if lv.floored else ""
    if lv.deviated and lv.advised is not None:
        extra += f" (advies: {LEVEL_LABELS[lv.advised]})"
    return f"- **{who}: {LEVEL_LABELS[lv.level]}**{extra}  \n  {_reason_line(lv.why, lv.reasons)}"


def _levels(lines: list[str], res: AdviceResult) -> None:
    project = res.project_level
    if project is None:
        return
    if project.deviated and project.advised is not None:
        lines.append(
            f"**Gekozen niveau: {LEVEL_LABELS[project.level]}.** Dit wijkt af van het advies "
            f"({LEVEL_LABELS[project.advised]})."
        )
        if project.deviation_reason:
            lines.append(f"Reden van de afwijking: “{_md_text(project.deviation_reason)}”.")
        else:
            lines.append("_Er is geen reden voor de afwijking opgegeven._")
    else:
        lines.append(f"**Advies: {LEVEL_LABELS[project.level]}.**")
    lines += ["", _reason_line(project.why, project.reasons)]
    if res.subject_levels:
        lines += ["", "**Per onderwerp**", ""]
        lines += [_level_line(lv) for lv in res.subject_levels]
    if res.group_levels:
        lines += ["", "**Per groep**", ""]
        lines += [_level_line(lv) for lv in res.group_levels]


def to_markdown(
    engine: Engine, result: AdviceResult | None = None, *, today: date | None = None
) -> str:
    res = result or engine.advice()
    tree = engine.flow.tree
    title = project_title(engine)
    lines: list[str] = []
    # no "participatieplan" for an outcome without a participation process
    no_process = getattr(res.decision, "value", res.decision) == "niet-participeren"
    heading = "Advies: geen participatietraject" if no_process else "Participatieplan (concept)"
    lines.append(f"# {heading}{': ' + _md_text(title) if title else ''}")
    lines.append("")
    meta = f"Opgesteld met stappenplan, beslisboom “{_md_text(tree.title)}”"
    if tree.version:
        meta += f" (versie {tree.version})"
    if engine.flow.variant:
        meta += f", variant {engine.flow.variant.name}"
    meta += f", op {(today or date.today()).isoformat()}."
    lines.append(f"_{meta}_")
    if not engine.is_complete:
        lines.append("")
        lines.append("> **Let op:** nog niet alle vragen zijn beantwoord; dit advies is voorlopig.")
    if res.outcome:
        outcome = engine.flow.node(res.outcome)
        lines += ["", f"**Uitkomst: {_md_text(outcome.title)}.** {_md_text(outcome.text)}"]

    lines += ["", "## 1. Besluit", ""]
    if res.decision:
        lines.append(f"**{DECISION_LABELS[res.decision]}.** {' '.join(res.decision_text)}".strip())
        lines.append("")
        lines.append(_reason_line([], res.decision_reasons))
    else:
        lines.append("_Nog geen besluit: beantwoord eerst de vragen over de invloedsruimte._")
    if res.role:
        lines += [
            "",
            f"**Rol van de gemeente: {ROLE_LABELS[res.role]}.** {_md_text(res.role_text or '')}",
            "",
            _reason_line([], res.role_reasons),
        ]

    lines += ["", "## 2. Niveau van participatie", ""]
    _levels(lines, res)

    lines += ["", "## 3. Werkvormen", ""]
    catalogue = tree.werkvorm_map()
    if res.werkvormen:
        for item in res.werkvormen:
            w = catalogue.get(item.key)
            desc = f" — {_md_text(w.description)}" if w else ""
            lines.append(f"- **{_md_text(item.text)}**{desc}  ")
            if w:
                lines.append(f"  {_werkvorm_facts(w)}  ")
            lines.append(f"  {_reason_line(item.why, item.reasons)}")
    else:
        lines.append("_Geen werkvormen geadviseerd._")
    if res.alternatives:
        lines += ["", "Andere werkvormen die ook passen:", ""]
        for item in res.alternatives:
            why = " ".join(_md_text(w) for w in item.why)
            lines.append(f"- {_md_text(item.text)}{': ' + why if why else ''}")
    if res.avoided:
        lines += ["", "Liever niet:", ""]
        _items(lines, res.avoided, "")

    lines += ["", "## 4. Belanghebbenden", ""]
    people = tree.stakeholder_map()
    if not res.stakeholders:
        lines.append("_Geen belanghebbenden genoemd._")
    for category, heading in CATEGORY_TITLES.items():
        group = [
            i for i in res.stakeholders if i.key in people and people[i.key].category == category
        ]
        if not group:
            continue
        lines += [f"### {heading}", ""]
        for item in group:
            s = people[item.key]
            lines.append(f"- **{_md_text(s.name)}**  ")
            if s.barrier:
                lines.append(f"  *Drempel:* {_md_text(s.barrier)}  ")
            if s.spokesperson:
                lines.append(f"  *Wie spreekt namens hen:* {_md_text(s.spokesperson)}  ")
            how = (
                "Hoe brengt u dit belang in"
                if s.category == StakeholderCategory.stil_belang
                else "Hoe bereikt u hen"
            )
            lines.append(f"  *{how}:* {_md_text(s.reach)}  ")
            lines.append(f"  {_reason_line(item.why, item.reasons)}")
        lines.append("")

    lines += ["", "## 5. Invloedsruimte", ""]
    lines += ["**Wat vastligt**", ""]
    _items(lines, res.fixed, "Nog niet vastgesteld.")
    lines += ["", "**Wat open is voor inbreng**", ""]
    _items(lines, res.open, "Nog niet vastgesteld.")
    lines += ["", "**Wie beslist**", ""]
    _items(lines, res.decides, "Nog niet vastgesteld.")

    lines += ["", "## 6. Procesafspraken", ""]
    _items(lines, res.duties, "Geen procesafspraken.")
    if res.notes:
        lines += ["", "**Verder**", ""]
        _items(lines, res.notes, "")
    if res.warnings:
        lines += ["", "**Let op**", ""]
        _items(lines, res.warnings, "")

    lines += ["", "## 7. Verantwoording", "", "**Gegeven antwoorden**", ""]
    trace = route_trace(engine)
    if not trace:
        lines.append("_Nog geen antwoorden._")
    for i, row in enumerate(trace, 1):
        lines.append(f"{i}. {_md_text(row['question'])} — **{_md_text(row['label'])}**")
    sources = tree.source_map()
    used = [s for s in res.sources_used() if s in sources]
    lines += ["", "**Bronnen**", ""]
    if not used:
        lines.append("_Geen bronnen._")
    for sid in used:
        s = sources[sid]
        line = f"- [{sid}] {_md_text(s.citation())}"
        if s.url:
            line += f". {s.url}"
        elif s.file:
            line += f" (bronbestand {s.file})"
        lines.append(line)
    # every field went through one_line, but a plan is printed to terminals: make sure of it
    return clean("\n".join(lines).rstrip() + "\n")


# --- JSON -------------------------------------------------------------------------------------


def _reasons(reasons: list[Reason]) -> list[dict[str, Any]]:
    return [r.to_dict() for r in reasons]


def _item(item: Item) -> dict[str, Any]:
    return {"text": item.text, "why": item.why, "reasons": _reasons(item.reasons)}


def _level(lv: LevelAdvice) -> dict[str, Any]:
    return {
        "level": lv.level.value,
        "label": LEVEL_LABELS[lv.level],
        "kind": lv.kind,
        "id": lv.key,
        "name": lv.name,
        "phase": lv.phase,
        "members": lv.members,
        "group": lv.group,
        "group_name": lv.name if lv.kind == "group" else None,
        "topic": lv.topic,
        "capped": lv.capped,
        "floored": lv.floored,
        "advised": lv.advised.value if lv.advised else None,
        "deviated": lv.deviated,
        "deviation_reason": lv.deviation_reason,
        "why": lv.why,
        "reasons": _reasons(lv.reasons),
    }


def to_json_data(engine: Engine, digest: str, result: AdviceResult | None = None) -> dict[str, Any]:
    res = result or engine.advice()
    tree = engine.flow.tree
    werkvormen = tree.werkvorm_map()
    people = tree.stakeholder_map()
    sources = tree.source_map()
    outcome = engine.flow.node(res.outcome) if res.outcome else None

    def werkvorm(item: Item) -> dict[str, Any]:
        w = werkvormen.get(item.key)
        return {
            "id": item.key,
            "name": item.text,
            "description": w.description if w else None,
            "levels": [lv.value for lv in w.levels] if w else [],
            "low_threshold": w.low_threshold if w else False,
            "why": item.why,
            "reasons": _reasons(item.reasons),
        }

    def stakeholder(item: Item) -> dict[str, Any]:
        s = people.get(item.key)
        return {
            "id": item.key,
            "name": item.text,
            "category": s.category.value if s else None,
            "reach": s.reach if s else None,
            "barrier": s.barrier if s else None,
            "spokesperson": s.spokesperson if s else None,
            "why": item.why,
            "reasons": _reasons(item.reasons),
        }

    return {
        "kind": ADVICE_KIND,
        "version": ADVICE_VERSION,
        "tree": {"id": tree.id, "title": tree.title, "version": tree.version, "digest": digest},
        "variant": (
            {"id": engine.flow.variant.id, "name": engine.flow.variant.name}
            if engine.flow.variant
            else None
        ),
        "title": project_title(engine),
        "complete": engine.is_complete,
        "outcome": (
            {"id": outcome.id, "title": outcome.title, "text": outcome.text} if outcome else None
        ),
        "decision": (
            {
                "value": res.decision.value,
                "label": DECISION_LABELS[res.decision],
                "text": res.decision_text,
                "reasons": _reasons(res.decision_reasons),
            }
            if res.decision
            else None
        ),
        "role": (
            {
                "value": res.role.value,
                "label": ROLE_LABELS[res.role],
                "text": res.role_text,
                "reasons": _reasons(res.role_reasons),
            }
            if res.role
            else None
        ),
        "levels": {
            "project": _level(res.project_level) if res.project_level else None,
            "subjects": [_level(lv) for lv in res.subject_levels],
            "groups": [_level(lv) for lv in res.group_levels],
            "cap": res.cap.value if res.cap else None,
        },
        "werkvormen": [werkvorm(i) for i in res.werkvormen],
        "alternative_werkvormen": [werkvorm(i) for i in res.alternatives],
        "dropped_werkvormen": [
            {"id": wid, "name": werkvormen[wid].name if wid in werkvormen else wid, "why": why}
            for wid, why in res.dropped_werkvormen
        ],
        "avoided_werkvormen": [werkvorm(i) for i in res.avoided],
        "stakeholders": [stakeholder(i) for i in res.stakeholders],
        "invloedsruimte": {
            "fixed": [_item(i) for i in res.fixed],
            "open": [_item(i) for i in res.open],
            "decides": [_item(i) for i in res.decides],
        },
        "duties": [_item(i) for i in res.duties],
        "warnings": [_item(i) for i in res.warnings],
        "notes": [_item(i) for i in res.notes],
        "answers": route_trace(engine),
        "sources": [
            {
                "id": sid,
                "title": sources[sid].title,
                "publisher": sources[sid].publisher,
                "year": sources[sid].year,
                "file": sources[sid].file,
                "url": sources[sid].url,
            }
            for sid in res.sources_used()
            if sid in sources
        ],
    }
