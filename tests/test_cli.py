"""The command line: exit codes, located messages, and the advice it prints."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINI
from wizard.cli import main
from wizard.schema import tree_schema_text

ROOT = Path(__file__).resolve().parent.parent


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


PLEIN = "variant: leiden\nanswers:\n  naam: Plein\n  ruimte: ja\n  groepen: [omwonenden, jongeren]\n  niveau: coproduceren\n"


def test_check_valid_tree(capsys):
    code, out, err = run_cli(capsys, "check", str(MINI))
    assert code == 0 and err == ""
    assert "in orde (0 fouten, 0 waarschuwingen)" in out
    assert "voorbeeldcasussen: 3 van 3 geslaagd" in out
    assert "elke route eindigt in een uitkomst" in out


def test_check_without_path_checks_bundled_trees(capsys):
    code, out, _ = run_cli(capsys, "check")
    assert code == 0
    assert "participatie.yaml: in orde" in out


def test_check_strict_fails_on_warnings(tmp_path, capsys):
    text = MINI.read_text().replace("    help: Bij haast past een lichte aanpak.\n", "")
    path = write(tmp_path, "boom.yaml", text)
    assert run_cli(capsys, "check", str(path))[0] == 0
    code, out, err = run_cli(capsys, "check", "--strict", str(path))
    assert (
        code == 1 and "afgekeurd" in out and "waarschuwing: vraag 'kort' heeft geen uitleg" in err
    )


def test_check_invalid_tree_exit_1_and_missing_file_exit_2(tmp_path, capsys):
    path = write(tmp_path, "kapot.yaml", "format: 1\nid: x\n")
    code, out, err = run_cli(capsys, "check", str(path))
    assert code == 1 and f"{path}:1:1: fout: 'title' ontbreekt" in err
    code, _, err = run_cli(capsys, "check", str(tmp_path / "nergens.yaml"))
    assert code == 2 and "niet gevonden" in err


def test_usage_error_is_exit_2_in_dutch(capsys):
    with pytest.raises(SystemExit) as info:
        main(["run"])
    assert info.value.code == 2
    assert "deze argumenten ontbreken: --answers" in capsys.readouterr().err


def test_help_is_dutch(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("gebruik: stappenplan")
    assert "toon deze hulp en stop" in out and "opdrachten" in out


def test_run_prints_plan_with_sections_in_order(tmp_path, capsys):
    answers = write(tmp_path, "a.yaml", PLEIN)
    code, out, err = run_cli(capsys, "run", "--tree", str(MINI), "--answers", str(answers))
    assert code == 0, err
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 1. Besluit",
        "## 2. Niveau van participatie",
        "## 3. Werkvormen",
        "## 4. Belanghebbenden",
        "## 5. Invloedsruimte",
        "## 6. Procesafspraken",
        "## 7. Verantwoording",
    ]
    assert "# Participatieplan (concept): Plein" in out
    assert "**Advies: Coproduceren.**" in out
    assert "- **Jongeren: Adviseren**" in out  # a named group with its own level
    assert "Maak het participatieplan openbaar." in out  # the Leiden variant's own advice
    assert "[leiden] Handreiking samenwerken in de stad" in out


def test_run_wrong_answer_names_question_options_and_line(tmp_path, capsys):
    answers = write(tmp_path, "a.yaml", PLEIN.replace("niveau: coproduceren", "niveau: veel"))
    code, _, err = run_cli(capsys, "run", "--tree", str(MINI), "--answers", str(answers))
    assert code == 1
    assert (
        f"{answers}:6:11: fout: 'veel' is geen optie bij vraag 'niveau'; kies uit: raadplegen, coproduceren"
        in err
    )


def test_run_missing_answer_lists_options(tmp_path, capsys):
    answers = write(tmp_path, "a.yaml", "answers:\n  naam: Plein\n")
    code, _, err = run_cli(capsys, "run", "--tree", str(MINI), "--answers", str(answers))
    assert code == 1
    assert (
        "vraag 'ruimte' is niet beantwoord: \"Valt er iets te beïnvloeden?\"; kies uit: ja (Ja, er is ruimte), no (Nee, het ligt vast)"
        in err
    )


def test_run_unknown_variant_in_file(tmp_path, capsys):
    answers = write(tmp_path, "a.yaml", PLEIN.replace("variant: leiden", "variant: leidn"))
    code, _, err = run_cli(capsys, "run", "--tree", str(MINI), "--answers", str(answers))
    assert code == 1 and f"{answers}:1:10: fout: variant 'leidn' bestaat niet" in err


def test_run_json_is_stable(tmp_path, capsys):
    answers = write(tmp_path, "a.yaml", PLEIN)
    code, out, _ = run_cli(
        capsys, "run", "--tree", str(MINI), "--answers", str(answers), "--format", "json"
    )
    data = json.loads(out)
    assert code == 0
    assert list(data) == [
        "kind",
        "version",
        "tree",
        "variant",
        "title",
        "complete",
        "outcome",
        "decision",
        "role",
        "levels",
        "werkvormen",
        "alternative_werkvormen",
        "dropped_werkvormen",
        "avoided_werkvormen",
        "stakeholders",
        "invloedsruimte",
        "duties",
        "warnings",
        "notes",
        "answers",
        "sources",
    ]
    assert data["decision"]["value"] == "participeren"
    assert data["levels"]["project"]["level"] == "coproduceren"
    assert data["levels"]["cap"] is None
    group = data["levels"]["groups"][0]
    assert {k: group[k] for k in ("level", "kind", "id", "name", "capped", "deviated", "why")} == {
        "level": "adviseren",
        "kind": "group",
        "id": "jongeren",
        "name": "Jongeren",
        "capped": False,
        "deviated": False,
        "why": ["Hun kennis van het plein telt."],
    }
    assert group["reasons"][0]["node"] == "groepen"
    assert [s["id"] for s in data["stakeholders"]] == ["omwonenden", "jongeren"]
    assert data["answers"][0] == {
        "node": "naam",
        "question": "Hoe heet uw project?",
        "answer": "Plein",
        "label": "Plein",
        "details": {},
    }


def test_graph_formats(capsys):
    code, out, _ = run_cli(capsys, "graph", "--tree", str(MINI))
    assert code == 0 and out.startswith("flowchart TD")
    assert 'groepen -->|"als groepen: minstens 2"| niveau' in out
    code, out, _ = run_cli(capsys, "graph", "--tree", str(MINI), "--format", "dot")
    assert '"ruimte" -> "geen" [label="Nee, het ligt vast"];' in out


def test_schema_command_matches_committed_schema(capsys):
    code, out, _ = run_cli(capsys, "schema")
    assert code == 0
    committed = (ROOT / "schema" / "tree.schema.json").read_text(encoding="utf-8")
    assert out == committed == tree_schema_text(), (
        "schema/tree.schema.json is stale: run `stappenplan schema > schema/tree.schema.json`"
    )


def test_console_script_runs_without_traceback(tmp_path):
    bomb = write(tmp_path, "bom.yaml", "a: &a [x, x]\nb: [*a, *a]\n")
    proc = subprocess.run(
        [sys.executable, "-m", "wizard.cli", "check", str(bomb)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert f"{bomb}:1:4: fout: anker '&a' is niet toegestaan" in proc.stderr


def test_control_codes_never_reach_the_terminal_or_the_plan(tmp_path, capsys):
    answers = write(tmp_path, "a.yaml", PLEIN.replace("naam: Plein", 'naam: "Plein\\e[31m rood"'))
    code, out, _ = run_cli(capsys, "run", "--tree", str(MINI), "--answers", str(answers))
    assert code == 0
    assert "\x1b" not in out
    assert "# Participatieplan (concept): Plein␛\\[31m rood" in out  # shown, and not a link


def test_control_codes_in_the_tree_itself_never_reach_the_terminal(tmp_path, capsys):
    text = MINI.read_text(encoding="utf-8")
    text = text.replace("    name: Leiden\n", '    name: "Leiden\\e[31m"\n')
    text = text.replace("text: Er is ruimte voor inbreng.}", 'text: "Ruimte\\e[41m voor inbreng."}')
    tree = write(tmp_path, "boom.yaml", text)
    answers = write(tmp_path, "a.yaml", PLEIN)
    code, out, err = run_cli(capsys, "run", "--tree", str(tree), "--answers", str(answers))
    assert code == 0, err
    assert "\x1b" not in out
    # shown as text: the bracket is escaped, so Markdown does not read it either
    assert "variant Leiden␛\\[31m" in out and "Ruimte␛\\[41m voor inbreng." in out
    bad = write(tmp_path, "kapot.yaml", text.replace("start: naam", 'start: "na\\e[1mam"'))
    code, _, err = run_cli(capsys, "check", str(bad))
    assert code == 1 and "\x1b" not in err and "na␛[1mam" in err


def test_tree_given_before_the_subcommand_is_used(tmp_path, capsys):
    answers = write(tmp_path, "a.yaml", PLEIN)
    code, _, err = run_cli(
        capsys, "--tree", str(tmp_path / "nergens.yaml"), "run", "--answers", str(answers)
    )
    assert code == 2 and "boombestand niet gevonden" in err
    code, out, _ = run_cli(capsys, "--tree", str(MINI), "run", "--answers", str(answers))
    assert code == 0 and "Kleine proefboom" in out
    with pytest.raises(SystemExit) as info:
        main(["--variant", "nope", "check"])
    assert info.value.code == 2
    assert "--tree en --variant horen niet bij 'check'" in capsys.readouterr().err


def test_graph_shapes_agree_and_long_questions_are_whole(capsys):
    _code, mermaid, _ = run_cli(capsys, "graph", "--tree", str(MINI))
    _code, dot, _ = run_cli(capsys, "graph", "--tree", str(MINI), "--format", "dot")
    # the text question is a parallelogram in both
    assert 'naam[/"Hoe heet uw project?"/]' in mermaid
    assert '"naam" [label="Hoe heet uw project?", shape=parallelogram];' in dot
    from tests.conftest import edit, mini_text
    from wizard.flow import resolve
    from wizard.graph import to_dot, to_mermaid
    from wizard.loader import load_tree_text

    long = "Valt er iets te beïnvloeden, of liggen budget, plek, planning en ontwerp al vast?"
    text = edit(mini_text(), "question: Valt er iets te beïnvloeden?", f"question: {long}")
    flow = resolve(load_tree_text(text, "mini.yaml").tree, None)
    assert f'"{long}"' in to_mermaid(flow).replace("#quot;", '"')  # whole, not cut at 60
    assert f'label="{long}"' in to_dot(flow)


def test_schema_descriptions_are_all_dutch():
    import re

    from wizard.schema import tree_schema

    texts: list[str] = []

    def collect(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "description" and isinstance(item, str):
                    texts.append(item)
                else:
                    collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(tree_schema())
    assert len(texts) > 50
    english = re.compile(r"\b(the|when|which|must|with|from|and|one|any)\b")
    keys = re.compile(r"\{[^}]*\}|'[^']*'")  # field names such as {any} or 'when' are keys
    assert [t for t in texts if english.search(keys.sub("", t))] == []
