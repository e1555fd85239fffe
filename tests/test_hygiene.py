"""The pure core never imports textual, and CI runs exactly the README's test command."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CORE = [
    "wizard.model",
    "wizard.yamlsafe",
    "wizard.textfile",
    "wizard.loaded",
    "wizard.treecache",
    "wizard.recent",
    "wizard.loader",
    "wizard.flow",
    "wizard.lint",
    "wizard.engine",
    "wizard.advice",
    "wizard.render",
    "wizard.run",
    "wizard.session",
    "wizard.graph",
    "wizard.schema",
    "wizard.cli",
    "wizard.cases",
    "wizard.casuistiek",
    "wizard.compare",
    "wizard.handout",
    "wizard.problems",
    "wizard.text",
    "wizard.paths",
    "wizard.dossier",
    "wizard.report",
    "wizard.docx_export",
]


def test_core_does_not_import_textual():
    code = (
        "import sys\n"
        f"for name in {CORE!r}: __import__(name)\n"
        "from wizard.cli import main\n"
        "main(['check', 'tests/fixtures/mini.yaml'])\n"
        "main(['rapport', 'docs/examples/dossier-kooiplein.yaml', '--format', 'json'])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print('UI-IMPORTS:', bad)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr
    assert "UI-IMPORTS: []" in proc.stdout


def readme_command(label: str) -> str:
    """The command in the README's quick start that follows a line containing ``label``."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"{label}.*?\n```(?:sh|bash)?\n(.+?)\n```", text, re.S)
    assert match, f"README has no quick-start block for: {label}"
    return match.group(1).strip()


def test_ci_runs_the_readme_test_command():
    command = readme_command("Tests draaien")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command in ci.splitlines(), f".ci/run must run exactly: {command}"


def test_readme_start_command_sets_up_and_starts():
    command = readme_command("Starten")
    assert "python3 -m venv .venv" in command and command.rstrip().endswith(".venv/bin/stappenplan")


def test_first_paint_path_leaves_the_domain_to_the_loader_thread():
    """The app and its start screen import no pydantic or YAML: the trees load in a worker
    thread after the first paint (about 1.3x a bare Textual app instead of 2x)."""
    code = (
        "import sys\n"
        "import wizard.cli, wizard.ui.launch, wizard.ui.app, wizard.ui.screens.start\n"
        "print('HEAVY:', sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'yaml')))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY: []" in proc.stdout


def test_question_and_result_screens_leave_markdown_until_needed():
    """Textual's Markdown widget and markdown-it (~40 ms) are not imported with the question
    and result screens: the help panel loads them when it is first shown, the plan when a
    result is shown (issue 8 §3)."""
    code = (
        "import sys\n"
        "import wizard.ui.screens.wizard, wizard.ui.screens.result\n"
        "heavy = ('markdown_it', 'textual.widgets._markdown')\n"
        "print('HEAVY:', sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY: []" in proc.stdout


def test_ruff_lint_and_format_are_clean():
    """The README promises `ruff check . && ruff format --check .` passes; CI holds it to that."""
    for args in (["check", "."], ["format", "--check", "."]):
        proc = subprocess.run(
            [sys.executable, "-m", "ruff", *args],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr


def _locked() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version.strip()
    return pins


def test_both_readme_commands_and_ci_install_from_the_lock():
    for label in ("Starten", "Tests draaien"):
        assert "-c requirements.lock" in readme_command(label), label


def test_the_installed_environment_is_the_lock():
    """The suite runs on exactly the locked versions, and the lock covers every dependency of
    stappenplan and of its extras, so no fresh install can pick a version nobody tested."""
    from importlib import metadata

    pins = _locked()
    for name, version in pins.items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue  # an extra that this environment did not ask for (serve)
        assert installed == version, f"{name}: installed {installed}, locked {version}"
    wanted = metadata.requires("stappenplan") or []
    for requirement in wanted:
        name = re.split(r"[ ;<>=!~\[]", requirement, maxsplit=1)[0]
        assert re.sub(r"[-_.]+", "-", name).lower() in pins, f"{name} is not in requirements.lock"
