"""Scoring candidate evidence and turning evidence into a suggested verdict (DESIGN §4). Pure functions."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from store.text.facts import Facts, names_match
from store.text.normalize import normalize
from store.text.stance import StanceResult, classify
from store.text.terms import NAME_TERM_PREFIX, content_terms

MAX_EVIDENCE = 12
MIN_RELATED_SCORE = 35.0
# Two outlets retelling one event rarely share wording, and the stance model (trained on headline pairs) then
# answers "related". When no fact conflicts and, on average both ways, this share of the sentences' distinctive
# (idf-weighted) terms is shared, the other sentence reports the same thing: it agrees.
SAME_REPORT_COVERAGE = 0.30
# ... or this share, when both sentences name the same person: one source's words, retold by two outlets.
SAME_SOURCE_COVERAGE = 0.25
SAME_REPORT_WORDS = 3  # distinctive words in common, at the least: a short sentence covers little by chance
SAME_REPORT_CONTENT_WORDS = 2  # ... of which, words that are not names


@dataclass(frozen=True)
class Judged:
    sentence_id: int
    article_id: int
    origin: int  # independent origin of the article (copies share one)
    result: StanceResult


def judge(
    claim: str,
    claim_facts: Facts,
    other: str,
    other_facts: Facts,
    coverage: float = 0.0,
    shared: str = "",
    shared_beyond_names: int = SAME_REPORT_CONTENT_WORDS,
) -> StanceResult | None:
    """Stance of one candidate sentence, or None when it is not evidence worth showing.

    coverage: the idf-weighted share of distinctive terms the two sentences have in common (both ways, averaged);
    shared: those words as written in the claim, for the reason; shared_beyond_names: how many shared terms are
    not names (see beyond_names)."""
    result = classify(claim, other, claim_facts, other_facts)
    if result.stance == "other":
        return None
    # "Zelensky said X" and "Zelensky said Y", or two sentences naming Washington and Moscow, share names and
    # little else: a retelling shares words besides the names.
    same_source = share_a_person(claim_facts, other_facts)
    needed = SAME_SOURCE_COVERAGE if same_source else SAME_REPORT_COVERAGE
    retold = (coverage >= needed and result.score >= MIN_RELATED_SCORE and len(shared.split()) >= SAME_REPORT_WORDS
              and shared_beyond_names >= SAME_REPORT_CONTENT_WORDS)
    if result.stance == "related" and not result.conflicts and retold:
        # The model's spans mark words that differ; for a retelling they would point at noise.
        return replace(result, stance="agree", reason=f"same report: {shared}" if shared else "same report",
                       claim_spans=[], other_spans=[])
    if result.stance == "related" and result.score < MIN_RELATED_SCORE:
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


def share_a_person(a: Facts, b: Facts) -> bool:
    people_b = [m.text for m in b.of_kind("person")]
    return any(names_match(x.text, y) for x in a.of_kind("person") for y in people_b)


def keep_best(judged: Iterable[Judged]) -> list[Judged]:
    """Disagreements first (a reviewer must see them), then by score; at most MAX_EVIDENCE."""
    rank = {"disagree": 0, "agree": 1, "related": 2}
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
