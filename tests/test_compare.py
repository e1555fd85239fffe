"""Comparing a trainee's route with the reference, uitleg per answer, and the handout."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import MINI
from wizard.advice import AdviceResult, compose
from wizard.casuistiek import cases_for_tree
from wizard.compare import (
    answer_effect,
    compare,
    comparison_markdown,
    diff_advice,
    engine_answer_effect,
    explain_change,
    reference_walk,
)
from wizard.engine import Engine
from wizard.flow import resolve
from wizard.handout import handout_markdown
from wizard.loader import load_tree
from wizard.model import Decision, Level
from wizard.render import to_markdown


@pytest.fixture(scope="module")
def loaded():
    return load_tree(MINI)


@pytest.fixture(scope="module")
def library(loaded):
    return cases_for_tree(loaded)


def speelplek(library):
    return library.get("speelplek").case


REFERENCE = {
    "naam": "Speelplek",
    "ruimte": "ja",
    "groepen": ["omwonenden", "jongeren", "natuur"],
    "niveau": "coproduceren",
}


# --- comparison -------------------------------------------------------------------------------


def test_same_answers_same_route(loaded, library):
    comp = compare(loaded.tree, speelplek(library), {**REFERENCE, "naam": "Ons plein"})
    assert comp.parting is None and comp.same
    assert comp.advice_diff.is_empty()
    assert [r.status for r in comp.rows] == ["text", "same", "same", "same"]
    assert comp.summary()[0] == "Uw route is gelijk aan de referentieroute."


def test_first_differing_question_and_the_change_in_advice(loaded, library):
    mine = {**REFERENCE, "groepen": ["omwonenden", "jongeren"], "niveau": "raadplegen"}
    comp = compare(loaded.tree, speelplek(library), mine)
    part = comp.parting
    assert part is not None
    assert (part.node, part.kind) == ("groepen", "answer")
    assert part.question == "Wie raakt het?"
    assert part.reference_label == "Omwonenden; Jongeren; Natuur"
    assert part.trainee_label == "Omwonenden; Jongeren"
    assert part.missing == ("Natuur",) and part.added == ()
    assert part.explanation == "Omwonenden, jongeren en de natuur worden alle drie geraakt."
    assert part.help == "Vink alles aan wat geldt."
    assert [d.node for d in comp.differences] == ["groepen", "niveau"]
    diff = comp.advice_diff
    assert diff.decision is None
    assert (diff.project_level.before, diff.project_level.after) == (
        Level.coproduceren,
        Level.raadplegen,
    )
    assert [i.key for i in diff.werkvormen_added] == ["enquete"]
    assert [i.key for i in diff.werkvormen_removed] == ["atelier"]
    assert [i.key for i in diff.stakeholders_removed] == ["natuur"]
    assert diff.stakeholders_added == []
    summary = comp.summary()
    assert summary[0] == "Bij “Wie raakt het?” koos u anders dan de referentie. U miste: Natuur."
    assert "Niveau: referentie Coproduceren, u Raadplegen." in summary
    assert "Alleen bij referentie, belanghebbenden: Natuur en dieren." in summary


def test_gate_answer_changes_route_decision_and_outcome(loaded, library):
    comp = compare(loaded.tree, speelplek(library), {"naam": "Plein", "ruimte": "no"})
    assert comp.parting.node == "ruimte" and comp.parting.kind == "answer"
    assert comp.parting.sentence() == (
        "Bij “Valt er iets te beïnvloeden?” koos u “Nee, het ligt vast”; "
        "de referentie koos “Ja, er is ruimte”."
    )
    assert comp.parting.explanation.startswith("Het ontwerp ligt nog open")
    diff = comp.advice_diff
    assert diff.decision == (Decision.participeren, Decision.niet_participeren)
    assert diff.outcome == ("einde", "geen")
    assert [g.name for g in diff.group_levels] == ["Jongeren"]
    assert diff.group_levels[0].after is None
    assert {i.key for i in diff.stakeholders_removed} == {"omwonenden", "jongeren", "natuur"}
    statuses = [(r.node, r.status) for r in comp.rows]
    assert statuses[-2:] == [("groepen", "reference-only"), ("niveau", "reference-only")]
    assert "Uitkomst: referentie “Advies klaar”, u “Geen participatie”." in comp.summary()


def test_routes_that_part_are_aligned_side_by_side(loaded, library):
    mine = {"naam": "Plein", "ruimte": "ja", "groepen": ["omwonenden"], "kort": "ja"}
    comp = compare(loaded.tree, speelplek(library), mine)
    assert [r.reference.node if r.reference else None for r in comp.rows] == [
        "naam",
        "ruimte",
        "groepen",
        "niveau",
    ]
    assert comp.rows[-1].trainee.node == "kort" and comp.rows[-1].status == "different"
    assert comp.parting.sentence() == (
        "Bij “Wie raakt het?” koos u anders dan de referentie. U miste: Jongeren, Natuur."
    )
    exclusive = compare(loaded.tree, speelplek(library), {**mine, "groepen": ["geen"]})
    assert exclusive.parting.added == ("Geen van deze",)
    assert comp.parting.node == "groepen"
    assert comp.trainee_route[-1].label == "Ja"


def test_unfinished_trainee_route(loaded, library):
    comp = compare(loaded.tree, speelplek(library), {"naam": "Plein", "ruimte": "ja"})
    assert (comp.parting.node, comp.parting.kind) == ("groepen", "unanswered")
    assert not comp.trainee_complete and comp.reference_complete
    assert any("nog niet bij een uitkomst" in line for line in comp.summary())
    assert comp.parting.sentence().startswith("U bent gestopt bij “Wie raakt het?”")


def test_parked_answers_of_the_trainee_do_not_count(loaded, library):
    mine = {**REFERENCE, "kort": "ja"}  # an answer off the route, as an engine may keep
    assert compare(loaded.tree, speelplek(library), mine).same


def test_variant_of_the_case_is_applied(loaded, library):
    case = library.get("haast-leiden").case
    comp = compare(loaded.tree, case, {**case.answers, "kort": "nee"})
    assert comp.flow.variant_id == "leiden"
    assert comp.parting.node == "kort"
    # Leiden's floor keeps the project at raadplegen either way
    assert comp.advice_diff.project_level is None


def test_comparison_markdown(loaded, library):
    mine = {**REFERENCE, "groepen": ["omwonenden", "jongeren"], "niveau": "raadplegen"}
    text = comparison_markdown(compare(loaded.tree, speelplek(library), mine))
    assert text.startswith("# Vergelijking: Een speelplek op het plein\n")
    assert (
        "| Wie raakt het? | Omwonenden; Jongeren; Natuur | Omwonenden; Jongeren | **anders** |"
        in text
    )
    assert "| *Uitkomst* | Advies klaar | Advies klaar | |" in text


# --- advice diff and uitleg -------------------------------------------------------------------


def test_diff_of_identical_advice_is_empty(loaded):
    flow = resolve(loaded.tree)
    engine = reference_walk(flow, loaded.tree.cases[0]).engine
    assert diff_advice(engine.advice(), engine.advice()).is_empty(with_reinforced=True)


def test_uitleg_names_what_an_answer_added_and_why(loaded):
    flow = resolve(loaded.tree)
    engine = Engine(flow, {**REFERENCE, "welkom": True})
    uitleg = answer_effect(flow, engine.path, engine.answers, "groepen")
    assert (uitleg.node, uitleg.question) == ("groepen", "Wie raakt het?")
    assert uitleg.label == "Omwonenden; Jongeren; Natuur"
    lines = uitleg.lines()
    assert (
        "Niveau toegevoegd: Jongeren: Adviseren. Waarom: Hun kennis van het plein telt. [leiden]"
        in lines
    )
    assert (
        "Niveau gewijzigd: Het traject als geheel: Adviseren (was: Raadplegen). Waarom: "
        "Het hoogste niveau dat een onderdeel van het traject krijgt. [leiden]"
    ) in lines
    assert (
        "Werkvorm toegevoegd: Straatgesprekken. Waarom: Laagdrempelig. Zo doen ook deze groepen mee: jongeren. "
        "Jongeren bereikt u waar ze al zijn. [leiden]"
    ) in lines
    assert "Belanghebbende toegevoegd: Natuur en dieren. [leiden]" in lines
    assert uitleg.sources == ["leiden"]
    assert "- [leiden] Handreiking samenwerken in de stad" in uitleg.markdown(loaded.tree)


def test_uitleg_for_the_gate_and_the_last_answer(loaded):
    flow = resolve(loaded.tree)
    engine = Engine(flow, {**REFERENCE, "welkom": True})
    gate = answer_effect(flow, engine.path, engine.answers, "ruimte")
    assert (
        gate.lines()[0]
        == "Besluit toegevoegd: Participeren. Waarom: Er is ruimte voor inbreng. [sittard]"
    )
    last = answer_effect(flow, engine.path, engine.answers, "niveau")
    parts = [(e.part, e.change) for e in last.effects]
    assert ("uitkomst", "toegevoegd") in parts  # the outcome the answer leads to counts
    assert ("niveau", "gewijzigd") in parts
    level = next(e for e in last.effects if e.part == "niveau")
    assert (level.text, level.before) == ("Het traject als geheel: Coproduceren", "Adviseren")
    duty = next(e for e in last.effects if e.part == "duties")
    assert (
        duty.line()
        == "Procesafspraak toegevoegd: Maak een participatieplan. Waarom: Uitkomst: Advies klaar. [leiden]"
    )


def test_uitleg_for_a_text_answer_says_nothing_changed(loaded):
    flow = resolve(loaded.tree)
    engine = Engine(flow, {**REFERENCE, "welkom": True})
    uitleg = answer_effect(flow, engine.path, engine.answers, "naam")
    assert uitleg.is_empty
    assert "verandert het advies (nog) niet" in uitleg.lines()[0]


def test_engine_answer_effect_uses_the_question_before_the_cursor(loaded):
    flow = resolve(loaded.tree)
    engine = Engine(flow)
    assert engine_answer_effect(engine).is_empty  # nothing answered yet
    engine.answer("Plein")
    engine.answer(True)  # the information step
    engine.answer("ja")
    uitleg = engine_answer_effect(engine)
    assert uitleg.node == "ruimte" and not uitleg.is_empty
    with pytest.raises(ValueError):
        answer_effect(flow, engine.path, engine.answers, "niveau")


def test_reinforced_items_and_removed_items(loaded):
    flow = resolve(loaded.tree)
    path = ["naam", "welkom", "ruimte", "groepen", "niveau", "einde"]
    answers = dict(REFERENCE)
    before = compose(flow, path, {**answers, "groepen": ["jongeren", "natuur"]})
    after = compose(flow, path, answers)
    uitleg = explain_change(before, after, flow=flow)
    kinds = {(e.part, e.change, e.text) for e in uitleg.effects}
    assert ("werkvormen", "toegevoegd", "Bewonersbrief") in kinds
    back = explain_change(after, before, flow=flow)
    assert ("stakeholders", "vervallen", "Omwonenden") in {
        (e.part, e.change, e.text) for e in back.effects
    }
    empty = explain_change(AdviceResult(), AdviceResult())
    assert empty.is_empty


# --- handout ----------------------------------------------------------------------------------


def test_handout_has_story_route_reasons_lesson_and_advice(loaded, library):
    case = speelplek(library)
    text = handout_markdown(loaded.tree, case, today=date(2026, 1, 5))
    assert text.startswith("# Casus: Een speelplek op het plein\n")
    assert "## Het verhaal" in text and "Het ontwerp ligt nog open." in text
    route = text[text.index("## De referentieroute") : text.index("## Wat deze casus leert")]
    assert "3. **Wie raakt het?**  \n   Antwoord: Omwonenden; Jongeren; Natuur  \n" in route
    assert "*Waarom:* Omwonenden, jongeren en de natuur worden alle drie geraakt." in route
    assert "### Doen\n\n- Zoek jongeren op waar ze al zijn." in text
    assert "### Niet doen\n\n- Vraag niet alleen een mening als u samen kunt ontwerpen." in text
    # the advice is the wizard's own export, one heading level down
    engine = reference_walk(loaded.tree, case).engine
    export = to_markdown(engine, today=date(2026, 1, 5))
    assert "## Participatieplan (concept): Speelplek" in text
    assert "### 1. Besluit" in text and "#### Stille belangen" in text
    assert export.splitlines()[2] in text  # the date line, unchanged
    assert text.count("\n# ") == 0  # one top heading only


def test_exercise_sheet_has_no_answers(loaded, library):
    text = handout_markdown(loaded.tree, speelplek(library), with_answers=False)
    assert "Uw antwoord: …" in text and "Wie raakt het?" in text
    assert "Omwonenden; Jongeren; Natuur" not in text and "Waarom" not in text


def test_handout_for_a_tree_case_with_a_variant(loaded, library):
    text = handout_markdown(loaded.tree, library.get("haast-leiden").case)
    assert "variant Leiden" in text and "Wat deze casus leert" not in text


def _libraries():
    from wizard.paths import bundled_trees
    from wizard.problems import ProblemsError

    out = []
    for path in [MINI, *bundled_trees()]:
        try:
            loaded = load_tree(path)
        except ProblemsError:
            continue
        out += [(loaded, entry) for entry in cases_for_tree(loaded).cases]
    return out


@pytest.mark.parametrize(("loaded", "entry"), _libraries(), ids=lambda v: getattr(v, "id", ""))
def test_every_case_against_itself_and_against_one_changed_answer(loaded, entry):
    case = entry.case
    assert compare(loaded.tree, case, case.answers).same
    reference = reference_walk(loaded.tree, case)
    flow = reference.engine.flow
    for node_id in reference.engine.path:
        node = flow.node(node_id)
        if node.kind != "choice" or node_id not in case.answers:
            continue
        other = next(o.id for o in node.options if o.id != case.answers[node_id])
        comp = compare(loaded.tree, case, {**case.answers, node_id: other})
        assert comp.parting is not None and comp.parting.node == node_id
        assert comp.parting.kind == "answer"
        assert comp.parting.explanation == case.explanations.get(node_id)
