"""`stappenplan serve`: the wizard in a browser via textual-serve, on loopback only in tests.

Every wait here is bounded; every process a test starts is stopped by its own pid.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import MINI
from wizard.cli import main
from wizard.serve import is_loopback, public_url_for, served_command

ROOT = Path(__file__).resolve().parent.parent
HAS_SERVE = importlib.util.find_spec("textual_serve") is not None
needs_serve = pytest.mark.skipif(not HAS_SERVE, reason="textual-serve is niet geïnstalleerd")
HAS_UI = (
    importlib.util.find_spec("wizard.ui.launch") is not None
    if importlib.util.find_spec("wizard.ui")
    else False
)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 2.0) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
        assert response.status == 200
        return response.read().decode("utf-8")


def fetch_with_host(url: str, host: str) -> str:
    """GET from the loopback server, with the Host header a browser elsewhere would send."""
    request = urllib.request.Request(url, headers={"Host": host})
    with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310 - loopback only
        return response.read().decode("utf-8")


@contextlib.contextmanager
def served(tmp_path: Path, tree: Path = MINI) -> Iterator[tuple[subprocess.Popen, str]]:
    """Start `python -m wizard serve` on a free loopback port; yield it once the page answers."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    out = (tmp_path / "serve.out").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "wizard", "serve", "--port", str(port), "--tree", str(tree)],
        cwd=ROOT,
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                pytest.fail(f"serve stopte meteen: {(tmp_path / 'serve.out').read_text()}")
            try:
                fetch(url, timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("serve gaf binnen 30 seconden geen pagina")
                time.sleep(0.2)
        yield proc, url
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        out.close()


def processes_mentioning(text: str) -> list[int]:
    """Pids whose command line contains ``text`` (Linux /proc; empty elsewhere)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if text in cmdline and int(entry.name) != os.getpid():
            found.append(int(entry.name))
    return found


# --- the command line ---------------------------------------------------------------------------


def test_help_warns_that_there_is_no_authentication(capsys):
    with pytest.raises(SystemExit) as info:
        main(["serve", "--help"])
    assert info.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "geen authenticatie" in out and "reverse proxy met authenticatie" in out
    assert "--host" in out and "--port" in out and "--tree" in out and "127.0.0.1" in out


def test_served_command_runs_this_python_without_saving(tmp_path: Path):
    tree = tmp_path / "map met spatie" / "boom.yaml"
    command = served_command(tree, "leiden")
    assert command.startswith(f"{shlex.quote(sys.executable)} -m wizard --no-save --tree ")
    assert shlex.split(command) == [
        sys.executable,
        "-m",
        "wizard",
        "--no-save",
        "--tree",
        str(tree.resolve()),
        "--variant",
        "leiden",
    ]
    assert "--lang" not in served_command(None) and served_command(None, lang="en").endswith(
        "--lang en"
    )


def test_loopback_and_public_url():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")
    assert public_url_for("::1", 8000) == "http://[::1]:8000"


def test_missing_textual_serve_gives_a_dutch_message(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    assert main(["serve", "--tree", str(MINI)]) == 2
    err = capsys.readouterr().err
    assert "textual-serve" in err and ".venv/bin/pip install -e '.[serve]'" in err


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--port", "0"], 2, "poort 0 bestaat niet"),
        (["--port", "70000"], 2, "poort 70000 bestaat niet"),
        (["--tree", "bestaat/niet.yaml"], 2, "boombestand niet gevonden"),
        (["--tree", str(MINI), "--variant", "delft"], 2, "variant 'delft' bestaat niet"),
    ],
)
def test_wrong_use_is_refused_before_serving(args, code, message, capsys):
    assert main(["serve", *args]) == code
    assert message in capsys.readouterr().err


def test_an_invalid_tree_is_refused(tmp_path: Path, capsys):
    bad = tmp_path / "boom.yaml"
    bad.write_text("format: 1\nid: x\n", encoding="utf-8")
    assert main(["serve", "--tree", str(bad)]) == 1
    assert f"{bad}:" in capsys.readouterr().err


def test_python_m_wizard_is_the_cli():
    result = subprocess.run(
        [sys.executable, "-m", "wizard", "serve", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and "textual-serve" in result.stdout


# --- a real server on loopback ------------------------------------------------------------------


@needs_serve
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_serve_answers_with_the_page_and_stops_cleanly(tmp_path: Path, stop):
    with served(tmp_path) as (proc, url):
        page = fetch(url)
        assert "Stappenplan participatie" in page
        port = url.rsplit(":", 1)[1].strip("/")
        assert f"ws://127.0.0.1:{port}/ws" in page  # the browser connects back to loopback
        # the websocket address follows the address the browser used (for --host 0.0.0.0) ...
        shared = fetch_with_host(url, "192.168.1.50:8123")
        assert "ws://192.168.1.50:8123/ws" in shared and "Stappenplan participatie" in shared
        # ... but only a plain host name or address is ever put back into the page
        odd = fetch_with_host(url, 'x"><script>alert(1)</script>')
        assert "<script>alert" not in odd
        assert f"ws://127.0.0.1:{port}/ws" in odd
        proc.send_signal(stop)
        assert proc.wait(timeout=15) == 0
    log = (tmp_path / "serve.out").read_text(encoding="utf-8", errors="replace")
    assert f"draait op http://127.0.0.1:{port}" in log
    with pytest.raises(OSError):
        fetch(url, timeout=1)


@needs_serve
def test_each_tab_gets_its_own_wizard_process_which_ends_with_the_server(tmp_path: Path):
    aiohttp = pytest.importorskip("aiohttp")
    tree = tmp_path / f"boom-{os.getpid()}-{time.monotonic_ns()}.yaml"
    shutil.copy(MINI, tree)  # a unique path, to find the tab's process by its command line

    async def open_tab(ws_url: str) -> bytes:
        received = b""
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(ws_url) as ws:
                await ws.send_json(["resize", {"width": 100, "height": 30}])
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline and len(received) < 200:
                    try:
                        msg = await ws.receive(timeout=2)
                    except TimeoutError:
                        if not HAS_UI:
                            break
                        continue
                    if msg.type == aiohttp.WSMsgType.BINARY:
                        received += msg.data
                    elif msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                        break
                assert processes_mentioning(str(tree)) or not HAS_UI
        return received

    with served(tmp_path, tree) as (proc, url):
        ws_url = url.replace("http://", "ws://") + "ws?width=100&height=30"
        received = asyncio.run(asyncio.wait_for(open_tab(ws_url), timeout=60))
        if HAS_UI:
            assert received, "de wizard in het tabblad stuurde niets"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
    deadline = time.monotonic() + 10
    while processes_mentioning(str(tree)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert processes_mentioning(str(tree)) == []


CHROMIUM = next(
    (p for p in ("/usr/bin/chromium", shutil.which("chromium") or "") if p and Path(p).exists()),
    None,
)


@needs_serve
@pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is niet geïnstalleerd (Debian: apt install chromium)"
)
def test_headless_chromium_opens_the_wizard_page(tmp_path: Path):
    with served(tmp_path) as (proc, url):
        result = subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                f"--user-data-dir={tmp_path / 'chromium'}",
                "--virtual-time-budget=8000",
                "--dump-dom",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=90,
        )
        assert "Stappenplan participatie" in result.stdout, result.stderr[-2000:]
        assert "textual-terminal" in result.stdout
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=15) == 0


@needs_serve
@pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is niet geïnstalleerd (Debian: apt install chromium)"
)
def test_headless_chromium_shows_the_wizard_and_ctrl_c_ends_open_tabs(tmp_path: Path):
    pytest.importorskip("aiohttp")
    from tests.browser import Browser

    tree = tmp_path / f"boom-{os.getpid()}-{time.monotonic_ns()}.yaml"
    shutil.copy(MINI, tree)

    async def look(url: str, proc: subprocess.Popen) -> tuple[bool, Path, int, float]:
        async with Browser(CHROMIUM, tmp_path / "profiel") as browser:
            await browser.open(url)
            shown = await browser.wizard_shown(timeout=40)
            await asyncio.sleep(1)
            shot = await browser.screenshot(tmp_path / "wizard.png")
            assert processes_mentioning(str(tree)), "geen wizardproces voor het tabblad"
            started = time.monotonic()
            proc.send_signal(signal.SIGINT)  # the trainer presses Ctrl+C with the tab still open
            code = await asyncio.to_thread(proc.wait, 15)
            return shown, shot, code, time.monotonic() - started

    with served(tmp_path, tree) as (proc, url):
        shown, shot, code, took = asyncio.run(asyncio.wait_for(look(url, proc), timeout=120))
    assert shown, "de wizard stuurde geen eerste scherm naar de browser"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    assert code == 0 and took < 10
    deadline = time.monotonic() + 10
    while processes_mentioning(str(tree)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert processes_mentioning(str(tree)) == []


@needs_serve
def test_the_page_works_offline_and_has_a_title(tmp_path: Path):
    """A training room may have no internet: the page asks nothing from another host."""
    import re

    with served(tmp_path) as (_proc, url):
        page = fetch(url)
    host = url.split("//", 1)[1].strip("/")
    assert "<title>Stappenplan participatie</title>" in page
    addresses = re.findall(r"(?:https?|wss?)://([^/\"'\s)]+)", page)
    assert addresses, "the page names its own server for scripts and the websocket"
    assert set(addresses) == {host}, addresses
    assert "googleapis" not in page
    assert "Session ended" not in page and "De sessie is beëindigd" in page
