"""`factcheck-tui serve` refuses whoever does not hold its link: a real server process and a real HTTP and
websocket client, with a foreign Origin, a foreign Host, and no token."""

import asyncio
import re
import socket
import subprocess
import sys
import time

import aiohttp
import pytest
from tests_support import run_cli


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SHADOW = "import pathlib; pathlib.Path({folder!r}).joinpath('SHADOWED').touch()\n"


@pytest.fixture
def served(tmp_path):
    # started from a folder holding packages called tui and factcheck_tui: the app it serves must still be the
    # installed one
    for package in (tmp_path / "tui", tmp_path / "factcheck_tui", tmp_path / "factcheck_tui" / "tui"):
        package.mkdir()
        (package / "__init__.py").write_text("", encoding="utf-8")
        (package / "cli.py").write_text(SHADOW.format(folder=str(tmp_path)), encoding="utf-8")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-P", "-c", ("import sys; from factcheck_tui.tui.cli import main; "
                                      f"sys.exit(main(['serve', '--db', 'served.db', '--port', '{port}']))")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=tmp_path,
    )  # fmt: skip
    url = None
    deadline = time.monotonic() + 30
    while url is None and time.monotonic() < deadline:
        line = process.stdout.readline()
        found = re.search(r"(http://\S+token=\S+)", line)
        url = found.group(1) if found else None
    assert url is not None, "serve printed no link"
    while time.monotonic() < deadline:  # the link is printed just before the server listens
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield port, url.split("token=")[1]
    process.terminate()
    process.wait(timeout=10)


async def status(url: str, headers: dict | None = None, cookies: dict | None = None) -> int:
    async with (
        aiohttp.ClientSession(cookies=cookies) as session,
        session.get(url, headers=headers or {}, allow_redirects=False) as response,
    ):
        return response.status


async def websocket_status(port: int, token: str | None, origin: str, hold: float = 0.0) -> int:
    cookies = {"factcheck_token": token} if token else None
    async with aiohttp.ClientSession(cookies=cookies) as session:
        try:
            async with session.ws_connect(f"ws://127.0.0.1:{port}/ws?width=80&height=24",
                                          headers={"Origin": origin}) as ws:  # fmt: skip
                await asyncio.sleep(hold)  # the app process starts meanwhile
                await ws.close()
                return 101
        except aiohttp.WSServerHandshakeError as err:
            return err.status


def test_the_page_needs_the_token_and_sets_a_cookie_for_the_websocket(served):
    port, token = served
    base = f"http://127.0.0.1:{port}"
    assert asyncio.run(status(f"{base}/")) == 403
    assert asyncio.run(status(f"{base}/?token=wrong")) == 403
    assert asyncio.run(status(f"{base}/?token={token}")) == 200
    assert asyncio.run(status(f"{base}/", cookies={"factcheck_token": token})) == 200


def test_the_websocket_refuses_a_foreign_origin_and_a_missing_token(served, tmp_path):
    port, token = served
    own = f"http://127.0.0.1:{port}"
    assert asyncio.run(websocket_status(port, token, "http://evil.example")) == 403
    assert asyncio.run(websocket_status(port, None, own)) == 403
    assert asyncio.run(websocket_status(port, token, own, hold=3.0)) == 101
    # the app it started is the installed one, not the tui/ package of the folder serve was started from
    assert not (tmp_path / "SHADOWED").exists()


def test_a_foreign_host_name_is_refused_even_with_the_token(served):
    port, token = served
    # a DNS-rebinding page reaches 127.0.0.1 under a name of its own
    headers = {"Host": f"evil.example:{port}"}
    assert asyncio.run(status(f"http://127.0.0.1:{port}/?token={token}", headers=headers)) == 403


def test_listening_beyond_this_machine_needs_an_explicit_flag(tmp_path):
    result = run_cli("serve", "--host", "0.0.0.0", "--db", tmp_path / "x.db")
    assert result.returncode == 1
    assert "--allow-remote" in result.stderr
