"""Sources a reader can check: no internal file names anywhere, citations with their place in
the source, a plan that lists only what it used, and grounds that name the answers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from wizard.cli import main
from wizard.engine import Engine
from wizard.flow import resolve
from wizard.lint import lint
from wizard.loader import load_tree, load_tree_text
from wizard.model import Cite
from wizard.paths import default_tree
from wizard.render import to_json_data, to_markdown

ROOT = Path(__file__).resolve().parent.parent
LOADED = load_tree(default_tree())
TREE = LOADED.tree
SEED_FILES = sorted({s.file for s in TREE.sources if s.file})


def case_engines():
    for case in TREE.cases:
        yield case.id, Engine(resolve(TREE, case.variant), case.answers)


def test_the_default_tree_rests_on_seed_documents():
    assert SEED_FILES, "the check below would prove nothing without file-backed sources"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_plan_or_json_names_a_source_file(lang):
    for case_id, engine in case_engines():
        text = to_markdown(engine, lang=lang) + json.dumps(to_json_data(engine, LOADED.digest))
        for name in SEED_FILES:
            assert name not in text, f"{case_id}: the output names the file {name}"
        assert "bronbestand" not in text


def test_no_command_line_output_names_a_source_file(capsys):
    for args in (["--help"], ["run", "--help"], ["check"]):
        try:
            main(args)
        except SystemExit:
            pass
    out = capsys.readouterr()
    for name in SEED_FILES:
        assert name not in out.out + out.err


def test_no_screen_snapshot_names_a_source_file():
    svgs = list((ROOT / "tests" / "ui" / "__snapshots__").rglob("*.svg"))
    assert svgs
    for svg in svgs:
        text = svg.read_text(encoding="utf-8")
        for name in SEED_FILES:
            assert name not in text, f"{svg.name} shows {name}"


def test_the_plan_lists_each_used_source_once_with_where_it_was_used():
    engine = Engine(resolve(TREE, TREE.cases[3].variant), TREE.cases[3].answers)
    plan = to_markdown(engine)
    listed = re.findall(r"^- \[([a-z0-9-]+)\] .*_gebruikt bij: (.+)_$", plan, re.M)
    assert listed
    ids = [sid for sid, _ in listed]
    assert len(ids) == len(set(ids))
    body = plan.split("**Bronnen**")[0]
    for sid, where in listed:
        assert f"[{sid}" in body, f"{sid} is listed but cited nowhere in the plan"
        assert where.split(", ")[0][0].isdigit()  # a numbered section of the plan
    cited = set(re.findall(r"\[([a-z0-9-]+)(?:, [^\]]+)?\]", body))
    assert cited <= set(ids)


def test_a_locator_is_shown_with_its_source():
    text = (ROOT / "tests" / "fixtures" / "mini.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    sources: [{id: sittard, at: Invloedsruimte}]\n    options:",
        "    sources: [{id: sittard, at: 'Hoofdstuk 2, Invloedsruimte'}]\n    options:",
        1,
    )
    flow = resolve(load_tree_text(text, "mini.yaml").tree, "leiden")
    answers = {"naam": "Plein", "welkom": True, "ruimte": "ja", "groepen": ["omwonenden"]}
    answers["kort"] = "nee"
    plan = to_markdown(Engine(flow, answers))
    assert "[sittard, Hoofdstuk 2, Invloedsruimte]" in plan


def test_an_outcome_ground_names_the_answers_that_led_to_it():
    for case_id, engine in case_engines():
        for reason in engine.advice().all_reasons():
            if reason.kind == "outcome":
                assert reason.after, f"{case_id}: '{reason.text}' rests on no answer"


def test_english_plan_labels_follow_the_language():
    _, engine = next(case_engines())
    en = to_markdown(engine, lang="en")
    assert "*Grounds:*" in en and "*Source:*" in en and "## 1. Decision" in en
    assert "*Grond:*" not in en and "## 1. Besluit" not in en
    nl = to_markdown(engine)
    assert "*Grond:*" in nl and "## 1. Besluit" in nl


def test_lint_warns_about_padding_and_local_sources_outside_their_variant():
    text = (ROOT / "tests" / "fixtures" / "mini.yaml").read_text(encoding="utf-8")
    text = (
        text.replace("  - id: sittard\n", "  - id: sittard\n    variant: leiden\n", 1)
        .replace(
            "        advice:\n          stakeholders: [natuur]",
            "        advice:\n          stakeholders: [natuur]\n          sources: [leiden, sittard, sittard2]",
            1,
        )
        .replace(
            "sections:",
            "  - {id: sittard2, title: Tweede bron, publisher: Iemand}\nsections:",
            1,
        )
    )
    messages = [p.message for p in lint(load_tree_text(text, "mini.yaml")).problems]
    assert any("rust op 3 bronnen" in m for m in messages), messages
    assert any("geldt alleen voor variant 'leiden'" in m for m in messages), messages


# --- every seed citation in the default tree can be checked, and holds ----------------------

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _citations(value, path="tree"):
    """Every citation (a ``Cite``) anywhere in the pydantic tree, with where it stands."""
    if isinstance(value, Cite):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _citations(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            ident = getattr(item, "id", None)
            yield from _citations(item, f"{path}[{ident if isinstance(ident, str) else i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _citations(item, f"{path}[{key}]")


FILE_OF = {s.id: s.file for s in TREE.sources if s.file}
SEED_CITATIONS = [(p, c) for p, c in _citations(TREE) if c in FILE_OF]


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def test_the_citation_walk_reaches_every_part_of_the_tree():
    places = {p.split(".")[1].split("[")[0] for p, _ in SEED_CITATIONS}
    assert {"nodes", "rules", "variants", "werkvormen", "stakeholders"} <= places


def test_every_seed_citation_in_the_default_tree_has_a_locator():
    missing = [f"{p}: {c}" for p, c in SEED_CITATIONS if not c.at]
    assert not missing, "seed citations without 'at':\n" + "\n".join(missing)


def test_every_seed_locator_occurs_in_its_seed_text():
    if not SEEDS.is_dir():
        pytest.skip(f"the seed documents are not here ({SEEDS}); locators cannot be checked")
    texts = {
        sid: _normal((SEEDS / name).read_text(encoding="utf-8")) for sid, name in FILE_OF.items()
    }
    wrong = [
        f"{p}: {c} at {c.at!r}" for p, c in SEED_CITATIONS if _normal(c.at or "") not in texts[c]
    ]
    assert not wrong, "locators not found in the seed text:\n" + "\n".join(wrong)
    # and the check can fail: a phrase that is not in a seed is not found
    assert _normal("Schiedam houdt een wijkschouw") not in texts["schiedam"]
