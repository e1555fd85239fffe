"""The engine: going back and changing answers never loses anything; advice is composed."""

from __future__ import annotations

import pytest

from tests.conftest import mini_flow
from wizard.engine import AnswerError, Engine
from wizard.model import Decision, Level


def walk_to_groepen(engine: Engine) -> None:
    engine.answer("Plein")
    engine.answer(True)  # info step
    engine.answer("ja")


def test_path_starts_at_start_and_stops_at_first_unanswered():
    engine = Engine(mini_flow())
    assert engine.path == ["naam"]
    walk_to_groepen(engine)
    assert engine.path == ["naam", "welkom", "ruimte", "groepen"]
    assert engine.cursor == "groepen"


def test_back_keeps_answer_filled_in():
    engine = Engine(mini_flow())
    walk_to_groepen(engine)
    engine.answer(["omwonenden", "jongeren"])
    assert engine.cursor == "niveau"
    assert engine.back()
    assert engine.cursor == "groepen"
    assert engine.current_answer() == ["omwonenden", "jongeren"]
    engine.back()
    engine.back()
    engine.back()
    assert engine.cursor == "naam"
    assert engine.current_answer() == "Plein"
    assert not engine.back()


def test_changing_an_answer_reroutes_parks_and_restores():
    engine = Engine(mini_flow())
    walk_to_groepen(engine)
    engine.answer(["omwonenden", "jongeren"])
    engine.answer("coproduceren")
    assert engine.is_complete
    # go back and pick one group: the route goes via 'kort' instead of 'niveau'
    engine.goto("groepen")
    engine.answer(["omwonenden"])
    assert engine.path == ["naam", "welkom", "ruimte", "groepen", "kort"]
    assert engine.parked() == {"niveau": "coproduceren"}
    engine.answer("nee")
    assert engine.is_complete
    # back again to two groups: the parked answer returns and the route completes by itself
    engine.goto("groepen")
    engine.answer(["omwonenden", "natuur"])
    assert engine.path[-2:] == ["niveau", "einde"]
    assert engine.cursor == "niveau"
    assert engine.current_answer() == "coproduceren"
    assert engine.parked() == {"kort": "nee"}
    assert engine.is_complete


def test_gate_change_keeps_everything():
    engine = Engine(mini_flow())
    walk_to_groepen(engine)
    engine.answer(["jongeren"])
    engine.goto("ruimte")
    engine.answer("no")
    assert engine.path[-1] == "geen"
    assert engine.advice().decision == Decision.niet_participeren
    assert engine.parked() == {"groepen": ["jongeren"]}
    engine.goto("ruimte")
    engine.answer("ja")
    assert engine.current_answer() == ["jongeren"]


def test_undo_restores_previous_answer_and_route():
    engine = Engine(mini_flow())
    walk_to_groepen(engine)
    engine.answer(["omwonenden", "jongeren"])
    engine.goto("ruimte")
    engine.answer("no")
    assert engine.path[-1] == "geen"
    change = engine.undo()
    assert change and change.node == "ruimte"
    assert engine.cursor == "ruimte"
    assert engine.current_answer() == "ja"
    assert engine.path[-1] == "niveau"


def test_progress_counts_from_the_graph():
    engine = Engine(mini_flow())
    p = engine.progress()
    assert (p.answered, p.fewest_left, p.most_left) == (0, 2, 4)
    walk_to_groepen(engine)
    p = engine.progress()
    assert (p.answered, p.fewest_left, p.most_left) == (2, 2, 2)


@pytest.mark.parametrize(
    ("node", "value", "message"),
    [
        ("naam", "   ", "dit veld is verplicht"),
        ("naam", "x" * 61, "te lang: hoogstens 60 tekens"),
        ("ruimte", "misschien", "'misschien' is geen optie bij vraag 'ruimte'; kies uit: ja, no"),
        ("groepen", ["geen", "jongeren"], "'Geen van deze' kan niet samen met andere keuzes"),
        ("groepen", ["onbekend"], "'onbekend' is geen optie"),
    ],
)
def test_bad_answers_have_dutch_messages(node, value, message):
    engine = Engine(mini_flow())
    walk_to_groepen(engine)
    engine.goto(node) if node in engine.path else None
    with pytest.raises(AnswerError, match=message):
        engine.answer(value)


