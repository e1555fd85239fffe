"""Sessions survive a round trip, a crash mid-write, and a tree that changed."""

from __future__ import annotations

import json

import pytest

from tests.conftest import edit, mini_text
from wizard.engine import Engine
from wizard.flow import resolve
from wizard.loader import load_tree_text
from wizard.session import (
    SessionError,
    load_session_data,
    save_session,
    session_from_dict,
    session_to_dict,
)


def started_engine() -> tuple[Engine, str]:
    loaded = load_tree_text(mini_text())
    engine = Engine(resolve(loaded.tree, "leiden"))
    engine.answer("Plein")
    engine.answer(True)
    engine.answer("ja")
    engine.answer(["omwonenden", "jongeren"])
    engine.back()
    return engine, loaded.digest


def test_round_trip_keeps_answers_cursor_and_variant(tmp_path):
    engine, digest = started_engine()
    path = tmp_path / "s.json"
    save_session(path, engine, digest)
    data = load_session_data(path)
    assert data["tree_id"] == "mini" and data["variant"] == "leiden"
    assert data["path"] == engine.path
    restored = session_from_dict(data, engine.flow, digest)
    assert restored.notes == [] and not restored.tree_changed
    assert restored.engine.answers == engine.answers
    assert restored.engine.cursor == "groepen"
    assert restored.engine.created == engine.created
    assert [f.name for f in tmp_path.iterdir()] == ["s.json"]  # no temporary file left


def test_changed_tree_reports_answers_that_no_longer_fit():
    engine, digest = started_engine()
    data = session_to_dict(engine, digest)
    changed_text = edit(
        mini_text(),
        "      - id: jongeren\n        label: Jongeren",
        "      - id: jeugd\n        label: Jeugd",
    )
    changed_text = changed_text.replace("has: jongeren", "has: jeugd").replace(
        "[omwonenden, jongeren]", "[omwonenden, jeugd]"
    )
    changed = load_tree_text(changed_text)
    data["answers"]["verdwenen"] = "x"
    restored = session_from_dict(
        json.loads(json.dumps(data)), resolve(changed.tree, "leiden"), changed.digest
    )
    assert restored.tree_changed
    assert any("'groepen' past niet meer" in n for n in restored.notes)
    assert any("'verdwenen' bestaat niet meer" in n for n in restored.notes)
    assert restored.engine.answers == {"naam": "Plein", "welkom": True, "ruimte": "ja"}
    assert restored.engine.cursor == "groepen"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "beschadigd"),
        ('{"kind": "iets anders"}', "geen sessiebestand"),
        ('{"kind": "stappenplan-session", "version": 99}', "sessieversie 99"),
        (
            '{"kind": "stappenplan-session", "version": 1, "tree_id": "mini", "variant": null}',
            "antwoorden ontbreken",
        ),
        (
            '{"kind": "stappenplan-session", "version": 1, "tree_id": "ander", "variant": null, "answers": {}}',
            "hoort bij boom 'ander'",
        ),
    ],
)
def test_bad_session_files_give_clear_errors(tmp_path, content, message):
    engine, digest = started_engine()
    path = tmp_path / "s.json"
    path.write_text(content)
    with pytest.raises(SessionError, match=message):
        session_from_dict(load_session_data(path), engine.flow, digest)
