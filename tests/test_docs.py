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
