"""Articles into events, and each event's figure ledger, in SQLite (store.text.events and store.text.ledger do
the reading; this module reads their input from the database and writes what they decide)."""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import cast

from factcheck_tui.store.db import inserted_id, sentence_document_frequencies
from factcheck_tui.store.review import write_transaction
from factcheck_tui.store.text.arabic.normalize import normalize
from factcheck_tui.store.text.arabic.terms import content_terms
from factcheck_tui.store.text.grouping.events import (
    LEAD_SENTENCES,
    WINDOW_DAYS,
    Event,
    EventArticle,
    group_events,
    parse_day,
)
from factcheck_tui.store.text.judging.ledger import (
    LedgerEntry,
    LedgerRow,
    Said,
    forget_read_sentences,
    ledger_entries,
    ledger_rows,
)
from factcheck_tui.store.text.reading.facts import Facts


def assign_events(
    conn: sqlite3.Connection,
    progress: Callable[[int, int], None] | None = None,
    document_frequencies: dict[str, int] | None = None,
) -> set[int]:
    """Group every article without an event into one (an existing event or a new one). Returns the ids of the
    events that gained articles. progress(done, total): articles placed. document_frequencies: the sentences'
    (db.sentence_document_frequencies), when the caller has read them already."""
    pending = conn.execute("SELECT id, title, date FROM articles WHERE event_id IS NULL ORDER BY id").fetchall()
    if not pending:
        return set()
    idf = _sentence_idf(conn, document_frequencies)
    articles = [_event_article(conn, aid, title, published) for aid, title, published in pending]
    # Only the events some new article can reach (Event.reaches): adding one article to 10,000 read 4,525
    # centroids where a few hundred are in its days' window.
    where = ""
    window: tuple[str, ...] = ()
    days = [a.day for a in articles if a.day is not None]
    if len(days) == len(articles):  # an undated article reaches every event
        reach = timedelta(days=WINDOW_DAYS)
        where = 'WHERE start IS NULL OR "end" IS NULL OR (start <= ? AND "end" >= ?)'
        window = ((max(days) + reach).isoformat(), (min(days) - reach).isoformat())
    existing = [
        Event([], label, parse_day(start), parse_day(end), json.loads(centroid), key=eid)
        for eid, label, start, end, centroid in conn.execute(
            f'SELECT id, label, start, "end", centroid_json FROM events {where} ORDER BY id', window
        )
    ]
    events = group_events(articles, idf, existing, progress=progress)
    touched: set[int] = set()
    with write_transaction(conn):
        for event in events:
            if not event.keys:
                continue
            values = (
                event.label,
                _iso(event.start),
                _iso(event.end),
                json.dumps(_rounded(event.centroid), ensure_ascii=False),
            )
            if event.key is None:
                event.key = inserted_id(
                    conn.execute('INSERT INTO events(label, start, "end", centroid_json) VALUES (?, ?, ?, ?)', values)
                )
            else:
                conn.execute(
                    'UPDATE events SET start = ?, "end" = ?, centroid_json = ? WHERE id = ?', (*values[1:], event.key)
                )
            conn.executemany("UPDATE articles SET event_id = ? WHERE id = ?", [(event.key, a) for a in event.keys])
            touched.add(cast(int, event.key))  # the store's events are keyed by their row ids
    return touched


def remove_empty_events(conn: sqlite3.Connection) -> None:
    """Events whose articles were all replaced or removed go with them (their ledger rows cascade)."""
    with write_transaction(conn):
        conn.execute(
            "DELETE FROM events WHERE id NOT IN (SELECT DISTINCT event_id FROM articles WHERE event_id IS NOT NULL)"
        )


def set_event_topics(conn: sqlite3.Connection, event_ids: Iterable[int]) -> None:
    """An event belongs to the story (topic) most of its claims are grouped in."""
    rows = []
    for eid in event_ids:
        row = conn.execute(
            "SELECT c.topic_id FROM claims c JOIN articles a ON a.id = c.article_id "
            "WHERE a.event_id = ? AND c.topic_id IS NOT NULL GROUP BY c.topic_id ORDER BY count(*) DESC, c.topic_id LIMIT 1",
            (eid,),
        ).fetchone()
        rows.append((row[0] if row else None, eid))
    with write_transaction(conn):
        conn.executemany("UPDATE events SET topic_id = ? WHERE id = ?", rows)


