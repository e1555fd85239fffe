"""``stappenplan serve``: the wizard in a browser, with textual-serve (optional extra).

Every browser tab starts its own process running the wizard with ``--no-save``, so nothing a
trainee types is kept on the trainer's machine. textual-serve has no authentication: anyone who
can reach the address can use the wizard. Keep it on 127.0.0.1 or a trusted training network,
and put a reverse proxy with authentication in front of it for anything wider.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import shlex
import sys
from pathlib import Path
from typing import Any

TITLE = "Stappenplan participatie"
PAGE_DIR = Path(__file__).resolve().parent / "serve_page"

MISSING = (
    "stappenplan serve heeft het pakket textual-serve nodig, en dat is niet geïnstalleerd.\n"
    "Installeer het in de map van stappenplan met:  .venv/bin/pip install -e '.[serve]'\n"
    "(of in dezelfde omgeving: pip install textual-serve). Daarna werkt 'stappenplan serve'."
)


def served_command(
    tree: Path | str | None = None, variant: str | None = None, lang: str | None = None
) -> str:
    """The shell command each browser tab runs: this Python, ``-m wizard --no-save ...``.

    textual-serve starts it through a shell, so every part is quoted.
    """
    parts = [sys.executable, "-m", "wizard", "--no-save"]
    if tree is not None:
        parts += ["--tree", str(Path(tree).resolve())]
    if variant:
        parts += ["--variant", variant]
    if lang and lang != "nl":
        parts += ["--lang", lang]
    return " ".join(shlex.quote(p) for p in parts)


# A Host header we are willing to put back into the page: a name or address and a port.
_HOST = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?$")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def public_url_for(host: str, port: int) -> str:
    """The address the page gives the browser for its websocket."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def make_server(command: str, host: str, port: int, public_url: str | None = None) -> Any:
    """A textual-serve Server for the command. Raises ImportError without textual-serve."""
    from textual_serve.server import Server

    class _Server(Server):  # type: ignore[misc]
        """textual-serve's server, with a Dutch greeting and a quick stop with tabs open."""

        def __init__(self, *args: Any, follow_host: bool = False, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._tabs: set[asyncio.Task[Any]] = set()
            self._follow_host = follow_host
            self._default_url = self.public_url

        async def handle_index(self, request: Any) -> Any:
            # The page tells the browser where its websocket is. Without --public-url, use the
            # address the browser itself used, so '--host 0.0.0.0' works from other machines.
            # (No await before the page is rendered, so no other request sees this value.)
            if self._follow_host:
                host = request.host or ""
                self.public_url = f"http://{host}" if _HOST.match(host) else self._default_url
            return await super().handle_index(request)

        async def handle_websocket(self, request: Any) -> Any:
            task = asyncio.current_task()
            if task is not None:
                self._tabs.add(task)
            try:
                return await super().handle_websocket(request)
            finally:
                self._tabs.discard(task)  # type: ignore[arg-type]

        async def on_shutdown(self, app: Any) -> None:
            # Without this, an open browser tab keeps the server (and its wizard process) alive
            # until aiohttp's shutdown timeout. Cancelling the tab's handler makes textual-serve
            # tell the wizard to quit and close the websocket.
            tabs = [t for t in self._tabs if not t.done()]
            for task in tabs:
                task.cancel()
            if tabs:
                await asyncio.wait(tabs, timeout=10)

        async def on_startup(self, app: Any) -> None:
            self.console.print(
                f"{TITLE} draait op {self.public_url}\n"
                "Open dit adres in een browser; elk tabblad krijgt een eigen sessie, en er wordt "
                "niets bewaard.\nStoppen: Ctrl+C.",
                highlight=False,
                markup=False,
            )

    return _Server(
        command,
        host=host,
        port=port,
        title=TITLE,
        templates_path=str(PAGE_DIR),  # our page: nothing from outside this machine, a title
        public_url=public_url or public_url_for(host, port),
        follow_host=public_url is None,
    )


def serve(
    tree: Path | str | None,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    variant: str | None = None,
    lang: str | None = None,
    public_url: str | None = None,
) -> int:
    """Serve the wizard until Ctrl+C (SIGINT) or SIGTERM. Returns an exit status."""
    try:
        server = make_server(served_command(tree, variant, lang), host, port, public_url)
    except ImportError:
        print(f"stappenplan: fout: {MISSING}", file=sys.stderr)
        return 2
    if not is_loopback(host):
        print(
            f"stappenplan: let op: u deelt de wizard op {host}. Iedereen die dit adres kan "
            "bereiken kan hem gebruiken: textual-serve heeft geen inlog. Doe dit alleen op een "
            "vertrouwd trainingsnetwerk.",
            file=sys.stderr,
        )
    try:
        server.serve()
    except OSError as exc:
        print(
            f"stappenplan: fout: kan niet luisteren op {host}:{port}: {exc.strerror or exc}",
            file=sys.stderr,
        )
        return 2
    return 0
