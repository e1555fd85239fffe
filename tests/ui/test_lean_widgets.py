"""The widgets that replace heavier ones for speed (issue 8 §3) show the same thing: the footer
patched key by key equals a full rebuild, the plan in a few widgets keeps its sections, its
links and its literal text."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from tests.ui.helpers import begin, make_app, screen_text, type_text
from wizard.text import md_text
from wizard.ui.screens.result import ResultScreen
from wizard.ui.widgets.footer import SteadyFooter
from wizard.ui.widgets.plan import PlanSection, PlanView, blocks


def footer_keys(app) -> list[tuple[str, str, bool, bool]]:
    footer = app.screen.query_one(SteadyFooter)
    return [
        (k.key, k.description, k.has_class("-disabled"), k.has_class("-compact"))
        for k in footer.query_children(FooterKey)
        if k.display  # a key that went is hidden, to be shown again
    ]


async def rebuilt(pilot) -> list[tuple[str, str, bool, bool]]:
    footer = pilot.app.screen.query_one(SteadyFooter)
    footer._shown = None  # forget what is shown: Textual's Footer rebuilds every key
    footer.call_next(footer.bindings_changed, pilot.app.screen)  # as the signal does
    await pilot.pause()
    await pilot.pause()
    return footer_keys(pilot.app)


async def walk_footers(rebuild: bool) -> list[tuple[list, str]]:
    """The footer's keys and line at each step of text, info, choice, multiple choice, choice
    and back to the multiple choice; patched as it goes, or rebuilt in full at each step."""
    app = make_app()
    seen = []
    async with app.run_test(size=(120, 40)) as pilot:
        await begin(pilot)
        moves = [
            ("type", "Plein"),  # naam → welkom (information, a button)
            ("press", ("enter",)),  # welkom → ruimte (a single choice)
            ("press", ("1",)),  # ruimte: ja → groepen (a multiple choice)
            ("press", ("1", "enter")),  # groepen → a single choice
            ("press", ("escape",)),  # back to the multiple choice
            (None, None),
        ]
        for move, arg in moves:
            await pilot.pause()
            keys = await rebuilt(pilot) if rebuild else footer_keys(app)
            seen.append((keys, screen_text(app).splitlines()[-1]))
            if move == "type":
                await type_text(pilot, arg)
            elif move == "press":
                await pilot.press(*arg)
    return seen


async def test_patched_footer_equals_a_full_rebuild():
    patched = await walk_footers(rebuild=False)
    full = await walk_footers(rebuild=True)
    assert patched == full
    keys = [k for k, _ in patched]
    # Enter: Verder in every kind of step (text, information, choice, multiple choice), so a
    # new kind of question leaves the footer as it is
    assert all(k == keys[0] for k in keys)
    assert ("enter", "Verder", False, True) in keys[0]


def test_plan_blocks_keep_escaped_text_literal():
    markdown = (
        f"# Plan: {md_text('[@click=app.quit]x')}\n\n"
        "## 1. Eerste\n\n"
        f"**Vet.** {md_text('_niet schuin_ en [link](https://evil.example)')}\n\n"
        "- **Punt**  \n  tweede regel\n\n"
        "## 2. Tweede\n\n"
        "1. een\n2. twee\n"
    )
    sections = blocks(markdown)
    assert [len(s) for s in sections] == [1, 3, 3]
    text = [b.content.plain for s in sections for b in s]
    assert text[0] == "Plan: [@click=app.quit]x"
    assert "_niet schuin_ en [link](https://evil.example)" in text[2]
    assert text[3] == "Punt\ntweede regel"
    assert [b.prefix for b in sections[2][1:]] == [" 1. ", " 2. "]
    for section in sections:
        for block in section:
            for span in block.content.spans:
                assert "@click" not in str(span.style)


async def test_plan_sections_keys_and_links(tmp_path):
    app = make_app()
    opened: list[str] = []
    app.open_url = lambda url, **kw: opened.append(url)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await type_text(pilot, "Plein")
        await pilot.press("enter", "1", "1", "2", "enter", "2")  # to the result
        assert isinstance(app.screen, ResultScreen)
        plan = app.screen.query_one("#result-body", PlanView)
        sections = plan.sections()
        assert len(sections) == 7
        await pilot.press("4")
        await pilot.pause()
        scroll = app.screen.query_one("#result-scroll")
        assert scroll.scroll_y == sections[3].virtual_region.y
        assert "4. " in screen_text(app)
        section = app.screen.query_one(PlanSection)
        section.action_link("file:///etc/passwd")
        section.action_link("https://example.org/bron")
        assert opened == ["https://example.org/bron"]


async def test_result_plan_follows_changed_words():
    """The plan is made once per state of the session: words changed at a ticked option (F7
    in the question screen) show when the result screen is shown again."""
    from tests.ui.helpers import ready
    from wizard.paths import default_tree
    from wizard.ui.state import Session

    app = make_app(default_tree(), save=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        loaded = app.entries[0].loaded
        case = next(c for c in loaded.tree.cases if c.id == "plein-leiden")
        app.begin(Session.fresh(loaded, case.variant, False))
        await pilot.pause()
        engine = app.session.engine
        while not engine.at_outcome:
            app.screen.submit(case.answers.get(engine.node.id, True))
            await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        assert "Wet veiligheidsregio's" not in app.screen._shown
        engine.set_detail("ruimte_vast", "wet", "De Wet veiligheidsregio's")
        app.screen.fill()  # as when the screen is shown again
        await pilot.pause()
        assert "Wet veiligheidsregio's" in app.screen._shown
        outcome = engine.cursor
        engine.undo()  # then other words: as many changes as before, at the same step
        engine.set_detail("ruimte_vast", "wet", "De Omgevingswet")
        engine.goto(outcome)
        assert engine.cursor == outcome
        app.screen.fill()
        await pilot.pause()
        assert "Omgevingswet" in app.screen._shown
        assert "Wet veiligheidsregio's" not in app.screen._shown
