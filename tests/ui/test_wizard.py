"""Pilot tests: the wizard driven with the keyboard, on the stable mini tree."""

from __future__ import annotations

import json

from textual.widgets import Input

from tests.ui.helpers import MINI, begin, edit, make_app, ready, screen_text, type_text
from wizard.paths import state_dir
from wizard.ui.screens.modals import ConfirmScreen, ExportScreen
from wizard.ui.screens.result import ResultScreen
from wizard.ui.screens.review import ReviewScreen
from wizard.ui.screens.start import StartScreen
from wizard.ui.screens.wizard import WizardScreen


async def walk_to_niveau(pilot) -> None:
    """naam → welkom → ruimte=ja → groepen=[omwonenden, jongeren] → niveau."""
    await type_text(pilot, "Plein")
    await pilot.press("enter")  # welkom (info)
    await pilot.press("1")  # ruimte: ja
    await pilot.press("1", "2", "enter")  # groepen: omwonenden + jongeren


async def test_full_route_to_export(tmp_path):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, StartScreen)
        await pilot.press("enter", "enter")  # tree, then "no variant"
        assert isinstance(app.screen, WizardScreen)
        await walk_to_niveau(pilot)
        engine = app.session.engine
        assert engine.cursor == "niveau"
        await pilot.press("2")  # coproduceren → outcome
        assert isinstance(app.screen, ResultScreen)
        assert engine.at_outcome and engine.node.id == "einde"
        text = screen_text(app)
        assert "Participatieplan (concept): Plein" in text
        assert "Besluit" in text

        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one("#export-path", Input)
        assert field.value.endswith("participatieplan-plein-2025-03-14.md")
        field.value = str(tmp_path / "plan")
        await pilot.press("enter")
        assert isinstance(app.screen, ResultScreen)
        md = (tmp_path / "plan.md").read_text(encoding="utf-8")
        data = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
        assert md.startswith("# Participatieplan (concept): Plein")
        assert "## 7. Verantwoording" in md
        assert data["outcome"]["id"] == "einde"
        assert data["decision"]["value"] == "participeren"
        assert "plan.md" in screen_text(app)
        assert app.session.exported
        saved = json.loads(app.session.path.read_text(encoding="utf-8"))
        assert app.session.path.parent == state_dir() / "sessies"
        assert saved["exported"] is True

        await pilot.press("ctrl+q")  # exported: no question asked
        assert app.return_value == 0


async def test_back_and_change_reroutes_and_restores():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await begin(pilot)
        await walk_to_niveau(pilot)
        await pilot.press("2")  # niveau: coproduceren → result
        engine = app.session.engine
        assert isinstance(app.screen, ResultScreen)

        await pilot.press("escape")  # back from the result to niveau
        assert isinstance(app.screen, WizardScreen)
        assert engine.cursor == "niveau"
        await pilot.press("escape")  # groepen, answer kept
        assert engine.cursor == "groepen"
        multi = app.screen.query_one("#answers")
        assert multi.selected == ["omwonenden", "jongeren"]
        assert "[x] 1. Omwonenden" in screen_text(app)

        await pilot.press("2", "enter")  # untick jongeren: one group → kort
        assert engine.cursor == "kort"
        assert "niveau" in engine.parked()
        await pilot.press("2")  # kort: nee → result
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("escape", "escape")  # kort, then groepen
        assert engine.cursor == "groepen"
        await pilot.press("2", "enter")  # tick jongeren again → niveau comes back, answered
        assert engine.cursor == "niveau"
        assert engine.current_answer() == "coproduceren"
        assert "(•) 2. We maken het samen" in screen_text(app)
        assert app.screen.query_one("#answers").highlighted == 1

        await pilot.press("ctrl+z")  # undo the last change: groepen back to one group
        assert engine.answers["groepen"] == ["omwonenden"]
        assert engine.cursor == "groepen"


