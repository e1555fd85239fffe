"""Shared helpers: the stable mini tree, and small builders for broken variants of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.flow import resolve
from wizard.lint import Report, lint
from wizard.loader import load_tree_text

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini.yaml"


@pytest.fixture(autouse=True)
def _isolated_state(tmp_path_factory, monkeypatch):
    """Never touch the real user's state folder from a test."""
    monkeypatch.setenv("STAPPENPLAN_STATE_DIR", str(tmp_path_factory.mktemp("state")))


def mini_text() -> str:
    return MINI.read_text(encoding="utf-8")


def edit(text: str, old: str, new: str) -> str:
    """Replace one exact snippet; fail loudly when the fixture changed under the test."""
    assert text.count(old) == 1, f"snippet not found exactly once: {old!r}"
    return text.replace(old, new)


def line_of(text: str, snippet: str, nth: int = 0) -> int:
    """1-based line of the nth occurrence of a snippet."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(snippet, index + 1)
    return text.count("\n", 0, index) + 1


def lint_text(text: str) -> Report:
    return lint(load_tree_text(text, "boom.yaml"))


def mini_flow(variant: str | None = None):
    return resolve(load_tree_text(mini_text(), "mini.yaml").tree, variant)
