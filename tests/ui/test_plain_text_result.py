"""A link or image in tree text or an answer is shown as text on the result screen (issue 8)."""

from __future__ import annotations

from tests.ui.helpers import MINI, begin, edit, make_app, screen_text, type_text
from tests.ui.test_markup_injection import click_actions
from wizard.ui.screens.result import ResultScreen

LINK = "[klik hier](https://evil.example/x)"


async def test_a_link_in_tree_text_is_not_clickable_on_the_result_screen(tmp_path):
    text = MINI.read_text(encoding="utf-8")
    text = edit(text, "title: Advies klaar", f'title: "{LINK} ![p](https://evil.example/p.png)"')
    tree = tmp_path / "link.yaml"
    tree.write_text(text, encoding="utf-8")
    app = make_app(tree)
    opened: list[str] = []
    app.open_url = lambda url, **kw: opened.append(url)
    async with app.run_test(size=(120, 50)) as pilot:
        await begin(pilot)
        await type_text(pilot, "[mijn](https://evil.example/y)")
        await pilot.press("enter")  # welkom
        await pilot.press("1")  # ruimte: ja
        await pilot.press("1", "enter", "1")  # groepen → kort: ja → result
        assert isinstance(app.screen, ResultScreen)
        shown = screen_text(app)
        assert LINK in shown  # the outcome title, as typed
        assert "[mijn](https://evil.example/y)" in shown  # the project name
        assert click_actions(app) == []
        for y in range(0, 40, 8):
            await pilot.click("#result-body", offset=(20, y))
        assert opened == []
