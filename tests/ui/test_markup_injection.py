"""Tree text is data: markup and escape codes in a tree show literally and run nothing."""

from __future__ import annotations

import re

from tests.ui.helpers import MINI, begin, edit, make_app, ready, screen_text, type_text
from wizard.ui import safe
from wizard.ui.screens.result import ResultScreen
from wizard.ui.screens.wizard import WizardScreen

# In YAML double quotes, \e is the ESC character: the tree really contains "\x1b[31m".
PAYLOAD = r'"[@click=app.quit]klik[/] [ @click=app.quit]spatie[/] [bold]vet \e[31mrood"'
SHOWN = "[@click=app.quit]klik[/] [ @click=app.quit]spatie[/] [bold]vet ␛[31mrood"


def hostile_tree(tmp_path):
    text = MINI.read_text(encoding="utf-8")
    text = edit(text, "title: Kleine proefboom", f"title: {PAYLOAD}")
    text = edit(text, "question: Hoe heet uw project?", f"question: {PAYLOAD}")
    text = edit(text, "question: Valt er iets te beïnvloeden?", f"question: {PAYLOAD}")
    text = edit(text, "help: Zonder invloedsruimte geen participatie.", f"help: {PAYLOAD}")
    text = edit(text, "label: Ja, er is ruimte", f"label: {PAYLOAD}")
    text = edit(text, "title: Advies klaar", f"title: {PAYLOAD}")
    path = tmp_path / "vijandig.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# The help panel links a cited source to its web address: that link is the program's own, not
# tree text run as markup. Only these exact links, to the fixture's source addresses, are allowed.
SOURCE_LINKS = {f"link({url!r})" for url in re.findall(r"url: (https://\S+)", MINI.read_text())}


def click_actions(app) -> list[str]:
    """Every @click action still present in what is on screen (there should be none, apart from
    the links to a cited source's web address)."""
    found = []
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            style = segment.style
            meta = style.meta if style is not None else {}
            if meta.get("@click") and str(meta["@click"]) not in SOURCE_LINKS:
                found.append(str(meta["@click"]))
    return found


async def click_everywhere(pilot, selector: str, width: int = 40) -> None:
    for x in range(0, width, 7):
        await pilot.click(selector, offset=(x, 0))


def test_clean_makes_escape_codes_visible():
    assert safe.clean("a\x1b[31mb\x07\x9b") == "a␛[31mb␇\ufffd"
    assert safe.clean("regel 1\nregel 2\tx") == "regel 1\nregel 2\tx"
    assert safe.text("[bold]x[/]").plain == "[bold]x[/]"


async def test_markup_in_tree_text_is_shown_literally_and_runs_nothing(tmp_path):
    app = make_app(hostile_tree(tmp_path))
    fired: list[str] = []

    async def spy_quit() -> None:
        fired.append("quit")

    app.action_quit = spy_quit  # an action link would call this
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert SHOWN in screen_text(app)  # the tree title on the start screen
        assert click_actions(app) == []
        await click_everywhere(pilot, "#trees")
        await begin(pilot)
        assert isinstance(app.screen, WizardScreen)
        text = screen_text(app)
        assert SHOWN in text
        assert "\x1b" not in text
        assert click_actions(app) == []
        await click_everywhere(pilot, "#question")

        await type_text(pilot, "Plein")
        await pilot.press("enter")  # welkom
        assert app.session.engine.cursor == "ruimte"
        text = screen_text(app)
        assert text.count("[@click=app.quit]klik[/]") >= 4  # header, question, option, help
        assert text.count("␛[31mrood") >= 4
        assert click_actions(app) == []
        await click_everywhere(pilot, "#question")
        await click_everywhere(pilot, "#help")
        assert app.session.engine.cursor == "ruimte"
        await pilot.click("#answers", offset=(10, 1))  # a click on the option chooses it
        await pilot.pause()
        assert app.session.engine.answers["ruimte"] == "ja"

        await pilot.press("1", "enter", "1")  # groepen → kort: ja → result
        assert isinstance(app.screen, ResultScreen)
        assert click_actions(app) == []
        await click_everywhere(pilot, "#result-body", width=60)
        await pilot.press("f2")
        assert SHOWN in screen_text(app)
        assert click_actions(app) == []
        await click_everywhere(pilot, "#review-list")

        assert fired == []
        assert app.is_running


async def test_help_links_open_only_https():
    app = make_app()
    opened: list[str] = []
    app.open_url = lambda url, **kw: opened.append(url)
    async with app.run_test(size=(120, 40)) as pilot:
        await begin(pilot)
        body = app.screen.query_one("#help-body")
        for href in (  # what a click on a link in the help runs (its text carries link(href))
            "file:///etc/passwd",
            "../geheim.md",
            "javascript:alert(1)",
            "https://example.org/x",
        ):
            await body.run_action(f"link({href!r})")
        await pilot.pause()
        assert opened == ["https://example.org/x"]
        assert app.is_running
