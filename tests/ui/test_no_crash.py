"""Paths users hit within minutes that used to crash the wizard: each is driven here end to end."""

from __future__ import annotations

from textual.widgets import OptionList

from tests.ui.helpers import make_app, ready, screen_text
from tests.ui.test_trainer import answer_speelplek_differently, open_case
from wizard.ui.commands import StappenplanCommands
from wizard.ui.screens.cases import CasesScreen
from wizard.ui.screens.compare import CompareScreen
from wizard.ui.screens.modals import SourcesScreen
from wizard.ui.screens.start import StartScreen
from wizard.ui.screens.wizard import WizardScreen


def palette(app, title: str):
    commands = {t: cb for t, _help, cb in StappenplanCommands(app.screen)._commands()}
    return commands[title]


def stack_kinds(app) -> list[type]:
    return [type(s) for s in app.screen_stack]


async def test_second_case_from_the_palette_replaces_the_first():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_case(pilot, "speelplek")
        await pilot.press("enter")
        assert app.session.case.id == "speelplek"
        palette(app, "Casuïstiek")()
        await pilot.pause()
        assert isinstance(app.screen, CasesScreen)
        index = app.screen.library.ids.index("riool")
        app.screen.query_one("#case-list", OptionList).highlighted = index
        await pilot.press("enter")
        assert isinstance(app.screen, WizardScreen)
        assert app.session.case.id == "riool"
        assert stack_kinds(app) == [StartScreen, WizardScreen]
        assert app.is_running


async def test_second_case_from_the_comparison_replaces_the_first():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_case(pilot, "speelplek")
        await pilot.press("enter")
        await answer_speelplek_differently(pilot)
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("l")
        assert isinstance(app.screen, CasesScreen)
        index = app.screen.library.ids.index("riool")
        app.screen.query_one("#case-list", OptionList).highlighted = index
        await pilot.press("enter")
        assert isinstance(app.screen, WizardScreen)
        assert app.session.case.id == "riool"
        assert stack_kinds(app) == [StartScreen, WizardScreen]


async def test_sources_dialog_opens_from_the_start_screen_and_the_palette():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, SourcesScreen)
        assert "Bronnen van deze beslisboom" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, StartScreen)
        palette(app, "Bronnen tonen")()
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, StartScreen)


async def test_back_to_the_start_from_the_palette_over_the_advice():
    """Found by the fuzz test: the advice screen was resumed after the session had ended."""
    from tests.ui.helpers import begin, type_text
    from wizard.ui.screens.result import ResultScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await type_text(pilot, "Plein")
        await pilot.press("enter", "2")  # ruimte: nee → the advice
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("f2")  # the review on top of the advice
        await pilot.press("ctrl+p", *"andere beslisboom")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert app.session is None
