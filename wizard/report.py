"""Documents made from a dossier: the participatierapportage, the letter and the evaluation form.

- **Participatierapportage**: plan versus what happened, who was reached and who was not (and
  what was done about it), what was heard, what was done with it, and the decision that followed.
  It answers the three questions of the Omgevingswet's aanvraagvereiste up front (was there
  participation, how, and what came of it), and follows Leiden's beleidsregels (a public plan and
  a public report; make the weighing visible). Sources are cited as in the plan: ``[id]`` in the
  text, and a list of sources by title, publisher and year.
- **Terugkoppelingsbrief**: a letter in plain language (B1) to the participants.
- **Evaluatieformulier**: per meeting, questions for participants and for the organisers.

Each document exists as Markdown and as JSON data; :mod:`wizard.docx_export` turns the Markdown
into Word. The advice snapshot in the dossier is read as data (``dict.get``), never as a model:
its fields grow as the advice engine does.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from wizard.dossier import (
    WEIGHING_LABELS,
    Activity,
    Dossier,
    Evaluation,
    Weighing,
    lower_first,
    public_part,
)
from wizard.text import as_sentence, clean, one_line

REPORT_KIND = "stappenplan-rapportage"
LETTER_KIND = "stappenplan-terugkoppeling"
FORM_KIND = "stappenplan-evaluatieformulier"
DOC_VERSION = 1

_md = one_line

# The documents the report itself rests on (by title, publisher and year, as a reader cites them).
BASIS_SOURCES: dict[str, dict[str, Any]] = {
    "leiden-handreiking": {
        "title": "Handreiking samenwerken in de stad; beleidsregels participatie (16 mei 2023)",
        "publisher": "Gemeente Leiden",
        "year": 2023,
    },
    "leiden-wijkverenigingen": {
        "title": "Uitkomst en inhoud gesprekken wijk- en buurtverenigingen (brief aan de raad)",
        "publisher": "Gemeente Leiden",
        "year": 2021,
    },
    "omgevingswet": {
        "title": "Omgevingswet en Omgevingsbesluit, regels over participatie (aanvraagvereiste)",
        "publisher": "Rijksoverheid",
        "year": 2024,
    },
    "schiedam": {
        "title": "Samenwerken in Schiedam (handreiking, Pact met de stad)",
        "publisher": "Gemeente Schiedam",
        "year": None,
    },
}

SCORE_QUESTIONS = [
    ("clear", "Was het duidelijk waarover u kon meepraten en wat al vastlag?"),
    ("heard", "Had u het gevoel dat er naar u werd geluisterd?"),
    ("accessible", "Kon u goed meedoen? (plek, tijd, taal, uitleg)"),
]
OPEN_QUESTIONS = [
    ("change", "Wat moet de volgende keer anders?"),
    ("missing", "Wie miste u vandaag? Wie moeten we nog spreken?"),
    ("how_heard", "Hoe hoorde u van deze bijeenkomst?"),
]
# The form for children and young people: short questions, answered with a face and a word.
# The three scored questions ask what SCORE_QUESTIONS ask, so the results go into the same
# evaluation in the dossier (ja = 5, een beetje = 3, nee = 1).
YOUNG_SCORE_QUESTIONS = [
    ("clear", "Wist je waarover je mocht meepraten?"),
    ("heard", "Werd er naar je geluisterd?"),
    ("accessible", "Vond je het fijn om mee te doen?"),
]
YOUNG_ANSWERS = [("ja", "🙂", 5), ("een beetje", "😐", 3), ("nee", "🙁", 1)]
YOUNG_OPEN_QUESTIONS = [
    ("best", "Wat vond je het leukst?"),
    ("change", "Wat moet er anders? Je mag het ook tekenen."),
]
YOUNG_ORGANISER_QUESTIONS = [
    ("guide", "Wie begeleidde de kinderen of jongeren (school, jongerenwerk, ouders)?"),
]

ORGANISER_QUESTIONS = [
    ("groups", "Welke groepen uit het plan waren er, en welke niet?"),
    ("room", "Was de invloedsruimte (wat vastligt, wat open is) vooraf bekend bij de deelnemers?"),
    ("went_well", "Wat ging goed?"),
    ("change", "Wat doen we de volgende keer anders?"),
    ("feedback", "Wanneer en hoe laten we de deelnemers weten wat we met hun inbreng doen?"),
]


# --- reading the snapshot -------------------------------------------------------------------------


def public_texts(value: Any) -> list[str]:
    """The public part of each of a list of the plan's fixed or open items (see
    :func:`wizard.dossier.public_part`)."""
    items = value if isinstance(value, list) else []
    return [p[0] for p in map(public_part, items) if p and p[0]]


def _room(dossier: Dossier) -> tuple[list[str], list[str]]:
    """(fixed, open) in words for participants: as the civil servant wrote them in the
    dossier, else the public part of the plan's items."""
    return dossier.public_room()


def _label(value: Any) -> str | None:
    if isinstance(value, dict):
        for key in ("label", "name", "value", "level"):
            if isinstance(value.get(key), str):
                return value[key]
    return value if isinstance(value, str) else None


def _levels(advice: dict[str, Any]) -> list[str]:
    """Lines describing the level(s), for old and new advice shapes alike."""
    levels = advice.get("levels")
    lines: list[str] = []
    if not isinstance(levels, dict):
        return lines
    project = levels.get("project")
    if isinstance(project, dict) and _label(project):
        line = f"Algemeen: {project.get('label') or project.get('level')}"
        advised = project.get("advised")
        if project.get("deviated") is True and isinstance(advised, str):
            line += f" (gekozen; het advies was {advised}"
            reason = project.get("deviation_reason")
            line += f", want: {reason})" if isinstance(reason, str) and reason else ")"
        lines.append(line)
    for key in ("subjects", "groups"):
        for lv in levels.get(key) or []:
            if not isinstance(lv, dict):
                continue
            who = lv.get("name") or lv.get("group_name") or lv.get("group") or lv.get("topic")
            label = lv.get("label") or lv.get("level")
            if isinstance(who, str) and isinstance(label, str):
                lines.append(f"{who}: {label}")
    cap = levels.get("cap")
    if isinstance(cap, str):
        lines.append(f"Plafond: {cap.capitalize()}")
    return lines


