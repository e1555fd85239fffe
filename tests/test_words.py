"""The user's own words at an option ('detail'): what is fixed or open, in the user's words.

Run on the bundled default tree (its case 'zonder-variant' ticks "Het budget" and "De plek"),
so the tests show what a civil servant would see in the plan.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import assert_problem, edit, line_of, lint_text, messages, mini_text
from wizard.dossier import load_dossier, new_dossier, open_with_tree, save_dossier
from wizard.engine import MAX_DETAIL, AnswerError, Engine
from wizard.flow import resolve
from wizard.loader import load_tree
from wizard.paths import default_tree
from wizard.render import to_json_data, to_markdown
from wizard.run import walk
from wizard.session import session_from_dict, session_to_dict

AMOUNT = "€ 250.000 voor de hele herinrichting"
CANNED = "Noem het bedrag"  # the instruction the plan shows when no amount was given
CANNED_FIXED = "Het beschikbare budget."  # what is fixed, without the amount


@pytest.fixture(scope="module")
def loaded():
    return load_tree(default_tree())


def _case(loaded, case_id: str = "zonder-variant"):
    return next(c for c in loaded.tree.cases if c.id == case_id)


def finished(loaded, details=None) -> Engine:
    case = _case(loaded)
    result = walk(resolve(loaded.tree, case.variant), case.answers, details)
    assert result.ok, result.error
    assert result.engine.is_complete
    return result.engine


def fixed_texts(engine: Engine) -> list[str]:
    return [i.text for i in engine.advice().fixed]


# --- the engine -------------------------------------------------------------------------------


def test_words_replace_the_canned_text_in_the_plan(loaded):
    engine = finished(loaded)
    assert CANNED_FIXED in fixed_texts(engine)
    engine.set_detail("ruimte_vast", "budget", AMOUNT)
    texts = fixed_texts(engine)
    assert f"Het budget: {AMOUNT}. Binnen dat bedrag denken mensen mee." in texts
    assert CANNED_FIXED not in texts
    assert CANNED not in to_markdown(engine)
    plan = to_markdown(engine)
    assert AMOUNT in plan
    # the ground still cites the answer, with the words
    item = next(i for i in engine.advice().fixed if AMOUNT in i.text)
    assert item.reasons[0].node == "ruimte_vast" and item.reasons[0].answer == "budget"
    assert item.reasons[0].text == f"Wat ligt al vast? — Het budget: {AMOUNT}"
    assert item.reasons[0].detail == AMOUNT
    assert f"*Grond:* “Wat ligt al vast? — Het budget: {AMOUNT}”" in plan
    # and the account of the answers names them too
    assert f"Het budget: {AMOUNT}" in plan.split("## 7.")[1]


def test_no_second_full_stop_after_words_that_end_a_sentence(loaded):
    engine = finished(loaded, {"ruimte_vast": {"locatie": "Het plein aan de Kerkstraat."}})
    assert "De plek: Het plein aan de Kerkstraat." in fixed_texts(engine)


def test_the_route_does_not_get_longer(loaded):
    plain = finished(loaded)
    words = finished(loaded, {"ruimte_vast": {"budget": AMOUNT}})
    assert words.path == plain.path
    assert words.advice().project_level == plain.advice().project_level


def test_words_are_kept_when_the_option_is_unticked_and_come_back(loaded):
    engine = finished(loaded)
    engine.set_detail("ruimte_vast", "budget", AMOUNT)
    engine.goto("ruimte_vast")
    engine.answer(["locatie"])  # untick the budget
    assert not any(AMOUNT in t for t in fixed_texts(engine))
    assert engine.detail("ruimte_vast", "budget") == AMOUNT  # kept, not counted
    assert engine.route_details() == {}
    engine.goto("ruimte_vast")
    engine.answer(["budget", "locatie"])  # tick it again
    assert engine.route_details() == {"ruimte_vast": {"budget": AMOUNT}}
    assert any(AMOUNT in t for t in fixed_texts(engine))


def test_words_survive_a_reroute_that_drops_the_question(loaded):
    engine = finished(loaded)
    engine.set_detail("ruimte_vast", "budget", AMOUNT)
    engine.goto("poort")
    engine.answer(["acuut"])  # no participation: the question leaves the route
    assert "ruimte_vast" not in engine.path
    assert engine.detail("ruimte_vast", "budget") == AMOUNT
    assert AMOUNT not in to_markdown(engine)
    engine.goto("poort")
    engine.answer(["geen"])  # back on the old route: the answers and the words return
    assert engine.is_complete
    assert any(AMOUNT in t for t in fixed_texts(engine))


def test_back_keeps_words_and_undo_takes_them_back(loaded):
    engine = finished(loaded)
    engine.set_detail("ruimte_vast", "budget", "€ 100")
    engine.set_detail("ruimte_vast", "budget", AMOUNT)
    while engine.back():
        pass
    assert engine.detail("ruimte_vast", "budget") == AMOUNT
    change = engine.undo()
    assert change is not None and change.node == "ruimte_vast" and change.option == "budget"
    assert engine.detail("ruimte_vast", "budget") == "€ 100"
    assert engine.cursor == "ruimte_vast"
    engine.undo()
    assert engine.detail("ruimte_vast", "budget") is None
    assert engine.details == {}


def test_empty_words_remove_them_and_text_is_cleaned(loaded):
    engine = finished(loaded)
    kept = engine.set_detail("ruimte_vast", "budget", "  € 250.000\n  voor\tde straat\x1b[31m ")
    assert kept == "€ 250.000 voor de straat␛[31m"
    assert engine.set_detail("ruimte_vast", "budget", "   ") == ""
    assert engine.detail("ruimte_vast", "budget") is None
    assert CANNED_FIXED in fixed_texts(engine)


def test_words_are_refused_where_the_tree_asks_for_none(loaded):
    engine = finished(loaded)
    with pytest.raises(AnswerError, match="bij 'Er ligt nog niets vast' kunt u geen eigen woorden"):
        engine.set_detail("ruimte_vast", "niets", "echt niets")
    with pytest.raises(AnswerError, match="bij vraag 'naam' kunt u geen eigen woorden geven"):
        engine.set_detail("naam", "x", "y")
    with pytest.raises(AnswerError, match="'bedrag' is geen optie bij vraag 'ruimte_vast'"):
        engine.set_detail("ruimte_vast", "bedrag", "y")
    with pytest.raises(AnswerError, match=f"hoogstens {MAX_DETAIL} tekens"):
        engine.set_detail("ruimte_vast", "budget", "x" * (MAX_DETAIL + 1))
    assert engine.details == {}


def test_every_promised_option_asks_for_words(loaded):
    nodes = resolve(loaded.tree).nodes
    wanted = {
        "ruimte_vast": {
            "budget",
            "locatie",
            "raadskader",
            "planning",
            "haast",
            "techniek",
            "voorstel",
        },
        "ruimte_open": {"ontwerp", "oplossingen", "uitvoering", "beheer", "budget"},
    }
    for node_id, options in wanted.items():
        asking = {o.id for o in nodes[node_id].options if o.detail and o.advice_with_detail}
        assert options <= asking, node_id


def test_open_items_use_the_words_too(loaded):
    engine = finished(loaded, {"ruimte_open": {"ontwerp": "de speeltoestellen en het groen"}})
    assert "Het ontwerp of de uitwerking: de speeltoestellen en het groen." in [
        i.text for i in engine.advice().open
    ]


def test_haast_with_words_keeps_its_cap(loaded):
    case = _case(loaded)
    answers = {**case.answers, "ruimte_vast": ["haast", "budget"]}
    plain = walk(resolve(loaded.tree, case.variant), answers)
    words = walk(
        resolve(loaded.tree, case.variant), answers, {"ruimte_vast": {"haast": "vóór 1 mei"}}
    )
    assert plain.ok and words.ok
    assert words.engine.advice().cap == plain.engine.advice().cap is not None
    assert "Het besluit moet binnen een paar weken vallen: vóór 1 mei." in fixed_texts(words.engine)


# --- plain text, never markup -------------------------------------------------------------------

HOSTILE = "**x** [link](http://a)"


def test_markup_looking_words_stay_literal_in_the_markdown(loaded):
    engine = finished(loaded, {"ruimte_vast": {"budget": HOSTILE}})
    plan = to_markdown(engine)
    assert HOSTILE not in plan
    assert r"\*\*x\*\* \[link\](http\://a)" in plan
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(plan)
    assert f"Het budget: {HOSTILE}. Binnen dat bedrag" in html  # read as the words typed
    assert "<strong>x</strong>" not in html and 'href="http://a"' not in html
    data = to_json_data(engine, "sha256:x")
    assert (
        data["invloedsruimte"]["fixed"][0]["text"]
        == f"Het budget: {HOSTILE}. Binnen dat bedrag denken mensen mee."
    )
    assert data["answers"][3]["details"] == {"budget": HOSTILE}


# --- persistence --------------------------------------------------------------------------------


def test_session_round_trip_keeps_words(loaded):
    engine = finished(loaded, {"ruimte_vast": {"budget": AMOUNT}})
    engine.goto("ruimte_vast")
    engine.answer(["locatie"])  # unticked: the words are still saved
    data = json.loads(json.dumps(session_to_dict(engine, loaded.digest)))
    assert data["details"] == {"ruimte_vast": {"budget": AMOUNT}}
    restored = session_from_dict(data, engine.flow, loaded.digest)
    assert restored.notes == []
    assert restored.engine.details == {"ruimte_vast": {"budget": AMOUNT}}


def test_old_session_without_words_loads(loaded):
    engine = finished(loaded)
    data = session_to_dict(engine, loaded.digest)
    del data["details"]
    restored = session_from_dict(json.loads(json.dumps(data)), engine.flow, loaded.digest)
    assert restored.notes == [] and restored.engine.details == {}
    assert restored.engine.answers == engine.answers


def test_session_with_words_the_tree_no_longer_takes_says_so(loaded):
    engine = finished(loaded)
    data = session_to_dict(engine, loaded.digest)
    data["details"] = {"ruimte_vast": {"budget": AMOUNT, "niets": "x"}, "weg": {"a": "b"}}
    restored = session_from_dict(json.loads(json.dumps(data)), engine.flow, loaded.digest)
    assert restored.engine.details == {"ruimte_vast": {"budget": AMOUNT}}
    assert len(restored.notes) == 2
    assert any("'weg'" in n for n in restored.notes)


def test_dossier_round_trip_keeps_words(loaded, tmp_path):
    engine = finished(loaded, {"ruimte_vast": {"budget": AMOUNT}})
    dossier = new_dossier(engine, loaded.digest)
    path = tmp_path / "dossier.yaml"
    save_dossier(path, dossier)
    assert AMOUNT in path.read_text(encoding="utf-8")
    again = load_dossier(path)
    assert again.details == {"ruimte_vast": {"budget": AMOUNT}}
    opened = open_with_tree(again, engine.flow, loaded.digest)
    assert opened.engine.details == {"ruimte_vast": {"budget": AMOUNT}}
    assert any(AMOUNT in t for t in fixed_texts(opened.engine))


def test_changed_words_make_the_dossier_plan_out_of_date(loaded):
    from wizard.dossier import plan_is_current

    engine = finished(loaded, {"ruimte_vast": {"budget": AMOUNT}})
    dossier = new_dossier(engine, loaded.digest)
    assert plan_is_current(dossier, engine)
    engine.set_detail("ruimte_vast", "budget", "€ 300.000")
    assert not plan_is_current(dossier, engine)
    engine.set_detail("ruimte_vast", "planning", "juni 2026")  # not ticked: changes nothing
    engine.set_detail("ruimte_vast", "budget", AMOUNT)
    assert plan_is_current(dossier, engine)


def test_old_dossier_without_words_loads(loaded, tmp_path):
    engine = finished(loaded)
    path = tmp_path / "dossier.yaml"
    save_dossier(path, new_dossier(engine, loaded.digest))
    text = path.read_text(encoding="utf-8")
    assert "\ndetails: {}\n" in text
    path.write_text(text.replace("\ndetails: {}\n", "\n", 1), encoding="utf-8")
    assert load_dossier(path).details == {}


ANSWERS = """\
answers:
  naam: Speelplek Rozenstraat
  herkomst: [gemeente-project]
  poort: [geen]
  ruimte_vast: [budget, locatie]
  ruimte_open: [ontwerp]
  plichten: [geen]
  wie_beslist: college
  toezegging: volgen
  doel: [kennis]
  schaal: straat
  gevolgen: [beperkt]
  belanghebbenden: [omwonenden]
  moeilijk: [kinderen]
  niveau_advies: volgen
  zelfcheck: [trekker, capaciteit, op-tijd, informatie, terugkoppeling, afspiegeling]
