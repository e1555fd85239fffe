"""Speed and memory of stappenplan, each as a ratio to its floor measured in the same run.

Usage: ``.venv/bin/python benchmarks/run.py [--runs N] [--only NAME ...]``

Absolute times drift with the machine's load (15-20 % within an hour on the reference VM), so
every figure is set against a floor measured in the same run, interleaved, and reported as the
median (and p95 where asked) with the ratio:

- ``first-question``: exec → first question on screen, headless (start, pick the first tree,
  first question), against exec → first paint of a bare Textual app (one Static). The
  package's bytecode is compiled first, as an installation does, and the tree is in the cache
  (``wizard.treecache``), as on every start after the first; once more against the stack's
  floor (the bare app that also imported pydantic and made a model), and once with an empty
  cache (the first start after installing or editing a tree).
- ``rss``: peak RSS of those same wizard processes against the bare app's and the stack's.
- ``answer``: CPU ms from an answer to the next question rendered, over the longest example
  case of the default tree (Pilot, 100x30), against a key press on a bare app's OptionList,
  and against a bare app (Header, Static, OptionList, Footer) swapping in the same questions
  and options (the part of the cost that is Textual's own); once more at 120x40, where the
  help panel stands beside the question and changes with it.
- ``result``: CPU ms from the last answer to the result screen shown, against the key press
  and against a bare app pushing a screen with Textual's Markdown widget of the same plan
  (the part of the cost that is Textual's own).
- ``tree-1k``, ``tree-10k``: load + validate + lint of a generated tree of 1,000 / 10,000
  questions (``tests/bigtree.py``) against a bare libyaml load (``CSafeLoader``) of the file.

Targets (issue 8): first question ≤ 1.5x, RSS ≤ 1.3x, answer ≤ 16 ms CPU median,
result ≤ 150 ms CPU, 10,000-question tree ≤ 1.5x.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# --- start-up, in fresh processes ----------------------------------------------------------------

_REPORT = """
def _report(label):
    import json, sys, time
    try:
        import resource
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    except ImportError:  # Windows: no resource module
        rss = 0.0
    print("BENCH " + json.dumps({"at": time.time(), "rss": rss, "label": label}), flush=True)
"""

_BARE_APP = """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("x")
    def on_mount(self):
        self.call_after_refresh(self.done)
    def done(self):
        _report("{label}")
        self.exit()
