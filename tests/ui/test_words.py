"""The user's own words at a ticked option, in the wizard: typed in a small dialog without
leaving the question, shown under the option, changed with F7, and found in the plan."""

from __future__ import annotations

import json

import pytest
from textual.widgets import Input

from tests.ui.helpers import begin, keys_at_once, make_app, screen_text
from tests.ui.test_default_tree import answer_step
from wizard.loader import load_tree
from wizard.paths import default_tree
from wizard.ui.screens.result import ResultScreen
from wizard.ui.screens.wizard import WizardScreen
from wizard.ui.screens.words import WordsScreen

AMOUNT = "€ 250.000 voor de hele herinrichting"
HOSTILE = "**x** [link](http://a) [b]vet[/b] [@click=app.quit]klik[/]"
CASE = "zonder-variant"  # ticks 'Het budget' and 'De plek'; no variant


def _case():
    tree = load_tree(default_tree()).tree
    return next(c for c in tree.cases if c.id == CASE)


async def _to(pilot, node_id: str) -> None:
    """Answer the case's questions through the screen up to ``node_id``."""
    case = _case()
    engine = pilot.app.session.engine
    for _ in range(40):
        node = engine.node
        if node.id == node_id:
            return
        await answer_step(pilot, node, True if node.kind == "info" else case.answers[node.id])
    raise AssertionError(f"never reached {node_id}")


async def _type_words(pilot, words: str) -> None:
    field = pilot.app.screen.query_one("#words-input", Input)
    field.value = words
    await pilot.press("enter")
    await pilot.pause()


async def _finish(pilot) -> None:
    case = _case()
    engine = pilot.app.session.engine
    for _ in range(40):
        node = engine.node
        if node.kind == "outcome":
            break
        await answer_step(pilot, node, True if node.kind == "info" else case.answers[node.id])
    await pilot.pause()


async def test_tick_budget_type_amount_and_find_it_in_the_plan():
    app = make_app(default_tree())
    async with app.run_test(size=(100, 30)) as pilot:
        await begin(pilot)
        engine = app.session.engine
        await _to(pilot, "ruimte_vast")
        await pilot.press("3")  # Het budget: the dialog asks for the amount
        await pilot.pause()
        assert isinstance(app.screen, WordsScreen)
        text = screen_text(app)
        assert "In uw eigen woorden: Het budget" in text
        assert "Welk bedrag? Bijvoorbeeld € 250.000" in text
        await _type_words(pilot, AMOUNT)
        assert isinstance(app.screen, WizardScreen)
        assert engine.node.id == "ruimte_vast"  # still at the question
        assert f"“{AMOUNT}”" in screen_text(app)  # the words under the option
        await pilot.press("6")  # De plek: asks too; Esc skips and the tick stays
        await pilot.pause()
        assert isinstance(app.screen, WordsScreen)
        await pilot.press("escape")
        await pilot.pause()
        multi = app.screen.query_one("#answers")
        assert multi.selected == ["budget", "locatie"]
        assert "F7: in eigen woorden (Welke plek?)" in screen_text(app)
        await pilot.press("enter")
        assert engine.answers["ruimte_vast"] == ["budget", "locatie"]
        assert engine.details == {"ruimte_vast": {"budget": AMOUNT}}
        await _finish(pilot)
        assert isinstance(app.screen, ResultScreen)
        assert engine.is_complete
        plan = app.screen.markdown()
        assert f"Het budget: {AMOUNT}. Binnen dat bedrag denken mensen mee." in plan
        assert "Noem het bedrag" not in plan
        app.screen.action_section(5)
        await pilot.pause()
        assert f"Het budget: {AMOUNT}." in screen_text(app)


async def test_f7_edits_words_kept_when_unticked_and_undo():
    app = make_app(default_tree())
    async with app.run_test(size=(100, 30)) as pilot:
        await begin(pilot)
        engine = app.session.engine
        await _to(pilot, "ruimte_vast")
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("escape")  # skip first
        await pilot.pause()
        assert engine.details == {}
        await pilot.press("f7")  # and give the words after all
        await pilot.pause()
        assert isinstance(app.screen, WordsScreen)
        assert app.screen.query_one("#words-input", Input).value == ""
        await _type_words(pilot, "€ 100")
        await pilot.press("f7")  # change them: the dialog shows them
        await pilot.pause()
        assert app.screen.query_one("#words-input", Input).value == "€ 100"
        await _type_words(pilot, AMOUNT)
        assert engine.detail("ruimte_vast", "budget") == AMOUNT
        await pilot.press("3")  # untick: the words are kept, not shown
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        assert AMOUNT not in screen_text(app)
        assert engine.detail("ruimte_vast", "budget") == AMOUNT
        await pilot.press("3")  # tick again: the dialog offers the earlier words
        await pilot.pause()
        assert app.screen.query_one("#words-input", Input).value == AMOUNT
        await pilot.press("escape")
        await pilot.pause()
        assert f"“{AMOUNT}”" in screen_text(app)
        await pilot.press("ctrl+z")  # undo the last change of the words
        await pilot.pause()
        assert engine.detail("ruimte_vast", "budget") == "€ 100"
        # F7 on an option that asks for no words only says so
        multi = app.screen.query_one("#answers")
        multi.highlighted = 8  # 'Er ligt nog niets vast'
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        said = [n.message for n in app._notifications]
        assert "Bij deze optie hoeven geen eigen woorden." in said