def test_advice_composition_rules():
    engine = Engine(mini_flow())
    walk_to_groepen(engine)
    engine.answer(["omwonenden", "jongeren"])
    engine.answer("coproduceren")
    advice = engine.advice()
    assert advice.decision == Decision.participeren
    assert advice.project_level.level == Level.coproduceren
    assert [(lv.group, lv.level) for lv in advice.group_levels] == [("jongeren", Level.adviseren)]
    assert [w.key for w in advice.werkvormen] == ["brief", "atelier", "straatgesprek"]
    reasons = advice.werkvormen[2].reasons
    assert reasons[0].kind == "rule" and reasons[0].sources == ("leiden",)
    assert advice.stakeholders[1].why == ["Zij gebruiken het plein het meest."]


def test_cap_and_floor():
    engine = Engine(mini_flow())
    walk_to_groepen(engine)
    engine.answer(["omwonenden"])
    engine.answer("ja")  # haast: informeren, capped at raadplegen
    assert engine.advice().project_level.level == Level.informeren
    leiden = Engine(mini_flow("leiden"), dict(engine.answers))
    level = leiden.advice().project_level
    assert level.level == Level.raadplegen and level.floored
    assert any("Ondergrens" in r.text for r in level.reasons)


def test_floor_does_not_apply_without_participation():
    engine = Engine(mini_flow("leiden"), {"naam": "x", "welkom": True, "ruimte": "no"})
    advice = engine.advice()
    assert advice.decision == Decision.niet_participeren
    assert advice.project_level.level == Level.informeren


def test_advice_so_far_changes_with_answers():
    engine = Engine(mini_flow())
    assert engine.advice().decision is None
    walk_to_groepen(engine)
    assert engine.advice().decision == Decision.participeren


def test_capped_and_raised_levels_say_what_they_would_have_been():
    answers = {"naam": "x", "welkom": True, "ruimte": "ja", "groepen": ["omwonenden"], "kort": "ja"}
    leiden = Engine(mini_flow("leiden"), answers).advice().project_level
    assert leiden.why == [
        "Ondergrens van Leiden: minimaal raadplegen.",
        "Uit de antwoorden volgde informeren.",
    ]
    flow = mini_flow()
    engine = Engine(flow, answers | {"groepen": ["jongeren", "natuur"], "niveau": "coproduceren"})
    assert engine.parked() == {"kort": "ja"}  # the cap from 'kort' plays no part off the route
    assert engine.advice().project_level.level == Level.coproduceren


def test_floor_leaves_group_levels_alone():
    from tests.conftest import edit, mini_text
    from wizard.flow import resolve
    from wizard.loader import load_tree_text

    text = edit(
        mini_text(),
        "group: jongeren, why: Hun kennis",
        "level: informeren, group: jongeren, why: Hun kennis",
    )
    text = text.replace(
        "levels: [{level: adviseren, level: informeren", "levels: [{level: informeren"
    )
    flow = resolve(load_tree_text(text).tree, "leiden")
    answers = {
        "naam": "x",
        "welkom": True,
        "ruimte": "ja",
        "groepen": ["jongeren", "natuur"],
        "niveau": "raadplegen",
    }
    advice = Engine(flow, answers).advice()
    assert advice.project_level.level == Level.raadplegen
    assert [(lv.group, lv.level, lv.floored) for lv in advice.group_levels] == [
        ("jongeren", Level.informeren, False)
    ]


def test_rules_can_read_the_composed_advice():
    """A rule on 'a hard-to-reach group is in the advice' fires whichever answer or variant
    put that group there, and such rules see the advice before any of them apply."""
    from tests.conftest import edit, mini_text
    from wizard.flow import resolve
    from wizard.loader import load_tree_text

    text = edit(
        mini_text(),
        "    when: {question: groepen, has: jongeren}",
        "    when: {stakeholder_category: moeilijk-bereikbaar}",
    )
    text = edit(
        text,
        "    advice:\n      duties: [Maak het participatieplan openbaar.]",
        "    advice:\n      duties: [Maak het participatieplan openbaar.]\n      stakeholders: [jongeren]",
    )
    tree = load_tree_text(text).tree
    answers = {
        "naam": "x",
        "welkom": True,
        "ruimte": "ja",
        "groepen": ["omwonenden"],
        "kort": "nee",
    }
    plain = Engine(resolve(tree), answers).advice()
    assert "straatgesprek" not in [w.key for w in plain.werkvormen]
    leiden = Engine(resolve(tree, "leiden"), answers).advice()
    assert [s.key for s in leiden.stakeholders] == ["omwonenden", "jongeren"]
    assert "straatgesprek" in [w.key for w in leiden.werkvormen]
