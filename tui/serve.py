"""`factcheck-tui serve`: the app in a browser (textual-serve), for the person who started it and nobody else.

Each start makes a secret token, printed in the URL as Jupyter does. The first page load with the token sets a
same-site, HTTP-only cookie; every request but the static files must carry the token (query or cookie). The
websocket that drives the app must also come from the page's own origin (a page of another site cannot open it,
even in the same browser), and the Host header must name this server (a DNS-rebinding page cannot reach it by a
name of its own). A host other than loopback is refused unless a passphrase is set (--passphrase-file): then the
link alone opens only a page that asks for the passphrase, and the right one sets a second cookie that every
request but the static files and that page must carry. A wrong passphrase is answered a second later."""

from __future__ import annotations

import asyncio
import hmac
import html
import ipaddress
import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.server import Server

COOKIE = "factcheck_token"
PASS_COOKIE = "factcheck_pass"  # set by the passphrase page: this server's session secret
LOGIN = "/login"
WRONG_PASSPHRASE_DELAY = 1.0  # seconds: guessing a passphrase costs a second a try
MIN_PASSPHRASE = 12  # characters
NEEDS_PASSPHRASE = "the passphrase is needed"  # the one refusal answered with the passphrase page
_LOGIN_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>factcheck-tui</title></head>
<body style="font-family: sans-serif; max-width: 30em; margin: 4em auto">
<h1>factcheck-tui</h1><p>This desk's reviews are behind a passphrase.</p>{error}
<form method="post" action="/login"><label>Passphrase <input type="password" name="passphrase" autofocus></label>
<button type="submit">Open</button></form></body></html>"""
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]", "::1")


def new_token() -> str:
    return secrets.token_urlsafe(24)


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class GuardedServer(Server):
    """textual-serve's server with the token, Host and Origin checks of the module docstring."""

    def __init__(
        self, command: str, host: str, port: int, token: str, *, allow_remote: bool = False,
        passphrase: str | None = None,
    ) -> None:  # fmt: skip
        super().__init__(command, host=host, port=port, title="factcheck-tui")
        self.token = token
        self.allow_remote = allow_remote
        self.passphrase = passphrase
        self.session = secrets.token_urlsafe(24)  # what the passphrase cookie holds once the passphrase was given

    @property
    def url(self) -> str:
        shown = "127.0.0.1" if self.host in ("", "0.0.0.0", "::") else self.host
        return f"http://{shown}:{self.port}/?token={self.token}"

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guard)
        app.add_routes([web.get(LOGIN, self.handle_login_page), web.post(LOGIN, self.handle_login)])
        return app

    async def handle_login_page(self, request: web.Request) -> web.StreamResponse:
        return web.Response(text=_LOGIN_PAGE.format(error=""), content_type="text/html")

    async def handle_login(self, request: web.Request) -> web.StreamResponse:
        given = str((await request.post()).get("passphrase", ""))
        if self.passphrase and hmac.compare_digest(given.encode(), self.passphrase.encode()):
            response = web.HTTPSeeOther("/")
            response.set_cookie(PASS_COOKIE, self.session, httponly=True, samesite="Strict", path="/")
            return response
        await asyncio.sleep(WRONG_PASSPHRASE_DELAY)
        page = _LOGIN_PAGE.format(error=f"<p><strong>{html.escape('That passphrase is not the one.')}</strong></p>")
        return web.Response(status=403, text=page, content_type="text/html")

    async def on_startup(self, app: web.Application) -> None:
        self.console.print(f"factcheck-tui served at {self.url}", highlight=False, markup=False)
        self.console.print("Only this link opens it; keep it to yourself. Ctrl+C stops.", highlight=False, markup=False)

    def allowed(self, request: web.Request) -> str | None:
        """Why the request is refused, or None."""
        host = request.host
        name = urlsplit(f"//{host}").hostname or ""
        if not self.allow_remote and not is_loopback(name):
            return "unknown host"
        if request.path.startswith("/static/"):
            return None
        given = request.query.get("token") or request.cookies.get(COOKIE) or ""
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            return "a valid token is needed: open the link factcheck-tui serve printed"
        if self.passphrase and request.path != LOGIN:
            held = request.cookies.get(PASS_COOKIE, "")
            if not hmac.compare_digest(held.encode(), self.session.encode()):
                return NEEDS_PASSPHRASE
        if request.path == "/ws":
            origin = request.headers.get("Origin", "")
            if urlsplit(origin).netloc != host:
                return "the app can be driven only from its own page"
        return None

    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        refusal = self.allowed(request)
        if refusal == NEEDS_PASSPHRASE and request.path == "/":  # the link was right: ask for the passphrase
            to_login = web.HTTPSeeOther(LOGIN)
            if request.query.get("token"):
                to_login.set_cookie(COOKIE, self.token, httponly=True, samesite="Strict", path="/")
            return to_login
        if refusal is not None:
            return web.Response(status=403, text=f"factcheck-tui: {refusal}\n")
        response = await handler(request)
        if request.path == "/" and request.query.get("token"):
            response.set_cookie(COOKIE, self.token, httponly=True, samesite="Strict", path="/")
        return response

    async def handle_index(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        # The page's websocket goes to the host the browser used (so its cookie goes with it), not to the address
        # the server was bound to.
        self.public_url = f"http://{request.host}"
        return await super().handle_index(request)