def rebuild_ledgers(
    conn: sqlite3.Connection, event_ids: Iterable[int], progress: Callable[[int, int], None] | None = None
) -> None:
    """The figure ledger of these events, read again from their articles' sentences. progress(done, total):
    events read."""
    event_ids = sorted(set(event_ids))
    if not event_ids:
        return
    rows = []
    for done, eid in enumerate(event_ids):
        if done % LEDGER_PROGRESS_EVERY == 0:
            forget_read_sentences()  # each sentence is read once here
            if progress is not None:
                progress(done, len(event_ids))
        for sid, aid, text, facts_json, published in conn.execute(
            "SELECT s.id, s.article_id, s.text, s.facts_json, a.date FROM sentences s JOIN articles a ON a.id = s.article_id "
            "WHERE a.event_id = ? ORDER BY s.id",
            (eid,),
        ):
            if not facts_json or '"quantities": []' in facts_json:
                continue
            facts = Facts.from_json(json.loads(facts_json))
            for e in ledger_entries(text, facts):
                rows.append(
                    (
                        eid,
                        aid,
                        sid,
                        e.counted,
                        e.act,
                        e.scope,
                        e.period,
                        e.noun,
                        e.value,
                        e.low,
                        e.high,
                        e.qualifier,
                        e.written,
                        e.start,
                        e.end,
                    )
                )
    forget_read_sentences()
    with write_transaction(conn):
        marks = ",".join("?" * len(event_ids))
        conn.execute(f"DELETE FROM figures WHERE event_id IN ({marks})", event_ids)
        conn.executemany(
            f"INSERT INTO figures(event_id, article_id, sentence_id, {_ENTRY_COLUMNS}) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
    if progress is not None:
        progress(len(event_ids), len(event_ids))


LEDGER_PROGRESS_EVERY = 20  # events between two progress reports
_ENTRY_COLUMNS = 'counted, act, scope, period, noun, value, low, high, qualifier, written, start, "end"'


def event_ledger(conn: sqlite3.Connection, event_id: int) -> list[LedgerRow]:
    """The ledger rows of one event, each with its figures in time order and its status."""
    said = []
    for (
        sid,
        aid,
        origin,
        published,
        counted,
        act,
        scope,
        period,
        noun,
        value,
        low,
        high,
        qualifier,
        written,
        start,
        end,
    ) in conn.execute(
        "SELECT f.sentence_id, f.article_id, COALESCE(a.origin_id, a.id), a.date, "
        + ", ".join(f"f.{c.strip()}" for c in _ENTRY_COLUMNS.split(","))
        + " FROM figures f JOIN articles a ON a.id = f.article_id WHERE f.event_id = ? ORDER BY f.id",
        (event_id,),
    ):
        entry = LedgerEntry(counted, act, scope, period, value, low, high, qualifier, written, noun, start, end)
        said.append(Said(entry, sid, aid, origin, published))
    return ledger_rows(said)


def _sentence_idf(conn: sqlite3.Connection, df: dict[str, int] | None = None):
    """idf of an index term over all sentences of the corpus (read off the full-text index's vocabulary)."""
    if df is None:
        df = sentence_document_frequencies(conn)
    n = max(1, conn.execute("SELECT count(*) FROM sentences").fetchone()[0])

    def idf(term: str) -> float:
        return math.log((n + 1) / (df.get(term, 0) + 1))

    return idf


def _event_article(conn: sqlite3.Connection, article_id: int, title: str | None, published: str | None) -> EventArticle:
    lead = conn.execute(
        "SELECT text, terms FROM sentences WHERE article_id = ? AND idx < ? ORDER BY idx", (article_id, LEAD_SENTENCES)
    ).fetchall()
    title_terms = tuple(content_terms(normalize(title))) if title else ()
    lead_terms = tuple(t for _, terms in lead for t in terms.split())
    headline = title or (lead[0][0] if lead else "")
    return EventArticle(article_id, title_terms, lead_terms, parse_day(published), headline)


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def _rounded(vector: dict[str, float]) -> dict[str, float]:
    return {t: round(w, 4) for t, w in vector.items()}
