"""Words that fit: the user's language everywhere, sentences that match the situation."""

from __future__ import annotations

import re

from textual.command import CommandPalette

from tests.ui.helpers import begin, make_app, ready, screen_text, type_text
from wizard.ui.screens.start import StartScreen


async def test_the_command_palette_speaks_dutch():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        text = screen_text(app)
        assert "Zoek een opdracht" in text
        assert "Search for commands" not in text


async def test_one_tree_with_variants_asks_only_for_the_municipality():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        text = " ".join(screen_text(app).split())
        assert "uw gemeente (of geen)" in text
        assert "een beslisboom en daarna" not in text


async def test_without_saving_the_start_screen_says_what_to_do():
    app = make_app(save=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        text = " ".join(screen_text(app).split())
        assert "niet bewaard: exporteer het advies voordat u stopt" in text
        assert "--no-save" not in text


async def test_arrow_keys_move_between_resume_and_start_afresh():
    first = make_app()
    async with first.run_test(size=(100, 30)) as pilot:
        await begin(pilot)
        await type_text(pilot, "Plein")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, StartScreen)
        assert app.focused.id == "resume"
        await pilot.press("right")
        assert app.focused.id == "fresh"
        await pilot.press("right")  # the end of the row: stays
        assert app.focused.id == "fresh"
        await pilot.press("left")
        assert app.focused.id == "resume"


async def test_english_progress_and_dates_read_as_english():
    first = make_app(lang="en")
    async with first.run_test(size=(100, 30)) as pilot:
        await begin(pilot)
        await type_text(pilot, "Plein")
        await pilot.press("enter")  # welkom → ruimte
        text = screen_text(first)
        assert "questions to go" in text or "1 question to go" in text
        assert "still" not in text
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        detail = str(app.screen.query_one("#resume-detail").render())
        # year first: 2026-12-01 cannot be misread as January 12
        assert re.search(r"last edited \d{4}-\d\d-\d\d \d\d:\d\d", detail), detail


async def test_a_wrapped_list_item_keeps_its_indent():
    from rich.console import Console

    from wizard.ui import safe

    console = Console(width=30, record=True, color_system=None)
    console.print(safe.lines([("• " + "woord " * 10, "")]))
    printed = console.export_text().splitlines()
    assert printed[0].startswith("• woord") and printed[1].startswith("  woord")


async def test_the_title_bar_shows_the_municipality_at_100_columns():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await begin(pilot, variant_index=1)  # Leiden
        await type_text(pilot, "Herinrichting van het Stationsplein en de omliggende straten")
        assert "Leiden" in screen_text(app).splitlines()[0]


def test_without_a_case_explanation_the_comparison_says_what_the_tree_says_of_the_answer():
    from types import SimpleNamespace

    from tests.ui.helpers import FIXTURES
    from wizard.flow import resolve
    from wizard.loader import load_tree
    from wizard.ui.screens.compare import _reference_option_help

    flow = resolve(load_tree(FIXTURES / "long-list.yaml").tree, None)
    parting = SimpleNamespace(
        node="wie", reference_answer=["g1", "g2", "g4"], trainee_answer=["g4"]
    )
    found = _reference_option_help(flow, parting)
    # g1 has help and the trainee missed it; g2 has no help; g4 the trainee ticked too
    assert [label for label, _text in found] == ["Bewoners in het gebied (eigenaren en huurders)"]
    assert "betrek haar vroeg" in found[0][1]


async def test_the_theme_picker_speaks_dutch():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p", *"thema")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        text = screen_text(app)
        assert "Zoek een thema" in text and "Search for themes" not in text
        await pilot.press("escape")
        assert not isinstance(app.screen, CommandPalette)
