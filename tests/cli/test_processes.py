"""A killed `index` leaves no worker behind (issue 14): real processes, SIGKILL and SIGTERM."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck_tui.store.api import bundled_seeds

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists() or (os.cpu_count() or 1) < 2,
                                reason="needs /proc and two cores (workers start only with two)")  # fmt: skip


def children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def many_articles(folder: Path, n: int = 400) -> Path:
    """Enough articles for the analysis to start its worker processes (store.indexer.PARALLEL_AFTER)."""
    lines = [line for seed in sorted(bundled_seeds().glob("*.txt"))
             for line in seed.read_text(encoding="utf-8").splitlines() if len(line) > 40]  # fmt: skip
    with (folder / "day.jsonl").open("w", encoding="utf-8") as out:
        for i in range(n):
            body = "\n".join(f"{lines[(i + k) % len(lines)]} ({i}-{k})" for k in range(8))
            out.write(json.dumps({"title": f"article {i}", "content": body}, ensure_ascii=False) + "\n")
    return folder


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_no_worker_outlives_a_killed_index(tmp_path, how):
    folder = many_articles(tmp_path)
    index = subprocess.Popen([sys.executable, "-m", "factcheck_tui.tui.cli", "index", str(folder), "--db", str(tmp_path / "k.db")],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and index.poll() is None and time.monotonic() < deadline:
        # the spawn pool: a resource tracker and the workers, all children of the index process
        workers |= children(index.pid)
        time.sleep(0.05)
    assert workers, "the index run started no worker process"
    time.sleep(0.5)
    workers |= children(index.pid)
    index.send_signal(how)
    index.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if alive(w)]


def held(lock: str) -> bool:
    import fcntl

    if not os.path.exists(lock):
        return False
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def test_a_second_index_run_waits_for_the_first_and_finds_the_work_done(tmp_path):
    folder = many_articles(tmp_path, 200)
    db = tmp_path / "twice.db"
    command = [sys.executable, "-m", "factcheck_tui.tui.cli", "index", str(folder), "--db", str(db)]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not held(f"{db}.index-lock") and time.monotonic() < deadline:  # until the first run holds the lock
        time.sleep(0.05)
    second = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    out, _ = first.communicate(timeout=300)
    assert first.returncode == 0 and second.returncode == 0, second.stderr
    assert out.startswith("200 added")
    assert "waiting for another index run" in second.stderr
    assert second.stdout.startswith("0 added, 0 updated, 200 unchanged")