# What each level meant for participants, in words (no "Adviseren" or "Plafond" in public).
_INFLUENCE = {
    "informeren": "Deelnemers kregen informatie; over de keuze zelf konden ze niet meepraten.",
    "raadplegen": "Deelnemers gaven hun mening; die is meegewogen bij de keuze.",
    "adviseren": (
        "Deelnemers gaven advies; het bestuur volgt dat, tenzij er goede redenen zijn om "
        "ervan af te wijken. Dan legt het uit waarom."
    ),
    "coproduceren": (
        "Deelnemers werkten het plan samen met de gemeente uit; wat ze samen maakten, is in "
        "principe overgenomen."
    ),
    "meebeslissen": (
        "Deelnemers beslisten mee; hun keuze is overgenomen, binnen de grenzen die vooraf "
        "vastlagen."
    ),
}
_INFLUENCE_SHORT = {
    "informeren": "informatie krijgen",
    "raadplegen": "hun mening geven",
    "adviseren": "advies geven",
    "coproduceren": "samen uitwerken",
    "meebeslissen": "meebeslissen",
}


def _level_id(lv: Any) -> str | None:
    if not isinstance(lv, dict):
        return None
    for key in ("level", "label"):
        value = lv.get(key)
        if isinstance(value, str) and value.lower() in _INFLUENCE:
            return value.lower()
    return None


def _influence(advice: dict[str, Any]) -> list[str]:
    """What influence participants had, in words: the whole, then per part where it differs
    (no level names, no cap: those are the plan's working words)."""
    levels = advice.get("levels")
    if not isinstance(levels, dict):
        return []
    project = levels.get("project")
    level = _level_id(project)
    out: list[str] = []
    if level:
        out.append(_INFLUENCE[level])
        advised = project.get("advised") if isinstance(project, dict) else None
        if project.get("deviated") is True and isinstance(advised, str):
            words = _INFLUENCE_SHORT.get(advised.lower(), advised)
            sentence = f"Het advies was een andere rol: {words}"
            reason = project.get("deviation_reason")
            sentence += f". Waarom de gemeente anders koos: {reason}" if reason else ""
            out.append(as_sentence(sentence))
    parts = []
    for key in ("subjects", "groups"):
        for lv in levels.get(key) or []:
            if not isinstance(lv, dict):
                continue
            who = lv.get("name") or lv.get("group_name") or lv.get("group") or lv.get("topic")
            part = _level_id(lv)
            if isinstance(who, str) and part and part != level:
                parts.append(f"{lower_first(who)}: {_INFLUENCE_SHORT[part]}")
    if parts:
        out.append(f"Per onderdeel: {'; '.join(parts)}.")
    return out


def _decision(advice: dict[str, Any]) -> str | None:
    decision = advice.get("decision")
    return _label(decision)


def _sources(dossier: Dossier) -> list[tuple[str, str]]:
    """(id, citation) for the plan's sources and the report's own basis, without doubles."""
    out: dict[str, str] = {}
    raw = dossier.advice.get("sources")
    for s in raw if isinstance(raw, list) else []:
        if isinstance(s, dict) and isinstance(s.get("id"), str):
            out.setdefault(s["id"], _citation(s))
    for sid, s in BASIS_SOURCES.items():
        out.setdefault(sid, _citation(s))
    return list(out.items())


def _citation(s: dict[str, Any]) -> str:
    parts = [s.get("title"), s.get("publisher"), s.get("year")]
    text = ", ".join(str(p) for p in parts if p)
    url = s.get("url")
    return f"{text}. {url}" if isinstance(url, str) and url else text


def _when(a: Activity) -> str:
    return _nl_date(a.date) if a.date else "datum onbekend"


_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def _nl_date(day: str | None) -> str:
    if not day:
        return ""
    try:
        d = date.fromisoformat(day)
    except ValueError:
        return day
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _activity_title(dossier: Dossier, a: Activity) -> str:
    """'Tekenles op De Wieken (Kinderen betrekken via school, 19 maart 2026)': the activity's
    own name with its werkvorm, or the werkvorm, and the date."""
    name, werkvorm = dossier.activity_name(a), dossier.werkvorm_name(a.werkvorm)
    if name != werkvorm and werkvorm:
        return f"{name} ({werkvorm}, {_when(a)})"
    return f"{name} ({_when(a)})"


# Placeholders the civil servant must fill in before the letter goes out: bold, in brackets,
# so they stand out on paper and in Word (and `missing_contact` says so on screen and in the CLI).
CONTACT_PLACEHOLDER = "**[naam en telefoonnummer of e-mail invullen]**"
ORGANISATION_PLACEHOLDER = "**[naam van de gemeente of organisatie invullen]**"


def missing_contact(dossier: Dossier) -> list[str]:
    """What the letter still lacks before it can be sent (Dutch, for the screen and the CLI)."""
    out = []
    if not dossier.organisation.strip():
        out.append("de afzender (gemeente of organisatie)")
    if not dossier.contact.strip():
        out.append("de contactpersoon (naam en telefoonnummer of e-mail)")
    return out


def _room_lines(label: str, items: list[str]) -> list[str]:
    """'- Label:' with one sub-item each: an item with its own colon never runs into the label."""
    if not items:
        return []
    return [f"- {label}", *(f"  - {_md(as_sentence(t))}" for t in items)]


def _names(dossier: Dossier, refs: list[str]) -> str:
    return ", ".join(dossier.group_name(r) for r in refs)


def _score(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}".replace(".", ",")


# --- facts shared by the documents --------------------------------------------------------------


def facts(dossier: Dossier) -> dict[str, Any]:
    """What happened, counted: used by every document and by the screens."""
    planned = dossier.planned_werkvormen()
    done = [a.werkvorm for a in dossier.activities]
    weighed: dict[str, int] = {w.value: 0 for w in Weighing}
    for i in dossier.inputs:
        weighed[i.weighing.value] += 1
    return {
        "activities": len(dossier.activities),
        "participants": sum(a.participants or 0 for a in dossier.activities),
        "planned_not_done": [w for w, _ in planned if w not in done],
        "done_not_planned": [w for w in dict.fromkeys(done) if w not in dict(planned)],
        "reached": dossier.reached_groups(),
        "never_reached": dossier.never_reached(),
        "inputs": len(dossier.inputs),
        "weighed": weighed,
    }


