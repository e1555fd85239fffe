"""Time to first paint of the wizard, against a bare Textual app measured in the same run.

Usage: ``.venv/bin/python benchmarks/startup.py [RUNS]`` (default 15). Each run is a fresh
process that reports the milliseconds from its first line to the app's first refresh, headless.
Absolute times drift with the machine's load; the ratio is the figure to hold.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import sys, time
T0 = time.perf_counter()
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("x")
    def on_mount(self):
        self.call_after_refresh(self.done)
    def done(self):
        print(f"FIRST-PAINT {1000 * (time.perf_counter() - T0):.1f}")
        self.exit()
Bare().run(headless=True)
"""

WIZARD = """
import sys, time
T0 = time.perf_counter()
from wizard.cli import build_parser
build_parser().parse_args(["--no-save"])
from wizard.paths import default_tree
from wizard.ui.launch import app_class
StappenplanApp = app_class()  # imported as `stappenplan` does
class Timed(StappenplanApp):
    CSS_PATH = StappenplanApp.CSS_PATH
    def on_mount(self):
        self.call_after_refresh(self.done)
    def done(self):
        print(f"FIRST-PAINT {1000 * (time.perf_counter() - T0):.1f}")
        self.exit()
Timed.__module__ = StappenplanApp.__module__  # CSS_PATH is relative to the app's module
Timed([default_tree()], save=False).run(headless=True)
"""


def first_paint(code: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    for line in out.stdout.splitlines():
        if line.startswith("FIRST-PAINT "):
            return float(line.split()[1])
    raise SystemExit(f"no measurement:\n{out.stdout}\n{out.stderr}")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    import compileall

    compileall.compile_dir(ROOT / "wizard", quiet=1)  # bytecode, as an installation has
    first_paint(BARE), first_paint(WIZARD)  # warm the file cache
    bare, wizard = [], []
    for _ in range(runs):  # interleaved, so drift hits both alike
        bare.append(first_paint(BARE))
        wizard.append(first_paint(WIZARD))
    b, w = statistics.median(bare), statistics.median(wizard)
    print(f"bare Textual app   median {b:6.1f} ms  (min {min(bare):.1f}, max {max(bare):.1f})")
    print(f"stappenplan wizard median {w:6.1f} ms  (min {min(wizard):.1f}, max {max(wizard):.1f})")
    print(f"ratio wizard / bare: {w / b:.2f}  ({runs} runs each)")


if __name__ == "__main__":
    main()
