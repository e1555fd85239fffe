"""The documentation's example tree is a real, clean tree."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import lint_text

ROOT = Path(__file__).resolve().parent.parent


def test_format_doc_example_is_clean_and_its_case_passes():
    text = (ROOT / "docs" / "tree-format.md").read_text(encoding="utf-8")
    example = re.search(r"## A small, complete example\n\n```yaml\n(.+?)```", text, re.S)
    assert example
    report = lint_text(example.group(1))
    assert [p.format() for p in report.problems] == []
    assert report.summary.proof and report.summary.cases_passed == 1


EXAMPLES = sorted((ROOT / "docs" / "examples").glob("*.answers.yaml"))


def _without_date(text: str) -> str:
    return re.sub(r", op \d{4}-\d{2}-\d{2}\._", "._", text)


def test_examples_are_what_the_tool_prints_now(capsys):
    """docs/examples must show today's output, or a reader is shown something we no longer make."""
    from wizard.cli import main

    assert len(EXAMPLES) >= 2
    for answers in EXAMPLES:
        page = answers.with_name(answers.name.replace(".answers.yaml", ".md"))
        assert main(["run", "--answers", str(answers)]) == 0
        out = capsys.readouterr().out
        assert _without_date(out) == _without_date(page.read_text(encoding="utf-8")), (
            f"{page.name} is stale: run `stappenplan run --answers {answers.relative_to(ROOT)} "
            f"> {page.relative_to(ROOT)}`"
        )
