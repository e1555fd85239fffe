"""The advised level: derived per subject and group, capped by rules, and open to a visible
deviation. And, over random routes through the default tree, the werkvorm choice: never above
the advice, never more than the core maximum, never against the plan's own "liever niet"."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.engine import AnswerError, Engine
from wizard.flow import resolve
from wizard.loader import load_tree, load_tree_text
from wizard.model import Level
from wizard.paths import default_tree
from wizard.render import to_markdown

TREE = """
format: 1
id: niveaus
title: Niveaus
description: Proefboom voor het niveau-advies.
start: open
settings: {default_level: raadplegen}
werkvormen:
  - {id: brief, name: Brief, description: Een brief., levels: [informeren]}
  - {id: enquete, name: Enquête, description: Vragenlijst., levels: [raadplegen]}
  - {id: atelier, name: Atelier, description: Samen ontwerpen., levels: [coproduceren]}
stakeholders:
  - {id: buren, name: Buren, category: direct, reach: Een brief.}
subjects:
  - {id: ontwerp, name: Het ontwerp, phase: ontwerpen, when: {question: open, has: ontwerp}}
  - id: uitvoering
    name: De uitvoering
    phase: uitvoeren
    when: {question: open, has: uitvoering}
    max_level: adviseren
    max_why: Over de uitvoering kan men adviseren, niet meer.
  - id: vast
    name: Wat vastligt
    when: {answered: open}
    max_level: informeren
    max_why: Over wat vastligt valt niets te kiezen.
nodes:
  - id: open
    kind: multi
    question: Wat is open?
    options:
      - {id: ontwerp, label: Het ontwerp}
      - {id: uitvoering, label: De uitvoering}
    next: toezegging
  - id: toezegging
    kind: choice
    question: Wat zegt wie beslist toe?
    options:
      - id: meewegen
        label: Meewegen
        advice: {level_cap: {level: raadplegen, why: Er is alleen toegezegd mee te wegen.}}
      - id: overnemen
        label: Overnemen
        advice: {level_cap: {level: coproduceren, why: Samen maken wordt overgenomen.}}
      - id: overlaten
        label: Overlaten
    next: doel
  - id: doel
    kind: choice
    question: Wat is het doel?
    options:
      - id: kennis
        label: Kennis
        advice: {levels: [{level: raadplegen, why: Kennis ophalen.}]}
      - id: samen
        label: Samen maken
        advice:
          levels: [{level: coproduceren, why: Samen maken.}]
          werkvormen: [{id: atelier, core: true}]
      - id: uitvoering-alleen
        label: Alleen advies over de uitvoering
        advice: {levels: [{level: meebeslissen, subject: uitvoering, why: Te hoog gegrepen.}]}
    next: wie
  - id: wie
    kind: multi
    question: Wie?
    options:
      - id: buren
        label: Buren
        advice:
          stakeholders: [buren]
          levels: [{level: adviseren, group: buren, why: Buren kennen de plek.}]
          werkvormen: [brief, enquete]
      - {id: geen, label: Niemand, exclusive: true}
    next: keuze
  - id: keuze
    kind: choice
    question: Neemt u het advies over?
    preview: levels
    options:
      - {id: volgen, label: Ja}
      - id: informeren
        label: Nee, informeren
        advice: {chosen_level: {level: informeren, reason_from: reden}}
      - id: coproduceren
        label: Nee, coproduceren
        advice: {chosen_level: {level: coproduceren, reason_from: reden}}
    routes:
      - when: {not: {question: keuze, is: volgen}}
        next: reden
    next: klaar
  - {id: reden, kind: text, question: Waarom?, next: klaar}
  - id: klaar
    kind: outcome
    title: Klaar
    text: Klaar.
    advice: {decision: {value: participeren, text: Er is ruimte.}}
variants:
  - {id: ondergrens, name: Ondergrens, settings: {level_floor: raadplegen}}