async def test_review_jump_and_edit():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await begin(pilot)
        await walk_to_niveau(pilot)
        await pilot.press("f2")
        assert isinstance(app.screen, ReviewScreen)
        text = screen_text(app)
        assert "Hoe heet uw project?" in text and "→ Plein" in text
        assert "→ Omwonenden; Jongeren" in text
        review = app.screen.query_one("#review-list")
        ids = [review.get_option_at_index(i).id for i in range(review.option_count)]
        assert ids == ["naam", "ruimte", "groepen", "niveau"]
        review.highlighted = ids.index("ruimte")
        await pilot.press("enter")
        assert isinstance(app.screen, WizardScreen)
        engine = app.session.engine
        assert engine.cursor == "ruimte"
        await pilot.press("2")  # nee, het ligt vast → outcome geen
        assert isinstance(app.screen, ResultScreen)
        assert engine.node.id == "geen"
        assert set(engine.parked()) == {"groepen"}
        assert "Geen participatietraject" in screen_text(app)


async def test_text_validation_and_multi_choice(tmp_path):
    tree = tmp_path / "boom.yaml"
    tree.write_text(
        edit(
            MINI.read_text(encoding="utf-8"),
            "    question: Wie raakt het?\n",
            "    question: Wie raakt het?\n    min_choices: 1\n",
        ),
        encoding="utf-8",
    )
    app = make_app(tree)
    async with app.run_test(size=(100, 30)) as pilot:
        await begin(pilot)
        engine = app.session.engine
        await type_text(pilot, "   ")  # required: blanks are not a name
        assert engine.cursor == "naam"
        assert "Let op: dit veld is verplicht" in screen_text(app)
        field = app.screen.query_one("#text", Input)
        assert field.max_length == 60
        await type_text(pilot, "Plein")
        assert engine.cursor == "welkom"
        await pilot.press("enter", "1")
        assert engine.cursor == "groepen"

        await pilot.press("enter")  # nothing ticked, min_choices 1
        assert engine.cursor == "groepen"
        assert "Let op: kies er minstens 1" in screen_text(app)
        multi = app.screen.query_one("#answers")
        await pilot.press("1", "2")
        assert multi.selected == ["omwonenden", "jongeren"]
        await pilot.press("4")  # "geen van deze" is exclusive: clears the others
        assert multi.selected == ["geen"]
        await pilot.press("3")  # natuur clears "geen"
        assert multi.selected == ["natuur"]
        assert "[ ] 4. Geen van deze" in screen_text(app)
        await pilot.press("space")  # Space toggles the highlighted option (natuur)
        assert multi.selected == []
        await pilot.press("up", "space")
        assert multi.selected == ["jongeren"]
        await pilot.press("enter")
        assert engine.answers["groepen"] == ["jongeren"]
        assert engine.cursor == "kort"


async def test_resume_after_kill():
    first = make_app()
    async with first.run_test(size=(100, 30)) as pilot:
        await begin(pilot)
        await type_text(pilot, "Plein")
        await pilot.press("enter", "1")  # welkom, ruimte: ja
        assert first.session.engine.cursor == "groepen"
        # the context ends without quitting: like a closed terminal

    second = make_app()
    async with second.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        text = screen_text(second)
        assert "Verder waar u was gebleven?" in text
        assert "Plein" in text
        assert second.screen.focused.id == "resume"
        await pilot.press("enter")
        assert isinstance(second.screen, WizardScreen)
        engine = second.session.engine
        assert engine.cursor == "groepen"
        assert engine.answers == {"naam": "Plein", "welkom": True, "ruimte": "ja"}


async def test_fresh_start_instead_of_resume():
    first = make_app()
    async with first.run_test(size=(100, 30)) as pilot:
        await begin(pilot)
        await type_text(pilot, "Plein")
    second = make_app()
    async with second.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("tab", "enter")  # "Nieuw beginnen"
        assert second.screen.focused.id == "trees"
        await pilot.press("enter", "enter")
        assert second.session.engine.answers == {}


