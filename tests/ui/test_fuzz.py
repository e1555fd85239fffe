"""UI fuzz test: random keys and clicks on every screen must never crash the wizard.

CI runs a small fixed budget (fixed seeds). A long run on demand:
``STAPPENPLAN_FUZZ_STEPS=20000 pytest tests/ui/test_fuzz.py -q`` (optionally
``STAPPENPLAN_FUZZ_SEED``).
"""

from __future__ import annotations

import os
import random

import pytest
import textual._wait

from tests.ui.fuzz import FuzzLog, step
from tests.ui.helpers import MINI, make_app
from wizard.paths import default_tree

CI_STEPS = 200  # per size: about 20 s each
STEPS = int(os.environ.get("STAPPENPLAN_FUZZ_STEPS") or CI_STEPS)
SEED = int(os.environ.get("STAPPENPLAN_FUZZ_SEED") or 9)
EPISODE = 120  # steps before the app is started afresh (the state folder is kept)


async def _episode(size, rng: random.Random, log: FuzzLog, steps: int) -> None:
    # now and then in English or without saving: other strings, other paths
    options = {"lang": "en" if rng.random() < 0.25 else "nl", "save": rng.random() >= 0.25}
    log.note(f"start {options}")
    app = make_app(default_tree(), **options)
    app.tree_paths.append(MINI)
    quits: list[object] = []
    app.exit = lambda *a, **k: quits.append(a)  # type: ignore[method-assign]
    app.open_url = lambda *a, **k: None  # type: ignore[method-assign]
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(steps):
            await step(pilot, rng, log)
            if app.crashed:
                break
            if quits:
                log.quits += 1
                break
    assert not app.crashed, f"crash after: {log.recent}"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_random_keys_and_clicks_never_crash(size, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # exports and screenshots land here
    # Pilot waits for the app to go idle after each key in 20 ms slices; 5 ms slices keep the
    # same test (idle = the process hardly used the CPU in a slice) at a quarter of the time
    monkeypatch.setattr(textual._wait, "SLEEP_GRANULARITY", 0.005)
    monkeypatch.setattr(textual._wait, "SLEEP_IDLE", 0.005 / 20)
    monkeypatch.setenv("STAPPENPLAN_DOCUMENTS_DIR", str(tmp_path))
    rng = random.Random(SEED * 1000 + size[0])
    log = FuzzLog()
    try:
        while log.steps < STEPS:
            await _episode(size, rng, log, min(EPISODE, STEPS - log.steps))
            if STEPS > CI_STEPS:  # a long run says how far it got (seen with -s)
                print(f"fuzz {size}: {log.steps} steps without a crash", flush=True)
    except BaseException:
        print(f"seed {SEED}, size {size}, after {log.steps} steps; last actions:")
        print("\n".join(log.recent))
        raise
    print(f"fuzz {size}: {log.steps} steps, {log.quits} quits, screens {sorted(log.screens)}")
    assert log.steps >= STEPS
