"""Snapshots of the main screens at 80x24 and 120x40 (sync tests: snap_compare runs its own loop).

Update with ``pytest tests/ui/test_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

import pytest

from tests.ui.helpers import begin, make_app, ready, type_text

SIZES = [(80, 24), (120, 40)]


async def at_start(pilot) -> None:
    await ready(pilot)


async def at_question(pilot) -> None:
    await begin(pilot)
    await type_text(pilot, "Plein")
    await pilot.press("enter")  # welkom → ruimte (a single choice with help and sources)


async def at_multi(pilot) -> None:
    await at_question(pilot)
    await pilot.press("1", "1")  # ruimte: ja → groepen; tick omwonenden


async def at_review(pilot) -> None:
    await at_multi(pilot)
    await pilot.press("2", "enter", "f2")


async def at_result(pilot) -> None:
    await at_multi(pilot)
    await pilot.press("2", "enter", "2")  # groepen → niveau: coproduceren → result


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    "where",
    [at_start, at_question, at_multi, at_review, at_result],
    ids=["start", "question", "multi", "review", "result"],
)
def test_screen(snap_compare, where, size):
    assert snap_compare(make_app(), run_before=where, terminal_size=size)
