"""Pilot tests: saved sessions never vanish, never crash the start, and are never overwritten.

Each case from issue 9: a corrupt session file (deeply nested, an absurd date, truncated,
empty, YAML, binary, another version, a byte-order mark, too big) is named on the start screen
with the reason and kept aside; a new session never overwrites an older one; temp files left by
a killed write are cleaned; the quit dialog says what really happened.
"""

from __future__ import annotations

import json
import os
import time

import pytest

from tests.ui.helpers import begin, make_app, ready, screen_text, type_text
from wizard.paths import state_dir
from wizard.ui.screens.modals import ConfirmScreen
from wizard.ui.screens.start import StartScreen
from wizard.ui.screens.wizard import WizardScreen
from wizard.ui.state import sessions_dir


def good_session(**changes) -> dict:
    data = {
        "kind": "stappenplan-session",
        "version": 1,
        "tree_id": "mini",
        "tree_digest": "x",
        "variant": None,
        "answers": {"naam": "Oud plein", "welkom": True},
        "path": ["naam", "welkom", "ruimte"],
        "cursor": "ruimte",
        "created": "2025-01-01T10:00:00+00:00",
        "updated": "2025-01-01T10:00:00+00:00",
        "exported": False,
    }
    data.update(changes)
    return data


def write_session(name: str, content: bytes) -> None:
    folder = sessions_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(content)


def sessions_on_disk() -> dict[str, dict]:
    return {
        p.name: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(sessions_dir().glob("*.json"))
    }


def text(app) -> str:
    """Screen text with wrapped lines joined, so a sentence is found wherever it wraps."""
    return " ".join(screen_text(app).split())


CORRUPT = [
    ("diep", b"[" * 100_000, "te diep genest"),
    ("afgebroken", b'{"kind": "stappenplan-session", "vers', "beschadigd (regel 1"),
    ("leeg", b"", "leeg"),
    ("yaml", b"kind: stappenplan-session\nversion: 1\n", "beschadigd"),
    ("binair", bytes(range(256)) * 4, "geen tekst"),
    ("versie", json.dumps(good_session(version=2)).encode(), "sessieversie 2"),
    ("bom", "\ufeff".encode() + json.dumps(good_session()).encode(), "onzichtbaar teken (BOM)"),
    ("groot", b" " * (1024 * 1024 + 10), "te groot"),
]


@pytest.mark.parametrize(("case", "content", "reason"), CORRUPT, ids=[c[0] for c in CORRUPT])
async def test_an_unreadable_session_is_named_and_kept_aside(case, content, reason):
    write_session("mini.json", content)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, StartScreen)
        shown = text(app)
        assert "Een bewaarde sessie kon niet worden gelezen" in shown
        assert "mini.json:" in shown and reason in shown
        assert "onleesbaar" in shown  # where the copy is kept
    backup = sessions_dir() / "onleesbaar" / "mini.json"
    assert backup.read_bytes() == content
    assert not (sessions_dir() / "mini.json").exists()


async def test_beginning_anew_never_touches_the_kept_copy():
    write_session("mini.json", b"[" * 100_000)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        app.screen.query_one("#unreadable-keep").focus()
        await pilot.press("enter")
        assert not app.screen.query_one("#unreadable-box").display
        await begin(pilot)
        await type_text(pilot, "Nieuw plein")
    assert (sessions_dir() / "onleesbaar" / "mini.json").read_bytes() == b"[" * 100_000
    [saved] = sessions_on_disk().values()
    assert saved["answers"]["naam"] == "Nieuw plein"
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        assert "kon niet worden gelezen" not in text(app)  # said once; the copy stays aside


async def test_the_kept_copy_can_be_deleted():
    write_session("mini.json", b"")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        app.screen.query_one("#unreadable-delete").focus()
        await pilot.press("enter")
        assert not app.screen.query_one("#unreadable-box").display
    assert not (sessions_dir() / "onleesbaar" / "mini.json").exists()


async def test_an_absurd_date_does_not_crash_the_start_screen():
    write_session(
        "mini.json", json.dumps(good_session(updated="9999-12-31T23:59:59-14:00")).encode()
    )
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        shown = text(app)
        assert "Oud plein" in shown and "laatst bewerkt ?" in shown
        await pilot.press("enter")  # Verder gaan
        assert isinstance(app.screen, WizardScreen)
        assert app.session.engine.answers["naam"] == "Oud plein"


async def test_a_new_session_never_overwrites_the_one_on_offer():
    old = good_session()
    write_session("mini.json", json.dumps(old).encode())
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        assert app.screen.query_one("#resume-box").display
        await pilot.press("tab", "enter")  # Nieuw beginnen
        await pilot.press("enter", "enter")  # the tree, no variant
        assert isinstance(app.screen, WizardScreen)
        await type_text(pilot, "Nieuw plein")
    on_disk = sessions_on_disk()
    assert on_disk["mini.json"] == old  # untouched
    assert sorted(s["answers"]["naam"] for s in on_disk.values()) == ["Nieuw plein", "Oud plein"]
    # next start: the newest is offered, the other one is listed among the projects
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        shown = text(app)
        assert "Nieuw plein" in shown and "Niet afgemaakt: Oud plein" in shown
        app.screen.query_one("#projects").focus()
        await pilot.press("enter")
        assert app.session.engine.answers["naam"] == "Oud plein"


async def test_a_session_written_by_another_window_is_not_overwritten():
    write_session("mini.json", json.dumps(good_session()).encode())
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("enter")  # Verder gaan
        other = good_session(
            answers={"naam": "Uit het andere venster"}, updated="2025-02-02T00:00:00+00:00"
        )
        (sessions_dir() / "mini.json").write_text(json.dumps(other), encoding="utf-8")
        await pilot.press("1")  # answer 'ruimte' here
        await pilot.pause()
        messages = [n.message for n in app._notifications]  # the toast a user sees
        assert any("in een nieuw bestand" in m for m in messages)
    on_disk = sessions_on_disk()
    assert on_disk["mini.json"]["answers"] == {"naam": "Uit het andere venster"}
    [ours] = [s for name, s in on_disk.items() if name != "mini.json"]
    assert ours["answers"]["ruimte"] == "ja"


async def test_leftover_temp_files_are_cleaned():
    folder = sessions_dir()
    folder.mkdir(parents=True)
    stale, fresh = folder / ".mini.json.abc.tmp", folder / ".mini.json.def.tmp"
    stale.write_text("{", encoding="utf-8")
    fresh.write_text("{", encoding="utf-8")  # a write in progress in another window
    old = time.time() - 3600
    os.utime(stale, (old, old))
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
    assert not stale.exists() and fresh.exists()


async def test_quit_dialog_says_the_answers_were_not_saved(tmp_path, monkeypatch):
    blocker = tmp_path / "geen-map"
    blocker.write_text("dit is een bestand, geen map", encoding="utf-8")
    monkeypatch.setenv("STAPPENPLAN_STATE_DIR", str(blocker / "state"))
    assert state_dir() == blocker / "state"
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await begin(pilot)
        await type_text(pilot, "Plein")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        shown = text(app)
        assert "NIET worden bewaard" in shown
        assert "bewaard; de volgende keer" not in shown


async def test_quit_dialog_says_saved_when_it_was():
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await begin(pilot)
        await type_text(pilot, "Plein")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Uw antwoorden zijn bewaard" in text(app)
    [saved] = sessions_on_disk().values()
    assert saved["answers"]["naam"] == "Plein"
