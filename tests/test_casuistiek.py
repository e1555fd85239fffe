"""The case library: training-case files beside a tree, strict and located, checked by `check`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, MINI, edit, line_of
from wizard.casuistiek import (
    TrainingCase,
    case_files,
    cases_for_tree,
    casuistiek_dir,
    check_casuistiek,
    load_case_file,
)
from wizard.cli import main
from wizard.loader import load_tree
from wizard.paths import bundled_trees
from wizard.problems import ProblemsError

SPEELPLEK = FIXTURES / "casuistiek" / "mini-speelplek.yaml"
LIJST = FIXTURES / "casuistiek" / "mini-lijst.yaml"


@pytest.fixture
def room(tmp_path: Path) -> Path:
    """A copy of the mini tree with an empty casuistiek folder beside it; returns the tree."""
    tree = tmp_path / "mini.yaml"
    shutil.copy(MINI, tree)
    (tmp_path / "casuistiek").mkdir()
    return tree


def write_case(room: Path, name: str, text: str) -> Path:
    path = room.parent / "casuistiek" / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ProblemsError) as info:
        load_case_file(path)
    return [p.format() for p in info.value.problems]


# --- reading ----------------------------------------------------------------------------------


def test_training_case_is_a_case_with_tree_and_lesson():
    case_file = load_case_file(SPEELPLEK)
    ((case, prefix),) = case_file.cases
    assert isinstance(case, TrainingCase)
    assert (case.tree, case.id, prefix) == ("mini", "speelplek", ())
    assert case.lesson.dos and case.lesson.donts
    assert case.explanations["niveau"].startswith("Het ontwerp is open")


def test_a_file_may_hold_a_list_of_cases():
    case_file = load_case_file(LIJST)
    assert [(c.id, p) for c, p in case_file.cases] == [("riool", (0,)), ("haastklus", (1,))]


def test_library_lists_tree_cases_then_training_cases():
    loaded = load_tree(MINI)
    library = cases_for_tree(loaded)
    assert library.problems == []
    assert library.ids == ["plein", "vast", "haast-leiden", "riool", "haastklus", "speelplek"]
    assert [c.origin for c in library.cases] == ["tree"] * 3 + ["training"] * 3
    riool = library.get("riool")
    assert riool is not None and riool.file.endswith("mini-lijst.yaml")
    assert riool.line == line_of(LIJST.read_text(encoding="utf-8"), "tree: mini")
    assert library.get("plein").line == line_of(MINI.read_text(encoding="utf-8"), "id: plein")
    assert casuistiek_dir(MINI) == FIXTURES / "casuistiek"
    assert case_files(FIXTURES / "casuistiek") == [LIJST, SPEELPLEK]


def test_library_from_a_bare_tree_and_an_explicit_folder():
    tree = load_tree(MINI).tree
    library = cases_for_tree(tree, folder=FIXTURES / "casuistiek")
    assert len(library.cases) == 6
    assert library.get("speelplek").is_training


def test_cases_for_other_trees_are_skipped(room: Path):
    text = SPEELPLEK.read_text(encoding="utf-8")
    write_case(room, "ander.yaml", edit(text, "tree: mini", "tree: participatie"))
    write_case(room, "eigen.yaml", text)
    library = cases_for_tree(load_tree(room))
    assert [c.id for c in library.cases if c.is_training] == ["speelplek"]


def test_a_training_case_may_not_take_an_id_already_in_use(room: Path):
    text = edit(SPEELPLEK.read_text(encoding="utf-8"), "id: speelplek", "id: plein")
    path = write_case(room, "dubbel.yaml", text)
    library = cases_for_tree(load_tree(room))
    assert [c.id for c in library.cases].count("plein") == 1
    (problem,) = library.problems
    assert problem.line == line_of(text, "id: plein") and problem.file == str(path)
    assert "al in gebruik" in problem.message


# --- located errors -----------------------------------------------------------------------------


def test_misspelled_key_is_located_with_a_suggestion(room: Path):
    text = edit(SPEELPLEK.read_text(encoding="utf-8"), "explanations:", "explanation:")
    path = write_case(room, "fout.yaml", text)
    (problem,) = problems_of(path)
    line = line_of(text, "explanation:")
    assert problem.startswith(f"{path}:{line}:1: fout: onbekende sleutel 'explanation'")
    assert "bedoelde u 'explanations'?" in problem


def test_missing_lesson_is_an_error(room: Path):
    text = SPEELPLEK.read_text(encoding="utf-8")
    text = text[: text.index("lesson:")] + text[text.index("explanations:") :]
    path = write_case(room, "zonder-les.yaml", text)
    (problem,) = problems_of(path)
    assert "'lesson' ontbreekt" in problem and problem.startswith(f"{path}:")


def test_error_in_the_second_case_of_a_list_is_located(room: Path):
    text = LIJST.read_text(encoding="utf-8")
    text = edit(text, "    dos: [Stuur een brief aan de buren.]", "    dos: Stuur een brief.")
    path = write_case(room, "lijst.yaml", text)
    (problem,) = problems_of(path)
    line = line_of(text, "dos: Stuur een brief.")
    assert problem.startswith(f"{path}:{line}:10: fout: hier hoort een lijst")
    assert "[haastklus].lesson.dos" in problem


def test_bad_tree_id_and_non_mapping_items(room: Path):
    path = write_case(room, "raar.yaml", "- tree: Mini Boom\n  id: x\n- gewoon tekst\n")
    found = problems_of(path)
    assert any(p.startswith(f"{path}:1:9:") and "geen geldige id" in p for p in found)
    assert any(p.startswith(f"{path}:3:3:") and "hier hoort een casus" in p for p in found)


def test_yaml_syntax_and_shape_problems_are_located(room: Path):
    tab = write_case(room, "tab.yaml", "tree: mini\nid: x\nanswers:\n\tnaam: x\n")
    (problem,) = problems_of(tab)
    assert problem.startswith(f"{tab}:4:") and "tab" in problem
    scalar = write_case(room, "los.yaml", "alleen tekst\n")
    (problem,) = problems_of(scalar)
    assert problem.startswith(f"{scalar}:1:1:") and "casusbestand" in problem


def test_duplicate_ids_in_one_file(room: Path):
    one = LIJST.read_text(encoding="utf-8")
    text = edit(one, "  id: haastklus", "  id: riool")
    path = write_case(room, "dubbel.yaml", text)
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:{line_of(text, 'id: riool', 1)}:")
    assert "twee keer" in problem


def test_an_unreadable_file_does_not_hide_the_other_cases(room: Path):
    write_case(room, "goed.yaml", SPEELPLEK.read_text(encoding="utf-8"))
    bad = write_case(room, "kapot.yaml", "tree: mini\nid: [\n")
    library = cases_for_tree(load_tree(room))
    assert library.get("speelplek") is not None
    assert library.problems and all(p.file == str(bad) for p in library.problems)


# --- checking ---------------------------------------------------------------------------------


def test_fixture_training_cases_pass():
    result = check_casuistiek(load_tree(MINI))
    assert result.problems == []
    assert (result.cases, result.passed, result.files) == (3, 3, 2)
    assert result.format() == "casuïstiek: 3 van 3 geslaagd"


def test_an_answer_that_does_not_fit_is_located(room: Path):
    text = edit(SPEELPLEK.read_text(encoding="utf-8"), "  niveau: coproduceren", "  niveau: alles")
    path = write_case(room, "speelplek.yaml", text)
    result = check_casuistiek(load_tree(room))
    (problem,) = result.problems
    assert (problem.file, problem.line, problem.col) == (str(path), line_of(text, "alles"), 11)
    assert "'alles' is geen optie bij vraag 'niveau'" in problem.message
    assert result.passed == 0


def test_a_route_that_stops_before_an_outcome_is_an_error(room: Path):
    text = edit(SPEELPLEK.read_text(encoding="utf-8"), "  niveau: coproduceren\n", "")
    path = write_case(room, "speelplek.yaml", text)
    (problem,) = check_casuistiek(load_tree(room)).problems
    assert problem.file == str(path) and problem.line == line_of(text, "answers:")
    assert "vraag 'niveau' is niet beantwoord" in problem.message


def test_expectations_must_hold(room: Path):
    text = edit(
        SPEELPLEK.read_text(encoding="utf-8"), "  level: coproduceren", "  level: raadplegen"
    )
    text = edit(text, "  werkvormen: [atelier, straatgesprek]", "  werkvormen: [atelir]")
    path = write_case(room, "speelplek.yaml", text)
    found = {p.line: p.message for p in check_casuistiek(load_tree(room)).problems}
    assert "verwacht niveau 'raadplegen', kreeg 'coproduceren'" in found[line_of(text, "level: r")]
    assert "onbekende werkvorm 'atelir'; bedoelde u 'atelier'?" in found[line_of(text, "atelir")]
    assert all(path.name in p.file for p in check_casuistiek(load_tree(room)).problems)


def test_unused_answers_and_stray_explanations(room: Path):
    text = edit(
        SPEELPLEK.read_text(encoding="utf-8"), "  naam: Speelplek", "  naam: Speelplek\n  kort: ja"
    )
    text = edit(text, "  ruimte: Het ontwerp", "  kort: Er is geen haast.\n  ruimt: Het ontwerp")
    write_case(room, "speelplek.yaml", text)
    result = check_casuistiek(load_tree(room))
    by_line = {(p.line, p.severity): p.message for p in result.problems}
    assert (
        "'kort' wordt op deze route niet gebruikt"
        in by_line[(line_of(text, "kort: ja"), "warning")]
    )
    assert "niet op de route" in by_line[(line_of(text, "kort: Er"), "warning")]
    assert (
        "onbekende vraag 'ruimt'; bedoelde u 'ruimte'?"
        in by_line[(line_of(text, "ruimt:"), "error")]
    )


def test_unknown_variant_is_located(room: Path):
    text = edit(
        SPEELPLEK.read_text(encoding="utf-8"), "id: speelplek", "id: speelplek\nvariant: delft"
    )
    write_case(room, "speelplek.yaml", text)
    (problem,) = check_casuistiek(load_tree(room)).problems
    assert (
        problem.line == line_of(text, "variant: delft")
        and "'delft' bestaat niet" in problem.message
    )


def test_stappenplan_check_reports_training_cases(room: Path, capsys):
    assert main(["check", str(room)]) == 0
    assert "casuïstiek" not in capsys.readouterr().out  # no training cases, no count
    text = edit(SPEELPLEK.read_text(encoding="utf-8"), "  ruimte: ja", "  ruimte: misschien")
    path = write_case(room, "speelplek.yaml", text)
    assert main(["check", str(room)]) == 1
    out, err = capsys.readouterr()
    assert f"{path}:{line_of(text, 'misschien')}:11: fout: casus 'speelplek'" in err
    assert "casuïstiek: 0 van 1 geslaagd" in out and "afgekeurd" in out


def test_stappenplan_check_counts_fixture_cases(capsys):
    assert main(["check", str(MINI)]) == 0
    assert "casuïstiek: 3 van 3 geslaagd" in capsys.readouterr().out


@pytest.mark.parametrize("tree", bundled_trees(), ids=lambda p: p.name)
def test_bundled_training_cases_fit_their_tree(tree: Path):
    try:
        loaded = load_tree(tree)
    except ProblemsError as exc:  # the tree itself is broken: test_loader and check say so
        pytest.skip(f"boom laadt niet: {exc.problems[0].format()}")
    result = check_casuistiek(loaded)
    assert [p.format() for p in result.problems if p.is_error] == []
    assert result.passed == result.cases


def test_cases_are_not_walked_through_a_broken_tree(room: Path, capsys):
    write_case(room, "speelplek.yaml", SPEELPLEK.read_text(encoding="utf-8"))
    text = edit(
        room.read_text(encoding="utf-8"),
        "    next: einde\n  - id: kort",
        "    next: nergens\n  - id: kort",
    )
    room.write_text(text, encoding="utf-8")
    assert main(["check", str(room)]) == 1
    out = capsys.readouterr().out
    assert "casuïstiek: 1 niet nagelopen (los eerst de fouten in de boom op)" in out


@pytest.mark.parametrize("tree", bundled_trees(), ids=lambda p: p.name)
def test_every_bundled_training_case_makes_a_handout(tree: Path):
    from wizard.handout import handout_markdown

    try:
        loaded = load_tree(tree)
    except ProblemsError as exc:
        pytest.skip(f"boom laadt niet: {exc.problems[0].format()}")
    training = [c for c in cases_for_tree(loaded).cases if c.is_training]
    for entry in training:
        text = handout_markdown(loaded.tree, entry.case)
        assert text.startswith(f"# Casus: {entry.name}\n")
        plan = (
            "## Participatieplan (concept)" in text or "## Advies: geen participatietraject" in text
        )
        assert plan and "Let op:" not in text.split("## Wat")[0]
        for do in entry.case.lesson.dos:
            assert " ".join(do.split()) in text
        if "\n10. **" in text:  # list items from 10 on keep their text under the item
            after = text.split("\n10. **", 1)[1].splitlines()[1]
            assert after.startswith("    Antwoord: ")