details:
  ruimte_vast:
    budget: € 250.000 voor de hele herinrichting
"""


def _run(tmp_path: Path, text: str, capsys) -> tuple[int, str, str]:
    from wizard.cli import main

    path = tmp_path / "antwoorden.yaml"
    path.write_text(text, encoding="utf-8")
    code = main(["run", "--answers", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


def test_answers_file_carries_words(tmp_path, capsys):
    code, out, err = _run(tmp_path, ANSWERS, capsys)
    assert code == 0, err
    assert f"Het budget: {AMOUNT}. Binnen dat bedrag denken mensen mee." in out
    assert CANNED not in out


def test_answers_file_number_as_amount(tmp_path, capsys):
    text = ANSWERS.replace("budget: € 250.000 voor de hele herinrichting", "budget: 250000")
    code, out, err = _run(tmp_path, text, capsys)
    assert code == 0, err
    assert "Het budget: 250000." in out


def test_answers_file_words_where_none_are_asked_is_located(tmp_path, capsys):
    text = ANSWERS + "    niets: toch iets\n"
    code, _, err = _run(tmp_path, text, capsys)
    assert code == 1
    line = line_of(text, "niets: toch iets")
    assert f"antwoorden.yaml:{line}:" in err
    assert "kunt u geen eigen woorden geven" in err


def test_answers_file_words_at_an_unticked_option_warn(tmp_path, capsys):
    text = ANSWERS + "    planning: juni 2026\n"
    code, out, err = _run(tmp_path, text, capsys)
    assert code == 0
    line = line_of(text, "planning: juni 2026")
    assert f"antwoorden.yaml:{line}:5: waarschuwing: de woorden bij 'ruimte_vast: planning'" in err
    assert "juni 2026" not in out


def test_old_answers_file_without_words_still_runs(tmp_path, capsys):
    code, out, _ = _run(tmp_path, ANSWERS.split("details:")[0], capsys)
    assert code == 0
    assert CANNED in out


# --- lint ---------------------------------------------------------------------------------------

JONGEREN = """      - id: jongeren
        label: Jongeren
        advice:
          stakeholders: [{id: jongeren, why: Zij gebruiken het plein het meest.}]
          levels: [{level: adviseren, group: jongeren, why: Hun kennis van het plein telt.}]