# --- participatierapportage ----------------------------------------------------------------------


def report_markdown(dossier: Dossier, today: date | None = None) -> str:
    advice = dossier.advice
    f = facts(dossier)
    lines: list[str] = [f"# Participatierapportage: {_md(dossier.title)}", ""]
    meta = []
    if dossier.organisation:
        meta.append(_md(dossier.organisation))
    variant = advice.get("variant")
    if isinstance(variant, dict) and isinstance(variant.get("name"), str):
        meta.append(f"variant {_md(variant['name'])}")
    if dossier.plan:
        meta.append(f"plan vastgelegd op {_nl_date(dossier.plan.made)}")
    meta.append(f"rapportage opgesteld op {_nl_date((today or date.today()).isoformat())}")
    line = "; ".join(meta)
    lines += [f"_{line[:1].upper()}{line[1:]}._", ""]
    intro = (
        "Deze rapportage laat zien hoe de participatie is verlopen: wat het plan was, wie er "
        "meededen en wie niet, wat we hoorden, wat we daarmee deden en welk besluit volgde."
    )
    if dossier.variant_id() == "leiden":  # Leiden's own policy, cited for Leiden only
        intro += (
            " Leiden maakt het participatieplan en de participatierapportage openbaar "
            "[leiden-handreiking], en maakt zichtbaar hoe belangen zijn afgewogen "
            "[leiden-wijkverenigingen]."
        )
    if dossier.contact.strip():
        intro += f" Vragen over deze rapportage: {_md(dossier.contact.strip().rstrip('.'))}."
    lines += [intro, ""]

    # 1. summary (for a permit: the Omgevingswet's three questions for the aanvraag)
    lines += ["## 1. Samenvatting", ""]
    if dossier.is_permit():
        lines += [
            "Bij de aanvraag om een omgevingsvergunning vermeldt de aanvrager of er participatie "
            "is geweest, hoe, en wat de resultaten zijn [omgevingswet]. Dat staat hieronder.",
            "",
        ]
    if dossier.activities:
        kinds = ", ".join(
            dict.fromkeys(dossier.werkvorm_name(a.werkvorm) for a in dossier.activities)
        )
        lines.append(
            f"- **Is er participatie geweest?** Ja: {f['activities']} activiteit"
            f"{'en' if f['activities'] != 1 else ''}, met samen {f['participants']} deelnemers."
        )
        lines.append(f"- **Hoe?** {_md(kinds)}.")
    else:
        lines.append(
            "- **Is er participatie geweest?** Nog niet: er zijn geen activiteiten vastgelegd."
        )
    w = f["weighed"]
    lines.append(
        f"- **Wat kwam eruit?** {f['inputs']} {'punt' if f['inputs'] == 1 else 'punten'} gehoord: {w['overgenomen']} overgenomen, "
        f"{w['deels']} deels, {w['niet']} niet overgenomen, {w['open']} nog niet gewogen."
    )
    if f["never_reached"]:
        lines.append(f"- **Niet bereikt:** {_md(_names(dossier, f['never_reached']))} (zie 3).")
    if dossier.decision:
        lines.append(f"- **Besluit:** {_md(as_sentence(dossier.decision.text))}")
    lines.append("")

    # 2. the plan and what happened
    lines += ["## 2. Het plan en wat er gebeurde", "", "### Het plan", ""]
    if not dossier.plan:
        lines += ["_Er is geen plan vastgelegd in dit dossier._", ""]
    else:
        decision = _decision(advice)
        if decision:
            lines.append(f"- **Besluit in het plan:** {_md(decision)}")
        influence = _influence(advice)
        if influence:
            lines.append(f"- **Invloed van deelnemers:** {_md(' '.join(influence))}")
        planned = dossier.planned_werkvormen()
        if planned:
            lines.append(f"- **Geplande werkvormen:** {_md(', '.join(n for _, n in planned))}")
        groups = dossier.reach_groups()  # not the college and colleagues: they are involved
        if groups:
            lines.append(f"- **Wie we wilden betrekken:** {_md(', '.join(n for _, n in groups))}")
        fixed, open_ = _room(dossier)
        lines += _room_lines("**Wat vastlag:**", fixed)
        lines += _room_lines("**Wat open was voor inbreng:**", open_)
        lines += _room_lines("**Wie beslist en wat we deelnemers beloofden:**", dossier.promise())
        lines.append("")
    lines += ["### Wat er gebeurde", ""]
    if not dossier.activities:
        lines += ["_Nog geen activiteiten vastgelegd._", ""]
    for a in dossier.activities:
        lines += [f"#### {_md(_activity_title(dossier, a))}", ""]
        if a.place:
            lines.append(f"- **Plaats of kanaal:** {_md(a.place)}")
        if a.participants is not None:
            lines.append(f"- **Deelnemers:** {a.participants}")
        if a.reached:
            lines.append(f"- **Bereikt:** {_md(_names(dossier, a.reached))}")
        if a.missing:
            lines.append(f"- **Niet bereikt:** {_md(_names(dossier, a.missing))}")
            lines.append(
                f"- **Wat we daaraan deden:** "
                f"{_md(as_sentence(a.follow_up)) if a.follow_up else '_niets vastgelegd_'}"
            )
        if a.notes:
            lines.append(f"- **Opmerkingen:** {_md(as_sentence(a.notes))}")
        lines.append("")
    if f["planned_not_done"] or f["done_not_planned"]:
        lines += ["### Anders dan gepland", ""]
        for wid in f["planned_not_done"]:
            lines.append(f"- Gepland maar (nog) niet gedaan: {_md(dossier.werkvorm_name(wid))}")
        for wid in f["done_not_planned"]:
            lines.append(f"- Gedaan maar niet in het plan: {_md(dossier.werkvorm_name(wid))}")
        lines.append("")

    # 3. reach
    lines += ["## 3. Wie we bereikten en wie niet", ""]
    if f["reached"]:
        lines.append(f"**Bereikt:** {_md(_names(dossier, f['reached']))}.")
        lines.append("")
    missing_any = sorted(
        {g for a in dossier.activities for g in a.missing}, key=lambda g: _order(dossier, g)
    )
    if not missing_any and not f["never_reached"]:
        lines += ["Alle groepen uit het plan zijn bereikt.", ""]
    if f["never_reached"]:
        lines += ["**Niet bereikt, en wat we daaraan deden:**", ""]
    for g in f["never_reached"]:
        lines.append(f"- **{_md(dossier.group_name(g))}**")
        done = dossier.follow_ups(g)
        if done:
            for a, text in done:
                lines.append(f"  - Na {_md(_activity_title(dossier, a))}: {_md(as_sentence(text))}")
        else:
            lines.append("  - _Nog niet vastgelegd wat we hebben gedaan om deze groep te horen._")
    later = [g for g in missing_any if g not in f["never_reached"]]
    if later:
        if f["never_reached"]:
            lines.append("")
        lines += ["**Eerst gemist, later wel bereikt:**", ""]
    for g in later:
        absent = [a for a in dossier.activities if g in a.missing]
        present = [a for a in dossier.activities if g in a.reached]
        line = (
            f"- **{_md(dossier.group_name(g))}**: ontbrak bij "
            f"{_md(', '.join(_activity_title(dossier, a) for a in absent))}; "
        )
        if present:
            line += f"bereikt bij {_md(', '.join(_activity_title(dossier, a) for a in present))}."
        else:
            line += "we hoorden wel wat zij vinden (zie 4)."
        lines.append(line)
    lines.append("")

    # 4 and 5. what was heard, and what was done with it
    lines += ["## 4. Wat we hoorden", ""]
    if not dossier.inputs:
        lines += ["_Nog niets vastgelegd._", ""]
    for subject, items in _by_subject(dossier).items():
        lines += [f"### {_md(subject)}", ""]
        for i in items:
            where = dossier.activity(i.activity)
            at = f", bij {_md(_activity_title(dossier, where))}" if where else ""
            lines.append(
                f"- **{_md(dossier.group_name(i.group))}**{at}: {_md(as_sentence(i.heard))}"
            )
        lines.append("")
    lines += ["## 5. Wat we ermee deden", ""]
    if dossier.inputs:
        lines += [
            "Per punt: is het overgenomen, deels, of niet, wat we doen, waarom niet of deels, en "
            "wie besloot. Zo is de afweging van belangen te volgen [leiden-wijkverenigingen].",
            "",
        ]
        lines += _promise_kept(dossier, public=False)
    for subject, items in _by_subject(dossier).items():
        lines += [f"### {_md(subject)}", ""]
        for i in items:
            line = f"- {_md(as_sentence(i.heard))} **{WEIGHING_LABELS[i.weighing]}.**"
            if i.action:
                line += f" Wat we doen: {_md(as_sentence(i.action))}"
            if i.reason:
                line += f" Waarom: {_md(as_sentence(i.reason))}"
            elif i.weighing in (Weighing.deels, Weighing.niet):
                line += " _Nog niet vastgelegd waarom._"
            if i.decided_by:
                line += f" Besloten door {_md(as_sentence(i.decided_by))}"
            lines.append(line)
        lines.append("")

    # 6. decision
    lines += ["## 6. Het besluit", ""]
    if dossier.decision:
        d = dossier.decision
        by = f" Besloten door {_md(d.by)}" if d.by else ""
        when = f" op {_nl_date(d.date)}" if d.date else ""
        lines += [as_sentence(_md(d.text)) + (f"{by}{when}." if by or when else ""), ""]
    else:
        lines += ["_Nog geen besluit vastgelegd._", ""]

    # 7. evaluation
    lines += ["## 7. Evaluatie", ""]
    lines += [
        "Het is goed om na elke bijeenkomst de deelnemers om een evaluatie te vragen "
        "[leiden-wijkverenigingen] [schiedam].",
        "",
    ]
    if dossier.activities:
        evaluated = {e.activity for e in dossier.evaluations}
        done = [a for a in dossier.activities if a.id in evaluated]
        m = len(dossier.activities)
        lines.append(
            f"Een evaluatie is vastgelegd bij {len(done)} van de {m} "
            f"{'activiteit' if m == 1 else 'activiteiten'}."
        )
        without = [_activity_title(dossier, a) for a in dossier.activities if a not in done]
        if without and done:
            lines[-1] += f" Geen evaluatie: {_md(', '.join(without))}."
        lines.append("")
    if dossier.evaluations:
        lines += ["Scores van 1 (helemaal niet) tot 5 (helemaal wel), gemiddeld.", ""]
    if not dossier.evaluations:
        lines += ["_Nog geen evaluaties vastgelegd._", ""]
    for e in dossier.evaluations:
        a = dossier.activity(e.activity)
        title = _activity_title(dossier, a) if a else e.activity
        lines += [f"### {_md(title)}", ""]
        lines.append(f"- **Ingevuld door:** {e.respondents}")
        for key, question in SCORE_QUESTIONS:
            lines.append(f"- {question} **{_score(getattr(e, key))}**")
        if e.change:
            lines.append(f"- **Wat deelnemers anders willen:** {_md(e.change)}")
        if e.organisers:
            lines.append(f"- **Wat de organisatie ervan leerde:** {_md(e.organisers)}")
        lines.append("")

    lines += _sources_section(dossier)
    return clean(_number_sources(dossier, "\n".join(lines).rstrip() + "\n"))