async def test_export_refuses_to_overwrite_and_reports_failures(tmp_path):
    app = make_app()
    target = tmp_path / "plan.md"
    target.write_text("mijn eigen notities\n", encoding="utf-8")
    async with app.run_test(size=(100, 30)) as pilot:
        await begin(pilot)
        await type_text(pilot, "Plein")
        await pilot.press("enter", "2")  # ruimte: nee → result
        assert isinstance(app.screen, ResultScreen)

        await pilot.press("e")
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen)
        assert "plan.md" in screen_text(app)
        await pilot.press("enter")  # the focused, safe answer: cancel
        assert isinstance(app.screen, ExportScreen)
        assert target.read_text(encoding="utf-8") == "mijn eigen notities\n"
        assert not (tmp_path / "plan.json").exists()

        blocker = tmp_path / "een-bestand"
        blocker.write_text("x", encoding="utf-8")
        app.screen.query_one("#export-path", Input).value = str(blocker / "map" / "plan.md")
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)  # still open, with the reason
        text = screen_text(app)
        assert "is geen map" in text
        await pilot.press("escape")
        assert isinstance(app.screen, ResultScreen)
        assert "Export mislukt" in screen_text(app)
        assert not app.session.exported

        await pilot.press("e")
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen)
        app.screen.query_one("#yes").press()
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        assert target.read_text(encoding="utf-8").startswith(
            "# Advies: geen participatietraject: Plein"
        )
        assert app.session.exported


async def test_quit_asks_when_not_exported():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await begin(pilot)
        await type_text(pilot, "Plein")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        assert "nog niet geëxporteerd" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, WizardScreen)
        await pilot.press("ctrl+q")
        app.screen.query_one("#yes").press()
        await pilot.pause()
        assert app.return_value == 0


async def test_no_save_leaves_no_trace():
    app = make_app(save=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert "niet bewaard" in screen_text(app)
        await begin(pilot)
        await type_text(pilot, "Geheim")
        await pilot.press("enter", "1")
        assert app.session.engine.cursor == "groepen"
    folder = state_dir()
    assert not folder.exists() or not any(folder.rglob("*"))


async def test_advice_so_far_and_help_toggle():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        help_panel = app.screen.query_one("#help")
        assert not help_panel.display  # narrow: hidden until asked for
        await pilot.press("f1")
        assert help_panel.display
        assert "We gebruiken de naam in het plan." in screen_text(app)
        await pilot.press("f1")
        assert not help_panel.display
        await type_text(pilot, "Plein")
        await pilot.press("enter", "1")
        await pilot.press("f3")
        assert isinstance(app.screen, ResultScreen)
        assert app.screen.provisional
        text = screen_text(app)
        assert "Advies tot nu toe (voorlopig)" in text
        assert "voorlopig" in text
        await pilot.press("escape")
        assert isinstance(app.screen, WizardScreen)
        assert app.session.engine.cursor == "groepen"


async def test_wide_shows_help_beside_the_question():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await begin(pilot)
        assert app.screen.query_one("#help").display
        assert "Handreiking samenwerken in de stad" in screen_text(app)


async def test_variant_is_used():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await begin(pilot, variant_index=1)
        assert app.session.engine.flow.variant_id == "leiden"


async def test_english_chrome():
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        text = screen_text(app)
        assert "Decision tree" in text and "Quit" in text
        await begin(pilot)
        assert "Type your answer" in screen_text(app)


async def test_command_palette_goes_to_a_question():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await begin(pilot)
        await walk_to_niveau(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"iets te")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        assert app.session.engine.cursor == "ruimte"


async def test_invalid_tree_is_reported_on_the_start_screen(tmp_path):
    broken = tmp_path / "kapot.yaml"
    broken.write_text(MINI.read_text(encoding="utf-8").replace("start: naam", "start: 12"))
    app = make_app(broken)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        text = screen_text(app)
        assert "kan niet worden gebruikt" in text
        await pilot.press("enter")
        assert isinstance(app.screen, StartScreen)


async def test_unknown_variant_on_the_command_line_is_reported():
    app = make_app(variant="leidn")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert any("Variant 'leidn' bestaat niet in deze boom (wel: leiden)" in m for m in messages)
        assert app.screen.query_one("#variants").highlighted == 0


async def test_a_double_click_on_an_option_answers_once():
    """Windows users double-click: the first click answers, the second must not tick an
    option of the next question that now lies under the mouse."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await begin(pilot)
        await type_text(pilot, "Plein")
        await pilot.press("enter")  # welkom
        assert app.session.engine.cursor == "ruimte"
        await pilot.double_click("#answers", offset=(10, 1))
        await pilot.pause()
        assert app.session.engine.answers["ruimte"] == "ja"
        assert app.session.engine.cursor == "groepen"
        assert app.screen.query_one("#answers").selected == []
        await pilot.click("#answers", offset=(10, 1))  # a single click still ticks
        await pilot.pause()
        assert app.screen.query_one("#answers").selected != []