"""


def _with_option(extra: str) -> str:
    return edit(mini_text(), JONGEREN, JONGEREN + extra)


def test_lint_accepts_detail_with_advice_with_detail():
    text = _with_option(
        """        detail: Welke jongeren? Bijvoorbeeld de skaters bij het plein.
        advice_with_detail:
          stakeholders: [{id: jongeren, why: "Vooral {detail}."}]
          levels: [{level: adviseren, group: jongeren, why: Hun kennis van het plein telt.}]
"""
    )
    assert messages(text) == []


def test_lint_advice_with_detail_needs_detail():
    text = _with_option(
        """        advice_with_detail:
          stakeholders: [{id: jongeren, why: "Vooral {detail}."}]
          levels: [{level: adviseren, group: jongeren, why: Hun kennis van het plein telt.}]
"""
    )
    assert_problem(
        text, "advice_with_detail:", "'advice_with_detail' bij optie 'jongeren' zonder 'detail'"
    )
    assert_problem(text, "advice_with_detail:", "Voeg 'detail' toe")


def test_lint_detail_outside_advice_with_detail():
    text = edit(
        mini_text(),
        "why: Hun kennis van het plein telt.}]",
        'why: "Hun kennis van {detail} telt."}]',
    )
    assert_problem(text, "Hun kennis van {detail}", "'{detail}' wordt hier nooit vervangen")


def test_lint_unknown_placeholder():
    text = _with_option(
        """        detail: Welke jongeren?
        advice_with_detail:
          stakeholders: [{id: jongeren, why: "Vooral {detail} uit {wijk}."}]
          levels: [{level: adviseren, group: jongeren, why: Hun kennis van het plein telt.}]
"""
    )
    assert_problem(text, "uit {wijk}", "onbekende plaatshouder '{wijk}'")


def test_lint_warns_when_words_are_never_used_or_change_the_advice():
    text = _with_option(
        """        detail: Welke jongeren?
        advice_with_detail:
          stakeholders: [jongeren]
"""
    )
    assert_problem(text, "advice_with_detail:", "gebruikt '{detail}' nergens", "waarschuwing")
    assert_problem(
        text, "advice_with_detail:", "geeft iets anders dan 'advice' bij levels", "waarschuwing"
    )


def test_lint_detail_on_a_single_choice_is_refused():
    text = edit(
        mini_text(),
        "        label: We vragen mening\n",
        "        label: We vragen mening\n        detail: Waarover?\n",
    )
    from wizard.problems import ProblemsError

    with pytest.raises(ProblemsError) as caught:
        lint_text(text)
    line = line_of(text, "detail: Waarover?")
    assert (
        caught.value.problems[0]
        .format()
        .startswith(f"boom.yaml:{line}:9: fout: onbekende sleutel 'detail'")
    )
