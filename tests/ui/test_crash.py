"""An unexpected error is contained: answers saved, traceback in a log file, one sentence, exit 3."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.ui.helpers import MINI, begin, make_app, type_text
from wizard.crash import crash_log_dir
from wizard.ui.screens.wizard import WizardScreen

ROOT = Path(__file__).resolve().parents[2]


async def test_a_crash_saves_the_answers_and_writes_a_log(monkeypatch):
    def broken(self) -> None:
        raise RuntimeError("kapot-bij-overzicht")

    monkeypatch.setattr(WizardScreen, "action_review", broken)
    app = make_app()
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await begin(pilot)
            await type_text(pilot, "Plein bij de kerk")
            # the autosave after an answer is removed, so only the crash handler can save it
            saved_at = app.session.path
            saved_at.unlink()
            await pilot.press("f2")
            await pilot.pause()
    assert app.return_code == 3
    assert app.crash_saved is True
    saved = json.loads(saved_at.read_text(encoding="utf-8"))
    assert saved["answers"]["naam"] == "Plein bij de kerk"
    assert app.crash_log is not None and app.crash_log.parent == crash_log_dir()
    log = app.crash_log.read_text(encoding="utf-8")
    assert "RuntimeError: kapot-bij-overzicht" in log
    assert "in broken" in log  # the traceback, for whoever fixes it


SCRIPT = textwrap.dedent(
    """
    import sys
    from wizard import cli
    from wizard.ui.app import StappenplanApp
    from wizard.ui.screens.wizard import WizardScreen

    SECRET = "geheim-antwoord-in-een-lokale-variabele"

    def broken(self):
        answer = SECRET
        raise RuntimeError("kapot")

    WizardScreen.action_review = broken

    async def auto(pilot):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        pilot.app.screen._begin()
        await pilot.pause()
        await pilot.press("f2")

    run = StappenplanApp.run
    StappenplanApp.run = lambda self, **kw: run(self, headless=True, auto_pilot=auto)
    sys.exit(cli.main(["--tree", sys.argv[1]]))
    """
)


def test_the_user_reads_one_sentence_with_the_log_and_the_status_is_3(tmp_path):
    env = {**os.environ, "STAPPENPLAN_STATE_DIR": str(tmp_path / "state")}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(MINI)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 3
    shown = (done.stdout + done.stderr).strip()
    logs = list((tmp_path / "state" / "logs").glob("*.log"))
    assert len(logs) == 1
    assert shown.count("\n") == 0, shown  # one sentence, no traceback
    assert str(logs[0]) in shown
    assert shown.startswith("stappenplan is gestopt door een fout")
    assert "geheim-antwoord" not in shown  # no local variables on the screen
    assert "RuntimeError: kapot" in logs[0].read_text(encoding="utf-8")
    assert "geheim-antwoord" not in logs[0].read_text(encoding="utf-8")
