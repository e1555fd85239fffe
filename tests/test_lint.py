"""Each lint rule, with the message and the line an author would see."""

from __future__ import annotations

import pytest

from tests.conftest import assert_problem, edit, line_of, lint_text, messages, mini_text


def test_mini_tree_is_clean():
    report = lint_text(mini_text())
    assert report.problems == []
    assert report.summary.proof
    assert report.summary.cases_passed == report.summary.cases == 3
    assert report.summary.routes == 3
    assert (report.summary.shortest, report.summary.longest) == (2, 4)


def test_unknown_next_with_suggestion():
    text = edit(mini_text(), "        next: groepen\n", "        next: groepn\n")
    assert_problem(text, "next: groepn", "onbekende stap 'groepn'; bedoelde u 'groepen'?")


def test_unknown_start():
    text = edit(mini_text(), "start: naam", "start: nam")
    assert_problem(text, "start: nam", "onbekende stap 'nam'; bedoelde u 'naam'?")


def test_duplicate_node_id():
    text = edit(mini_text(), "  - id: kort\n", "  - id: niveau\n")
    assert_problem(text, "  - id: niveau", "stap 'niveau' bestaat al", nth=1)


def test_duplicate_option_id():
    text = edit(mini_text(), "      - id: nee\n", "      - id: ja\n")
    line = line_of(text, "      - id: ja", 2)
    assert any(f"boom.yaml:{line}:" in m and "optie 'ja' bestaat al" in m for m in messages(text))


def test_unreachable_node_is_a_warning():
    text = edit(
        mini_text(),
        "    routes:\n      - when: {question: groepen, count_at_least: 2}\n        next: niveau\n",
        "",
    )
    assert_problem(text, "  - id: niveau", "stap 'niveau' is onbereikbaar", "waarschuwing")


def test_dead_end():
    text = edit(mini_text(), "    max_length: 60\n    next: welkom\n", "    max_length: 60\n")
    assert_problem(
        text, "  - id: naam", "doodlopend: stap 'naam' is geen uitkomst en leidt nergens heen"
    )


def test_dead_end_option():
    text = edit(
        mini_text(),
        "        label: Ja, er is ruimte\n        next: groepen\n",
        "        label: Ja, er is ruimte\n",
    )
    assert_problem(text, "      - id: ja", "doodlopend: optie 'ja' heeft geen 'next'")


def test_cycle():
    text = edit(
        mini_text(),
        "          werkvormen: [atelier]\n    next: einde\n",
        "          werkvormen: [atelier]\n    next: ruimte\n",
    )
    found = messages(text)
    assert any("kringloop: ruimte → groepen → niveau → ruimte" in m for m in found), found
    assert not lint_text(text).summary.proof


def test_condition_unknown_option():
    text = edit(
        mini_text(), "{question: groepen, has: jongeren}", "{question: groepen, has: jongern}"
    )
    assert_problem(
        text,
        "has: jongern",
        "deze voorwaarde kan nooit waar zijn: 'jongern' is geen optie van 'groepen'; bedoelde u 'jongeren'?",
    )


def test_condition_count_too_high():
    text = edit(mini_text(), "count_at_least: 2}", "count_at_least: 7}")
    assert_problem(text, "count_at_least: 7", "kan nooit waar zijn: 'groepen' heeft maar 4 opties")


def test_condition_wrong_kind():
    text = edit(
        mini_text(), "{question: groepen, has: jongeren}", "{question: groepen, is: jongeren}"
    )
    assert_problem(
        text,
        "is: jongeren",
        "'is' werkt bij één antwoord; 'groepen' is een meerkeuzevraag: gebruik 'has'",
    )


def test_condition_on_question_that_never_comes_before():
    text = edit(mini_text(), "{question: groepen, count_at_least: 2}", "{question: kort, is: ja}")
    assert_problem(
        text,
        "question: kort",
        "kan nooit waar zijn: vraag 'kort' komt op geen enkele route vóór deze stap",
    )


def test_condition_unknown_question_and_variant():
    text = edit(
        mini_text(),
        "{question: groepen, has: jongeren}",
        "{any: [{question: groep, has: x}, {variant: leidn}]}",
    )
    assert_problem(text, "question: groep,", "onbekende vraag 'groep'; bedoelde u 'groepen'?")
    assert_problem(text, "question: groep,", "onbekende variant 'leidn'; bedoelde u 'leiden'?")


