"""Cross-source evidence for claims: candidates by blocking on rare shared terms, then stance scoring.

Never compares every claim with every sentence: a CandidateIndex over all sentences gives each claim the few
sentences of other articles that share its rarest terms, and only those are scored.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from rapidfuzz import fuzz

from factcheck_tui.store import feedback
from factcheck_tui.store.db import (
    BUSY_TIMEOUT_MS,
    db_path,
    sentence_document_frequencies,
)
from factcheck_tui.store.review import write_transaction
from factcheck_tui.store.text.arabic.normalize import normalize
from factcheck_tui.store.text.arabic.terms import shared_words, without_speech_verbs
from factcheck_tui.store.text.grouping.blocking import CandidateIndex
from factcheck_tui.store.text.judging.match import (
    Judged,
    beyond_names,
    evidence_signature,
    judge,
    keep_best,
    suggest_verdict,
)
from factcheck_tui.store.text.reading.facts import Facts, extract_facts
from factcheck_tui.store.text.reading.sources import Source, dateline_source, sentence_source
from factcheck_tui.store.workers import process_pool

CANDIDATES_PER_CLAIM = 16
PARALLEL_CLAIMS = 1500  # claims to score before starting processes pays off
NEIGHBOURS_PER_SENTENCE = 12
# Candidates sharing less than this of the two sentences' distinctive (idf-weighted) words are not scored. Between
# 0.10 and 0.15 lay half of the pairs scored on 1,000 SaudiNewsNet articles, and half the scoring time (1,200
# random claims: 2,441 of 4,926 pairs), and not one agreement or conflict among them (1,621 related, 820 not
# evidence); none of the 634 conflict links two readers labelled on ten news days lies below 0.20, and of the
# labelled fit split's pairs below 0.15 lie 1 of 197 "same" and 1 of 26 "contradicts" (which the engine never
# found). What goes is the weakest "related" links.
MIN_COVERAGE = 0.15
SCORED_PER_CLAIM = 8  # candidates whose stance is scored, those sharing most of their distinctive words first
FACTS_KEPT = 20_000  # sentences whose parsed facts a corpus keeps, bounding memory on large runs
# Two sentences of different outlets this alike (rapidfuzz ratio of their normalized text) are one text reprinted:
# wire copy, one origin. On the dev split of the evidence panels, 90 takes 25 of the 43 pairs labelled copies and
# 5 of the 302 others (85: 27 and 7; 95: 17 and 4). The copies it misses are partial reprints, which the reader
# sees side by side; a sentence wrongly merged as a copy only withholds a confirmation.
WIRE_COPY_RATIO = 90


class StoredCandidateIndex(CandidateIndex):
    """The candidate index of every sentence in the database, read from its full-text index term by term.

    Loading all the terms of a 10,000-article corpus takes 1.5 s; adding one article scores a few hundred
    claims, whose terms this reads in a fraction of that. The full-text index holds each index term whole
    (store.db FTS_TOKENIZER), so document frequencies and postings, and so the candidates, are the same."""

    def __init__(self, conn: sqlite3.Connection, document_frequencies: dict[str, int] | None = None):
        super().__init__()
        self.conn = conn
        self._article_of = dict(conn.execute("SELECT id, article_id FROM sentences"))
        self._df = document_frequencies if document_frequencies is not None else sentence_document_frequencies(conn)
        self._loaded: dict[str, list[int]] = {}

    def document_frequency(self, term: str) -> int:
        return self._df.get(term, 0)

    def postings(self, term: str) -> list[int]:
        if term not in self._loaded:
            phrase = '"' + term.replace('"', '""') + '"'
            rows = self.conn.execute(
                "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rowid", (phrase,)
            )
            self._loaded[term] = [r[0] for r in rows]
        return self._loaded[term]


# Scoring more claims than this in one process loads every sentence's terms into memory at once; fewer read
# them from the full-text index as they go.
LOAD_ALL_FROM = 300


class _Corpus:
    """What one evidence run needs in memory: the candidate index, sentence texts on demand, origins."""

    def __init__(
        self, conn: sqlite3.Connection, claims: int = LOAD_ALL_FROM, document_frequencies: dict[str, int] | None = None
    ):
        self.conn = conn
        self._terms: dict[int, tuple[str, ...]] = {}
        if claims >= LOAD_ALL_FROM:
            self.index: CandidateIndex = CandidateIndex()
            # Interned: a term recurs in thousands of sentences, and one string each would cost ~150 MB at 10k
            # articles, in every worker process.
            intern = sys.intern
            rows = [
                (sid, aid, tuple(map(intern, terms.split())))
                for sid, aid, terms in conn.execute("SELECT id, article_id, terms FROM sentences")
            ]
            self._terms = {sid: terms for sid, _, terms in rows}
            self.index.add_all(rows)
        else:
            self.index = StoredCandidateIndex(conn, document_frequencies)
        self.origins: dict[int, int] = {}
        for aid, origin in conn.execute("SELECT id, origin_id FROM articles"):
            self.origins[aid] = origin or aid
        self._datelines: dict[int, Source | None] = {}
        self.outlet_of: dict[int, str] = {}
        self.date_of: dict[int, str | None] = {}
        for aid, outlet, published in conn.execute("SELECT id, outlet, date FROM articles"):
            self.date_of[aid] = published
            if outlet and outlet.strip():
                self.outlet_of[aid] = outlet.strip().casefold()
        self._facts: dict[int, Facts] = {}
        self._sources: dict[int, Source | None] = {}

    def sentence_text(self, sentence_ids: list[int]) -> dict[int, str]:
        """Texts of these sentences; their stored facts are kept for facts()."""
        if not sentence_ids:
            return {}
        marks = ",".join("?" * len(sentence_ids))
        texts = {}
        for sid, text, facts_json in self.conn.execute(
            f"SELECT id, text, facts_json FROM sentences WHERE id IN ({marks})", sentence_ids
        ):
            texts[sid] = text
            if len(self._facts) >= FACTS_KEPT:
                self._facts.clear()  # claims are scored topic by topic: recent candidates matter most
            if sid not in self._facts and facts_json:
                self._facts[sid] = Facts.from_json(json.loads(facts_json))
        return texts

    def load_terms(self, sentence_ids: Iterable[int]) -> None:
        """Read these sentences' terms now, in one query, when they are not all in memory."""
        if not isinstance(self.index, StoredCandidateIndex):
            return  # every sentence's terms were loaded with the index
        wanted = [sid for sid in sentence_ids if sid not in self._terms]
        if wanted:
            marks = ",".join("?" * len(wanted))
            for sid, terms in self.conn.execute(f"SELECT id, terms FROM sentences WHERE id IN ({marks})", wanted):
                self._terms[sid] = tuple(terms.split())

    def terms(self, sentence_id: int) -> tuple[str, ...]:
        if sentence_id not in self._terms:
            self.load_terms([sentence_id])
        return self._terms[sentence_id]

    def sentence_source(self, sentence_id: int, text: str) -> Source | None:
        """The source a sentence quotes (read once: a day's evidence meets the same sentences claim after claim,
        and reading the attribution costs more than judging the pair)."""
        if sentence_id not in self._sources:
            if len(self._sources) >= FACTS_KEPT:
                self._sources.clear()
            self._sources[sentence_id] = sentence_source(text, self.facts(sentence_id, text))
        return self._sources[sentence_id]

    def article_source(self, article_id: int) -> Source | None:
        """The agency an article's dateline names, if any (read once per article)."""
        if article_id not in self._datelines:
            row = self.conn.execute(
                "SELECT text FROM sentences WHERE article_id = ? ORDER BY idx LIMIT 1", (article_id,)
            ).fetchone()
            self._datelines[article_id] = dateline_source(row[0]) if row else None
        return self._datelines[article_id]

    def facts(self, sentence_id: int, text: str) -> Facts:
        """Facts stored at indexing; read from the text for rows indexed before they were stored."""
        if sentence_id not in self._facts:
            self._facts[sentence_id] = extract_facts(text)
        return self._facts[sentence_id]


