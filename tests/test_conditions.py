"""Conditions in words for the whole-tree view: question texts and option labels, not ids."""

from __future__ import annotations

from tests.conftest import mini_flow
from wizard.conditions import readable
from wizard.model import Condition


def cond(**data) -> Condition:
    return Condition.model_validate(data)


def test_options_and_questions_are_named_by_their_text():
    flow = mini_flow()
    assert readable(cond(question="ruimte", **{"is": "ja"}), flow) == (
        "bij 'Valt er iets te beïnvloeden?' gekozen is: Ja, er is ruimte"
    )
    assert readable(cond(question="groepen", has_any=["jongeren", "natuur"]), flow) == (
        "bij 'Wie raakt het?' aangevinkt is: Jongeren of Natuur"
    )
    assert readable(
        cond(question="groepen", has_all=["omwonenden", "jongeren", "natuur"]), flow
    ) == ("bij 'Wie raakt het?' aangevinkt zijn: Omwonenden, Jongeren en Natuur")


def test_combined_conditions_keep_their_grouping():
    flow = mini_flow()
    both = cond(
        all=[
            {"question": "groepen", "has": "jongeren"},
            {"not": {"variant": "leiden"}},
        ]
    )
    assert readable(both, flow) == (
        "bij 'Wie raakt het?' aangevinkt is: Jongeren en niet: de gemeente is Leiden"
    )
