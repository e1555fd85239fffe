"""A UI fuzzer: drive the app with random keys and clicks, the ones each screen offers.

Used by ``test_fuzz.py`` with a fixed seed and a small budget; ``STAPPENPLAN_FUZZ_STEPS`` asks for
a long run. Any exception inside the app fails the run (the app's crash handler records it and
``run_test`` raises it again).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from textual.pilot import OutOfBounds

# keys that every screen may get, besides the ones its bindings name
COMMON_KEYS = [
    "up", "down", "left", "right", "pageup", "pagedown", "home", "end",
    "tab", "shift+tab", "enter", "enter", "enter", "space", "space", "escape", "backspace",
    "ctrl+p", "ctrl+z", "ctrl+c", "f1", "f2", "f3", "f4", "f5", "f6", "question_mark",
    "1", "2", "3", "4", "5", "9", "0", "a", "b", "c", "d", "e", "l", "n", "s", "x",
]  # fmt: skip
# words typed into the palette, a search field or a text question
WORDS = ["bron", "cas", "export", "over", "boom", "thema", "plein", "z", "uitleg", "demo"]
NEVER = {"ctrl+q"}  # quitting ends the run (quits are counted, not followed)


@dataclass
class FuzzLog:
    steps: int = 0
    quits: int = 0
    screens: set[str] = field(default_factory=set)
    recent: list[str] = field(default_factory=list)

    def add(self, what: str) -> None:
        self.steps += 1
        self.note(what)

    def note(self, what: str) -> None:
        self.recent = [*self.recent[-39:], what]


def _visible_widgets(app):
    screen = app.screen
    out = []
    for widget in screen.query("*"):
        try:
            region = widget.region
        except Exception:
            continue
        if widget.display and widget.visible and region.width > 0 and region.height > 0:
            out.append(widget)
    return out


async def step(pilot, rng: random.Random, log: FuzzLog) -> None:
    """One random action: a key the screen binds, a common key, a typed word or a click."""
    app = pilot.app
    log.screens.add(type(app.screen).__name__)
    roll = rng.random()
    if type(app.screen).__name__ == "StartScreen" and rng.random() < 0.3:
        log.add("begin enter")  # into a session more often than not
        await pilot.press("enter")
        return
    if type(app.screen).__name__ == "WizardScreen" and rng.random() < 0.3:
        # move on more often than back, so runs reach the advice, the export and the comparison
        key = rng.choice(["enter", "enter", "1", "2", "3", "space", "down", "f3"])
        log.add(f"answer {key}")
        await pilot.press(key)
        return
    if roll < 0.12:
        widgets = _visible_widgets(app)
        if widgets:
            widget = rng.choice(widgets)
            region = widget.region
            offset = (rng.randrange(region.width), rng.randrange(region.height))
            log.add(f"click {type(widget).__name__}#{widget.id} {offset}")
            try:
                await pilot.click(widget, offset=offset)
            except OutOfBounds:
                pass
            return
    if roll < 0.30:
        word = rng.choice(WORDS)
        log.add(f"type {word!r}")
        await pilot.press(*word)
        return
    if roll < 0.60:
        keys = [k for k in app.screen.active_bindings if k not in NEVER]
        if keys:
            key = rng.choice(keys)
            log.add(f"binding {key}")
            await pilot.press(key)
            return
    key = rng.choice(COMMON_KEYS)
    log.add(f"key {key}")
    await pilot.press(key)