def compute_for_claims(
    conn: sqlite3.Connection,
    claim_ids: Iterable[int],
    progress: Callable[[int, int], None] | None = None,
    batch: int = 500,
    corpus: _Corpus | None = None,
) -> int:
    """Recompute evidence and the suggested verdict of these claims, writing each batch in its own short
    transaction. Large runs are scored on all cores. Returns how many were done."""
    claim_ids = _in_topic_order(conn, set(claim_ids))
    if not claim_ids:
        return 0
    chunks = [claim_ids[start : start + batch] for start in range(0, len(claim_ids), batch)]
    if _parallel(len(claim_ids)):
        scored = _score_in_processes(db_path(conn), chunks)
    else:
        corpus = corpus or _Corpus(conn, len(claim_ids))
        scored = ([_evidence_for(corpus, cid) for cid in chunk] for chunk in chunks)
    done = 0
    for results in scored:
        with write_transaction(conn):
            for claim_id, judged, suggestion in results:
                _write(conn, claim_id, judged, suggestion)
            # a link a reviewer marked wrong stays out of the suggestion when the evidence is computed again
            feedback.suggest_again(conn, feedback.claims_with_marks(conn, [c for c, _, _ in results]))
        done += len(results)
        if progress:
            progress(done, len(claim_ids))
    return done