def _number_sources(dossier: Dossier, text: str) -> str:
    """Citations as numbered notes ('[2]') instead of ids ('[leiden-wijkverenigingen]'), in
    the order they are first cited; the list of sources at the end carries the same numbers."""
    known = {sid for sid, _ in _sources(dossier)}
    order: dict[str, int] = {}
    for match in re.finditer(r"\[([a-z0-9][a-z0-9-]*)\]", text.split("\n## Bronnen", 1)[0]):
        if match.group(1) in known:
            order.setdefault(match.group(1), len(order) + 1)
    body, _, _ = text.partition("\n## Bronnen")
    body = re.sub(
        r"\[([a-z0-9][a-z0-9-]*)\]",
        lambda m: f"[{order[m.group(1)]}]" if m.group(1) in order else m.group(0),
        body,
    )
    cited = {sid: citation for sid, citation in _sources(dossier) if sid in order}
    lines = ["## Bronnen", ""]
    lines += [f"{order[sid]}. {_md(cited[sid])}" for sid in sorted(cited, key=order.get)]
    return body.rstrip() + "\n\n" + "\n".join(lines) + "\n"


def _promise_kept(dossier: Dossier, *, public: bool) -> list[str]:
    """What participants were promised (the plan's Rollen), and whether it was kept: how many
    points were taken over, and that each point not taken over has its reason."""
    promise = dossier.promise()
    weighed = [i for i in dossier.inputs if i.weighing != Weighing.open]
    lines: list[str] = []
    if promise:
        intro = "Voordat we begonnen, beloofden we:" if public else "De belofte aan deelnemers:"
        lines += [intro, "", *(f"- {_md(as_sentence(p))}" for p in promise), ""]
    if not weighed:
        return lines
    taken = sum(i.weighing == Weighing.overgenomen for i in weighed)
    partly = sum(i.weighing == Weighing.deels for i in weighed)
    refused = [i for i in weighed if i.weighing in (Weighing.deels, Weighing.niet)]
    sentence = (
        f"We namen {taken} van de {len(weighed)} punten over"
        + (f", en {partly} voor een deel" if partly else "")
        + "."
    )
    if refused:
        unexplained = [i for i in refused if not i.reason.strip()]
        if public:
            sentence += " Bij wat we niet of voor een deel overnamen, staat waarom."
        elif unexplained:
            sentence += (
                f" Bij {len(unexplained)} van de {len(refused)} punten die niet of deels zijn "
                "overgenomen, staat nog niet waarom; de belofte vraagt dat wel."
            )
        else:
            sentence += " Bij elk punt dat niet of deels is overgenomen, staat waarom."
    return [*lines, sentence, ""]


