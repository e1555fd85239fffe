"""Trainer mode, driven with the keyboard: case library, comparison, uitleg, the whole tree, demo.

Uses the mini tree and its training cases in ``tests/fixtures/casuistiek/`` (speelplek: omwonenden,
jongeren and natuur, then coproduceren).
"""

from __future__ import annotations

import io

from textual.widgets import Input, OptionList, Tree

from tests.ui.helpers import begin, make_app, ready, screen_text, type_text
from wizard.ui.screens.cases import CasesScreen
from wizard.ui.screens.compare import CompareScreen
from wizard.ui.screens.modals import ConfirmScreen, HandoutExportScreen, UitlegScreen
from wizard.ui.screens.replay import ReplayScreen
from wizard.ui.screens.result import ResultScreen
from wizard.ui.screens.start import StartScreen
from wizard.ui.screens.tree_view import NodeScreen, TreeScreen
from wizard.ui.screens.wizard import WizardScreen


def _plain(content) -> str:
    """Text, Content or any Rich renderable (a list with hanging indents) as plain text."""
    if hasattr(content, "plain"):
        return content.plain
    if isinstance(content, str):
        return content
    from rich.console import Console

    console = Console(width=2000, record=True, color_system=None, file=io.StringIO())
    console.print(content)
    return console.export_text()


def shown(screen, selector: str) -> str:
    """The text of one Static on a screen, on one line (screen lines wrap inside borders)."""
    return " ".join(_plain(screen.query_one(selector).content).split())


def all_shown(screen) -> str:
    """The text of every Static on a screen, on one line."""
    from textual.widgets import Static

    parts = [_plain(w.content) for w in screen.query(Static)]
    return " ".join(" ".join(parts).split())


async def open_case(pilot, case_id: str = "speelplek") -> None:
    """From the start screen: open the case library and highlight one case."""
    await ready(pilot)
    app = pilot.app
    app.screen.query_one("#cases").press()
    await pilot.pause()
    assert isinstance(app.screen, CasesScreen)
    index = app.screen.library.ids.index(case_id)
    app.screen.query_one("#case-list", OptionList).highlighted = index
    await pilot.pause()


async def answer_speelplek_differently(pilot) -> None:
    """The reference ticks omwonenden, jongeren and natuur; the trainee only omwonenden and
    jongeren, then asks a mening (raadplegen) instead of coproduceren."""
    await type_text(pilot, "Ons plein")
    await pilot.press("enter")  # welkom
    await pilot.press("1")  # ruimte: ja
    await pilot.press("1", "2", "enter")  # groepen: omwonenden + jongeren (no natuur)
    await pilot.press("1")  # niveau: raadplegen


