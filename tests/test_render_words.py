"""The exported plan's words fit the outcome."""

from __future__ import annotations

from tests.conftest import mini_flow
from wizard.render import to_markdown
from wizard.run import walk


def test_no_participation_is_not_called_a_participation_plan():
    done = walk(mini_flow(), {"naam": "Verplichte taak", "ruimte": "no"})
    text = to_markdown(done.engine)
    assert text.startswith("# Advies: geen participatietraject: Verplichte taak")
    assert "Participatieplan (concept)" not in text


def test_a_participation_outcome_is_a_draft_plan():
    answers = {"naam": "Plein", "ruimte": "ja", "groepen": ["omwonenden"], "kort": "nee"}
    text = to_markdown(walk(mini_flow(), answers).engine)
    assert text.startswith("# Participatieplan (concept): Plein")


def test_reasons_that_are_sentences_are_not_glued_with_a_semicolon():
    from wizard.render import _join

    assert (
        _join(["Dat is een middel.", "Leiden vraagt het"]) == "Dat is een middel. Leiden vraagt het"
    )
    assert _join(["“Ja”", "Leiden vraagt het"]) == "“Ja”; Leiden vraagt het"
    assert _join(["“Het is klaar.”", "zo"]) == "“Het is klaar.” zo"


def test_uitleg_names_no_internal_fields():
    from wizard.compare import Effect

    line = Effect(part="fixed", change="toegevoegd", text="Het budget").line()
    assert line == "Vast gegeven toegevoegd: Het budget."
