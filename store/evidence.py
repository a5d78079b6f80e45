"""Cross-source evidence for claims: candidates from the full-text index, then stance scoring.

Never compares every claim with every sentence: each claim asks FTS5 for the sentences of other articles that
share its rarest terms, and only those are scored.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from functools import lru_cache

from store.review import write_transaction
from store.text.facts import Facts, extract_facts
from store.text.match import Judged, evidence_signature, judge, keep_best, suggest_verdict

CANDIDATES_PER_CLAIM = 40
QUERY_TERMS = 12


@lru_cache(maxsize=50_000)
def _facts_of(text: str) -> Facts:
    return extract_facts(text)


def _fts_query(terms: list[str], term_frequency: Callable[[str], int]) -> str | None:
    """OR of the claim's rarest distinct terms, quoted so that FTS syntax in article text stays data."""
    distinct = sorted(set(terms), key=lambda t: (term_frequency(t), t))[:QUERY_TERMS]
    if not distinct:
        return None
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in distinct)


class _TermFrequency:
    """Document frequency of a term in the FTS index, cached for one run (fts5vocab would be exact but is
    a second index to keep; the instance table is enough and cheap)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.cache: dict[str, int] = {}
        self._ensure_vocab()

    def _ensure_vocab(self) -> None:
        self.conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.sentences_vocab USING fts5vocab(main, 'sentences_fts', 'row')"
        )

    def __call__(self, term: str) -> int:
        if term not in self.cache:
            row = self.conn.execute("SELECT doc FROM temp.sentences_vocab WHERE term = ?", (term,)).fetchone()
            self.cache[term] = row[0] if row else 0
        return self.cache[term]


def _origin_map(conn: sqlite3.Connection) -> dict[int, int]:
    return {aid: origin or aid for aid, origin in conn.execute("SELECT id, origin_id FROM articles")}


def compute_for_claims(
    conn: sqlite3.Connection,
    claim_ids: Iterable[int],
    progress: Callable[[int, int], None] | None = None,
    batch: int = 200,
) -> int:
    """Recompute evidence and the suggested verdict of these claims. Returns how many were done."""
    claim_ids = sorted(set(claim_ids))
    if not claim_ids:
        return 0
    origins = _origin_map(conn)
    frequency = _TermFrequency(conn)
    done = 0
    for start in range(0, len(claim_ids), batch):
        chunk = claim_ids[start : start + batch]
        results = [_evidence_for(conn, cid, origins, frequency) for cid in chunk]
        with write_transaction(conn):
            for claim_id, judged, suggestion in results:
                _write(conn, claim_id, judged, suggestion)
        done += len(chunk)
        if progress:
            progress(done, len(claim_ids))
    return done


def _evidence_for(conn, claim_id: int, origins: dict[int, int], frequency) -> tuple[int, list[Judged], str]:
    row = conn.execute(
        "SELECT c.text, c.article_id, c.facts_json, s.terms FROM claims c JOIN sentences s ON s.id = c.sentence_id "
        "WHERE c.id = ?",
        (claim_id,),
    ).fetchone()
    text, article_id, facts_json, terms = row
    claim_facts = Facts.from_json(json.loads(facts_json))
    query = _fts_query(terms.split(), frequency)
    judged: list[Judged] = []
    if query:
        candidates = conn.execute(
            "SELECT s.id, s.article_id, s.text FROM sentences_fts f JOIN sentences s ON s.id = f.rowid "
            "WHERE sentences_fts MATCH ? AND s.article_id != ? ORDER BY f.rank LIMIT ?",
            (query, article_id, CANDIDATES_PER_CLAIM),
        ).fetchall()
        for sentence_id, other_article, other_text in candidates:
            result = judge(text, claim_facts, other_text, _facts_of(other_text))
            if result is not None:
                judged.append(Judged(sentence_id, other_article, origins.get(other_article, other_article), result))
    best = _one_per_article_first(keep_best(judged))
    own_origin = origins.get(article_id, article_id)
    suggestion = suggest_verdict(own_origin, [(j.origin, j.result.stance) for j in best])
    return claim_id, best, suggestion


def _one_per_article_first(judged: list[Judged]) -> list[Judged]:
    """Keep the order, but no more than three sentences from one article: breadth across outlets matters more."""
    per_article: dict[int, int] = {}
    out = []
    for j in judged:
        per_article[j.article_id] = per_article.get(j.article_id, 0) + 1
        if per_article[j.article_id] <= 3:
            out.append(j)
    return out


def _write(conn: sqlite3.Connection, claim_id: int, judged: list[Judged], suggestion: str) -> None:
    conn.execute("DELETE FROM evidence WHERE claim_id = ?", (claim_id,))
    conn.executemany(
        "INSERT INTO evidence(claim_id, sentence_id, article_id, score, stance, reason, claim_spans, sentence_spans) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                claim_id,
                j.sentence_id,
                j.article_id,
                round(float(j.result.score), 1),
                j.result.stance,
                j.result.reason,
                json.dumps(j.result.claim_spans),
                json.dumps(j.result.other_spans),
            )
            for j in judged
        ],
    )
    signature = evidence_signature((j.sentence_id, j.result.stance) for j in judged)
    conn.execute(
        "UPDATE claims SET suggested_verdict = ?, evidence_sig = ? WHERE id = ?", (suggestion, signature, claim_id)
    )


def claims_touching_articles(conn: sqlite3.Connection, article_ids: Iterable[int]) -> set[int]:
    """Claims of OTHER articles whose evidence could change because these articles were added or changed:
    those that share rare terms with the articles' sentences (found through the same FTS index)."""
    article_ids = list(article_ids)
    if not article_ids:
        return set()
    frequency = _TermFrequency(conn)
    touched: set[int] = set()
    placeholders = ",".join("?" * len(article_ids))
    rows = conn.execute(
        f"SELECT article_id, terms FROM sentences WHERE article_id IN ({placeholders})", article_ids
    ).fetchall()
    for article_id, terms in rows:
        query = _fts_query(terms.split(), frequency)
        if not query:
            continue
        for (claim_id,) in conn.execute(
            "SELECT c.id FROM sentences_fts f JOIN claims c ON c.sentence_id = f.rowid "
            "WHERE sentences_fts MATCH ? AND c.article_id != ? ORDER BY f.rank LIMIT ?",
            (query, article_id, CANDIDATES_PER_CLAIM),
        ):
            touched.add(claim_id)
    return touched
