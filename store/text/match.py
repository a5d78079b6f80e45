"""Scoring candidate evidence and turning evidence into a suggested verdict (DESIGN §4). Pure functions."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from store.text.blocking import CandidateIndex
from store.text.facts import Facts, extract_facts
from store.text.normalize import normalize
from store.text.stance import StanceResult, classify
from store.text.stance_features import view
from store.text.statements import same_statement
from store.text.terms import NAME_TERM_PREFIX, content_terms, shared_words, without_speech_verbs

MAX_EVIDENCE = 12
MIN_RELATED_SCORE = 35.0
SAME_REPORT_CONTENT_WORDS = 2  # distinctive words in common that are not names, at the least, for one statement


@dataclass(frozen=True)
class Judged:
    sentence_id: int
    article_id: int
    origin: int  # independent origin of the article (copies share one)
    result: StanceResult
    source: str = ""  # the source the sentence quotes, as written (store.text.sources), "" when none


def judge(
    claim: str,
    claim_facts: Facts,
    other: str,
    other_facts: Facts,
    shorter_covered: float = 0.0,
    shared: str = "",
    shared_beyond_names: int = SAME_REPORT_CONTENT_WORDS,
    claim_date: str | None = None,
    other_date: str | None = None,
) -> StanceResult | None:
    """Stance of one candidate sentence, or None when it is not evidence worth showing.

    shorter_covered: the idf-weighted share of the shorter sentence's distinctive terms that the longer has
    (CandidateIndex.shorter_coverage); shared: the shared words as written in the claim, for the reason;
    shared_beyond_names: how many shared terms are not names (see beyond_names); the dates are the articles'.

    Agreement is a statement both make (store.text.statements.same_statement): the model's "agree" and a
    shared figure alone are no second source, and a retelling in other words is one."""
    result = classify(claim, other, claim_facts, other_facts, claim_date, other_date)
    if result.stance == "other":
        return None
    if result.stance in ("disagree", "update"):
        return result
    # "Zelensky said X" and "Zelensky said Y", or two sentences naming Washington and Moscow, share names and
    # little else: a retelling shares words besides the names.
    same = (not result.conflicts and shared_beyond_names >= SAME_REPORT_CONTENT_WORDS
            and same_statement(view(claim, claim_facts), view(other, other_facts), shorter_covered))
    if same and result.stance == "agree":
        return result
    if same:
        # The model's spans mark words that differ; for a retelling they would point at noise.
        return replace(result, stance="agree", reason=f"same report: {shared}" if shared else "same report",
                       claim_spans=[], other_spans=[])
    if result.stance == "agree":
        result = replace(result, stance="related", reason=f"related: {result.reason}")
    if result.score < MIN_RELATED_SCORE:
        return None
    return result


def beyond_names(shared_terms: set[str], a: Facts, b: Facts) -> set[str]:
    """The shared terms that are not names: what two sentences report in common, besides whom they name."""
    left = shared_terms - name_terms(a) - name_terms(b)
    return {t for t in left if not t.startswith(NAME_TERM_PREFIX)}


def name_terms(facts: Facts) -> set[str]:
    """Index terms of the words of the people, places and organisations a sentence names ("فولوديمير"
    of "فولوديمير زيلينسكي" included)."""
    return {t for m in facts.mentions if m.kind in ("person", "place", "org") for t in _terms_of_name(m.text)}


@lru_cache(maxsize=50_000)
def _terms_of_name(name: str) -> tuple[str, ...]:
    return tuple(content_terms(normalize(name)))


def keep_best(judged: Iterable[Judged]) -> list[Judged]:
    """Disagreements first (a reviewer must see them), then by score; at most MAX_EVIDENCE."""
    rank = {"disagree": 0, "update": 1, "agree": 2, "related": 3}
    ordered = sorted(judged, key=lambda j: (rank[j.result.stance], -j.result.score, j.sentence_id))
    return ordered[:MAX_EVIDENCE]


def suggest_verdict(claim_origin: int, evidence: Iterable[tuple[int, str]]) -> str:
    """evidence: (origin, stance) pairs. Only other independent origins count; copies of the claim's own
    article are the same origin and confirm nothing."""
    agreeing, disagreeing = set(), set()
    for origin, stance in evidence:
        if origin == claim_origin:
            continue
        if stance == "agree":
            agreeing.add(origin)
        elif stance == "disagree":
            disagreeing.add(origin)
    if disagreeing:
        return "disputed"
    if agreeing:
        return "confirmed"
    return "single-source"


def evidence_signature(evidence: Iterable[tuple[int, str]]) -> str:
    """A short fingerprint of (sentence_id, stance) pairs: when it changes, a verdict decided on the old
    evidence is stale."""
    digest = hashlib.sha1()
    for sentence_id, stance in sorted(evidence):
        digest.update(f"{sentence_id}:{stance};".encode())
    return digest.hexdigest()[:16]


def judge_pairs(pairs: list[tuple[str, str, str | None, str | None]]) -> list[StanceResult | None]:
    """What the evidence engine would store for each (claim, other, claim's date, other's date): the same
    judge(), with the distinctive words weighed by how often they occur among the sentences given (a file of
    pairs is its own small corpus). None: not evidence (unrelated)."""
    index = CandidateIndex()
    rows = []
    for n, (claim, other, _, _) in enumerate(pairs):
        terms = (without_speech_verbs(content_terms(normalize(claim))), without_speech_verbs(content_terms(normalize(other))))
        index.add_all([(2 * n, 2 * n, terms[0]), (2 * n + 1, 2 * n + 1, terms[1])])
        rows.append(terms)
    out: list[StanceResult | None] = []
    for (claim, other, claim_date, other_date), (mine, theirs) in zip(pairs, rows):
        a, b = extract_facts(claim), extract_facts(other)
        common = set(mine) & set(theirs)
        out.append(judge(claim, a, other, b, index.shorter_coverage(mine, theirs), shared_words(claim, common),
                         len(beyond_names(common, a, b)), claim_date, other_date))
    return out