def test_condition_form_is_checked_by_loader():
    from wizard.problems import ProblemsError

    text = edit(mini_text(), "{question: groepen, has: jongeren}", "{has: jongeren}")
    with pytest.raises(ProblemsError) as info:
        lint_text(text)
    assert "'has' heeft ook 'question' nodig" in info.value.problems[0].message


def test_routes_without_default():
    text = edit(mini_text(), "        next: niveau\n    next: kort\n", "        next: niveau\n")
    assert_problem(text, "    routes:", "routes zonder standaard", "waarschuwing")
    assert not lint_text(text).summary.proof


def test_unused_routes_when_every_option_has_next():
    text = edit(mini_text(), "        next: geen\n", "        next: geen\n    next: einde\n")
    assert_problem(text, "    next: einde", "worden nooit gebruikt", "waarschuwing")


def test_unused_source_werkvorm_and_stakeholder():
    text = edit(
        mini_text(), "sections:\n", "  - id: ongebruikt\n    title: Niet gebruikt\nsections:\n"
    )
    text = edit(
        text,
        "stakeholders:\n  - id: omwonenden",
        "  - id: extra\n    name: Extra\n    description: x\n    levels: [informeren]\nstakeholders:\n  - id: omwonenden",
    )
    text = edit(
        text,
        "nodes:\n  - id: naam",
        "  - id: bedrijven\n    name: Bedrijven\n    category: direct\n    reach: Via de BIZ.\nnodes:\n  - id: naam",
    )
    assert_problem(
        text, "  - id: ongebruikt", "bron 'ongebruikt' wordt nergens gebruikt", "waarschuwing"
    )
    assert_problem(
        text, "  - id: extra", "werkvorm 'extra' wordt nergens geadviseerd", "waarschuwing"
    )
    assert_problem(
        text,
        "  - id: bedrijven",
        "belanghebbende 'bedrijven' wordt nergens genoemd",
        "waarschuwing",
    )


def test_question_without_help_or_source():
    text = edit(
        mini_text(), "    help: Bij haast past een lichte aanpak.\n    sources: [leiden]\n", ""
    )
    assert_problem(
        text, "question: Is er haast?", "vraag 'kort' heeft geen uitleg ('help')", "waarschuwing"
    )
    assert_problem(text, "question: Is er haast?", "vraag 'kort' noemt geen bron", "waarschuwing")
    assert_problem(
        text,
        "        advice:\n          levels: [{level: informeren}]",
        "advies zonder bron",
        "waarschuwing",
    )


def test_unknown_catalogue_and_source_ids():
    text = edit(mini_text(), "          werkvormen: [enquete]", "          werkvormen: [enquet]")
    text = edit(text, "stakeholders: [natuur]", "stakeholders: [natur]")
    text = edit(
        text,
        "    sources: [{id: sittard, at: Invloedsruimte}]\n    options:",
        "    sources: [{id: sitard, at: Invloedsruimte}]\n    options:",
    )
    assert_problem(
        text, "werkvormen: [enquet]", "onbekende werkvorm 'enquet'; bedoelde u 'enquete'?"
    )
    assert_problem(
        text, "stakeholders: [natur]", "onbekende belanghebbende 'natur'; bedoelde u 'natuur'?"
    )
    assert_problem(text, "sitard, at", "onbekende bron 'sitard'; bedoelde u 'sittard'?")


def test_level_group_must_be_a_stakeholder():
    text = edit(mini_text(), "group: jongeren,", "group: jeugd,")
    assert_problem(text, "group: jeugd", "onbekende belanghebbende 'jeugd'")


def test_title_question_must_be_text():
    text = edit(mini_text(), "  title_question: naam", "  title_question: ruimte")
    assert_problem(text, "title_question: ruimte", "'ruimte' moet een tekstvraag zijn")


def test_case_with_bad_answer_names_question_and_options():
    text = edit(mini_text(), "      niveau: coproduceren\n", "      niveau: samen\n")
    assert_problem(
        text,
        "niveau: samen",
        "casus 'plein': 'samen' is geen optie bij vraag 'niveau'; kies uit: raadplegen, coproduceren",
    )


def test_case_with_missing_answer():
    text = edit(
        mini_text(),
        "      groepen: [omwonenden]\n      kort: ja\n",
        "      groepen: [omwonenden]\n",
    )
    found = messages(text)
    assert any(
        "casus 'haast-leiden': vraag 'kort' is niet beantwoord" in m
        and "kies uit: ja (Ja), nee (Nee)" in m
        for m in found
    ), found


