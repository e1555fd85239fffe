"""The advice as a participatieplan draft (Markdown) and as stable JSON.

The Markdown follows the order of the domain briefing: Besluit, Niveau, Werkvormen,
Belanghebbenden, Invloedsruimte, Procesafspraken, Verantwoording. Every item says why it is
there and which sources it rests on, so the draft can be defended to the council. The JSON
shape is documented in ``docs/output.md`` and only grows by adding keys.
"""

from __future__ import annotations

from collections.abc import Iterable
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
from wizard.plan_labels import plan_label
from wizard.text import as_sentence, clean, md_text, one_line

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
    details: dict[str, str] | None = None  # the user's own words at ticked options


def route_steps(engine: Engine) -> list[Step]:
    """The questions on an engine's route with the answer given (None when not answered yet)."""
    steps: list[Step] = []
    details = engine.route_details()
    for node_id in engine.path:
        if not engine.flow.is_question(node_id):
            continue
        node = engine.flow.node(node_id)
        value = engine.answers.get(node_id)
        words = details.get(node_id, {})
        label = answer_label(node, value, words) if value is not None else None
        steps.append(Step(node_id, node.question, value, label, node.kind, words or None))
    return steps


def route_trace(engine: Engine) -> list[dict[str, Any]]:
    """The answered questions on the route, for the plan's Verantwoording and the JSON."""
    return [
        {
            "node": st.node,
            "question": st.question,
            "answer": st.answer,
            "label": st.label,
            "details": st.details or {},
        }
        for st in route_steps(engine)
        if st.answer is not None
    ]


# --- Markdown ---------------------------------------------------------------------------------


_md_text = md_text  # tree text is text: one line, no control codes, no Markdown


def citation_key(source_id: str) -> str:
    """``[id]``, or ``[id, locator]`` when the tree says where in the source."""
    at = getattr(source_id, "at", None)
    return f"[{source_id}, {one_line(at)}]" if at else f"[{source_id}]"


def _cite(reasons: list[Reason]) -> str:
    cited: dict[tuple[str, str | None], str] = {}
    for r in reasons:
        for s in r.sources:
            cited.setdefault((str(s), getattr(s, "at", None)), citation_key(s))
    return " ".join(cited.values())


def _because(reasons: list[Reason], lang: str = "nl", full_outcome: bool = True) -> str:
    """The answers and rules behind an item; an outcome names the answers that led to it.

    The plan names those answers once, under the decision; elsewhere it points there, so a
    reader does not meet the same chain of answers on every item."""
    parts: list[str] = []
    for r in reasons:
        if r.kind == "answer":
            text = f"“{_md_text(r.text)}”"
        elif r.kind == "outcome" and r.after and not full_outcome:
            text = f"{_md_text(r.text)} ({plan_label(lang, 'see_decision')})"
        elif r.kind == "outcome" and r.after:
            given = [f"“{_md_text(a)}”" for a in r.after]
            new = [g for g in given if g not in parts]
            text = _md_text(r.text)
            if new:
                text += f", {plan_label(lang, 'after')} " + "; ".join(new)
        else:
            text = _md_text(r.text).rstrip(".")
        if text not in parts:
            parts.append(text)
    return _join(parts)


def _join(parts: list[str]) -> str:
    """Join reasons with '; ', but after a whole sentence just a space (never "middel.; Leiden")."""
    out = ""
    for part in parts:
        if out:
            out += " " if out.rstrip("”").endswith((".", "!", "?")) else "; "
        out += part
    return out


def _reason_line(
    why: list[str], reasons: list[Reason], lang: str = "nl", full_outcome: bool = False
) -> str:
    bits = []
    if why:
        bits.append(" ".join(as_sentence(_md_text(w)) for w in why))
    because = _because(reasons, lang, full_outcome)
    if because:
        bits.append(f"*{plan_label(lang, 'grond')}:* {because.rstrip('.')}.")
    cite = _cite(reasons)
    if cite:
        bits.append(f"*{plan_label(lang, 'bron')}:* {cite}")
    return " ".join(bits)


def _werkvorm_facts(w: Werkvorm, lang: str = "nl") -> str:
    """Levels, scale, effort and reach of a method, on one line."""
    L = lambda key: plan_label(lang, key)  # noqa: E731
    facts = [f"*{L('fits')}:* {', '.join(lv.value for lv in w.levels)}"]
    if w.scale:
        facts.append(f"*{L('scale')}:* {', '.join(w.scale)}")
    facts.append(f"*{L('effort')}:* {w.effort}")
    facts.append(f"*{L('reach')}:* {w.inclusiveness}")
    if w.low_threshold:
        facts.append(L("low_threshold"))
    return " · ".join(facts) + "."


