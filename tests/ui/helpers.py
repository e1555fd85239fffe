"""Helpers for the UI tests: build the app on the stable mini tree, wait for it, read the screen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wizard.ui.app import StappenplanApp

FIXTURES = Path(__file__).parent.parent / "fixtures"
MINI = FIXTURES / "mini.yaml"
TODAY = date(2025, 3, 14)


def make_app(tree: Path = MINI, **kwargs) -> StappenplanApp:
    app = StappenplanApp([tree], **kwargs)
    app.today = TODAY
    return app


async def ready(pilot) -> None:
    """Wait until the trees are loaded (a thread worker) and the start screen shows them."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def begin(pilot, variant_index: int = 0) -> None:
    """From the start screen: choose the first tree and a variant (0 = none), then begin."""
    await ready(pilot)
    screen = pilot.app.screen
    variants = screen.query_one("#variants")
    if variants.display:
        variants.highlighted = variant_index
    screen._begin()
    await pilot.pause()


def screen_text(app) -> str:
    """The screen as plain text, line by line (what a user reads)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip).rstrip() for strip in strips)


async def type_text(pilot, value: str) -> None:
    """Put text in the focused Input and submit it (typing each key would be slow)."""
    from textual.widgets import Input

    field = pilot.app.screen.query_one("#text", Input)
    field.value = value
    await pilot.press("enter")


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"snippet not found exactly once: {old!r}"
    return text.replace(old, new)


async def keys_at_once(pilot, *keys: str) -> None:
    """Send keys the way a terminal delivers a quick burst: all queued before the first is
    handled. (``pilot.press`` waits until the app is idle after each key, which hides races.)"""
    from textual import events

    app = pilot.app
    chars = {"space": " ", "enter": "\r", "escape": "\x1b", "down": None}
    for key in keys:
        event = events.Key(key, chars.get(key, key))
        event.set_sender(app)
        app._driver.send_message(event)
    await pilot.pause()
    await pilot.pause()
