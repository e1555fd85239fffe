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
    """Never touch the real user's state, cache or documents folder from a test."""
    monkeypatch.setenv("STAPPENPLAN_STATE_DIR", str(tmp_path_factory.mktemp("state")))
    monkeypatch.setenv("STAPPENPLAN_DOCUMENTS_DIR", str(tmp_path_factory.mktemp("documenten")))
    monkeypatch.setenv("STAPPENPLAN_DOSSIERS", str(tmp_path_factory.mktemp("dossiers")))
    monkeypatch.setenv("STAPPENPLAN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


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


def messages(text: str, severity: str | None = None) -> list[str]:
    """The linter's problems as the user reads them (``file:line:col: fout: ...``)."""
    report = lint_text(text)
    return [p.format() for p in report.problems if severity is None or p.severity == severity]


def assert_problem(
    text: str, line_marker: str, expected: str, severity: str = "fout", nth: int = 0
):
    line = line_of(text, line_marker, nth)
    found = messages(text)
    assert any(
        m.startswith(f"boom.yaml:{line}:") and f" {severity}: " in m and expected in m
        for m in found
    ), f"no '{expected}' on line {line}; got:\n" + "\n".join(found)


def mini_flow(variant: str | None = None):
    return resolve(load_tree_text(mini_text(), "mini.yaml").tree, variant)


def pytest_make_parametrize_id(config, val, argname):
    """Short, printable test ids: a 60,000-character YAML parameter must not flood the terminal.

    pytest makes repeated ids unique by itself, so cutting them short loses nothing.
    """
    if not isinstance(val, str):
        return None
    text = "".join(c if c.isprintable() and c.isascii() else "?" for c in val)
    return text if len(text) <= 32 else f"{text[:29]}..."