def _items(lines: list[str], items: list[Item], empty: str, lang: str = "nl") -> None:
    if not items:
        if empty:
            lines.append(f"_{empty}_")
        return
    for item in items:
        lines.append(f"- {_md_text(item.text)}  ")
        lines.append(f"  {_reason_line(item.why, item.reasons, lang)}")


def _level_line(lv: LevelAdvice, lang: str = "nl") -> str:
    L = lambda key: plan_label(lang, key)  # noqa: E731
    who = _md_text(lv.name)
    if lv.members:
        who += f" ({_md_text(', '.join(lv.members))})"
    if lv.phase:
        who += f" ({L('phase')}: {_md_text(lv.phase)})"
    extra = f" ({L('capped')})" if lv.capped else ""
    extra += f" ({L('floored')})" if lv.floored else ""
    if lv.deviated and lv.advised is not None:
        extra += f" ({L('advised')}: {LEVEL_LABELS[lv.advised]})"
    reason = _reason_line(lv.why, lv.reasons, lang)
    return f"- **{who}: {LEVEL_LABELS[lv.level]}**{extra}  \n  {reason}"


def _levels(lines: list[str], res: AdviceResult, lang: str = "nl") -> None:
    L = lambda key, **kw: plan_label(lang, key, **kw)  # noqa: E731
    project = res.project_level
    if project is None:
        return
    if project.deviated and project.advised is not None:
        lines.append(
            f"**{L('chosen')}: {LEVEL_LABELS[project.level]}.** "
            + L("deviates", advised=LEVEL_LABELS[project.advised])
        )
        if project.deviation_reason:
            lines.append(f"{L('deviation_reason')}: “{_md_text(project.deviation_reason)}”.")
        else:
            lines.append(f"_{L('no_deviation_reason')}_")
    else:
        lines.append(f"**{L('advice')}: {LEVEL_LABELS[project.level]}.**")
    lines += ["", _reason_line(project.why, project.reasons, lang)]
    if res.subject_levels:
        lines += ["", f"**{L('per_subject')}**", ""]
        lines += [_level_line(lv, lang) for lv in res.subject_levels]
    if res.group_levels:
        lines += ["", f"**{L('per_group')}**", ""]
        lines += [_level_line(lv, lang) for lv in res.group_levels]


