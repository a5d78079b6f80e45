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
    yield from serve(tmp_path)


PASSPHRASE = "three blue herons at dawn"


@pytest.fixture
def served_with_passphrase(tmp_path):
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    secret.chmod(0o600)
    yield from serve(tmp_path, "--passphrase-file", str(secret))


def serve(folder, *extra):
    port = free_port()
    args = ["serve", "--db", "served.db", "--port", str(port), *extra]
    process = subprocess.Popen(
        [sys.executable, "-P", "-c", f"import sys; from factcheck_tui.tui.cli import main; sys.exit(main({args!r}))"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=folder,
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


def test_listening_beyond_this_machine_needs_a_passphrase_kept_private_and_long_enough(tmp_path):
    result = run_cli("serve", "--host", "0.0.0.0", "--allow-remote", "--db", tmp_path / "x.db")
    assert result.returncode == 1 and "--passphrase-file" in result.stderr
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    secret.chmod(0o644)
    shown = run_cli("serve", "--host", "0.0.0.0", "--passphrase-file", secret, "--db", tmp_path / "x.db")
    assert shown.returncode == 1 and "can be read by others" in shown.stderr
    secret.chmod(0o600)
    secret.write_text("short", encoding="utf-8")
    short = run_cli("serve", "--host", "0.0.0.0", "--passphrase-file", secret, "--db", tmp_path / "x.db")
    assert short.returncode == 1 and "shorter than 12" in short.stderr


async def login(port: int, token: str, passphrase: str) -> tuple[int, dict]:
    form = {"passphrase": passphrase}
    async with (
        aiohttp.ClientSession(cookies={"factcheck_token": token}) as session,
        session.post(f"http://127.0.0.1:{port}/login", data=form, allow_redirects=False) as response,
    ):
        return response.status, {k: v.value for k, v in response.cookies.items()}


def test_with_a_passphrase_the_link_alone_opens_only_the_passphrase_page(served_with_passphrase):
    port, token = served_with_passphrase
    base = f"http://127.0.0.1:{port}"
    assert asyncio.run(status(f"{base}/?token={token}")) == 303  # to the passphrase page
    assert asyncio.run(status(f"{base}/login", cookies={"factcheck_token": token})) == 200
    assert asyncio.run(status(f"{base}/login")) == 403  # not even the page without the link
    started = time.monotonic()
    assert asyncio.run(login(port, token, "not it at all, sorry"))[0] == 403
    assert time.monotonic() - started >= 1.0  # a wrong guess costs a second
    code, cookies = asyncio.run(login(port, token, PASSPHRASE))
    assert code == 303 and cookies.get("factcheck_pass")
    both = {"factcheck_token": token, "factcheck_pass": cookies["factcheck_pass"]}
    assert asyncio.run(status(f"{base}/", cookies=both)) == 200
    assert asyncio.run(status(f"{base}/", cookies={"factcheck_token": token})) == 303
    assert asyncio.run(websocket_status(port, token, base)) == 403  # the websocket too needs the passphrase
