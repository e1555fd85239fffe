"""80x24: long lists scroll and show the highlighted option, options 10+ have a key, help scrolls."""

from __future__ import annotations

from tests.ui.helpers import FIXTURES, begin, make_app, screen_text

LONG = FIXTURES / "long-list.yaml"
SMALL = (80, 24)
LAST = "Niemand buiten de gemeentelijke organisatie"


async def at_long_list(pilot) -> None:
    await begin(pilot)


async def at_end_ticked(pilot) -> None:
    await begin(pilot)
    await pilot.press("end", "space")


async def at_help(pilot) -> None:
    await begin(pilot)
    await pilot.press("f1", "pagedown")


def test_snapshot_longest_checklist_at_80x24(snap_compare):
    assert snap_compare(make_app(LONG), run_before=at_end_ticked, terminal_size=SMALL)


def test_snapshot_help_at_80x24(snap_compare):
    assert snap_compare(make_app(LONG), run_before=at_help, terminal_size=SMALL)


async def test_the_last_option_is_in_view_when_it_is_ticked():
    app = make_app(LONG)
    async with app.run_test(size=SMALL) as pilot:
        await at_long_list(pilot)
        assert LAST not in screen_text(app)
        await pilot.press("end", "space")
        assert app.screen.query_one("#answers").selected == ["g14"]
        lines = screen_text(app).splitlines()
        assert any("▸ [x] e." in line and LAST in line for line in lines)
        # the list ends above the progress line: its bottom border is on screen
        assert any(line.strip().startswith("╚") for line in lines[-4:])


async def test_options_ten_and_up_are_reached_by_their_letter():
    app = make_app(LONG)
    async with app.run_test(size=SMALL) as pilot:
        await at_long_list(pilot)
        assert "cijfer of letter" in screen_text(app)
        await pilot.press("d", "a")
        assert app.screen.query_one("#answers").selected == ["g10", "g13"]
        assert "[x] d. Alle inwoners" in screen_text(app)


async def test_lists_stop_at_their_ends():
    app = make_app(LONG)
    async with app.run_test(size=SMALL) as pilot:
        await at_long_list(pilot)
        multi = app.screen.query_one("#answers")
        await pilot.press("up")
        assert multi.highlighted == 0
        await pilot.press("end", "down")
        assert multi.highlighted == 13


async def test_the_highlighted_option_has_a_pointer():
    app = make_app(LONG)
    async with app.run_test(size=SMALL) as pilot:
        await at_long_list(pilot)
        await pilot.press("down")
        pointed = [line for line in screen_text(app).splitlines() if "▸" in line]
        assert len(pointed) == 1 and "2. Ondernemers en winkeliers" in pointed[0]


async def test_help_opens_with_f1_and_pagedown_reaches_the_key_overview():
    app = make_app(LONG)
    async with app.run_test(size=SMALL) as pilot:
        await at_long_list(pilot)
        assert "Toetsen:" not in screen_text(app)
        await pilot.press("f1")
        help_panel = app.screen.query_one("#help")
        assert help_panel.display and app.focused is help_panel
        await pilot.press("pagedown", "pagedown", "pagedown")
        assert help_panel.scroll_y > 0
        assert "Ctrl+Q: stoppen" in screen_text(app)
        await pilot.press("escape")  # closes the help, not the question
        assert not help_panel.display
        assert app.focused is app.screen.query_one("#answers")
        assert app.session is not None


async def test_the_sources_dialog_scrolls_with_pagedown_at_once():
    from tests.ui.helpers import ready
    from wizard.paths import default_tree
    from wizard.ui.screens.modals import SourcesScreen

    app = make_app(default_tree())
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, SourcesScreen)
        listing = app.screen.query_one("#sources-list")
        assert listing.max_scroll_y > 0, "the default tree has more sources than fit at 80x24"
        await pilot.press("pagedown")
        assert listing.scroll_y > 0
        await pilot.press("end")
        assert listing.scroll_y == listing.max_scroll_y
        await pilot.press("escape")
        assert not isinstance(app.screen, SourcesScreen)


def test_an_options_note_is_never_broken_at_the_left_edge():
    from wizard.ui.widgets.answers import hanging

    prefix = "[ ] 1. "
    note = "(sluit de andere uit)"
    short = hanging(prefix, "Geen van deze", 60, note)
    assert short.plain == f"{prefix}Geen van deze  {note}"
    italic = [short.plain[span.start : span.end] for span in short.spans if "italic" in str(span)]
    assert italic == [note]
    # the label's last line has no room left for the note: it goes under the label, whole
    label = "Niemand buiten de gemeentelijke organisatie"
    full = hanging(prefix, label, len(prefix) + 48, note)
    assert full.plain.split("\n") == [prefix + label, " " * len(prefix) + note]