def to_markdown(
    engine: Engine,
    result: AdviceResult | None = None,
    *,
    today: date | None = None,
    lang: str = "nl",
) -> str:
    L = lambda key, **kw: plan_label(lang, key, **kw)  # noqa: E731
    res = result or engine.advice()
    tree = engine.flow.tree
    title = project_title(engine)
    lines: list[str] = []
    # no "participatieplan" for an outcome without a participation process
    no_process = getattr(res.decision, "value", res.decision) == "niet-participeren"
    heading = L("title_none") if no_process else L("title")
    lines.append(f"# {heading}{': ' + _md_text(title) if title else ''}")
    lines.append("")
    meta = L("made", tree=_md_text(tree.title))
    if tree.version:
        meta += L("version", version=_md_text(tree.version))
    if engine.flow.variant:
        meta += L("variant", variant=_md_text(engine.flow.variant.name))
    meta += L("on", date=(today or date.today()).isoformat())
    lines.append(f"_{meta}_")
    if not engine.is_complete:
        lines.append("")
        lines.append(L("incomplete"))
    if res.outcome:
        outcome = engine.flow.node(res.outcome)
        lines += ["", f"**{L('outcome')}: {_md_text(outcome.title)}.** {_md_text(outcome.text)}"]

    lines += ["", f"## {L('s1')}", ""]
    if res.decision:
        text = " ".join(_md_text(t) for t in res.decision_text)
        lines.append(f"**{DECISION_LABELS[res.decision]}.** {text}".strip())
        lines.append("")
        lines.append(_reason_line([], res.decision_reasons, lang, full_outcome=True))
    else:
        lines.append(f"_{L('no_decision')}_")
    if res.role:
        lines += [
            "",
            f"**{L('role')}: {ROLE_LABELS[res.role]}.** {_md_text(res.role_text or '')}",
            "",
            _reason_line([], res.role_reasons, lang),
        ]

    lines += ["", f"## {L('s2')}", ""]
    _levels(lines, res, lang)

    lines += ["", f"## {L('s3')}", ""]
    catalogue = tree.werkvorm_map()
    if res.werkvormen:
        for item in res.werkvormen:
            w = catalogue.get(item.key)
            desc = f" — {_md_text(w.description)}" if w else ""
            lines.append(f"- **{_md_text(item.text)}**{desc}  ")
            if w:
                lines.append(f"  {_werkvorm_facts(w, lang)}  ")
            lines.append(f"  {_reason_line(item.why, item.reasons, lang)}")
    else:
        lines.append(f"_{L('no_werkvormen')}_")
    if res.alternatives:
        lines += ["", L("alternatives"), ""]
        for item in res.alternatives:
            why = " ".join(as_sentence(_md_text(w)) for w in item.why)
            lines.append(f"- {_md_text(item.text)}{': ' + why if why else ''}")
    if res.avoided:
        lines += ["", L("avoid"), ""]
        _items(lines, res.avoided, "", lang)

    lines += ["", f"## {L('s4')}", ""]
    people = tree.stakeholder_map()
    if not res.stakeholders:
        lines.append(f"_{L('no_stakeholders')}_")
    for category in CATEGORY_TITLES:
        group = [
            i for i in res.stakeholders if i.key in people and people[i.key].category == category
        ]
        if not group:
            continue
        lines += [f"### {L('cat.' + category.value)}", ""]
        for item in group:
            s = people[item.key]
            lines.append(f"- **{_md_text(s.name)}**  ")
            if s.barrier:
                lines.append(f"  *{L('barrier')}:* {_md_text(s.barrier)}  ")
            if s.spokesperson:
                lines.append(f"  *{L('spokesperson')}:* {_md_text(s.spokesperson)}  ")
            how = L("how_silent") if s.category == StakeholderCategory.stil_belang else L("how")
            lines.append(f"  *{how}:* {_md_text(s.reach)}  ")
            lines.append(f"  {_reason_line(item.why, item.reasons, lang)}")
        lines.append("")

    lines += ["", f"## {L('s5')}", ""]
    lines += [f"**{L('fixed')}**", ""]
    _items(lines, res.fixed, L("not_set"), lang)
    lines += ["", f"**{L('open')}**", ""]
    _items(lines, res.open, L("not_set"), lang)
    lines += ["", f"**{L('decides')}**", ""]
    _items(lines, res.decides, L("not_set"), lang)

    lines += ["", f"## {L('s6')}", ""]
    _items(lines, res.duties, L("no_duties"), lang)
    if res.notes:
        lines += ["", f"**{L('further')}**", ""]
        _items(lines, res.notes, "", lang)
    if res.warnings:
        lines += ["", f"**{L('warnings')}**", ""]
        _items(lines, res.warnings, "", lang)

    lines += ["", f"## {L('s7')}", "", f"**{L('answers')}**", ""]
    trace = route_trace(engine)
    if not trace:
        lines.append(f"_{L('no_answers')}_")
    for i, row in enumerate(trace, 1):
        lines.append(f"{i}. {_md_text(row['question'])} — **{_md_text(row['label'])}**")
    lines += ["", f"**{L('sources')}**", ""]
    used = sources_by_section(res, tree)
    if not used:
        lines.append(f"_{L('no_sources')}_")
    for sid, sections in used.items():
        s = tree.source_map()[sid]
        line = f"- [{sid}] {_md_text(s.citation())}"
        if s.url:
            line += f". {s.url}"
        where = ", ".join(L(key) for key in sections)
        line += f". _{L('used_at')}: {where}_"
        lines.append(line)
    # every field went through one_line, but a plan is printed to terminals: make sure of it
    return clean("\n".join(lines).rstrip() + "\n")


def sources_by_section(res: AdviceResult, tree: Any) -> dict[str, list[str]]:
    """Each source the plan cites, once, with the plan sections (label keys) that cite it."""
    parts: list[tuple[str, Iterable[Item] | None, Iterable[Reason]]] = [
        ("s1", None, [*res.decision_reasons, *res.role_reasons]),
        ("s2", None, [r for lv in res.levels for r in lv.reasons]),
        ("s3", [*res.werkvormen, *res.avoided], ()),  # alternatives are listed without sources
        ("s4", res.stakeholders, ()),
        ("s5", [*res.fixed, *res.open, *res.decides], ()),
        ("s6", [*res.duties, *res.notes, *res.warnings], ()),
    ]
    known = tree.source_map()
    used: dict[str, list[str]] = {}
    for key, items, reasons in parts:
        found = list(reasons) + [r for item in items or () for r in item.reasons]
        for reason in found:
            for sid in reason.sources:
                if sid in known:
                    sections = used.setdefault(str(sid), [])
                    if key not in sections:
                        sections.append(key)
    return used


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
            "audience": w.audience if w else None,
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
            "audience": s.audience if s else None,
            "sensitive": s.sensitive if s else False,
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
            # facts, written whole for participants: no instruction to the civil servant
            # (the dossier reads a missing key as an older plan, see wizard.dossier.public_part)
            "fixed": [{**_item(i), "instruction": None} for i in res.fixed],
            "open": [{**_item(i), "instruction": None} for i in res.open],
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
                "url": sources[sid].url,
                "used_in": [plan_label("nl", key) for key in sections],
            }
            for sid, sections in sources_by_section(res, tree).items()
        ],
    }
