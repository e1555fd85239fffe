"""What the command line prints for hostile files: capped, shortened, one line per problem,
and named for what the path really is (issue 8)."""

from __future__ import annotations

import os
import sys

import pytest

from tests.bigtree import tree_yaml
from tests.conftest import MINI
from tests.test_cli import run_cli, write
from wizard.problems import MAX_SHOWN


def test_a_file_with_thousands_of_problems_shows_the_first_and_counts_the_rest(tmp_path, capsys):
    # 2,000 questions without help: 2,000 warnings, and one error
    text = tree_yaml(2_000).replace(" help: Uitleg.,", "").replace("next: q5}", "next: q5x}", 1)
    code, out, err = run_cli(capsys, "check", str(write(tmp_path, "groot.yaml", text)))
    lines = err.splitlines()
    assert code == 1
    assert len(lines) == MAX_SHOWN + 1
    assert "fout: onbekende stap 'q5x'" in err  # the error is shown, whatever its place
    assert (
        lines[-1]
        == f"... en nog {2_001 - MAX_SHOWN} meldingen die niet getoond worden; los eerst deze op"
    )


def test_a_huge_id_is_not_echoed_back(tmp_path, capsys):
    huge = "a" * 100_000
    answers = write(tmp_path, "a.yaml", f"answers:\n  naam: Plein\n  ruimte: {huge}\n")
    code, _, err = run_cli(capsys, "run", "--tree", str(MINI), "--answers", str(answers))
    assert huge[:1000] not in err and "… (100002 tekens)" in err
    assert max(len(line) for line in err.splitlines()) < 800


def test_a_wrong_answer_type_is_one_line(tmp_path, capsys):
    answers = write(tmp_path, "a.yaml", "answers:\n  naam: {a: 1}\n")
    code, _, err = run_cli(capsys, "run", "--tree", str(MINI), "--answers", str(answers))
    assert code == 1
    assert err.splitlines() == [
        f"{answers}:2:9: fout: hier hoort tekst, een lijst of true/false [answers.naam]"
    ]


def test_a_list_answer_with_a_bad_item_names_only_that_item(tmp_path, capsys):
    answers = write(tmp_path, "a.yaml", "answers:\n  naam: [x, {a: b}]\n")
    code, _, err = run_cli(capsys, "run", "--tree", str(MINI), "--answers", str(answers))
    assert code == 1 and len(err.splitlines()) == 1 and "hier hoort tekst" in err


@pytest.mark.parametrize("where", ["id", "node"])
def test_an_id_with_a_leading_zero_keeps_its_zero_in_the_hint(tmp_path, capsys, where):
    old = "id: mini" if where == "id" else "  - id: naam\n"
    new = "id: 0123" if where == "id" else "  - id: 0123\n"
    path = write(tmp_path, "boom.yaml", MINI.read_text().replace(old, new, 1))
    code, _, err = run_cli(capsys, "check", str(path))
    assert code == 1 and 'zet 0123 tussen aanhalingstekens: "0123"' in err


def test_a_folder_given_as_a_tree_is_called_a_folder(tmp_path, capsys):
    for args in (["check", str(tmp_path)], ["graph", "--tree", str(tmp_path)]):
        code, _, err = run_cli(capsys, *args)
        assert code == 2 and "is een map, geen boombestand" in err and "niet gevonden" not in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_given_as_a_tree_is_refused_without_waiting(tmp_path, capsys):
    fifo = tmp_path / "pijp.yaml"
    os.mkfifo(fifo)
    code, _, err = run_cli(capsys, "check", str(fifo))
    assert code == 2 and "is een pijp (FIFO), geen boombestand" in err


@pytest.mark.skipif(sys.platform == "win32" or not os.path.exists("/dev/null"), reason="POSIX")
def test_a_device_given_as_answers_is_refused(tmp_path, capsys):
    code, _, err = run_cli(capsys, "run", "--tree", str(MINI), "--answers", "/dev/null")
    assert code == 2 and "is een apparaat, geen antwoordbestand" in err


def test_the_start_screen_lists_a_broken_trees_problems_capped(tmp_path):
    from wizard.ui.state import load_entry

    # 2,000 options with a wrong type: 2,000 problems when the tree loads
    text = tree_yaml(2_000).replace("{id: ja, label: Ja}", "{id: ja, label: [Ja]}")
    entry = load_entry(write(tmp_path, "kapot.yaml", text))
    assert entry.loaded is None
    assert len(entry.problems) == MAX_SHOWN + 1
    assert entry.problems[-1].startswith("... en nog ")