async def test_case_library_practise_and_compare(tmp_path):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_case(pilot)
        text = screen_text(app)
        assert "Een speelplek op het plein" in text
        assert "oefencasus" in text and "voorbeeld uit de boom" in text
        assert "Het ontwerp ligt nog open" in text  # the story of the highlighted case

        await pilot.press("enter")  # answer it yourself
        assert isinstance(app.screen, WizardScreen)
        session = app.session
        assert session.case is not None and session.case.id == "speelplek"
        assert not session.save  # a practice run never overwrites the user's own session
        assert "Oefencasus: Een speelplek op het plein" in app.sub_title

        await answer_speelplek_differently(pilot)
        assert isinstance(app.screen, CompareScreen)
        comp = app.screen.comparison
        assert comp.parting.node == "groepen"
        text = screen_text(app)
        assert "Waar de routes uiteengaan" in text
        assert "▶ Wie raakt het?" in text  # the first parting, marked in text
        assert "≠ anders" in text and "= gelijk" in text
        parting = shown(app.screen, "#compare-parting")
        assert "Bij “Wie raakt het?” koos u anders dan de referentie. U miste: Natuur." in parting
        assert "Omwonenden, jongeren en de natuur worden alle drie geraakt." in parting  # why
        advice = shown(app.screen, "#compare-advice")
        assert "referentie Coproduceren, u Raadplegen" in advice
        assert "Alleen bij referentie, belanghebbenden: Natuur en dieren." in advice
        assert "Alleen bij referentie, werkvormen: Ontwerpatelier." in advice
        assert "Alleen bij u, werkvormen: Enquête." in advice

        # the lesson is at the bottom of the comparison
        app.screen.query_one("#compare-scroll").scroll_end(animate=False)
        await pilot.pause()
        assert "Wat deze casus leert" in screen_text(app)

        # export the handout: editable path, never overwrite without asking
        await pilot.press("h")
        assert isinstance(app.screen, HandoutExportScreen)
        field = app.screen.query_one("#export-path", Input)
        assert field.value.endswith("casus-een-speelplek-op-het-plein.md")
        target = tmp_path / "hand-out.md"
        target.write_text("van iemand anders", encoding="utf-8")
        field.value = str(target)
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # the safe answer (cancel) has the focus
        assert target.read_text(encoding="utf-8") == "van iemand anders"
        assert isinstance(app.screen, HandoutExportScreen)
        await pilot.press("enter")
        app.screen.query_one("#yes").press()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        handout = target.read_text(encoding="utf-8")
        assert handout.startswith("# Casus: Een speelplek op het plein")
        assert "hand-out.md" in screen_text(app)

        # own advice on top, and back to the comparison without moving the cursor
        await pilot.press("a")
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, CompareScreen)
        assert session.engine.at_outcome

        # Esc: back to the last question to change the answer; then the same route again
        await pilot.press("escape")
        assert isinstance(app.screen, WizardScreen)
        assert session.engine.cursor == "niveau"
        await pilot.press("2")  # coproduceren: only natuur still differs
        assert isinstance(app.screen, CompareScreen)
        assert "Coproduceren" not in shown(app.screen, "#compare-advice")

        await pilot.press("ctrl+q")  # a practised case quits without asking
        assert app.return_value == 0


async def test_same_route_as_reference():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_case(pilot, "riool")
        await pilot.press("enter")
        await type_text(pilot, "Riool")
        await pilot.press("enter", "2")  # welkom; ruimte: nee → geen
        assert isinstance(app.screen, CompareScreen)
        text = screen_text(app)
        assert "Uw route is gelijk aan de referentieroute." in text
        assert "Het advies is hetzelfde." in text


async def test_back_from_first_question_returns_to_the_library():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_case(pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, WizardScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, CasesScreen)
        assert app.session is None
        assert app.screen.selected().id == "speelplek"  # the case just left stays chosen
        await pilot.press("escape")
        assert isinstance(app.screen, StartScreen)


async def test_uitleg_shows_what_an_answer_added():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await begin(pilot)
        await pilot.press("f4")
        assert app.uitleg
        await type_text(pilot, "Plein")
        assert isinstance(app.screen, UitlegScreen)  # also after a text answer
        await pilot.press("enter")
        assert isinstance(app.screen, WizardScreen)
        await pilot.press("enter")  # welkom is information: no uitleg
        assert isinstance(app.screen, WizardScreen)
        await pilot.press("1")  # ruimte: ja
        assert isinstance(app.screen, UitlegScreen)
        text = screen_text(app)
        assert "Uitleg: wat dit antwoord doet met het advies" in text
        assert "Valt er iets te beïnvloeden? — Ja, er is ruimte" in text
        assert "Besluit toegevoegd: participeren" in text.replace("Participeren", "participeren")
        await pilot.press("enter")
        assert isinstance(app.screen, WizardScreen)
        assert app.session.engine.cursor == "groepen"

        await pilot.press("2", "enter")  # groepen: jongeren → kort
        assert isinstance(app.screen, UitlegScreen)
        text = all_shown(app.screen)
        assert "Belanghebbende toegevoegd: Jongeren. Waarom: Zij gebruiken het plein" in text
        assert "Werkvorm toegevoegd: Straatgesprekken" in text
        assert "Handreiking samenwerken in de stad" in text  # the source written out
        await pilot.press("escape")

        await pilot.press("2")  # kort: nee → outcome: uitleg first, then the advice
        assert isinstance(app.screen, UitlegScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, ResultScreen)

        await pilot.press("escape")  # back to kort
        await pilot.press("f4")  # uitleg off: answers move straight on
        assert not app.uitleg
        await pilot.press("2")
        assert isinstance(app.screen, ResultScreen)