def _in_topic_order(conn: sqlite3.Connection, claim_ids: set[int]) -> list[int]:
    """Claims of one topic share candidate sentences: scored one after another, they find those sentences
    already analysed in the worker's caches. On 70,000 claims this analyses a quarter fewer sentences than
    scoring in id order (a simulation of the 8,192-sentence caches: 266,000 against 355,000)."""
    if not claim_ids:
        return []
    if len(claim_ids) < 1000:
        marks = ",".join("?" * len(claim_ids))
        rows = conn.execute(f"SELECT id, topic_id FROM claims WHERE id IN ({marks})", list(claim_ids))
    else:
        rows = conn.execute("SELECT id, topic_id FROM claims")
    topic_of = {cid: tid for cid, tid in rows if cid in claim_ids}
    return sorted(claim_ids, key=lambda c: (topic_of.get(c) or 0, c))


_worker_corpus: _Corpus | None = None


def _start_worker(path: str) -> None:
    global _worker_corpus
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    _worker_corpus = _Corpus(conn)


def _score_chunk(chunk: list[int]) -> list[tuple[int, list[Judged], str]]:
    assert _worker_corpus is not None
    return [_evidence_for(_worker_corpus, cid) for cid in chunk]


def _score_in_processes(path: str, chunks: list[list[int]]) -> Iterator[list[tuple[int, list[Judged], str]]]:
    """Each worker reads the database on its own connection and builds its own candidate index; only this
    process writes."""
    with process_pool(os.cpu_count() or 1, _start_worker, (path,)) as pool:
        yield from pool.map(_score_chunk, chunks)


def _claim_row(corpus: _Corpus, claim_id: int) -> tuple[str, int, str, str]:
    """(text, article id, facts JSON, index terms) of a claim."""
    return corpus.conn.execute(
        "SELECT c.text, c.article_id, c.facts_json, s.terms FROM claims c JOIN sentences s ON s.id = c.sentence_id "
        "WHERE c.id = ?",
        (claim_id,),
    ).fetchone()


def _same_outlet(corpus: _Corpus, article_id: int, other_article: int) -> bool:
    """The claim's own outlet is never "another outlet", whatever article of it the sentence comes from."""
    mine = corpus.outlet_of.get(article_id)
    return mine is not None and corpus.outlet_of.get(other_article) == mine