async def test_words_that_look_like_markup_stay_literal():
    app = make_app(default_tree())
    async with app.run_test(size=(160, 40)) as pilot:
        await begin(pilot)
        engine = app.session.engine
        await _to(pilot, "ruimte_vast")
        await pilot.press("3")
        await pilot.pause()
        await _type_words(pilot, HOSTILE)
        assert app.is_running  # [@click=app.quit] did nothing
        assert f"“{HOSTILE}”" in screen_text(app)
        await pilot.press("f7")
        await pilot.pause()
        assert HOSTILE in screen_text(app)  # in the dialog's field, as typed
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")
        await _finish(pilot)
        assert isinstance(app.screen, ResultScreen)
        assert engine.details == {"ruimte_vast": {"budget": HOSTILE}}
        app.screen.action_section(5)
        await pilot.pause()
        assert f"Het budget: {HOSTILE}. Binnen dat bedrag" in screen_text(app)
        assert app.is_running


def test_changed_words_make_an_export_out_of_date():
    from wizard.flow import resolve
    from wizard.run import walk
    from wizard.ui.state import Session, load_entry

    entry = load_entry(default_tree())
    case = _case()
    engine = walk(resolve(entry.loaded.tree, case.variant), case.answers).engine
    session = Session(entry.loaded, engine, save=False)
    session.mark_exported()
    assert session.exported
    engine.set_detail("ruimte_vast", "budget", AMOUNT)
    assert not session.exported  # the plan on disk does not have the amount yet
    session.mark_exported()
    assert session.exported


@pytest.mark.parametrize("tick", ["space", "3"])
async def test_tick_and_enter_at_once_keeps_the_words_at_this_question(tick):
    """Space (or the option's number) and Enter pressed quickly: the dialog is there at once, over
    the question it asks about, and the Enter typed ahead does not close it. The words typed
    there are kept for that question, in the session file too, and the plan uses them."""
    from wizard.ui.state import sessions_dir

    app = make_app(default_tree())
    async with app.run_test(size=(100, 30)) as pilot:
        await begin(pilot)
        engine = app.session.engine
        await _to(pilot, "ruimte_vast")
        app.screen.query_one("#answers").highlighted = 2  # Het budget
        await keys_at_once(pilot, tick, "enter")
        assert isinstance(app.screen, WordsScreen)
        assert engine.node.id == "ruimte_vast"  # the Enter did not move on under the dialog
        text = screen_text(app)
        assert "In uw eigen woorden: Het budget" in text
        assert "Bij de vraag: Wat ligt al vast?" in text
        await _type_words(pilot, AMOUNT)
        assert isinstance(app.screen, WizardScreen)
        assert engine.node.id == "ruimte_vast"
        assert f"“{AMOUNT}”" in screen_text(app)
        assert "F7: in eigen woorden" not in screen_text(app)  # no call for words given already
        await pilot.press("enter")
        await pilot.pause()
        assert engine.answers["ruimte_vast"] == ["budget"]
        assert not isinstance(app.screen, WordsScreen)  # the next question is not covered
        saved = [json.loads(p.read_text(encoding="utf-8")) for p in sessions_dir().glob("*.json")]
        assert [s["details"] for s in saved] == [{"ruimte_vast": {"budget": AMOUNT}}]
        await _finish(pilot)
        assert isinstance(app.screen, ResultScreen)
        plan = app.screen.markdown()
        assert f"Het budget: {AMOUNT}." in plan
        assert "Noem het bedrag" not in plan


async def test_words_typed_after_the_walk_moved_on_stay_with_their_question():
    """Should the walk move on while the dialog is open, Enter still keeps the words, for the
    question and option the dialog was opened for."""
    app = make_app(default_tree())
    async with app.run_test(size=(100, 30)) as pilot:
        await begin(pilot)
        engine = app.session.engine
        await _to(pilot, "ruimte_vast")
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, WordsScreen)
        engine.answer(["budget"])  # the walk moves on beneath the dialog
        assert engine.node.id != "ruimte_vast"
        await _type_words(pilot, AMOUNT)
        assert engine.details == {"ruimte_vast": {"budget": AMOUNT}}
        assert isinstance(app.screen, WizardScreen)
