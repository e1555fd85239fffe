"""What the first question costs that is not the app's own: Textual's and the domain's floors.

Usage: ``.venv/bin/python benchmarks/floors.py [RUNS]`` (default 8). CPU milliseconds, medians:

- a bare Textual app pushing a screen with the question screen's 32 widgets (Header,
  containers, Statics, two OptionLists, Input, Button, ProgressBar, Footer) until painted, and
  the question screen itself, pushed the same way with a session on the default tree;
- the domain: importing the loader (pydantic and the model) and loading and validating the
  default tree, each in a fresh process.

See benchmarks/RESULTS.md for how these add up to the first-question figure of run.py.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DOMAIN = """
import time
t0 = time.process_time()
import wizard.loader
t1 = time.process_time()
from wizard.loader import load_tree
from wizard.paths import default_tree
load_tree(default_tree())
t2 = time.process_time()
print(f"DOMAIN {1000 * (t1 - t0):.1f} {1000 * (t2 - t1):.1f}")
"""


async def _pushes(runs: int) -> tuple[list[float], list[float]]:
    from textual.app import App
    from textual.containers import Horizontal, Vertical, VerticalScroll
    from textual.screen import Screen
    from textual.widgets import Button, Footer, Header, Input, OptionList, ProgressBar, Static

    from wizard.loader import load_tree
    from wizard.paths import default_tree
    from wizard.ui.app import StappenplanApp
    from wizard.ui.screens.wizard import WizardScreen
    from wizard.ui.state import Session

    class Bare(Screen):
        def compose(self):
            yield Header()
            with Horizontal():
                with Vertical():
                    for i in range(4):
                        yield Static(f"regel {i}")
                    yield OptionList(*[f"Optie {i}" for i in range(5)])
                    yield OptionList(*[f"Optie {i}" for i in range(5)])
                    yield Input()
                    yield Static("teller")
                    yield Static("info")
                    yield Button("Verder")
                    yield Static("fout")
                with VerticalScroll():
                    yield Static("hulp")
                    yield Static("toetsen")
            with Horizontal():
                yield ProgressBar(show_eta=False, show_percentage=False)
                yield Static("voortgang")
            yield Footer()

    class BareApp(App):
        def compose(self):
            yield Static("x")

    async def push(app, make) -> list[float]:
        out = []
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            for _ in range(runs):
                t0 = time.process_time()
                await make(app)
                await pilot.pause()
                out.append(1000 * (time.process_time() - t0))
                while len(app.screen_stack) > 1:
                    app.pop_screen()
                await pilot.pause()
        return out

    async def bare(app) -> None:
        await app.push_screen(Bare())

    loaded = load_tree(default_tree())

    async def ours(app) -> None:
        app.session = Session.fresh(loaded, None, False)
        await app.push_screen(WizardScreen())

    bare_ms = await push(BareApp(), bare)
    ours_ms = await push(StappenplanApp([default_tree()], save=False), ours)
    return bare_ms, ours_ms


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    imports, loads = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", DOMAIN], capture_output=True, text=True, timeout=60, cwd=ROOT
        )
        line = next(x for x in out.stdout.splitlines() if x.startswith("DOMAIN "))
        imports.append(float(line.split()[1]))
        loads.append(float(line.split()[2]))
    bare, ours = asyncio.run(_pushes(runs))
    med = statistics.median
    print(f"domain: import loader (pydantic, model)  {med(imports):6.1f} ms CPU")
    print(f"domain: load + validate default tree     {med(loads):6.1f} ms CPU")
    print(f"bare app: push a 32-widget screen        {med(bare):6.1f} ms CPU")
    print(f"stappenplan: push the question screen    {med(ours):6.1f} ms CPU")


if __name__ == "__main__":
    main()