def _order(dossier: Dossier, group: str) -> int:
    ids = [g for g, _ in dossier.planned_groups()]
    return ids.index(group) if group in ids else len(ids)


def _by_subject(dossier: Dossier) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for i in dossier.inputs:
        out.setdefault(i.subject.strip() or "Overig", []).append(i)
    return out


def _sources_section(dossier: Dossier) -> list[str]:
    """The list of sources; :func:`_number_sources` numbers it as cited."""
    return ["## Bronnen", ""]


def report_data(dossier: Dossier, today: date | None = None) -> dict[str, Any]:
    f = facts(dossier)

    def activity(a: Activity) -> dict[str, Any]:
        return {
            **a.model_dump(mode="json"),
            "werkvorm_name": dossier.werkvorm_name(a.werkvorm),
            "reached_names": [dossier.group_name(g) for g in a.reached],
            "missing_names": [dossier.group_name(g) for g in a.missing],
        }

    return {
        "kind": REPORT_KIND,
        "version": DOC_VERSION,
        "title": dossier.title,
        "organisation": dossier.organisation,
        "contact": dossier.contact,
        "made": (today or date.today()).isoformat(),
        "plan_made": dossier.plan.made if dossier.plan else None,
        "tree": dossier.tree.model_dump(mode="json"),
        "plan": {
            "decision": _decision(dossier.advice),
            "levels": _levels(dossier.advice),
            "werkvormen": [{"id": i, "name": n} for i, n in dossier.planned_werkvormen()],
            "stakeholders": [{"id": i, "name": n} for i, n in dossier.planned_groups()],
            "promise": dossier.promise(),
        },
        "summary": f,
        "activities": [activity(a) for a in dossier.activities],
        "not_reached": [
            {
                "id": g,
                "name": dossier.group_name(g),
                "never_reached": g in f["never_reached"],
                "done": [{"activity": a.id, "text": t} for a, t in dossier.follow_ups(g)],
            }
            for g in dict.fromkeys(
                [*f["never_reached"], *(g for a in dossier.activities for g in a.missing)]
            )
        ],
        "inputs": [
            {
                **i.model_dump(mode="json"),
                "group_name": dossier.group_name(i.group),
                "weighing_label": WEIGHING_LABELS[i.weighing],
            }
            for i in dossier.inputs
        ],
        "decision": dossier.decision.model_dump(mode="json") if dossier.decision else None,
        "evaluations": [e.model_dump(mode="json") for e in dossier.evaluations],
        "sources": [{"id": sid, "citation": citation} for sid, citation in _sources(dossier)],
    }


# --- terugkoppelingsbrief (B1) ---------------------------------------------------------------------


_LETTER_WEIGHING = {
    Weighing.overgenomen: "Dit nemen we over.",
    Weighing.deels: "Dit nemen we voor een deel over.",
    Weighing.niet: "Dit nemen we niet over.",
    Weighing.open: "Hier hebben we nog geen besluit over. We laten het u weten.",
}
_YOUNG_WEIGHING = {
    Weighing.overgenomen: "Dit gaan we doen.",
    Weighing.deels: "Een deel hiervan gaan we doen.",
    Weighing.niet: "Dit gaan we niet doen.",
    Weighing.open: "Hierover beslissen we later. Jullie horen het nog.",
}


