"""Several real processes on one database file: no lost verdicts, no corruption when killed."""

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from factcheck_tui.store.api import Store, bundled_seeds

WRITER = textwrap.dedent(
    """
    import random, sys
    from factcheck_tui.store.api import Store
    db, reviewer, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(seed)
    with Store(db) as store:
        ids = [c.id for c in store.claims()][:20]
        for _ in range(60):
            store.set_verdict(rng.choice(ids), rng.choice(["confirmed", "disputed", "single-source"]), reviewer)
    """
)


def test_four_processes_setting_60_verdicts_each_lose_nothing(seeded_db):
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(seeded_db), f"reviewer{i}", str(i)]) for i in range(4)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    with Store(seeded_db) as store:
        events = store.events_since(0)
        assert len(events) == 240
        last_event = {}
        for e in events:
            last_event[e.claim_id] = e
        for claim_id, e in last_event.items():
            claim = store.claim(claim_id)
            assert (claim.verdict, claim.reviewer, claim.version) == (
                e.verdict,
                e.reviewer,
                sum(1 for x in events if x.claim_id == claim_id),
            )


def _make_corpus(folder: Path, n: int) -> None:
    """n distinct articles made by shuffling the seed sentences (enough work for indexing to take a while)."""
    sentences = []
    for f in sorted(bundled_seeds().glob("*.txt")):
        sentences += [line for line in f.read_text(encoding="utf-8").splitlines() if len(line) > 40]
    rng = random.Random(7)
    folder.mkdir()
    for i in range(n):
        body = "\n".join(rng.sample(sentences, 8))
        (folder / f"article_{i:04d}.txt").write_text(f"تقرير رقم {i}\n{body}\n", encoding="utf-8")


def test_index_killed_midway_keeps_verdicts_and_a_rerun_completes(seeded_db, tmp_path):
    with Store(seeded_db) as store:
        claim = store.claims()[0]
        store.set_verdict(claim.id, "confirmed", "amal", note="before the crash")
        articles_before = store.stats().articles
    corpus = tmp_path / "corpus"
    _make_corpus(corpus, 400)
    env = dict(os.environ)
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck_tui.tui.cli", "index", str(corpus), "--db", str(seeded_db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    deadline = time.monotonic() + 60
    with Store(seeded_db) as watcher:
        while watcher.stats().articles < articles_before + 60 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "indexing finished before it could be killed; make the corpus larger"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    with Store(seeded_db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = store.claim(claim.id)
        assert (kept.verdict, kept.note) == ("confirmed", "before the crash")
        partial = store.stats().articles
        assert articles_before < partial < articles_before + 400
        store.index([corpus])
        assert store.stats().articles == articles_before + 400
        assert store.pending_articles() == 0
        assert store.claim(claim.id).verdict == "confirmed"
