"""What the first question costs that is not the app's own: Textual's and the domain's floors.

Usage: ``.venv/bin/python benchmarks/floors.py [RUNS]`` (default 8). CPU milliseconds, medians:

- a bare Textual app pushing a screen with the question screen's 31 widgets (Header,
  containers, Statics, an OptionList, Input, Button, ProgressBar, Footer) until painted, and
  the question screen itself, pushed the same way with a session on the default tree;
- the domain, in fresh processes: importing pydantic and making one model (the stack's share),
  then importing our model and loading the default tree, from the tree cache (every start
  after the first) and without it (the loader: PyYAML, parse, validation).

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
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import _PYDANTIC  # noqa: E402  (the same model as the floors of run.py)

DOMAIN = (
    """
import sys, time
t0 = time.process_time()
"""
    + _PYDANTIC
    + """
t1 = time.process_time()
from wizard.paths import default_tree
if sys.argv[1] == "cached":
    from wizard.treecache import load_tree_cached as load
else:
    from wizard.loader import load_tree as load
t2 = time.process_time()
load(default_tree())
t3 = time.process_time()
print(f"DOMAIN {1000 * (t1 - t0):.1f} {1000 * (t2 - t1):.1f} {1000 * (t3 - t2):.1f}")
"""
)


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


def _domain(mode: str, cache: str) -> tuple[float, float, float]:
    import os

    env = {**os.environ, "STAPPENPLAN_CACHE_DIR": cache}
    out = subprocess.run(
        [sys.executable, "-c", DOMAIN, mode],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=env,
    )
    line = next(x for x in out.stdout.splitlines() if x.startswith("DOMAIN "))
    a, b, c = (float(x) for x in line.split()[1:])
    return a, b, c


def main() -> None:
    import tempfile

    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    cache = tempfile.mkdtemp(prefix="floors-cache-")
    _domain("cached", cache)  # fills the cache
    stack, cached_import, cached_load, loader_import, loader_load = [], [], [], [], []
    for _ in range(runs):
        a, b, c = _domain("cached", cache)
        stack.append(a)
        cached_import.append(b)
        cached_load.append(c)
        a, b, c = _domain("loader", cache)
        loader_import.append(b)
        loader_load.append(c)
    bare, ours = asyncio.run(_pushes(runs))
    med = statistics.median
    print(f"stack: import pydantic, make one model    {med(stack):6.1f} ms CPU")
    print(f"domain, cached: import model + cache      {med(cached_import):6.1f} ms CPU")
    print(f"domain, cached: load the default tree     {med(cached_load):6.1f} ms CPU")
    print(f"domain, uncached: import loader (+ YAML)  {med(loader_import):6.1f} ms CPU")
    print(f"domain, uncached: parse + validate tree   {med(loader_load):6.1f} ms CPU")
    print(f"bare app: push a 31-widget screen         {med(bare):6.1f} ms CPU")
    print(f"stappenplan: push the question screen     {med(ours):6.1f} ms CPU")


if __name__ == "__main__":
    main()