def letter_markdown(dossier: Dossier, today: date | None = None) -> str:
    f = facts(dossier)
    lines = [f"# Wat we met uw inbreng doen: {_md(dossier.title)}", ""]
    lines += [f"_{_nl_date((today or date.today()).isoformat())}_", "", "Beste deelnemer,", ""]
    lines += [
        f"U hebt meegedacht over {_md(dossier.title)}. Dank u wel daarvoor. "
        "In deze brief leest u wat we hoorden. En wat we ermee doen.",
        "",
    ]
    lines += ["## Wat we deden", ""]
    if dossier.activities:
        lines.append(
            f"We organiseerden {f['activities']} "
            f"{'activiteiten' if f['activities'] != 1 else 'activiteit'}. "
            f"In totaal deden {f['participants']} mensen mee."
        )
        lines.append("")
        for a in dossier.activities:
            where = f", {_md(a.place)}" if a.place else ""
            lines.append(f"- {_md(dossier.activity_name(a))}: {_when(a)}{where}.")
        lines.append("")
    else:
        lines += ["We hebben nog geen activiteiten gehouden.", ""]
    if f["never_reached"]:
        lines += _letter_not_reached(dossier, f["never_reached"])
    fixed = _room(dossier)[0]
    if fixed:  # the frame: what participants could not change (in public words)
        lines += ["## Wat al vastlag", "", "Hierover ging het meedenken niet. Dit lag al vast:", ""]
        lines += [f"- {_md(as_sentence(t))}" for t in fixed]
        lines.append("")
    kept = _promise_kept(dossier, public=True)
    if dossier.promise():
        lines += ["## Wat we beloofden", "", *kept]
        kept = []
    lines += ["## Wat we hoorden en wat we ermee doen", "", *kept]
    if not dossier.inputs:
        lines += ["We zetten uw inbreng nog op een rij. U hoort van ons.", ""]
    for subject, items in _by_subject(dossier).items():
        lines += [f"### {_md(subject)}", ""]
        for i in items:
            lines.append(f"- {_md(_heard_line(dossier, i.group, i.heard))}")
            lines += [f"  - {line}" for line in _answer_lines(i)]
        lines.append("")
    lines += ["## Hoe gaat het verder?", ""]
    if dossier.decision:
        d = dossier.decision
        who = f"{_md(d.by)} heeft" if d.by else "Er is"
        when = f" op {_nl_date(d.date)}" if d.date else ""
        sentence = f"{who}{when} een besluit genomen. {as_sentence(_md(d.text))}"
        lines += [sentence[:1].upper() + sentence[1:], ""]
    else:
        lines += ["Er is nog geen besluit. We houden u op de hoogte.", ""]
    lines += [
        f"Hebt u een vraag? Neem dan contact op met {_contact(dossier)}.",
        "",
        "Met vriendelijke groet,",
        "",
        _sender(dossier),
    ]
    return clean("\n".join(lines).rstrip() + "\n")


def _contact(dossier: Dossier) -> str:
    return _md(dossier.contact.strip().rstrip(".")) or CONTACT_PLACEHOLDER


def _sender(dossier: Dossier) -> str:
    return _md(dossier.organisation) or ORGANISATION_PLACEHOLDER


def _answer_lines(i: Any, *, young: bool = False) -> list[str]:
    """What we do with one point: the weighing, what we do, and why (for deels and niet)."""
    answers = _YOUNG_WEIGHING if young else _LETTER_WEIGHING
    lines = [answers[i.weighing]]
    if i.weighing == Weighing.open:
        return lines
    if i.action and young and i.weighing != Weighing.niet:  # one line: "Dit gaan we doen: ..."
        lines = [f"{answers[i.weighing].rstrip('.')}: {_md(as_sentence(i.action))}"]
    elif i.action:
        lines.append(f"Wat we doen: {_md(as_sentence(i.action))}")
    if i.reason and (i.weighing != Weighing.overgenomen or not i.action):
        lines.append(f"Waarom: {_md(as_sentence(i.reason))}")
    return lines


def _names_the_group(text: str, name: str) -> bool:
    """Whether the text begins with the group's whole name ('De jongeren willen …' for
    Jongeren), not just with a word of it ('Mensen willen …' for Mensen met weinig tijd)."""
    text, name = text.lower(), name.lower()
    for start in (name, f"de {name}", f"het {name}"):
        if text.startswith(start) and not text[len(start) : len(start) + 1].isalnum():
            return True
    return False


def _heard_line(dossier: Dossier, group: str | None, heard: str) -> str:
    """One point as the letter gives it: 'Omwonenden zeiden: …', or the point as it was
    written when it already says who ('De kinderen tekenden een speelplek'): a second 'De
    kinderen zeiden:' in front of that read as if the writer had misheard."""
    text = as_sentence(heard)
    if group and not dossier.is_sensitive_group(group):
        name = dossier.plain_group_name(group)
        if name and _names_the_group(text, name):
            return text[:1].upper() + text[1:]
    return f"{_who_said(dossier, group)}: {text}"


def _who_said(dossier: Dossier, group: str | None) -> str:
    """Who said it, never 'U zei' (the reader may not have said it): 'De kinderen zeiden',
    'Bewoners in het gebied zeiden'; 'We hoorden' for no group or one a letter does not name."""
    if not group or dossier.is_sensitive_group(group):
        return "We hoorden"
    name = dossier.plain_group_name(group)
    if dossier.is_young_group(group):
        return f"De {name.lower()} zeiden"
    if dossier.is_silent_group(group):  # nature has no voice of its own: others spoke for it
        return f"Voor {name} hoorden we"
    return f"{name[:1].upper()}{name[1:]} zeiden"


def _letter_not_reached(dossier: Dossier, groups: list[str]) -> list[str]:
    """Who we did not speak with yet, one short sentence per group with what we did (B1).
    Groups a public letter does not name (see ``Dossier.is_sensitive_group``) are 'nog niet
    iedereen die het raakt'; the rapportage names them."""
    lines = ["Niet iedereen kon meedoen.", ""]
    said: set[str] = set()
    named = [g for g in groups if not dossier.is_sensitive_group(g)]
    unnamed = [g for g in groups if dossier.is_sensitive_group(g)]
    for g in named:
        name = dossier.plain_group_name(g)
        sentence = f"{name[:1].upper()}{name[1:]} hebben we nog niet gesproken."
        done = [t.strip() for _, t in dossier.follow_ups(g) if t.strip() not in said]
        said.update(done)
        if done:
            what = " ".join(_md(as_sentence(t[:1].upper() + t[1:])) for t in done)
            sentence += f" Wat we doen: {what}"
        elif not dossier.follow_ups(g):
            sentence += " Dat proberen we nog."
        lines += [f"- {sentence}"]
    if unnamed:
        lines += ["- We spraken ook nog niet iedereen die het raakt. Dat proberen we nog."]
    return [*lines, ""]