async def test_tree_screen_search_and_jump():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await begin(pilot)
        await type_text(pilot, "Plein")
        await pilot.press("enter", "1")  # → groepen
        engine = app.session.engine
        answers = dict(engine.answers)
        await pilot.press("f5")
        screen = app.screen
        assert isinstance(screen, TreeScreen)
        tree = screen.query_one("#tree-view", Tree)
        assert tree.cursor_node.data.node == "groepen"  # the current position
        assert "◀ u bent hier" in screen_text(app)
        labels = [line.label.plain for line in screen._all_nodes()]
        assert "§ Begin" in labels and "§ Aanpak" in labels and "§ Uitkomsten" in labels
        assert "✓ ? Valt er iets te beïnvloeden?  [ruimte]" in labels  # answered on the route
        assert "(•) Ja, er is ruimte → Wie raakt het?" in labels  # the answer and where it leads
        # a condition in words: the question's text, not its id
        assert (
            "↳ als bij 'Wie raakt het?' minstens 2 aangevinkt → Hoeveel invloed geeft u?" in labels
        )

        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"haast")
        assert screen.matches and screen.matches[0].data.node == "kort"
        assert tree.cursor_node.data.node == "kort"
        assert "1 van 2 treffers" in screen_text(app)  # the question, and the way that leads to it
        await pilot.press("down")  # from the search field into the tree
        assert app.focused is tree
        await pilot.press("enter")  # open the question, read only
        assert isinstance(app.screen, NodeScreen)
        text = screen_text(app)
        assert "Is er haast?" in text
        assert "Bij haast past een lichte aanpak." in text  # its help
        assert "Snel een bankje" in text  # a case that passes here
        await pilot.press("escape")
        assert isinstance(app.screen, TreeScreen)

        # an option line follows its arrow: Ja, er is ruimte → groepen
        field = screen.query_one("#tree-search", Input)
        field.value = "Ja, er is ruimte"
        await pilot.pause()
        assert tree.cursor_node.data.kind == "edge"
        tree.focus()
        await pilot.press("enter")
        assert tree.cursor_node.data.node == "groepen"

        field.value = "Geen van deze"
        await pilot.pause()
        assert "1 treffer" in screen_text(app) and "1 van 1" not in screen_text(app)

        field.value = "bestaat niet"
        await pilot.pause()
        assert "Geen treffers." in screen_text(app)

        await pilot.press("escape")
        assert isinstance(app.screen, WizardScreen)
        assert engine.answers == answers and engine.cursor == "groepen"  # nothing touched


async def test_tree_screen_from_the_palette_without_a_session():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app.show_tree()
        await pilot.pause()
        assert isinstance(app.screen, TreeScreen)
        assert app.screen.engine is None
        assert "u bent hier" not in screen_text(app)


async def test_replay_steps_forward_and_back():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_case(pilot)
        await pilot.press("d")
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        assert screen.steps == ["naam", "ruimte", "groepen", "niveau", "einde"]
        assert "Stap 1 van 5" in screen_text(app)
        await pilot.press("right")
        assert screen.node_id == "ruimte"
        text = screen_text(app)
        assert "(•) 1. Ja, er is ruimte  ◀ referentie" in text
        assert "( ) 2. Nee, het ligt vast" in text
        assert "Waarom: Het ontwerp ligt nog open" in text
        assert "Besluit toegevoegd" in text  # what the answer does
        await pilot.press("n")
        assert screen.node_id == "groepen"
        assert "[x] 3. Natuur  ◀ referentie" in screen_text(app)
        await pilot.press("left")
        assert screen.node_id == "ruimte"
        await pilot.press("end")
        assert screen.node_id == "einde"
        text = screen_text(app)
        assert "Uitkomst: Advies klaar" in text and "Wat deze casus leert" in text
        await pilot.press("right")  # stays on the last step
        assert screen.node_id == "einde"
        await pilot.press("home")
        assert screen.node_id == "naam"
        await pilot.press("escape")
        assert isinstance(app.screen, CasesScreen)


