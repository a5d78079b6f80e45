"""Scoring candidate evidence and turning evidence into a suggested verdict (DESIGN §4). Pure functions."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from factcheck_tui.store.text.arabic.normalize import normalize
from factcheck_tui.store.text.arabic.terms import (
    NAME_TERM_PREFIX,
    content_terms,
    shared_words,
    without_speech_verbs,
)
from factcheck_tui.store.text.grouping.blocking import CandidateIndex
from factcheck_tui.store.text.judging import conflict_check
from factcheck_tui.store.text.judging.judgement import (
    STATEMENT_WORDS,
    judgement_features,
    probabilities,
    stance_of,
)
from factcheck_tui.store.text.judging.stance import StanceResult, classify_views, explain_change
from factcheck_tui.store.text.judging.stance_features import View, instances_differ, view
from factcheck_tui.store.text.reading.facts import Facts, extract_facts

MAX_EVIDENCE = 12
MIN_RELATED_SCORE = 35.0


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
    shared_beyond_names: int = STATEMENT_WORDS,
    claim_date: str | None = None,
    other_date: str | None = None,
    one_happening: bool = False,
) -> StanceResult | None:
    """Stance of one candidate sentence, or None when it is not evidence worth showing.

    shorter_covered: the idf-weighted share of the shorter sentence's distinctive terms that the longer has
    (CandidateIndex.shorter_coverage); shared: the shared words as written in the claim, for the reason;
    shared_beyond_names: how many shared terms are not names (see beyond_names); the dates are the articles';
    one_happening: whether the two sentences are known to report one happening (a claim and a report about it),
    not merely retrieved as alike (judgement.stance_of).

    The hand rules (store.text.stance.classify) read the facts and name what differs; the learned judgement
    (store.text.judgement) decides whether the two state the same thing, contradict each other, or neither.
    The result leaves out the rules' reading (StanceResult.reading, which the judgement has used by then): an
    evidence worker sends its results to the writing process, and the reading was 94% of what it pickled."""
    weighed = weigh(claim, claim_facts, other, other_facts, shorter_covered, shared_beyond_names, claim_date,
                    other_date, one_happening)  # fmt: skip
    if weighed is None:
        return None
    a, b, result, _, p, stance, _ = weighed
    confidence = round(max(p.values()), 3)
    if stance == result.stance:
        return replace(result, confidence=confidence, reading=None)
    if stance == "disagree":
        why = explain_change(a, b)
        return replace(
            result,
            stance="disagree",
            reason=why.reason,
            claim_spans=why.claim_spans,
            other_spans=why.other_spans,
            confidence=confidence,
            reading=None,
        )
    if stance == "agree":
        # The rules' spans mark words that differ; for a retelling they would point at noise.
        return replace(
            result,
            stance="agree",
            reason=f"same report: {shared}" if shared else "same report",
            claim_spans=[],
            other_spans=[],
            confidence=confidence,
            reading=None,
        )
    if result.score < MIN_RELATED_SCORE:
        return None
    reason = result.reason if result.reason.startswith("related") else f"related: {result.reason}"
    return replace(result, stance="related", reason=reason, confidence=confidence, reading=None)


class Weighed(NamedTuple):
    a: View
    b: View
    result: StanceResult  # the hand rules' reading
    features: dict[str, float]  # the pair judgement's
    p: dict[str, float]  # its probabilities
    stance: str  # the judgement's stance
    unchecked: str  # its stance before the learned check on conflicts (conflict_check), what that check decides on


def weigh(
    claim: str,
    claim_facts: Facts,
    other: str,
    other_facts: Facts,
    shorter_covered: float,
    shared_beyond_names: int,
    claim_date: str | None,
    other_date: str | None,
    one_happening: bool,
) -> Weighed | None:
    """The rules' reading of a pair, the learned judgement's features and probabilities, and its stance (what
    tools/conflict_check_cv.py measures a further check on); None when the rules find nothing in common."""
    a, b = view(claim, claim_facts), view(other, other_facts)
    result = classify_views(a, b, claim_date, other_date)
    if result.stance == "other":
        return None
    features = judgement_features(a, b, shorter_covered, shared_beyond_names, result.stance, result.reading)
    p = probabilities(features)
    stance = stance_of(
        p,
        result.stance,
        one_happening,
        shared_beyond_names,
        bool(features.get("same_statement")),
        two_happenings=bool(features.get("conf:place")) or instances_differ(a, b),
    )
    checked = stance
    if stance in ("disagree", "update") and not one_happening and not conflict_check.stands(features, p):
        checked = "related"
    return Weighed(a, b, result, features, p, checked, stance)


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


@dataclass(frozen=True)
class PreparedPair:
    """What judge() needs of one pair besides the texts and dates."""

    claim_facts: Facts
    other_facts: Facts
    shorter_covered: float
    shared: str
    shared_beyond_names: int


def prepare_pairs(pairs: list[tuple[str, str]], corpus: CandidateIndex | None = None) -> list[PreparedPair]:
    """Facts and shared distinctive words of each (claim, other), the words weighed by how often they occur among
    the sentences of corpus (the index the evidence engine would use), else among the sentences given (a file of
    pairs is its own small corpus)."""
    index = corpus if corpus is not None else CandidateIndex()
    rows = []
    for n, (claim, other) in enumerate(pairs):
        terms = (
            without_speech_verbs(content_terms(normalize(claim))),
            without_speech_verbs(content_terms(normalize(other))),
        )
        if corpus is None:
            index.add_all([(2 * n, 2 * n, terms[0]), (2 * n + 1, 2 * n + 1, terms[1])])
        rows.append(terms)
    out = []
    for (claim, other), (mine, theirs) in zip(pairs, rows):
        a, b = extract_facts(claim), extract_facts(other)
        common = set(mine) & set(theirs)
        out.append(
            PreparedPair(
                a, b, index.shorter_coverage(mine, theirs), shared_words(claim, common), len(beyond_names(common, a, b))
            )
        )
    return out


def judge_pairs(
    pairs: list[tuple[str, str, str | None, str | None]], one_happening: bool = True
) -> list[StanceResult | None]:
    """The engine's judgement of each (claim, other, claim's date, other's date). A file of pairs given to the
    `stance` command states that each other sentence reports on its claim (one_happening); tools that measure the
    evidence engine pass False, as the engine judges sentences it retrieved. None: not evidence (unrelated)."""
    prepared = prepare_pairs([(claim, other) for claim, other, _, _ in pairs])
    return [
        judge(
            claim,
            p.claim_facts,
            other,
            p.other_facts,
            p.shorter_covered,
            p.shared,
            p.shared_beyond_names,
            claim_date,
            other_date,
            one_happening,
        )
        for (claim, other, claim_date, other_date), p in zip(pairs, prepared)
    ]
