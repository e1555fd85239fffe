"""The export dialog writes where users expect: it shows the folder (documents, or the last one)."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import Input

from tests.ui.helpers import begin, make_app, screen_text, type_text
from wizard.ui.screens.modals import ExportScreen
from wizard.ui.screens.result import ResultScreen
from wizard.ui.state import slug

LONG_NAME = "Herinrichting van het Stationsplein en de omliggende straten"  # 60: the maximum


async def to_result(pilot, name: str = "Plein") -> None:
    await begin(pilot)
    await type_text(pilot, name)
    await pilot.press("enter", "2")  # ruimte: nee → result
    assert isinstance(pilot.app.screen, ResultScreen)


async def test_the_dialog_shows_the_documents_folder_and_writes_there():
    documents = Path(os.environ["STAPPENPLAN_DOCUMENTS_DIR"])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_result(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#export-folder", Input).value == str(documents)
        assert str(documents) in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, ResultScreen)
        assert (documents / "participatieplan-plein-2025-03-14.md").is_file()
        assert (documents / "participatieplan-plein-2025-03-14.json").is_file()
        # the status line names the file (a long folder may wrap it on screen)
        assert str(documents / "participatieplan-plein-2025-03-14.md") in app.screen.status
        assert "Geëxporteerd" in screen_text(app)


async def test_the_next_export_offers_the_folder_chosen_last(tmp_path):
    chosen = tmp_path / "projecten"
    chosen.mkdir()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_result(pilot)
        await pilot.press("e")
        app.screen.query_one("#export-folder", Input).value = str(chosen)
        await pilot.press("enter")
        assert (chosen / "participatieplan-plein-2025-03-14.md").is_file()
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await to_result(pilot, "Tweede plein")
        await pilot.press("e")
        assert again.screen.query_one("#export-folder", Input).value == str(chosen.resolve())


async def test_without_saving_the_folder_is_not_remembered(tmp_path):
    documents = Path(os.environ["STAPPENPLAN_DOCUMENTS_DIR"])
    app = make_app(save=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_result(pilot)
        await pilot.press("e")
        app.screen.query_one("#export-folder", Input).value = str(tmp_path)
        await pilot.press("enter")
        assert (tmp_path / "participatieplan-plein-2025-03-14.md").is_file()
        await pilot.press("e")
        assert app.screen.query_one("#export-folder", Input).value == str(documents)


async def test_a_long_name_is_cut_between_words_and_shown_from_its_start():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_result(pilot, LONG_NAME)
        await pilot.press("e")
        field = app.screen.query_one("#export-path", Input)
        assert field.value == (
            "participatieplan-herinrichting-van-het-stationsplein-en-de-2025-03-14.md"
        )
        assert "participatieplan-herinrichting" in screen_text(app)


def test_slug_never_cuts_a_word():
    assert slug(LONG_NAME) == "herinrichting-van-het-stationsplein-en-de"  # not "…omliggend"
    assert slug("a" * 80) == "a" * 50  # one endless word: cut anyway


async def test_a_pasted_text_or_an_endless_name_is_refused_with_a_reason():
    """Found by the fuzz test: the whole plan pasted into the name field crashed the export."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_result(pilot)
        await pilot.press("e")
        field = app.screen.query_one("#export-path", Input)
        field.value = "# Advies\n\nEen hele tekst"
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)
        assert "regeleinden" in screen_text(app)
        field.value = "a" * 400 + ".md"
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)
        assert "te lang" in screen_text(app)
        assert not app.session.exported


async def test_a_home_folder_of_an_unknown_user_is_an_ordinary_missing_folder():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_result(pilot)
        await pilot.press("e")
        app.screen.query_one("#export-folder", Input).value = "~niemand-die-bestaat/map"
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)  # still open, with the reason
        assert "bestaat niet" in screen_text(app)