def _most_covered(corpus: _Corpus, terms: str, article_id: int) -> list[tuple[float, int, list[str], float]]:
    """(coverage, sentence id, its terms, shorter coverage) of the candidates whose stance is worth scoring, most
    covered first: coverage is how much of their distinctive words the two sentences share, both ways averaged;
    shorter coverage how much of the shorter one's the longer has (CandidateIndex.shorter_coverage).

    Coverage is cheap and stance scoring is not: score only the candidates that share most with the claim.
    In a corpus of 10,000 articles a claim has far more related sentences than a reviewer reads."""
    index = corpus.index
    claim_terms = set(without_speech_verbs(terms.split()))
    claim_weight = index.weight(claim_terms)  # once for all its candidates
    covered = []
    candidates = index.candidates(terms.split(), article_id, limit=CANDIDATES_PER_CLAIM)
    corpus.load_terms(c.sentence_id for c in candidates)
    for candidate in candidates:
        if _same_outlet(corpus, article_id, index.article_of(candidate.sentence_id)):
            continue
        other_terms = without_speech_verbs(corpus.terms(candidate.sentence_id))
        mine, theirs, shorter = index.overlap(claim_terms, set(other_terms), claim_weight)
        coverage = (mine + theirs) / 2
        if coverage >= MIN_COVERAGE:
            covered.append((coverage, candidate.sentence_id, other_terms, shorter))
    covered.sort(key=lambda c: -c[0])  # stable: equal coverage keeps the blocking order
    # Breadth first: the best-covered sentence of each other article, then the next of each, and so on. A page
    # that denies a claim also retells it, and its retelling sentences must not crowd its denial, nor one long
    # article crowd out the other outlets.
    rank_in_article: dict[int, int] = {}
    ranked = []
    for item in covered:
        article = index.article_of(item[1])
        rank_in_article[article] = rank_in_article.get(article, 0) + 1
        ranked.append((rank_in_article[article], item))
    ranked.sort(key=lambda r: r[0])  # stable: within one rank, the most covered first
    return [item for _, item in ranked[:SCORED_PER_CLAIM]]


def _evidence_for(corpus: _Corpus, claim_id: int) -> tuple[int, list[Judged], str]:
    text, article_id, facts_json, terms = _claim_row(corpus, claim_id)
    claim_facts = Facts.from_json(json.loads(facts_json))
    claim_terms = without_speech_verbs(terms.split())
    covered = _most_covered(corpus, terms, article_id)
    texts = corpus.sentence_text([sid for _, sid, _, _ in covered])
    judged: list[Judged] = []
    for _, sid, other_terms, shorter_covered in covered:
        other_article = corpus.index.article_of(sid)
        in_common = set(claim_terms) & set(other_terms)
        shared = shared_words(text, in_common)
        other_facts = corpus.facts(sid, texts[sid])
        content = beyond_names(in_common, claim_facts, other_facts)
        result = judge(
            text,
            claim_facts,
            texts[sid],
            other_facts,
            shorter_covered,
            shared,
            len(content),
            corpus.date_of.get(article_id),
            corpus.date_of.get(other_article),
        )
        if result is not None:
            judged.append(Judged(sid, other_article, corpus.origins.get(other_article, other_article), result))
    claim_origin = corpus.origins.get(article_id, article_id)
    best = _sentence_origins(text, claim_origin, _at_most_three_per_article(keep_best(judged)), texts)
    claim_source = sentence_source(text, claim_facts) or corpus.article_source(article_id)
    best = _source_origins(corpus, claim_source, claim_origin, best, texts)
    suggestion = suggest_verdict(claim_origin, [(j.origin, j.result.stance) for j in best])
    return claim_id, best, suggestion


def _sentence_origins(claim: str, claim_origin: int, judged: list[Judged], texts: dict[int, str]) -> list[Judged]:
    """Each evidence sentence's independent origin: a near-verbatim copy of the claim is the claim's own origin
    (it confirms nothing), and near-verbatim sentences of several outlets (wire copy reprinted) share the origin
    of the first of them. A copy that gives another figure or denies is no copy: someone changed the text,
    and the two versions are what the reviewer must see."""
    seen: list[tuple[str, int]] = [(normalize(claim), claim_origin)]
    out = []
    for j in judged:
        if j.result.stance in ("disagree", "update"):
            out.append(j)
            continue
        norm = normalize(texts[j.sentence_id])
        origin = next((o for other, o in seen if fuzz.ratio(norm, other) >= WIRE_COPY_RATIO), j.origin)
        seen.append((norm, origin))
        out.append(replace(j, origin=origin))
    return out


