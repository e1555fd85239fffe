"""The whole route on the bundled default tree, driven by the tree's own first example case.

The default tree is being rewritten, so this test knows nothing about its questions: it reads
the first case's answers and variant, and answers whatever question the wizard shows.
"""

from __future__ import annotations

import json

from textual.widgets import Input

from tests.ui.helpers import begin, make_app, screen_text, type_text
from wizard.loader import load_tree
from wizard.paths import default_tree
from wizard.ui.screens.modals import ExportScreen
from wizard.ui.screens.result import ResultScreen


async def answer_step(pilot, node, value) -> None:
    screen = pilot.app.screen
    if node.kind == "info":
        await pilot.press("enter")
    elif node.kind == "text":
        await type_text(pilot, value)
    elif node.kind == "choice":
        index = [o.id for o in node.options].index(value)
        if index < 9:
            await pilot.press(str(index + 1))
        else:
            screen.query_one("#answers").highlighted = index
            await pilot.press("enter")
    elif node.kind == "multi":
        multi = screen.query_one("#answers")
        wanted = [value] if isinstance(value, str) else list(value)
        ids = [o.id for o in node.options]
        for option_id in list(multi.selected):
            if option_id not in wanted:
                multi.toggle(ids.index(option_id))
        for option_id in wanted:
            if option_id not in multi.selected:
                index = ids.index(option_id)
                if index < 9:
                    await pilot.press(str(index + 1))
                else:
                    multi.toggle(index)
                await skip_words(pilot)
        await pilot.press("enter")


async def skip_words(pilot) -> None:
    """Ticking an option that asks for the user's own words opens a small dialog: skip it."""
    from wizard.ui.screens.words import WordsScreen

    await pilot.pause()
    if isinstance(pilot.app.screen, WordsScreen):
        await pilot.press("escape")
        await pilot.pause()


async def test_first_case_of_default_tree_to_export(tmp_path):
    loaded = load_tree(default_tree())
    tree = loaded.tree
    assert tree.cases, "the default tree should carry example cases"
    case = tree.cases[0]
    variant_index = 0
    if case.variant:
        variant_index = 1 + [v.id for v in tree.variants].index(case.variant)

    app = make_app(default_tree())
    async with app.run_test(size=(100, 30)) as pilot:
        await begin(pilot, variant_index)
        engine = app.session.engine
        assert engine.flow.variant_id == case.variant
        for _ in range(len(tree.nodes) + 1):
            node = engine.node
            if node.kind == "outcome":
                break
            value = True if node.kind == "info" else case.answers.get(node.id)
            assert value is not None, f"case {case.id} has no answer for {node.id}"
            await answer_step(pilot, node, value)
            assert engine.node.id != node.id or engine.at_outcome, f"stuck at {node.id}"
        assert isinstance(app.screen, ResultScreen)
        assert engine.is_complete
        if case.expect.outcome:
            assert engine.node.id == case.expect.outcome
        assert "1. Besluit" in screen_text(app)

        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "advies.md")
        await pilot.press("enter")
        assert isinstance(app.screen, ResultScreen)
        data = json.loads((tmp_path / "advies.json").read_text(encoding="utf-8"))
        assert data["complete"] is True
        if case.expect.decision:
            assert data["decision"]["value"] == case.expect.decision.value
        heading = (
            "# Advies: geen participatietraject"
            if data["decision"]["value"] == "niet-participeren"
            else "# Participatieplan (concept)"
        )
        assert (tmp_path / "advies.md").read_text(encoding="utf-8").startswith(heading)


async def test_level_question_shows_the_advice_before_the_choice():
    """The question that asks whether to follow the advice shows that advice first: the level
    for the whole traject, per open subject and per group, with the cap; not a default."""
    loaded = load_tree(default_tree())
    tree = loaded.tree
    case = next(c for c in tree.cases if c.id == "plein-leiden")
    preview_node = next(n for n in tree.nodes if getattr(n, "preview", None) == "levels")
    variant_index = 1 + [v.id for v in tree.variants].index(case.variant)
    app = make_app(default_tree())
    async with app.run_test(size=(100, 40)) as pilot:
        await begin(pilot, variant_index)
        engine = app.session.engine
        for _ in range(len(tree.nodes) + 1):
            node = engine.node
            if node.id == preview_node.id:
                break
            value = True if node.kind == "info" else case.answers.get(node.id)
            await answer_step(pilot, node, value)
        assert engine.node.id == preview_node.id
        text = screen_text(app)
        assert "Advies op grond van uw antwoorden:" in text
        assert "Het traject als geheel: Coproduceren" in text
        assert "Het ontwerp of de uitwerking: Coproduceren" in text
        assert "Kinderen: Raadplegen" in text
        assert "Plafond: Coproduceren" in text
        # an earlier question shows no preview
        await pilot.press("escape")
        assert "Advies op grond van uw antwoorden:" not in screen_text(app)