def young_points(dossier: Dossier) -> list[Any]:
    """What children or young people said: their group, or heard at an activity for them."""
    out = []
    for i in dossier.inputs:
        a = dossier.activity(i.activity)
        if dossier.is_young_group(i.group) or (
            i.group is None and a is not None and dossier.audience(a) == "young"
        ):
            out.append(i)
    return out


_FIRST_PERSON = ("ik ", "we ", "wij ", "mijn ", "ons ", "onze ")


def _child_point(text: str) -> str:
    """A point in the children's letter: their own words ("We willen ...") read as what they
    told us; any other text (often written about them: "De kinderen tekenden ...") is given as
    it is, under "Dit hebben we van jullie gehoord:"."""
    sentence = as_sentence(text)
    if sentence.lower().startswith(_FIRST_PERSON):
        return f"Jullie vertelden ons: “{_md(sentence)}”"
    return _md(sentence)


def child_letter_markdown(
    dossier: Dossier, today: date | None = None, *, readers: str = "kinderen"
) -> str:
    """A short letter about what the children and young people said: simple words, short
    sentences; what they said, what we do with it, thank you. ``readers="kinderen"``: for
    children who read it themselves; ``"ouders"``: for parents and begeleiders who read it
    aloud or explain it (very young children, a kinderdagverblijf)."""
    parents = readers == "ouders"
    day = _nl_date((today or date.today()).isoformat())
    points = young_points(dossier)
    if parents:
        lines = [f"# Wat we met de ideeën van de kinderen doen: {_md(dossier.title)}", ""]
        lines += [f"_{day}_", "", "Beste ouders en begeleiders,", ""]
        lines += [
            f"De kinderen hebben meegedacht over {_md(dossier.title)}. Dank u wel dat u dat "
            "mogelijk maakte. In deze brief leest u wat we van de kinderen hoorden. En wat we "
            "ermee doen. Wilt u dit aan de kinderen vertellen of voorlezen?",
            "",
            "## Wat we van de kinderen hoorden",
            "",
        ]
        if not points:
            lines += ["We hebben alles opgeschreven. We laten u snel weten wat we ermee doen.", ""]
    else:
        lines = [f"# Wat we met jullie ideeën doen: {_md(dossier.title)}", ""]
        lines += [f"_{day}_", "", "Hallo allemaal,", ""]
        lines += [
            f"Jullie hebben meegedacht over {_md(dossier.title)}. Dank je wel! "
            "In deze brief lees je wat jullie zeiden. En wat we daarmee doen.",
            "",
            "## Wat jullie zeiden",
            "",
        ]
        if not points:
            lines += [
                "We hebben alles opgeschreven. We laten jullie snel weten wat we ermee doen.",
                "",
            ]
        else:
            lines += ["Dit hebben we van jullie gehoord:", ""]
    for i in points:
        lines.append(f"- {_md(as_sentence(i.heard)) if parents else _child_point(i.heard)}")
        lines += [f"  - {line}" for line in _answer_lines(i, young=True)]
    if points:
        lines.append("")
    lines += ["## Hoe gaat het verder?", ""]
    if dossier.decision:
        lines += ["Er is een besluit genomen. " + as_sentence(_md(dossier.decision.text)), ""]
    elif parents:
        lines += ["Er is nog geen besluit. We laten het u weten.", ""]
    else:
        lines += ["Er is nog geen besluit. We laten het jullie weten.", ""]
    if parents:
        lines += [
            f"Hebt u een vraag? Neem dan contact op met {_contact(dossier)}.",
            "",
            "Nogmaals dank aan de kinderen, en aan u!",
        ]
    else:
        lines += [
            "Heb je een vraag? Vraag het aan je ouders, juf, meester of begeleider. "
            f"Of neem contact op met {_contact(dossier)}.",
            "",
            "Nogmaals bedankt voor jullie ideeën!",
        ]
    lines += ["", _sender(dossier)]
    return clean("\n".join(lines).rstrip() + "\n")


def parents_letter_markdown(dossier: Dossier, today: date | None = None) -> str:
    """The children's letter for parents and begeleiders to read aloud or explain."""
    return child_letter_markdown(dossier, today, readers="ouders")


def letter_data(dossier: Dossier, today: date | None = None) -> dict[str, Any]:
    return {
        "kind": LETTER_KIND,
        "version": DOC_VERSION,
        "title": dossier.title,
        "date": (today or date.today()).isoformat(),
        "activities": [
            {
                "name": dossier.activity_name(a),
                "werkvorm": dossier.werkvorm_name(a.werkvorm),
                "date": a.date,
                "place": a.place,
                "participants": a.participants,
            }
            for a in dossier.activities
        ],
        # the letter names these groups; the others are 'nog niet iedereen die het raakt'
        "not_reached": [
            dossier.plain_group_name(g)
            for g in dossier.never_reached()
            if not dossier.is_sensitive_group(g)
        ],
        "fixed": _room(dossier)[0],
        "promise": dossier.promise(),
        "points": [
            {
                "subject": i.subject,
                "who": _who_said(dossier, i.group),
                "heard": i.heard,
                "weighing": i.weighing.value,
                "answer": _LETTER_WEIGHING[i.weighing],
                "action": i.action,
                "reason": i.reason,
            }
            for i in dossier.inputs
        ],
        "decision": dossier.decision.model_dump(mode="json") if dossier.decision else None,
        "organisation": dossier.organisation,
        "contact": dossier.contact,
        "missing": missing_contact(dossier),
        "markdown": letter_markdown(dossier, today),
        "children": child_letter_markdown(dossier, today) if dossier.has_young() else None,
    }


# --- evaluatieformulier ----------------------------------------------------------------------------


def _meetings(dossier: Dossier, activity: str | None) -> list[tuple[str, str, str]]:
    """(key, title, audience) of the meetings to make a form for: logged activities, else the
    planned werkvormen. The audience (``adult``, ``young`` or ``both``) comes from the plan's
    data: a werkvorm for children or young people, or only such groups reached."""
    if activity:
        a = dossier.activity(activity)
        if a is None:
            raise KeyError(activity)
        return [(a.id, _activity_title(dossier, a), dossier.audience(a))]
    if dossier.activities:
        return [
            (a.id, _activity_title(dossier, a), dossier.audience(a)) for a in dossier.activities
        ]
    planned = [
        (i, n, "young" if dossier.is_young_werkvorm(i) else "adult")
        for i, n in dossier.planned_werkvormen()
    ]
    return planned or [("bijeenkomst", "Bijeenkomst", "adult")]


