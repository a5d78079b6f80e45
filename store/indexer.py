"""Files → articles, sentences and claims in SQLite, then origins, topics and evidence for what changed.

Each batch of articles is committed on its own, so reviewers are never blocked for long and a killed run
keeps what it had committed. Articles are marked `analysed` only once their topics and evidence are done,
so the next run finishes whatever a killed one left.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any, cast

from factcheck_tui.store import evidence
from factcheck_tui.store.db import BUSY_TIMEOUT_MS, connect, db_path, inserted_id, sentence_document_frequencies
from factcheck_tui.store.events import (
    assign_events,
    rebuild_ledgers,
    remove_empty_events,
    set_event_topics,
)
from factcheck_tui.store.ingest import Document, Skipped, count_files, iter_documents
from factcheck_tui.store.models import IndexProgress, IndexReport
from factcheck_tui.store.review import now, write_transaction
from factcheck_tui.store.text.grouping.topics import (
    OTHER_LABEL,
    TopicGroup,
    TopicItem,
    assign_topics,
    group_topics,
)
from factcheck_tui.store.text.reading.facts import Facts
from factcheck_tui.store.text.reading.pipeline import AnalysedArticle, analyse_text
from factcheck_tui.store.workers import process_pool

BATCH_ARTICLES = 64
PARALLEL_AFTER = 128  # articles analysed in this process before a pool of processes is worth starting
NEAR_DUPLICATE_SHARE = 0.6  # share of an article's sentences found word for word in an earlier article

_RECORD_SUFFIX = re.compile(r"#\d+$")

Progress = Callable[[IndexProgress], None]


@dataclass
class _Replaced:
    """What an old version of a changed file leaves behind, to carry over to the new version."""

    claim_ids_by_norm: dict[str, int] = field(default_factory=dict)
    verdict_rows: dict[int, tuple] = field(default_factory=dict)
    dependent_claims: set[int] = field(default_factory=set)  # other articles' claims that cited it


def index_paths(
    conn: sqlite3.Connection,
    paths: Iterable[str],
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
    outlet: str | None = None,
) -> IndexReport:
    """outlet: the outlet of every article whose own metadata names none (a folder of one outlet's .txt files)."""
    paths = list(paths)
    total = count_files(paths)
    documents: Iterable[Document | Skipped] = iter_documents(paths)
    if outlet:
        documents = (replace(d, outlet=outlet) if isinstance(d, Document) and not d.outlet else d for d in documents)
    return index_documents(conn, documents, total, progress, should_stop)


def index_documents(
    conn: sqlite3.Connection,
    documents: Iterable[Document | Skipped],
    total: int = 0,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> IndexReport:
    started = time.perf_counter()
    report = IndexReport()
    dependent_claims: set[int] = set()
    shas_this_run: set[str] = set()
    files_seen: set[str] = set()

    to_analyse: list[Document] = []
    analyser = _Analyser()
    # The batch being analysed while the one before it is written: the worker processes and this process's
    # writing overlap instead of taking turns.
    in_flight: tuple[list[Document], Iterator[AnalysedArticle]] | None = None

    def write_in_flight() -> None:
        nonlocal in_flight
        if in_flight is not None:
            docs, analysed = in_flight
            in_flight = None
            dependent_claims.update(_write_batch(conn, list(zip(docs, analysed)), report))
            _checkpoint(conn, report)

    def flush() -> None:
        nonlocal in_flight
        if to_analyse:
            started_batch = (list(to_analyse), analyser.start([d.text for d in to_analyse]))
            write_in_flight()
            in_flight = started_batch
        to_analyse.clear()

    more_records = 0  # records beyond one per file of the files seen so far: the bar counts every record
    for read, item in enumerate(documents, start=1):
        file = _RECORD_SUFFIX.sub("", item.path)
        if file not in files_seen:
            files_seen.add(file)
            more_records += item.of - 1
        if isinstance(item, Skipped):
            report.skipped.append((item.path, item.reason))
        elif item.sha256 in shas_this_run:
            report.duplicates += 1  # the same text under another name: one article
        elif _is_unchanged(conn, item):
            report.unchanged += 1
        else:
            shas_this_run.add(item.sha256)
            to_analyse.append(item)
            if len(to_analyse) >= BATCH_ARTICLES:
                flush()
        if isinstance(item, Document) and item.warning:
            report.warnings.append((item.path, item.warning))
        if progress:
            progress(IndexProgress(read, max(total + more_records, read), getattr(item, "name", ""), "reading"))
        if should_stop and should_stop():
            break
    try:
        flush()
        write_in_flight()
    finally:
        analyser.close()
    report.claims_rechecked = finish_pending(conn, progress, dependent_claims)
    report.seconds = time.perf_counter() - started
    return report


class _Analyser:
    """Runs the pure text pipeline, on all cores once a run proves large enough to repay starting processes."""

    def __init__(self) -> None:
        self.serial_done = 0
        self.pool: ProcessPoolExecutor | None = None

    def start(self, texts: list[str]) -> Iterator[AnalysedArticle]:
        """The analyses of these texts, in order: already done in this process, or being done by the pool
        while the caller goes on."""
        if self.pool is None and self.serial_done >= PARALLEL_AFTER and (os.cpu_count() or 1) > 1:
            self.pool = process_pool(os.cpu_count() or 1)
        if self.pool is None:
            self.serial_done += len(texts)
            return iter([analyse_text(t) for t in texts])
        return self.pool.map(analyse_text, texts, chunksize=4)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


def _is_unchanged(conn: sqlite3.Connection, doc: Document) -> bool:
    return conn.execute("SELECT 1 FROM articles WHERE sha256 = ?", (doc.sha256,)).fetchone() is not None


# A reader that keeps an old snapshot open (a report script, a stuck process) stops checkpoints from reusing the
# write-ahead log, which then grows without bound (1.97 GB in 45 s, seen): after each batch the log is
# checkpointed as far as readers allow, and a log this many pages behind (~400 MB at 4 KB pages) is reported once.
PINNED_LOG_PAGES = 100_000


def _checkpoint(conn: sqlite3.Connection, report: IndexReport) -> None:
    automatic = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    if _log_pages_at_most(conn) < min(automatic, PINNED_LOG_PAGES):
        # SQLite checkpoints a log this short by itself once it grows; checkpointing costs a sync of the database
        # file (0.15 s of the 0.9 s that adding one article to 10,000 takes on the benchmark machine). What is
        # committed survives a killed process either way (the log); after a power cut, the commits since the last
        # checkpoint may be lost, never the database (SQLite's synchronous=NORMAL in WAL mode, the store's setting)
        return
    _busy, log_pages, checkpointed = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    pinned = log_pages - checkpointed
    if pinned >= PINNED_LOG_PAGES and not any(path == db_path(conn) for path, _ in report.warnings):
        why = f"another connection holds an old snapshot: the write-ahead log is {pinned:,} pages behind and grows"
        report.warnings.append((db_path(conn), why + " until it closes"))


def _log_pages_at_most(conn: sqlite3.Connection) -> int:
    """Pages the write-ahead log holds at most: its file's size (a checkpoint reuses the file without shrinking it)."""
    path = db_path(conn)
    try:
        size = os.path.getsize(f"{path}-wal") if path else 0
    except OSError:
        return 0
    return size // conn.execute("PRAGMA page_size").fetchone()[0]


def _write_batch(
    conn: sqlite3.Connection, batch: list[tuple[Document, AnalysedArticle]], report: IndexReport
) -> set[int]:
    dependent: set[int] = set()
    if not batch:
        return dependent
    with write_transaction(conn):
        for doc, analysed in batch:
            replaced = _remove_old_version(conn, doc.path)
            if replaced is None:
                report.added += 1
            else:
                report.updated += 1
                dependent |= replaced.dependent_claims
            _insert_article(conn, doc, analysed, replaced or _Replaced())
            report.sentences += len(analysed.sentences)
            report.claims += len(analysed.claims)
    return dependent


def _remove_old_version(conn: sqlite3.Connection, path: str) -> _Replaced | None:
    row = conn.execute("SELECT id FROM articles WHERE path = ?", (path,)).fetchone()
    if row is None:
        return None
    article_id = row[0]
    replaced = _Replaced()
    for claim_id, norm in conn.execute("SELECT id, norm FROM claims WHERE article_id = ?", (article_id,)):
        replaced.claim_ids_by_norm.setdefault(norm, claim_id)
    for verdict_row in conn.execute(
        "SELECT v.claim_id, v.verdict, v.reviewer, v.note, v.decided_at, v.version, v.evidence_sig "
        "FROM verdicts v JOIN claims c ON c.id = v.claim_id WHERE c.article_id = ?",
        (article_id,),
    ):
        replaced.verdict_rows[verdict_row[0]] = verdict_row
    replaced.dependent_claims = {
        r[0] for r in conn.execute("SELECT DISTINCT claim_id FROM evidence WHERE article_id = ?", (article_id,))
    }
    conn.execute("UPDATE articles SET origin_id = NULL WHERE origin_id = ?", (article_id,))
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    return replaced


def _insert_article(conn: sqlite3.Connection, doc: Document, analysed: AnalysedArticle, replaced: _Replaced) -> int:
    cursor = conn.execute(
        "INSERT INTO articles(path, name, title, outlet, url, date, sha256, added_at, text) VALUES (?,?,?,?,?,?,?,?,?)",
        (doc.path, doc.name, doc.title, doc.outlet, doc.url, doc.date, doc.sha256, now(), doc.text),
    )
    article_id = inserted_id(cursor)
    sentence_ids = []
    for s in analysed.sentences:
        cur = conn.execute(
            'INSERT INTO sentences(article_id, idx, start, "end", text, norm, terms, facts_json) VALUES (?,?,?,?,?,?,?,?)',
            (
                article_id,
                s.sentence.idx,
                s.sentence.start,
                s.sentence.end,
                s.sentence.text,
                s.norm,
                " ".join(s.terms),
                json.dumps(s.facts.to_json(), ensure_ascii=False),
            ),
        )
        sentence_ids.append(inserted_id(cur))
    for claim in analysed.claims:
        norm = analysed.sentences[claim.sentence.idx].norm
        kept_id = replaced.claim_ids_by_norm.pop(norm, None)
        conn.execute(
            "INSERT INTO claims(id, sentence_id, article_id, text, norm, checkworthiness, facts_json) "
            "VALUES (?,?,?,?,?,?,?)",
            (
                kept_id,
                sentence_ids[claim.sentence.idx],
                article_id,
                claim.sentence.text,
                norm,
                round(claim.score, 3),
                json.dumps(claim.facts.to_json(), ensure_ascii=False),
            ),
        )
        if kept_id is not None and kept_id in replaced.verdict_rows:
            conn.execute(
                "INSERT INTO verdicts(claim_id, verdict, reviewer, note, decided_at, version, evidence_sig) "
                "VALUES (?,?,?,?,?,?,?)",
                replaced.verdict_rows[kept_id],
            )
    return article_id


def finish_pending(conn: sqlite3.Connection, progress: Progress | None = None, extra_claims: Iterable[int] = ()) -> int:
    """Origins, topics and evidence for every article not yet analysed (new, changed, or left by a killed run).
    Returns how many claims had their evidence recomputed."""
    pending = [r[0] for r in conn.execute("SELECT id FROM articles WHERE analysed = 0 ORDER BY id")]
    extra = {c for c in extra_claims if conn.execute("SELECT 1 FROM claims WHERE id = ?", (c,)).fetchone()}
    if not pending and not extra:
        return 0
    _mark_origins(conn, pending)
    remove_empty_events(conn)
    topics = _start_topics(conn, progress)  # a large grouping runs in a process of its own beside the events stage
    # read once for the events' idf and the new articles' evidence candidates (0.13 s at 10,000 articles, each
    # time); without new articles neither reads them
    document_frequencies = sentence_document_frequencies(conn) if pending else None
    try:
        touched = _events_and_ledgers(conn, len(pending), progress, document_frequencies)
    except BaseException:
        if topics.pool is not None:
            topics.pool.shutdown(cancel_futures=True)
        raise
    _finish_topics(conn, topics, progress)
    set_event_topics(conn, touched)
    rechecked = evidence.recompute_after_adding(
        conn, pending, extra, _stage_reporter(progress, "evidence"), document_frequencies
    )
    with write_transaction(conn):
        conn.executemany("UPDATE articles SET analysed = 1 WHERE id = ?", [(a,) for a in pending])
    if progress:
        progress(IndexProgress(1, 1, "", "done"))
    return rechecked


# The events stage and the figure ledgers read every new article's titles and sentences once, and Python keeps the
# memory that took after they are done: at 10,000 articles the process grew from 115 to 315 MB (its pages freed
# but not given back: the allocator's arenas stay in use by the long-lived cache entries among them), under the
# evidence stage that follows, the peak of an index run. In a process of their own it all goes back when they
# end. From this many new articles; fewer (adding one) are not worth starting a process for (about 0.3 s).
EVENTS_IN_PROCESS_FROM = 1_000


def _events_and_ledgers(
    conn: sqlite3.Connection, new_articles: int, progress: Progress | None, document_frequencies: dict[str, int] | None
) -> set[int]:
    """Group the new articles into events and rebuild the ledgers of the events they joined; the ids of those
    events. A large batch runs in a child process on its own connection, telling its counts through shared
    memory (articles placed of all, events' ledgers done of all) for the progress bar."""
    path = db_path(conn)
    if new_articles < EVENTS_IN_PROCESS_FROM or not path or not os.path.exists(path):
        touched = assign_events(conn, _stage_reporter(progress, "events"), document_frequencies)
        rebuild_ledgers(conn, touched, _stage_reporter(progress, "figures"))
        return touched
    counts = get_context("spawn").Array("i", 4)

    def tell(both: bool = False) -> None:
        # the stage the child is in (a bar drops an update that follows another too closely); both at the end
        if progress and (both or not counts[3]):
            progress(IndexProgress(counts[0], counts[1], "", "events"))
        if progress and counts[3]:
            progress(IndexProgress(counts[2], counts[3], "", "figures"))

    pool = process_pool(1, _share_counts, (counts,))
    try:
        touched = _result_telling(pool.submit(_events_in_child, path), tell)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)  # Ctrl+C does not wait minutes for the child's stage
        raise
    pool.shutdown()
    tell(both=True)
    return touched


_child_counts: Any = None  # in a child process: the shared memory its counts go to (events: an Array, topics: a Value)


def _share_counts(counts: Any) -> None:
    global _child_counts
    _child_counts = counts


def _result_telling(future: Future[Any], tell: Callable[[], None]) -> Any:
    """The child's result, telling its counts to the progress bar while waiting for it."""
    while not future.done():
        tell()
        wait([future], timeout=TOPICS_POLL_S)
    return future.result()


def _events_in_child(path: str) -> set[int]:
    conn = connect(path).conn

    def counter(first: int) -> Callable[[int, int], None]:
        def count(done: int, total: int) -> None:
            if _child_counts is not None:
                _child_counts[first], _child_counts[first + 1] = done, total

        return count

    try:
        touched = assign_events(conn, counter(0))
        rebuild_ledgers(conn, touched, counter(2))
        return touched
    finally:
        conn.close()


# Grouping many claims holds hundreds of MB that Python keeps after it is done (1 GB at 70,000 claims), on top of
# the evidence stage that follows: a process of its own gives it all back when it ends. It also runs beside the
# events stage instead of before it, which pays once the grouping outlasts starting a process (about a second):
# 1,000 SaudiNewsNet articles (4,773 claims) indexed in 19.4 and 20.7 s with the grouping in this process, 17.5
# and 17.8 s in its own (alternating, two rounds).
TOPICS_IN_PROCESS_UNDER = 1_000
TOPICS_POLL_S = 0.2  # how often the bar reads the topics child's count while waiting for it


def _stage_reporter(progress: Progress | None, stage: str) -> Callable[[int, int], None] | None:
    if progress is None:
        return None
    return lambda done, total: progress(IndexProgress(done, total, "", stage))


@dataclass
class _PendingTopics:
    """Claims placed in existing topics, and the grouping of the others: done, or running in a child process
    that counts the claims it is through in `through` (shared memory) for the progress bar."""

    existing: list[tuple[int, TopicGroup]]
    assignments: list[tuple[int, int]]
    groups: list[TopicGroup] | Future[list[TopicGroup]]
    pool: ProcessPoolExecutor | None = None
    through: Any = None  # multiprocessing Value("i") of the child's claims through
    total: int = 0


def _start_topics(conn: sqlite3.Connection, progress: Progress | None = None) -> _PendingTopics:
    existing = [
        (tid, TopicGroup(label, [], json.loads(terms)))
        for tid, label, terms in conn.execute("SELECT id, label, terms_json FROM topics ORDER BY id")
    ]
    assignments: list[tuple[int, int]] = []
    if existing:
        items = _topic_items(conn.execute(_PENDING_CLAIMS))
        leftover_ids = []
        for item, index in zip(items, assign_topics(items, [g for _, g in existing])):
            claim_id = cast(int, item.key)  # the store's topic items are keyed by claim id
            if index is None:
                leftover_ids.append(claim_id)
            else:
                assignments.append((existing[index][0], claim_id))
        del items
    else:
        leftover_ids = [r[0] for r in conn.execute("SELECT id FROM claims WHERE topic_id IS NULL ORDER BY id")]
    path = db_path(conn)
    if len(leftover_ids) < TOPICS_IN_PROCESS_UNDER or not path or not os.path.exists(path):
        items = _claims_as_items(conn, leftover_ids) if leftover_ids else []
        groups = group_topics(items, progress=_stage_reporter(progress, "topics"))
        return _PendingTopics(existing, assignments, groups)
    through = get_context("spawn").Value("i", 0)
    pool = process_pool(1, _share_counts, (through,))
    future = pool.submit(_group_in_child, path, leftover_ids)
    return _PendingTopics(existing, assignments, future, pool, through, len(leftover_ids))


def _group_in_child(path: str, claim_ids: list[int]) -> list[TopicGroup]:
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def count(done: int, _total: int) -> None:
        if _child_counts is not None:
            _child_counts.value = done

    try:
        return group_topics(_claims_as_items(conn, claim_ids), progress=count)
    finally:
        conn.close()


def _claims_as_items(conn: sqlite3.Connection, claim_ids: list[int]) -> list[TopicItem]:
    wanted = set(claim_ids)
    return _topic_items(row for row in conn.execute(_PENDING_CLAIMS) if row[0] in wanted)


def _mark_origins(conn: sqlite3.Connection, article_ids: list[int]) -> None:
    """An article most of whose sentences appear word for word in an earlier article is a copy of it
    (syndicated wire copy): it counts as the same origin when verdicts are suggested."""
    updates = []
    for article_id in article_ids:
        norms = [r[0] for r in conn.execute("SELECT DISTINCT norm FROM sentences WHERE article_id = ?", (article_id,))]
        if len(norms) < 2:
            continue
        shared: dict[int, int] = {}
        for norm in norms:
            for (other,) in conn.execute(
                "SELECT DISTINCT article_id FROM sentences WHERE norm = ? AND article_id < ?", (norm, article_id)
            ):
                shared[other] = shared.get(other, 0) + 1
        best = max(shared.items(), key=lambda kv: (kv[1], -kv[0]), default=None)
        if best and best[1] / len(norms) >= NEAR_DUPLICATE_SHARE:
            origin = conn.execute("SELECT COALESCE(origin_id, id) FROM articles WHERE id = ?", (best[0],)).fetchone()[0]
            updates.append((origin, article_id))
    if updates:
        with write_transaction(conn):
            conn.executemany("UPDATE articles SET origin_id = ? WHERE id = ?", updates)


_PENDING_CLAIMS = (
    "SELECT c.id, c.text, c.facts_json, c.article_id, s.idx FROM claims c JOIN sentences s ON s.id = c.sentence_id "
    "WHERE c.topic_id IS NULL ORDER BY c.id"
)


def _topic_items(rows: Iterable[tuple]) -> list[TopicItem]:
    return [
        TopicItem(cid, text, Facts.from_json(json.loads(facts)), article=article_id, position=idx)
        for cid, text, facts, article_id, idx in rows
    ]


def _finish_topics(conn: sqlite3.Connection, pending: _PendingTopics, progress: Progress | None) -> None:
    try:
        if isinstance(pending.groups, list):
            new_groups = pending.groups
        else:
            through, total = pending.through, pending.total

            def tell() -> None:
                if progress:
                    progress(IndexProgress(through.value, total, "", "topics"))

            new_groups = _result_telling(pending.groups, tell)
            if progress:
                progress(IndexProgress(pending.total, pending.total, "", "topics"))
    finally:
        if pending.pool is not None:
            pending.pool.shutdown(cancel_futures=True)
    assignments = list(pending.assignments)
    if not assignments and not new_groups:
        return
    other_topic = next((tid for tid, g in pending.existing if g.label == OTHER_LABEL), None)
    with write_transaction(conn):
        for group in new_groups:
            if group.label == OTHER_LABEL and other_topic is not None:
                topic_id = other_topic  # one catch-all topic, however many runs add to it
            else:
                topic_id = inserted_id(
                    conn.execute(
                        "INSERT INTO topics(label, terms_json) VALUES (?, ?)",
                        (group.label, json.dumps(group.terms, ensure_ascii=False)),
                    )
                )
            assignments.extend((topic_id, cast(int, key)) for key in group.keys)  # the store's keys are claim ids
        conn.executemany("UPDATE claims SET topic_id = ? WHERE id = ?", assignments)
        conn.execute(
            "DELETE FROM topics WHERE id NOT IN (SELECT DISTINCT topic_id FROM claims WHERE topic_id IS NOT NULL)"
        )
