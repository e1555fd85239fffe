"""Drive headless Chromium over the DevTools protocol: open the served wizard, type, screenshot.

For tests and for a trainer's dry run (a "mock training"):

    python -m tests.browser http://127.0.0.1:8000/ shot.png [KEY ...]

KEYs are pressed in order after the wizard's first screen appears: a single character, or a
name such as Enter, Tab, Escape, ArrowDown, ArrowUp, Space; ``wait:SECONDS`` pauses.
Only loopback addresses are used, every wait is bounded, and Chromium is stopped by its pid.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--window-size=1280,800",
]

KEYS = {
    "Enter": ("Enter", 13, "\r"),
    "Tab": ("Tab", 9, ""),
    "Escape": ("Escape", 27, ""),
    "Space": (" ", 32, " "),
    "Backspace": ("Backspace", 8, ""),
    "ArrowDown": ("ArrowDown", 40, ""),
    "ArrowUp": ("ArrowUp", 38, ""),
    "ArrowLeft": ("ArrowLeft", 37, ""),
    "ArrowRight": ("ArrowRight", 39, ""),
}


def find_chromium() -> str | None:
    for candidate in (
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


class Browser:
    """A headless Chromium with one page, driven over its DevTools websocket (aiohttp)."""

    def __init__(self, binary: str, profile: Path):
        self.binary = binary
        self.profile = profile
        self.proc: subprocess.Popen | None = None
        self._ids = itertools.count(1)
        self._session: Any = None
        self._ws: Any = None

    async def __aenter__(self) -> Browser:
        try:
            return await self._start()
        except BaseException:
            await self.__aexit__(None, None, None)
            raise

    async def _start(self) -> Browser:
        import aiohttp

        self.profile.mkdir(parents=True, exist_ok=True)
        port_file = self.profile / "DevToolsActivePort"
        port_file.unlink(missing_ok=True)  # a stale one from an earlier run
        log = (self.profile / "chromium.log").open("wb")
        self.proc = subprocess.Popen(
            [
                self.binary,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={self.profile}",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("Chromium gaf geen DevTools-poort")
            await asyncio.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as r:  # noqa: S310
            targets = json.loads(r.read())
        page = next(t for t in targets if t.get("type") == "page")
        self._session = aiohttp.ClientSession()
        self._ws = await self._session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._session is not None:
            await self._session.close()
        if self.proc is not None:
            # Chromium runs helper processes; they share the session (group) we started it in.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)

    async def call(
        self, method: str, params: dict[str, Any] | None = None, timeout: float = 30
    ) -> Any:
        """Send one DevTools command and wait (bounded) for its answer."""
        import aiohttp

        msg_id = next(self._ids)
        await self._ws.send_json({"id": msg_id, "method": method, "params": params or {}})
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = await self._ws.receive(timeout=max(0.1, deadline - time.monotonic()))
            if msg.type != aiohttp.WSMsgType.TEXT:
                raise RuntimeError(f"DevTools-verbinding gesloten ({msg.type})")
            data = json.loads(msg.data)
            if data.get("id") == msg_id:
                if "error" in data:
                    raise RuntimeError(f"{method}: {data['error']}")
                return data.get("result", {})
        raise TimeoutError(method)

    async def open(self, url: str) -> None:
        await self.call("Page.enable")
        await self.call("Page.navigate", {"url": url})

    async def evaluate(self, expression: str) -> Any:
        result = await self.call(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True}
        )
        return result.get("result", {}).get("value")

    async def wait_for(self, expression: str, timeout: float = 30) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if await self.evaluate(expression):
                return True
            await asyncio.sleep(0.25)
        return False

    async def wizard_shown(self, timeout: float = 40) -> bool:
        """True once the served app has sent its first screen (textual.js marks the body)."""
        return await self.wait_for("document.body.classList.contains('-first-byte')", timeout)

    async def focus_terminal(self) -> None:
        """Give the page's terminal the keyboard, as a click into it would."""
        await self.evaluate(
            "(document.querySelector('.xterm-helper-textarea') || document.body).focus()"
        )

    async def press(self, key: str) -> None:
        if key.startswith("wait:"):
            await asyncio.sleep(float(key[5:]))
            return
        name, code, text = KEYS.get(key, (key, ord(key.upper()[0]) if len(key) == 1 else 0, key))
        down = {"type": "keyDown", "key": name, "windowsVirtualKeyCode": code, "code": name}
        if text:
            down["text"] = text
        await self.call("Input.dispatchKeyEvent", down)
        await self.call(
            "Input.dispatchKeyEvent", {"type": "keyUp", "key": name, "windowsVirtualKeyCode": code}
        )
        await asyncio.sleep(0.15)

    async def screenshot(self, path: Path) -> Path:
        result = await self.call("Page.captureScreenshot", {"format": "png"})
        path.write_bytes(base64.b64decode(result["data"]))
        return path


async def shoot(url: str, out: Path, keys: list[str], settle: float = 1.5) -> bool:
    binary = find_chromium()
    if binary is None:
        raise SystemExit("Chromium is niet geïnstalleerd (Debian: apt install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        async with Browser(binary, Path(tmp) / "profiel") as browser:
            await browser.open(url)
            shown = await browser.wizard_shown()
            await asyncio.sleep(settle)
            await browser.focus_terminal()
            for key in keys:
                await browser.press(key)
            await asyncio.sleep(settle)
            await browser.screenshot(out)
            return shown


if __name__ == "__main__":  # pragma: no cover - a manual tool
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    ok = asyncio.run(asyncio.wait_for(shoot(sys.argv[1], Path(sys.argv[2]), sys.argv[3:]), 300))
    print(f"{sys.argv[2]} ({'wizard getoond' if ok else 'wizard NIET getoond'})")
    sys.exit(0 if ok else 1)