def _adult_form(dossier: Dossier, title: str, fixed: list[str], open_: list[str]) -> list[str]:
    lines = [f"# Evaluatie: {_md(title)}", "", f"_{_md(dossier.title)}_", ""]
    lines += ["## Voor deelnemers", ""]
    lines += [
        "Wat vond u van deze bijeenkomst? Uw antwoorden helpen ons het de volgende keer "
        "beter te doen. U hoeft uw naam niet in te vullen.",
        "",
    ]
    if fixed or open_:
        lines += ["Ter herinnering:", ""]
        lines += _room_lines("Hierover kon u meepraten:", open_)
        lines += _room_lines("Dit lag al vast:", fixed)
        lines.append("")
    lines += ["Kruis aan: 1 = helemaal niet, 5 = helemaal wel.", ""]
    for i, (_, question) in enumerate(SCORE_QUESTIONS, 1):
        lines.append(f"{i}. {question}  ")
        lines.append("   ☐ 1   ☐ 2   ☐ 3   ☐ 4   ☐ 5")
    start = len(SCORE_QUESTIONS) + 1
    for i, (_, question) in enumerate(OPEN_QUESTIONS, start):
        lines.append(f"{i}. {question}  ")
        lines.append("   ……………………………………………………………………")
    return lines


def _young_form(dossier: Dossier, title: str) -> list[str]:
    lines = [f"# Wat vond jij ervan? {_md(title)}", "", f"_{_md(dossier.title)}_", ""]
    lines += ["## Voor kinderen en jongeren", ""]
    lines += [
        f"Je hebt meegedacht over {_md(dossier.title)}. Dank je wel! "
        "Zet een kruisje bij wat jij vindt. Je naam hoeft er niet op.",
        "",
    ]
    answers = "   ".join(f"☐ {face} {word}" for word, face, _ in YOUNG_ANSWERS)
    for i, (_, question) in enumerate(YOUNG_SCORE_QUESTIONS, 1):
        lines.append(f"{i}. {question}  ")
        lines.append(f"   {answers}")
    start = len(YOUNG_SCORE_QUESTIONS) + 1
    for i, (_, question) in enumerate(YOUNG_OPEN_QUESTIONS, start):
        lines.append(f"{i}. {question}  ")
        lines.append("   ……………………………………………………………………")
    return lines


def _organiser_part(dossier: Dossier, title: str, young: bool) -> list[str]:
    groups = dossier.reach_groups()
    lines = [f"# Voor de organisatie: {_md(title)}", "", f"_{_md(dossier.title)}_", ""]
    questions = [*ORGANISER_QUESTIONS, *(YOUNG_ORGANISER_QUESTIONS if young else [])]
    for i, (key, question) in enumerate(questions, 1):
        lines.append(f"{i}. {question}")
        if key == "groups" and groups:
            for _, name in groups:
                lines.append(f"   - ☐ {_md(name)}")
    score = ", ".join(f"{word} = {value}" for word, _, value in YOUNG_ANSWERS)
    lines += [
        "",
        "_Zet de uitkomsten in het dossier (stappenplan: scherm Dossier, Evaluatie). "
        + (f"Tel de antwoorden als scores: {score}. " if young else "")
        + "Ze komen dan in de participatierapportage._",
    ]
    return lines


# A line of its own between the parts of a handout: a page break in Word, a rule in Markdown.
PAGE_BREAK = "---"


def form_markdown(dossier: Dossier, activity: str | None = None) -> str:
    """Per meeting: the participants' form(s) (adults, children), then the organisers' part,
    each on a page of its own; the instruction to the organisers is only in their part."""
    fixed, open_ = _room(dossier)
    parts: list[list[str]] = []
    for _, title, audience in _meetings(dossier, activity):
        if audience in ("adult", "both"):
            parts.append(_adult_form(dossier, title, fixed, open_))
        if audience in ("young", "both"):
            parts.append(_young_form(dossier, title))
        parts.append(_organiser_part(dossier, title, audience != "adult"))
    lines: list[str] = []
    for n, part in enumerate(parts):
        if n:
            lines += ["", PAGE_BREAK, ""]
        lines += part
    return clean("\n".join(lines).rstrip() + "\n")


def form_data(dossier: Dossier, activity: str | None = None) -> dict[str, Any]:
    return {
        "kind": FORM_KIND,
        "version": DOC_VERSION,
        "title": dossier.title,
        "meetings": [
            {"id": key, "title": title, "audience": audience}
            for key, title, audience in _meetings(dossier, activity)
        ],
        "participants": {
            "scale": {"min": 1, "max": 5},
            "scored": [{"id": k, "question": q} for k, q in SCORE_QUESTIONS],
            "open": [{"id": k, "question": q} for k, q in OPEN_QUESTIONS],
        },
        "young_participants": {
            "answers": [{"answer": w, "face": f, "score": v} for w, f, v in YOUNG_ANSWERS],
            "scored": [{"id": k, "question": q} for k, q in YOUNG_SCORE_QUESTIONS],
            "open": [{"id": k, "question": q} for k, q in YOUNG_OPEN_QUESTIONS],
        },
        "organisers": [{"id": k, "question": q} for k, q in ORGANISER_QUESTIONS],
        "organisers_young": [{"id": k, "question": q} for k, q in YOUNG_ORGANISER_QUESTIONS],
        "groups": [{"id": i, "name": n} for i, n in dossier.reach_groups()],
    }


# Short names of the three scored questions, for one line on a screen.
SCORE_LABELS = {"clear": "duidelijk", "heard": "gehoord", "accessible": "kon meedoen"}


def evaluation_summary(e: Evaluation) -> str:
    """One line for a screen: respondents and the three scores, each with what it is about."""
    scores = " · ".join(f"{SCORE_LABELS[k]} {_score(getattr(e, k))}" for k, _ in SCORE_QUESTIONS)
    return f"{e.respondents} ingevuld · {scores} (1-5)"