def test_case_expectations_fail_with_reasons():
    text = edit(mini_text(), "      level: coproduceren\n", "      level: meebeslissen\n")
    text = edit(text, "      not_werkvormen: [enquete]\n", "      not_werkvormen: [atelier]\n")
    assert_problem(
        text,
        "      level: meebeslissen",
        "casus 'plein': verwacht niveau 'meebeslissen', kreeg 'coproduceren'",
    )
    assert_problem(
        text, "not_werkvormen: [atelier]", "werkvorm 'atelier' staat in het advies maar mag niet"
    )
    assert lint_text(text).summary.cases_passed == 2


def test_case_can_require_and_forbid_words_in_the_plan():
    text = edit(
        mini_text(),
        "      not_werkvormen: [enquete]\n",
        "      not_werkvormen: [enquete]\n      says: [Ontwerpatelier, speeltuin]\n"
        "      not_says: [Bewonersbrief]\n",
    )
    assert_problem(text, "says: [Ontwerpatelier", "het plan zegt nergens 'speeltuin'")
    assert_problem(
        text, "not_says: [Bewonersbrief]", "het plan zegt 'Bewonersbrief', en dat past hier niet"
    )
    assert not any("'Ontwerpatelier'" in m for m in messages(text))  # it is in the plan


def test_case_unused_answer_is_a_warning():
    text = edit(mini_text(), '      ruimte: "no"\n', '      ruimte: "no"\n      kort: ja\n')
    assert_problem(
        text,
        "      kort: ja",
        "het antwoord op 'kort' wordt op deze route niet gebruikt",
        "waarschuwing",
    )


def test_variant_node_is_checked_in_its_own_flow():
    text = edit(
        mini_text(),
        "    settings: {level_floor: raadplegen}\n",
        "    settings: {level_floor: raadplegen}\n    nodes:\n      - id: kort\n        kind: choice\n"
        "        question: Haast?\n        help: Uitleg.\n        sources: [leiden]\n        options:\n"
        "          - {id: ja, label: Ja, next: nergens}\n          - {id: nee, label: Nee, next: einde}\n",
    )
    assert_problem(text, "next: nergens", "onbekende stap 'nergens'")


def test_ten_defects_in_one_run(tmp_path):
    """A hand-made broken tree with ten different defects gets ten located messages."""
    from wizard.cli import main

    broken = tmp_path / "kapot.yaml"
    broken.write_text(
        (__import__("pathlib").Path(__file__).parent / "fixtures" / "broken.yaml").read_text()
    )
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["check", str(broken)])
    lines = [line for line in err.getvalue().splitlines() if line.startswith(str(broken) + ":")]
    assert code == 1
    located = [line for line in lines if line.split(":")[1].isdigit()]
    assert len(located) >= 10, "\n".join(lines)
    kinds = [
        "onbekende stap",
        "bestaat al",
        "doodlopend",
        "kringloop",
        "onbereikbaar",
        "kan nooit waar zijn",
        "onbekende werkvorm",
        "onbekende bron",
        "geen uitleg",
        "wordt nergens gebruikt",
    ]
    for kind in kinds:
        assert any(kind in line for line in located), f"missing: {kind}\n" + "\n".join(lines)


def test_inline_list_that_cuts_a_sentence_at_a_comma():
    text = edit(
        mini_text(),
        "      duties: [Maak een participatieplan.]",
        "      duties: [Meld vooraf wanneer de hinder begint, hoe lang die duurt.]",
    )
    assert_problem(
        text, "      duties: [Meld", "'hoe lang die duurt.' wordt een los punt", "waarschuwing"
    )
    fine = edit(
        mini_text(),
        "      duties: [Maak een participatieplan.]",
        "      duties: [Plan maken., Rapport maken.]",
    )
    assert messages(fine) == []


def test_advice_conditions_only_in_rules_and_with_known_ids():
    text = edit(mini_text(), "{question: groepen, count_at_least: 2}", "{decision: participeren}")
    text = edit(text, "{question: groepen, has: jongeren}", "{stakeholder: jongern}")
    assert_problem(
        text, "{decision: participeren}", "'decision' leest het advies en kan alleen in een regel"
    )
    assert_problem(
        text, "{stakeholder: jongern}", "onbekende belanghebbende 'jongern'; bedoelde u 'jongeren'?"
    )


def test_needs_one_of_names_an_unknown_option():
    text = edit(
        mini_text(),
        "    question: Wie raakt het?\n",
        "    question: Wie raakt het?\n    needs_one_of: [omwonenden, buren]\n",
    )
    assert_problem(text, "needs_one_of:", "onbekende optie 'buren'")
