"""The UI's plain-Python helpers: strings, export paths, resumable sessions, import hygiene."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from tests.ui.helpers import MINI
from wizard.loader import load_tree
from wizard.ui.state import (
    Session,
    default_export_name,
    export_targets,
    find_resumable,
    load_entry,
    session_file,
    slug,
)
from wizard.ui.strings import EN, NL, Strings


def test_every_string_exists_in_both_languages():
    assert set(NL) == set(EN)
    assert Strings("en")("b.back") == "Back"
    assert Strings("nl")("b.back") == "Terug"
    assert Strings("xx")("b.back") == "Terug"


def test_export_names_and_targets(tmp_path):
    assert slug("Herinrichting Plein & Straat — fase 2") == "herinrichting-plein-straat-fase-2"
    assert slug("!!!") == "participatieplan"
    session = Session.fresh(load_tree(MINI), None, save=False)
    session.engine.answer("Plein")
    assert default_export_name(session.engine, date(2025, 1, 2)) == (
        "participatieplan-plein-2025-01-02.md"
    )
    md, js = export_targets("plan", "x.md", cwd=tmp_path)
    assert (md, js) == (tmp_path / "plan.md", tmp_path / "plan.json")
    md, _ = export_targets(str(tmp_path) + "/", "x.md")
    assert md == tmp_path / "x.md"
    md, js = export_targets("verslag.json", "x.md", cwd=tmp_path)
    assert (md.name, js.name) == ("verslag.md", "verslag.json")


def test_autosave_and_find_resumable():
    entry = load_entry(MINI)
    assert entry.ok
    assert find_resumable([entry]) is None
    session = Session.fresh(entry.loaded, "leiden", save=True)
    session.engine.answer("Plein")
    assert session.autosave() is None
    found = find_resumable([entry])
    assert found is not None
    assert (found.variant, found.answered, found.project) == ("leiden", 1, "Plein")
    restored, notes, changed = Session.resume(found, save=True)
    assert restored.engine.answers == {"naam": "Plein"}
    assert restored.engine.flow.variant_id == "leiden"
    assert (notes, changed) == ([], False)
    session.mark_exported()
    assert json.loads(session.path.read_text(encoding="utf-8"))["exported"] is True
    assert find_resumable([entry]) is None  # exported: nothing left to resume


def test_no_save_writes_nothing():
    entry = load_entry(MINI)
    session = Session.fresh(entry.loaded, None, save=False)
    session.engine.answer("Plein")
    session.autosave()
    assert not session.path.exists() and not session_file("mini").exists()


def test_invalid_tree_entry(tmp_path):
    bad = tmp_path / "kapot.yaml"
    bad.write_text("format: 1\n", encoding="utf-8")
    entry = load_entry(bad)
    assert not entry.ok and entry.problems


def test_headless_commands_do_not_import_textual():
    code = "import sys, wizard.cli, wizard.ui.launch; print('textual' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path.cwd()
    )
    assert out.stdout.strip() == "False"


def test_every_ui_string_is_used():
    """A string nobody shows is a translation nobody checks: keep the table to what is used."""
    import pathlib

    from wizard.ui import strings

    ui = pathlib.Path(strings.__file__).parent
    source = "\n".join(
        p.read_text(encoding="utf-8") for p in ui.rglob("*.py") if not p.name.endswith("strings.py")
    )
    dynamic = (
        "compare.mark.",
        "node.kind.",
        "dossier.fmt.",
        "dossier.doc.",
    )  # built as f"compare.mark.{status}" and so on
    unused = [
        key
        for key in strings.NL
        if f'"{key}"' not in source and f"'{key}'" not in source and not key.startswith(dynamic)
    ]
    assert unused == []


def test_a_session_without_answers_leaves_no_file():
    entry = load_entry(MINI)
    session = Session.fresh(entry.loaded, None, save=True)
    assert session.autosave() is None
    assert not session.path.exists()
    session.engine.answer("Plein")
    assert session.autosave() is None and session.path.exists()