def _source_origins(
    corpus: _Corpus, claim_source: Source | None, claim_origin: int, judged: list[Judged], texts: dict[int, str]
) -> list[Judged]:
    """Agreeing sentences that quote one source are one origin, and one that quotes the claim's own source is the
    claim's origin: three outlets reprinting one ministry's figures are one voice, not three confirmations. A
    dispute keeps its outlet's origin: two versions of one source's figure are what the reviewer must see."""
    first_origin: dict[str, int] = {claim_source.key: claim_origin} if claim_source else {}
    out = []
    for j in judged:
        source = corpus.sentence_source(j.sentence_id, texts[j.sentence_id]) or corpus.article_source(j.article_id)
        if source is None:
            out.append(j)
            continue
        if j.result.stance == "agree":
            j = replace(j, origin=first_origin.setdefault(source.key, j.origin))
        out.append(replace(j, source=source.name))
    return out


def _at_most_three_per_article(judged: list[Judged]) -> list[Judged]:
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
        "INSERT INTO evidence(claim_id, sentence_id, article_id, score, stance, reason, claim_spans, sentence_spans, "
        "origin_id, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                j.origin,
                j.source,
            )
            for j in judged
        ],
    )
    signature = evidence_signature((j.sentence_id, j.result.stance) for j in judged)
    conn.execute(
        "UPDATE claims SET suggested_verdict = ?, evidence_sig = ? WHERE id = ?", (suggestion, signature, claim_id)
    )


def recompute_after_adding(
    conn: sqlite3.Connection,
    article_ids: list[int],
    extra_claims: Iterable[int] = (),
    progress: Callable[[int, int], None] | None = None,
    document_frequencies: dict[str, int] | None = None,
) -> int:
    """Evidence for the claims of these (new or changed) articles, and for the claims of other articles that
    these articles' sentences could now support or contradict. Nothing else is recomputed. document_frequencies:
    the sentences' (db.sentence_document_frequencies), when the caller has read them already."""
    targets = set(extra_claims)
    corpus: _Corpus | None = None
    if article_ids:
        marks = ",".join("?" * len(article_ids))
        targets |= {r[0] for r in conn.execute(f"SELECT id FROM claims WHERE article_id IN ({marks})", article_ids)}
        others = conn.execute(f"SELECT 1 FROM articles WHERE id NOT IN ({marks}) LIMIT 1", article_ids).fetchone()
        if others:  # a first index has no older claims that the new articles could touch
            corpus = _Corpus(conn, claims=0, document_frequencies=document_frequencies)
            claim_of_sentence = dict(conn.execute("SELECT sentence_id, id FROM claims"))
            rows = conn.execute(f"SELECT article_id, terms FROM sentences WHERE article_id IN ({marks})", article_ids)
            neighbours = set()
            for article_id, terms in rows:
                for c in corpus.index.candidates(terms.split(), article_id, limit=NEIGHBOURS_PER_SENTENCE):
                    if c.sentence_id in claim_of_sentence:
                        neighbours.add(claim_of_sentence[c.sentence_id])
            targets |= {c for c in neighbours - targets if _would_score(corpus, c, set(article_ids))}
    if corpus is not None and _parallel(len(targets)):
        corpus = None  # the worker processes build their own: don't hold a third copy while they run
    return compute_for_claims(conn, targets, progress, corpus=corpus)


def _would_score(corpus: _Corpus, claim_id: int, articles: set[int]) -> bool:
    """Whether a sentence of these articles is now among the claim's candidates that get scored: if not, its
    evidence stays as it was, and finding that out costs a look-up, not a stance scoring."""
    _, article_id, _, terms = _claim_row(corpus, claim_id)
    return any(corpus.index.article_of(sid) in articles for _, sid, _, _ in _most_covered(corpus, terms, article_id))


def _parallel(claims: int) -> bool:
    return claims >= PARALLEL_CLAIMS and (os.cpu_count() or 1) > 1