"""


def advise(answers: dict[str, Any], variant: str | None = None):
    flow = resolve(load_tree_text(TREE, "niveaus.yaml").tree, variant)
    engine = Engine(flow, answers)
    assert engine.is_complete, engine.frontier
    return engine.advice()


def levels_of(result) -> dict[str, str]:
    out = {"traject": result.project_level.level.value}
    out |= {lv.key: lv.level.value for lv in result.subject_levels + result.group_levels}
    return out


BASE = {"open": ["ontwerp"], "toezegging": "overlaten", "doel": "kennis", "wie": ["geen"]}


def test_each_open_subject_gets_its_level_and_the_fixed_part_informeren():
    result = advise({**BASE, "open": ["ontwerp", "uitvoering"], "keuze": "volgen"})
    assert levels_of(result) == {
        "traject": "raadplegen",
        "ontwerp": "raadplegen",
        "uitvoering": "raadplegen",
        "vast": "informeren",
    }
    phases = {lv.key: lv.phase for lv in result.subject_levels}
    assert phases["ontwerp"] == "ontwerpen" and phases["uitvoering"] == "uitvoeren"


def test_a_subject_never_exceeds_its_own_maximum():
    result = advise(
        {**BASE, "open": ["uitvoering"], "doel": "uitvoering-alleen", "keuze": "volgen"}
    )
    uitvoering = next(lv for lv in result.subject_levels if lv.key == "uitvoering")
    assert uitvoering.level is Level.adviseren
    assert uitvoering.why == ["Over de uitvoering kan men adviseren, niet meer."]


def test_a_cap_limits_every_level_and_says_what_it_would_have_been():
    result = advise({**BASE, "toezegging": "meewegen", "doel": "samen", "keuze": "volgen"})
    assert result.cap is Level.raadplegen
    assert levels_of(result)["traject"] == "raadplegen"
    ontwerp = next(lv for lv in result.subject_levels if lv.key == "ontwerp")
    assert ontwerp.capped and ontwerp.level is Level.raadplegen
    assert any("coproduceren" in why for why in ontwerp.why)  # what it would have been
    # the coproduceren werkvorm is not offered on a raadplegen plan, and the plan says why
    assert "atelier" not in [i.key for i in result.werkvormen + result.alternatives]
    assert "atelier" in [wid for wid, _ in result.dropped_werkvormen]


def test_the_highest_cap_that_allows_the_goal_leaves_it_alone():
    result = advise({**BASE, "toezegging": "overnemen", "doel": "samen", "keuze": "volgen"})
    assert result.cap is Level.coproduceren
    assert levels_of(result)["traject"] == "coproduceren"
    assert [i.key for i in result.werkvormen][:1] == ["atelier"]


def test_a_named_group_gets_its_own_level_within_the_cap():
    result = advise({**BASE, "toezegging": "meewegen", "wie": ["buren"], "keuze": "volgen"})
    assert levels_of(result)["buren"] == "raadplegen"  # adviseren, capped
    result = advise({**BASE, "wie": ["buren"], "keuze": "volgen"})
    assert levels_of(result)["buren"] == "adviseren"
    assert levels_of(result)["traject"] == "adviseren"  # the highest part


def test_a_group_that_was_not_named_gets_no_level():
    result = advise({**BASE, "keuze": "volgen"})
    assert "buren" not in levels_of(result)


def test_deviating_down_shows_the_advice_the_choice_and_the_reason():
    answers = {**BASE, "doel": "samen", "keuze": "informeren", "reden": "Eerst de begroting."}
    result = advise(answers)
    project = result.project_level
    assert project.level is Level.informeren and project.advised is Level.coproduceren
    assert project.deviated and project.deviation_reason == "Eerst de begroting."
    capped = advise({**answers, "toezegging": "meewegen"})
    ontwerp = next(lv for lv in capped.subject_levels if lv.key == "ontwerp")
    assert ontwerp.level is Level.informeren and not ontwerp.capped  # chosen, not capped
    flow = resolve(load_tree_text(TREE, "niveaus.yaml").tree)
    plan = to_markdown(Engine(flow, answers), today=None)
    assert "Coproduceren" in plan and "Informeren" in plan and "Eerst de begroting." in plan


def test_deviating_above_the_cap_keeps_the_cap_and_warns():
    answers = {**BASE, "toezegging": "meewegen", "keuze": "coproduceren", "reden": "Graag samen."}
    result = advise(answers)
    assert result.project_level.level is Level.raadplegen
    assert not result.project_level.deviated
    assert any("hoger dan raadplegen kan niet" in w.text for w in result.warnings)


def test_deviating_below_the_floor_keeps_the_floor_and_warns():
    answers = {**BASE, "keuze": "informeren", "reden": "Het is klein."}
    result = advise(answers, "ondergrens")
    assert result.project_level.level is Level.raadplegen
    assert any("ondergrens is raadplegen" in w.text for w in result.warnings)


def test_a_cap_below_the_floor_lets_the_floor_win_with_a_warning():
    flow_text = TREE.replace("level_cap: {level: raadplegen,", "level_cap: {level: informeren,")
    flow = resolve(load_tree_text(flow_text, "niveaus.yaml").tree, "ondergrens")
    result = Engine(flow, {**BASE, "toezegging": "meewegen", "keuze": "volgen"}).advice()
    assert result.project_level.level is Level.raadplegen and result.project_level.floored
    assert any("ondergrens gaat voor" in w.text for w in result.warnings)


def test_the_preview_is_the_advice_before_the_level_question():
    flow = resolve(load_tree_text(TREE, "niveaus.yaml").tree)
    engine = Engine(flow, {**BASE, "doel": "samen", "keuze": "informeren", "reden": "x"})
    before = engine.advice_before("keuze")
    assert before.project_level.level is Level.coproduceren  # not changed by its own answer
    assert engine.advice().project_level.level is Level.informeren


# --- properties over the default tree -----------------------------------------------------

DEFAULT = load_tree(default_tree()).tree


def random_answer(draw: st.DrawFn, node: Any) -> Any:
    if node.kind == "choice":
        return draw(st.sampled_from([o.id for o in node.options]))
    if node.kind == "multi":
        plain = [o.id for o in node.options if not o.exclusive]
        exclusive = [o.id for o in node.options if o.exclusive]
        if exclusive and draw(st.integers(0, 4)) == 0:
            return [draw(st.sampled_from(exclusive))]
        low = max(1, node.min_choices or 0)
        high = min(len(plain), node.max_choices or len(plain))
        chosen = draw(st.lists(st.sampled_from(plain), min_size=low, max_size=high, unique=True))
        if node.needs_one_of and not set(chosen) & set(node.needs_one_of):
            chosen = [draw(st.sampled_from(node.needs_one_of)), *chosen][: max(high, 1)]
        return chosen
    if node.kind == "text":
        return "Een antwoord"
    return True


@pytest.mark.parametrize("variant", [None, *[v.id for v in DEFAULT.variants]])
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_no_route_gives_werkvormen_above_the_advice_or_too_many_or_contradictions(variant, data):
    flow = resolve(DEFAULT, variant)
    engine = Engine(flow)
    for _ in range(len(DEFAULT.nodes) + 1):
        if engine.at_outcome:
            break
        node = engine.node
        try:
            engine.answer(data.draw(st.composite(lambda d, node=node: random_answer(d, node))()))
        except AnswerError as exc:  # a level of one's own above the cap is refused:
            assert "plafond" in str(exc), exc  # take the advice (nothing else is refused)
            engine.answer(node.options[0].id)
    assert engine.is_complete
    result = engine.advice()
    catalogue = DEFAULT.werkvorm_map()
    settings_ = flow.settings
    assert len(result.werkvormen) <= settings_.core_werkvormen
    assert len(result.alternatives) <= settings_.alternative_werkvormen
    project = result.project_level.level
    group_level = {lv.key: lv.level for lv in result.group_levels if lv.kind == "group"}
    reach = {s.id: s.werkvormen for s in DEFAULT.stakeholders}
    for item in result.werkvormen + result.alternatives:
        lowest = min(catalogue[item.key].levels, key=lambda lv: lv.rank)
        # a werkvorm may go as high as the project, or as a named group it reaches
        ceiling = max(
            [project.rank] + [lv.rank for g, lv in group_level.items() if item.key in reach[g]]
        )
        assert lowest.rank <= ceiling, f"{item.key} fits only above {project.value}"
    avoided = {i.key for i in result.avoided}
    offered = {i.key for i in result.werkvormen + result.alternatives}
    assert not avoided & offered
    # no other text in the plan recommends a werkvorm it advises against
    names = {catalogue[k].name.lower() for k in avoided}
    texts = [
        s.reach.lower()
        for s in DEFAULT.stakeholders
        if s.id in {i.key for i in result.stakeholders}
    ]
    for item in result.werkvormen + result.alternatives + result.notes + result.duties:
        texts += [w.lower() for w in item.why] + [item.text.lower()]
    for name in names:
        assert not any(name in t for t in texts), f"'{name}' is avoided, yet recommended"
    if result.cap is not None:
        assert all(
            lv.level.rank <= result.cap.rank or lv.floored or lv.beyond_cap for lv in result.levels
        )


def test_a_fixed_role_keeps_its_level_above_the_cap_without_lifting_the_traject():
    text = TREE.replace(
        "          levels: [{level: adviseren, group: buren, why: Buren kennen de plek.}]",
        "          levels: [{level: adviseren, group: buren, ignores_cap: true, why: Adviesrecht.}]",
    )
    flow = resolve(load_tree_text(text, "niveaus.yaml").tree)
    result = Engine(flow, {**BASE, "toezegging": "meewegen", "wie": ["buren"], "keuze": "volgen"})
    levels = levels_of(result.advice())
    assert levels["buren"] == "adviseren" and levels["traject"] == "raadplegen"


def test_a_cap_for_some_subjects_leaves_the_others_alone():
    text = TREE.replace(
        "advice: {level_cap: {level: raadplegen, why: Er is alleen toegezegd mee te wegen.}}",
        "advice: {level_cap: {level: raadplegen, subjects: [ontwerp], why: Haast.}}",
    )
    flow = resolve(load_tree_text(text, "niveaus.yaml").tree)
    answers = {**BASE, "open": ["ontwerp", "uitvoering"], "toezegging": "meewegen"}
    result = Engine(flow, {**answers, "doel": "samen", "keuze": "volgen"}).advice()
    assert levels_of(result)["ontwerp"] == "raadplegen"
    assert levels_of(result)["uitvoering"] == "adviseren"  # its own maximum, not the cap
    assert result.cap is None


def test_the_preview_marks_a_fixed_role_only_when_it_is_above_the_cap():
    from wizard.levels import LevelAdvice, preview_lines

    project = LevelAdvice(Level.raadplegen)
    raad = LevelAdvice(Level.adviseren, "group", "adviesraad", "Adviesraden", beyond_cap=True)
    lines = preview_lines(project, [], [raad], Level.raadplegen)
    assert "  · Adviesraden: Adviseren (vaste rol, boven het plafond)" in lines
    lines = preview_lines(project, [], [raad], Level.adviseren)  # at the cap: nothing to explain
    assert "  · Adviesraden: Adviseren" in lines
