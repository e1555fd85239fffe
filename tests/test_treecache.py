"""The tree cache makes a second start faster and is never wrong: an edited, broken or tampered
file is read as if there were no cache."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINI, edit, mini_text
from wizard import treecache
from wizard.loader import load_tree
from wizard.paths import cache_dir
from wizard.problems import ProblemsError
from wizard.treecache import load_tree_cached

ROOT = Path(__file__).resolve().parent.parent


def entries() -> list[Path]:
    folder = cache_dir() / "bomen"
    return sorted(folder.glob("*.pickle")) if folder.is_dir() else []


def tree_file(tmp_path: Path, text: str | None = None) -> Path:
    path = tmp_path / "boom.yaml"
    path.write_text(mini_text() if text is None else text, encoding="utf-8")
    return path


def no_parsing(monkeypatch) -> None:
    """Make any YAML parse or validation fail loudly: what loads now came from the cache."""

    def refuse(*args, **kwargs):
        raise AssertionError("parsed again although the cache holds this text")

    monkeypatch.setattr("wizard.yamlsafe.parse_yaml", refuse)
    monkeypatch.setattr("wizard.loader.tree_from_doc", refuse)


def test_second_load_comes_from_the_cache_and_equals_a_fresh_load(tmp_path, monkeypatch):
    path = tree_file(tmp_path)
    first = load_tree_cached(path)
    assert len(entries()) == 1
    no_parsing(monkeypatch)
    second = load_tree_cached(path)
    assert second.tree == first.tree
    assert second.digest == first.digest and second.file == str(path)
    monkeypatch.undo()
    assert second.tree == load_tree(MINI).tree


def test_positions_are_parsed_on_first_use_after_a_cached_load(tmp_path):
    path = tree_file(tmp_path)
    load_tree_cached(path)
    cached = load_tree_cached(path)
    direct = load_tree(path)
    assert cached.doc.marks.at(("nodes", 2, "id")) == direct.doc.marks.at(("nodes", 2, "id"))
    assert cached.doc.data == direct.doc.data


def test_an_edited_tree_is_read_again_never_served_stale(tmp_path, monkeypatch):
    path = tree_file(tmp_path)
    assert load_tree_cached(path).tree.title != "Nieuwe titel"
    text = mini_text()
    title_line = next(line for line in text.splitlines() if line.startswith("title:"))
    path.write_text(edit(text, title_line, "title: Nieuwe titel"), encoding="utf-8")
    assert load_tree_cached(path).tree.title == "Nieuwe titel"
    assert len(entries()) == 2


def test_new_code_gets_a_new_key(tmp_path, monkeypatch):
    path = tree_file(tmp_path)
    load_tree_cached(path)
    monkeypatch.setattr(treecache, "_code_key", "another-version-of-the-model")
    load_tree_cached(path)
    assert len(entries()) == 2


def test_a_broken_tree_is_never_cached_and_reports_like_the_loader(tmp_path):
    path = tree_file(tmp_path, edit(mini_text(), "title: Kleine proefboom", "title: [een, lijst]"))
    with pytest.raises(ProblemsError) as cached:
        load_tree_cached(path)
    with pytest.raises(ProblemsError) as direct:
        load_tree(path)
    assert [p.format() for p in cached.value.problems] == [
        p.format() for p in direct.value.problems
    ]
    assert entries() == []


def test_a_missing_file_reports_like_the_loader(tmp_path):
    with pytest.raises(ProblemsError) as info:
        load_tree_cached(tmp_path / "weg.yaml")
    assert "bestaat niet" in info.value.problems[0].message


def test_a_damaged_cache_file_is_ignored_and_replaced(tmp_path):
    path = tree_file(tmp_path)
    expected = load_tree_cached(path).tree
    [entry] = entries()
    entry.write_bytes(b"\x80\x05 niet af")
    assert load_tree_cached(path).tree == expected
    assert pickle.loads(entry.read_bytes()) == expected  # written again, whole


class _Payload:
    """What a planted cache file might hold: a call to run when it is unpickled."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (str(self.marker),))


def test_a_planted_cache_file_never_runs_code(tmp_path):
    path = tree_file(tmp_path)
    expected = load_tree_cached(path).tree
    [entry] = entries()
    marker = tmp_path / "uitgevoerd"
    entry.write_bytes(pickle.dumps(_Payload(marker)))
    assert load_tree_cached(path).tree == expected
    assert not marker.exists()


def test_a_cache_folder_that_cannot_be_written_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "geen-map"
    blocker.write_text("een bestand waar de cachemap had moeten staan", encoding="utf-8")
    monkeypatch.setenv("STAPPENPLAN_CACHE_DIR", str(blocker))
    path = tree_file(tmp_path)
    assert load_tree_cached(path).tree.id == "mini"
    assert load_tree_cached(path).tree.id == "mini"


def test_old_entries_are_pruned(tmp_path, monkeypatch):
    monkeypatch.setattr(treecache, "KEEP", 2)
    text = mini_text()
    title_line = next(line for line in text.splitlines() if line.startswith("title:"))
    for n in range(4):
        path = tree_file(tmp_path, edit(text, title_line, f"title: Versie {n}"))
        load_tree_cached(path)
    assert len(entries()) == 2


def test_a_cached_start_imports_neither_yaml_nor_the_loader(tmp_path):
    """What makes the second start fast: the file is read, hashed and unpickled, nothing else."""
    code = (
        "import sys\n"
        "from wizard.treecache import load_tree_cached\n"
        "loaded = load_tree_cached(sys.argv[1])\n"
        "print('TREE', loaded.tree.id)\n"
        "print('HEAVY', sorted(m for m in ('yaml', 'wizard.loader', 'wizard.yamlsafe')"
        " if m in sys.modules))\n"
    )
    env = {**os.environ, "STAPPENPLAN_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, str(MINI)],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=ROOT,
            env=env,
        )
        for _ in range(2)
    ]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr + runs[1].stderr
    assert "TREE mini" in runs[0].stdout and "TREE mini" in runs[1].stdout
    assert "HEAVY ['wizard.loader', 'wizard.yamlsafe', 'yaml']" in runs[0].stdout
    assert "HEAVY []" in runs[1].stdout


def test_a_failed_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    def refuse(*args):
        raise PermissionError("in gebruik")  # as Windows says while another start reads it

    monkeypatch.setattr(treecache.os, "replace", refuse)
    assert load_tree_cached(tree_file(tmp_path)).tree.id == "mini"
    folder = cache_dir() / "bomen"
    assert list(folder.iterdir()) == []


def test_an_entry_in_use_is_kept_when_older_ones_are_pruned(tmp_path, monkeypatch):
    monkeypatch.setattr(treecache, "KEEP", 2)
    text = mini_text()
    title_line = next(line for line in text.splitlines() if line.startswith("title:"))
    paths = []
    for n in range(3):
        folder = tmp_path / str(n)
        folder.mkdir()
        paths.append(tree_file(folder, edit(text, title_line, f"title: Versie {n}")))
    load_tree_cached(paths[0])
    load_tree_cached(paths[1])
    by_title = {pickle.loads(p.read_bytes()).title: p for p in entries()}
    os.utime(by_title["Versie 0"], (1_000, 1_000))  # the oldest
    os.utime(by_title["Versie 1"], (2_000, 2_000))
    load_tree_cached(paths[0])  # used again: touched
    load_tree_cached(paths[2])  # a third entry: one has to go
    titles = sorted(pickle.loads(p.read_bytes()).title for p in entries())
    assert titles == ["Versie 0", "Versie 2"]