async def test_palette_reaches_the_trainer_tools():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        from wizard.ui.commands import StappenplanCommands

        provider = StappenplanCommands(app.screen)
        titles = [title for title, _help, _cb in provider._commands()]
        assert "Casuïstiek" in titles and "Hele boom tonen" in titles
        assert "Uitleg aan/uit" in titles
        callback = dict((t, cb) for t, _h, cb in provider._commands())["Casuïstiek"]
        callback()
        await pilot.pause()
        assert isinstance(app.screen, CasesScreen)
        await pilot.press("enter")
        provider = StappenplanCommands(app.screen)
        titles = [title for title, _help, _cb in provider._commands()]
        assert "Route voordoen" in titles and "Vergelijken met de referentie" in titles
        await pilot.press("f6")  # read the story again while answering
        assert "Een plein met omwonenden en jongeren." in screen_text(app)


# --- snapshots at 80x24 (sync tests: snap_compare runs its own loop) ---------------------------


async def at_comparison(pilot) -> None:
    await open_case(pilot)
    await pilot.press("enter")
    await answer_speelplek_differently(pilot)


async def at_tree(pilot) -> None:
    await begin(pilot)
    await type_text(pilot, "Plein")
    await pilot.press("enter", "1", "f5")


def test_snapshot_comparison(snap_compare):
    assert snap_compare(make_app(), run_before=at_comparison, terminal_size=(80, 24))


def test_snapshot_tree(snap_compare):
    assert snap_compare(make_app(), run_before=at_tree, terminal_size=(80, 24))


async def test_markup_in_cases_and_tree_runs_nothing(tmp_path):
    """Case and tree text is data on every trainer screen too (research/textual.md §1.9)."""
    from tests.ui.test_markup_injection import PAYLOAD, SHOWN, click_actions, hostile_tree

    tree = hostile_tree(tmp_path)
    (tmp_path / "casuistiek").mkdir()
    (tmp_path / "casuistiek" / "vijandig.yaml").write_text(
        "\n".join(
            [
                "tree: mini",
                "id: vijandig",
                f"name: {PAYLOAD}",
                f"description: {PAYLOAD}",
                "answers: {naam: x, ruimte: ja, groepen: [natuur], kort: nee}",
                f"lesson: {{text: {PAYLOAD}, dos: [{PAYLOAD}], donts: [{PAYLOAD}]}}",
                f"explanations: {{ruimte: {PAYLOAD}, groepen: {PAYLOAD}}}",
            ]
        ),
        encoding="utf-8",
    )
    app = make_app(tree)
    fired: list[str] = []

    async def spy_quit() -> None:
        fired.append("quit")

    app.action_quit = spy_quit
    async with app.run_test(size=(120, 40)) as pilot:
        await open_case(pilot, "vijandig")
        seen = [screen_text(app)]
        await pilot.press("d", "right", "right")  # demo: ruimte, with its explanation
        seen.append(screen_text(app))
        await pilot.press("end")
        seen.append(screen_text(app))
        await pilot.press("escape", "enter")  # practise it, differently
        await type_text(pilot, "y")
        await pilot.press("enter", "1", "1", "enter", "1")
        assert isinstance(app.screen, CompareScreen)
        seen.append(screen_text(app))
        await pilot.press("escape", "f5")
        assert isinstance(app.screen, TreeScreen)
        seen.append(screen_text(app))
        for screen_seen in seen:
            assert SHOWN in screen_seen or "[@click=app.quit]klik" in screen_seen
        assert not click_actions(app)
        for x in range(0, 100, 9):
            await pilot.click("#tree-view", offset=(x, 2))
            if isinstance(app.screen, NodeScreen):  # a click selects a line, and opens it
                assert not click_actions(app)
                await pilot.press("escape")
        assert not fired and app.is_running


async def test_a_start_from_the_tree_cache_reaches_the_cases_and_their_positions():
    """The second start takes the tree from the cache (no positions parsed); the case library
    still finds every case and its line, parsing the positions when it first needs them."""
    first = make_app()
    async with first.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        loaded = app.entries[0].loaded
        assert loaded._doc is None  # from the cache: nothing parsed yet
        await open_case(pilot)
        assert "Een speelplek op het plein" in screen_text(app)
        assert app.screen.library.cases  # found, with their places in the file
        await pilot.press("d")
        assert isinstance(app.screen, ReplayScreen)
        assert app.screen.steps == ["naam", "ruimte", "groepen", "niveau", "einde"]