Bare().run(headless=True)
"""

_PYDANTIC = """
from pydantic import BaseModel, ConfigDict, Field
class Tree(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    id: str = Field(description="x")
"""

BARE = _REPORT + _BARE_APP.format(label="bare")

# The least any app on the product's stack pays before its first paint: the bare app, having
# imported pydantic and made one model (what importing our model costs beyond that is ours).
STACK = _REPORT + _PYDANTIC + _BARE_APP.format(label="stack")

# The stack doing what the wizard's first question shows, without any of our code: the stack
# floor above, then a start screen and a question screen with the same widgets as ours (the
# same containers, texts, lists, buttons, field, progress bar, header and footer), each
# painted. What the wizard takes beyond this is our own code and styles.
SCREENS = (
    _REPORT
    + _PYDANTIC
    + """
from textual.app import App
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, OptionList, ProgressBar, Static
def hidden(widget):
    widget.display = False
    return widget
class Start(Screen):  # as ours shows it once the trees are in: the boxes not needed are hidden
    def compose(self):
        yield Header()
        with VerticalScroll():
            yield Static("Stappenplan participatie")
            yield Static("Kies een beslisboom en begin.")
            with hidden(Vertical()):
                yield Static("Verder waar u was")
                yield Static("")
                with Horizontal():
                    yield Button("Verder")
                    yield Button("Nieuw")
            with hidden(Vertical()):
                yield Static("Onleesbaar")
                yield Static("")
                with Horizontal():
                    yield Button("Bewaren")
                    yield Button("Weg")
            yield hidden(Static("Projecten"))
            yield hidden(OptionList())
            yield hidden(Static("Laden"))
            yield Static("Bomen")
            yield OptionList("Participatie: meedoen aan plannen en beleid")
            yield Static("Gemeente")
            yield OptionList("Geen", "Leiden")
            yield hidden(Static(""))
            with Horizontal():
                yield Button("Beginnen")
                yield Button("Casuistiek")
        yield Footer()
    def on_mount(self):
        self.call_after_refresh(self.app.push_screen, Question())
class Question(Screen):  # as ours shows the default tree's first question, an open one
    def compose(self):
        yield Header()
        with Horizontal():
            with Vertical():
                yield Static("Stap 1")
                yield Static("Hoe heet het project of het plan?")
                yield Static("Typ een antwoord en druk op Enter.")
                yield hidden(Static(""))
                yield hidden(OptionList(*[f"Optie {i}" for i in range(11)]))
                yield Input()
                yield Static("0 van 120 tekens")
                yield hidden(Static("info"))
                yield hidden(Button("Verder"))
                yield hidden(Static("fout"))
            yield hidden(VerticalScroll())
        with Horizontal():
            yield ProgressBar(show_eta=False, show_percentage=False)
            yield Static("Beantwoord: 0 · nog 9 à 17 vragen")
        yield Footer()
    def on_mount(self):
        self.call_after_refresh(self.done)
    def done(self):
        _report("screens")
        self.app.exit()
class Bare(App):
    def get_default_screen(self):
        return Start()
Bare().run(headless=True)
"""
)

WIZARD = (
    _REPORT
    + """
from wizard.cli import build_parser
build_parser().parse_args(["--no-save"])
from wizard.paths import default_tree
from wizard.ui.launch import app_class
StappenplanApp = app_class()  # imported as `stappenplan` does
class Timed(StappenplanApp):
    def _trees_loaded(self, entries):
        super()._trees_loaded(entries)
        self.call_after_refresh(self.screen._begin)
        self.call_after_refresh(self._wait)
    def _wait(self):
        from wizard.ui.screens.wizard import WizardScreen
        if isinstance(self.screen, WizardScreen) and self.screen.is_mounted:
            self.screen.call_after_refresh(self._done)
        else:
            self.call_after_refresh(self._wait)
    def _done(self):
        _report("first-question")
        self.exit()
Timed.__module__ = StappenplanApp.__module__  # CSS_PATH is relative to the app's module
Timed([default_tree()], save=False).run(headless=True)
"""
)


def _spawn(code: str, env: dict[str, str]) -> tuple[float, float]:
    """(ms from exec to the reported moment, peak RSS in MB)."""
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT, env=env
    )
    for line in out.stdout.splitlines():
        if line.startswith("BENCH "):
            data = json.loads(line[6:])
            return 1000 * (data["at"] - start), data["rss"]
    raise SystemExit(f"no measurement:\n{out.stdout}\n{out.stderr}")


def startup(runs: int) -> list[tuple[str, list[float], list[float], str]]:
    # Bytecode for the package, as pip writes it on installation (Textual's was written when it
    # was installed). Without it, and with PYTHONDONTWRITEBYTECODE set (as on the reference VM),
    # every run compiled all of wizard/ from source: ~30-50 ms that no installed copy pays.
    import compileall

    compileall.compile_dir(ROOT / "wizard", quiet=1)
    state = tempfile.mkdtemp(prefix="bench-state-")
    warm_env = {
        **os.environ,
        "STAPPENPLAN_STATE_DIR": state,
        "STAPPENPLAN_CACHE_DIR": tempfile.mkdtemp(prefix="bench-cache-"),
    }
    for code in (BARE, STACK, SCREENS, WIZARD):
        _spawn(code, warm_env)  # the file cache, and the tree cache
    bare_ms, bare_rss, stack_ms, stack_rss = [], [], [], []
    screens_ms, screens_rss = [], []
    wiz_ms, wiz_rss, cold_ms, cold_rss = [], [], [], []
    for _ in range(runs):  # interleaved, so drift hits all alike
        ms, rss = _spawn(BARE, warm_env)
        bare_ms.append(ms)
        bare_rss.append(rss)
        ms, rss = _spawn(STACK, warm_env)
        stack_ms.append(ms)
        stack_rss.append(rss)
        ms, rss = _spawn(SCREENS, warm_env)
        screens_ms.append(ms)
        screens_rss.append(rss)
        ms, rss = _spawn(WIZARD, warm_env)
        wiz_ms.append(ms)
        wiz_rss.append(rss)
        cold_env = {**warm_env, "STAPPENPLAN_CACHE_DIR": tempfile.mkdtemp(prefix="bench-cold-")}
        ms, rss = _spawn(WIZARD, cold_env)
        cold_ms.append(ms)
        cold_rss.append(rss)
    return [
        ("first-question (ms wall)", wiz_ms, bare_ms, "≤ 1.5x"),
        ("first-question (ms wall; floor: Textual+pydantic)", wiz_ms, stack_ms, "stack"),
        ("first-question (ms wall; floor: same screens)", wiz_ms, screens_ms, "ours"),
        ("  same screens, bare (ms wall; floor: bare app)", screens_ms, bare_ms, "floor"),
        ("first-question, tree not cached yet (ms wall)", cold_ms, bare_ms, "once"),
        ("peak RSS (MB)", wiz_rss, bare_rss, "≤ 1.3x"),
        ("peak RSS (MB; floor: Textual+pydantic)", wiz_rss, stack_rss, "stack"),
        ("peak RSS (MB; floor: same screens)", wiz_rss, screens_rss, "ours"),
        ("  same screens, bare (MB; floor: bare app)", screens_rss, bare_rss, "floor"),
        ("peak RSS, tree not cached yet (MB)", cold_rss, bare_rss, "once"),
    ]


# --- interaction, in this process (Pilot) --------------------------------------------------------


async def _bare_presses(presses: int) -> list[float]:
    from textual.app import App
    from textual.widgets import OptionList, Static

    class Bare(App):
        def compose(self):
            yield Static("Een vraag?")
            yield OptionList(*[f"Optie {i}" for i in range(5)])

    samples = []
    async with Bare().run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for i in range(presses):
            t0 = time.process_time()
            await pilot.press("down" if i % 8 < 4 else "up")
            await pilot.pause()
            samples.append(1000 * (time.process_time() - t0))
    return samples


async def _bare_swaps(steps: list[tuple[str, list[str]]], routes: int) -> list[float]:
    """A second floor for an answer: a bare app (Header, Static, OptionList, Footer) that
    replaces its question and options with those of the same route, the least Textual does to
    show a new question."""
    from textual.app import App
    from textual.widgets import Footer, Header, OptionList, Static

    class Bare(App):
        def compose(self):
            yield Header()
            yield Static(id="q")
            yield OptionList(id="o")
            yield Footer()

    samples = []
    async with Bare().run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        question, options = pilot.app.query_one("#q", Static), pilot.app.query_one(OptionList)
        for _ in range(routes):
            for title, labels in steps:
                t0 = time.process_time()
                question.update(title)
                options.set_options(labels)
                options.highlighted = 0
                await pilot.pause()
                samples.append(1000 * (time.process_time() - t0))
    return samples


async def _bare_markdown(text: str, pushes: int) -> list[float]:
    """The floor for the result screen: a bare app pushing a screen with Textual's Markdown
    widget showing the same plan."""
    from textual.app import App
    from textual.containers import VerticalScroll
    from textual.screen import Screen
    from textual.widgets import Markdown, Static

    class Plan(Screen):
        def compose(self):
            with VerticalScroll():
                yield Markdown(text)

    class Bare(App):
        def compose(self):
            yield Static("x")

    samples = []
    async with Bare().run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in range(pushes):
            t0 = time.process_time()
            await app_push(pilot.app, Plan())
            await pilot.pause()
            samples.append(1000 * (time.process_time() - t0))
            pilot.app.pop_screen()
            await pilot.pause()
    return samples


async def app_push(app, screen) -> None:
    await app.push_screen(screen)


def _longest_case(loaded):
    return max(loaded.tree.cases, key=lambda c: len(c.answers))


async def _wizard_route(
    routes: int, size: tuple[int, int] = (100, 30)
) -> tuple[list[float], list[float], int, str, list[tuple[str, list[str]]]]:
    from wizard.loader import load_tree
    from wizard.paths import default_tree
    from wizard.ui.app import StappenplanApp
    from wizard.ui.screens.result import ResultScreen
    from wizard.ui.state import Session

    loaded = load_tree(default_tree())
    case = _longest_case(loaded)
    app = StappenplanApp([default_tree()], save=False)
    answers, results = [], []
    steps = 0
    shown: list[tuple[str, list[str]]] = []  # each question and its options, for _bare_swaps
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(routes):
            app.begin(Session.fresh(loaded, case.variant, False))
            await pilot.pause()
            steps = 0
            while True:
                engine = app.session.engine
                node = engine.node
                value = case.answers.get(node.id, True)
                if len(shown) <= steps:
                    labels = [str(o.label) for o in getattr(node, "options", None) or []]
                    shown.append((str(getattr(node, "question", node.id)), labels))
                t0 = time.process_time()
                app.screen.submit(value)
                await pilot.pause()
                if engine.at_outcome:
                    while not isinstance(app.screen, ResultScreen):
                        await pilot.pause()
                    results.append(1000 * (time.process_time() - t0))
                    plan = app.screen._shown
                    break
                answers.append(1000 * (time.process_time() - t0))
                steps += 1
            app.pop_screen()
            await pilot.pause()
    return answers, results, steps, plan, shown[1:]  # a swap shows the next question


def interaction(runs: int) -> list[tuple[str, list[float], list[float], str]]:
    routes = max(2, runs // 3)
    threshold = gc.get_threshold()
    answers, results, steps, plan, shown = asyncio.run(_wizard_route(routes))
    wide = asyncio.run(_wizard_route(routes, (120, 40)))[0]
    # the app froze its objects and raised the collector's threshold: the floors (and the
    # trees measured after this) get the collector as Python sets it
    gc.unfreeze()
    gc.set_threshold(*threshold)
    gc.collect()
    floor = asyncio.run(_bare_presses(max(40, len(answers))))
    swaps = asyncio.run(_bare_swaps(shown, routes))
    markdown = asyncio.run(_bare_markdown(plan, len(results)))
    return [
        (f"answer → next question (CPU ms, {steps} steps x {routes})", answers, floor, "≤ 16 ms"),
        ("answer → next (CPU ms; floor: bare question swap)", answers, swaps, "Textual"),
        ("answer → next at 120x40, help shown (CPU ms)", wide, floor, "≤ 16 ms"),
        ("last answer → result (CPU ms; floor: key press)", results, floor, "≤ 150 ms"),
        ("last answer → result (CPU ms; floor: bare Markdown)", results, markdown, "Textual"),
    ]


# --- tree scale, in this process ------------------------------------------------------------------


def _tree_scale(questions: int, runs: int) -> tuple[list[float], list[float]]:
    import yaml

    from tests.bigtree import tree_yaml
    from wizard.lint import lint
    from wizard.loader import load_tree

    folder = Path(tempfile.mkdtemp(prefix="bench-tree-"))
    path = folder / f"boom-{questions}.yaml"
    path.write_text(tree_yaml(questions), encoding="utf-8")
    ours, bare = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        bare.append(1000 * (time.perf_counter() - t0))
        t0 = time.perf_counter()
        report = lint(load_tree(path))
        ours.append(1000 * (time.perf_counter() - t0))
        assert not report.errors, report.errors[:3]
    return ours, bare


def trees(runs: int) -> list[tuple[str, list[float], list[float], str]]:
    out = []
    for questions, reps in ((1_000, max(3, runs)), (10_000, max(3, runs // 3))):
        ours, bare = _tree_scale(questions, reps)
        out.append((f"tree {questions:,} questions (ms wall)", ours, bare, "≤ 1.5x"))
    return out


# --- report ---------------------------------------------------------------------------------------


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs per measurement (default 9)")
    parser.add_argument(
        "--only", nargs="*", choices=["startup", "interaction", "trees"], help="a subset"
    )
    args = parser.parse_args()
    groups = {"startup": startup, "interaction": interaction, "trees": trees}
    print(f"{'measurement':48} {'median':>9} {'p95':>9} {'floor':>9} {'ratio':>6}  target")
    for name, run in groups.items():
        if args.only and name not in args.only:
            continue
        for label, ours, floor, target in run(args.runs):
            m, f = statistics.median(ours), statistics.median(floor)
            print(
                f"{label:48} {m:9.1f} {_p95(ours):9.1f} {f:9.1f} {m / f:6.2f}  {target}",
                flush=True,
            )


if __name__ == "__main__":
    main()
