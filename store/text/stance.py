"""Stance of one sentence towards a claim, with a reason a reviewer can check at a glance.

CONTRACT (the evidence engine, the `stance` command and the UI rely on these names):
    classify(claim: str, other: str, claim_facts: Facts | None = None, other_facts: Facts | None = None)
        -> StanceResult
    stance in {"agree", "disagree", "related", "other"}: "other" = unrelated (the ANS label);
    the evidence engine stores only agree/disagree/related.
    score: similarity 0..100 (how much the two say the same thing).
    claim_spans / other_spans: (start, end) offsets of the parts that differ, in the texts given.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from store.text.facts import Facts
from store.text.normalize import normalize


@dataclass
class StanceResult:
    stance: str
    score: float
    reason: str = ""
    confidence: float = 0.0
    claim_spans: list[tuple[int, int]] = field(default_factory=list)
    other_spans: list[tuple[int, int]] = field(default_factory=list)


def classify(
    claim: str, other: str, claim_facts: Facts | None = None, other_facts: Facts | None = None
) -> StanceResult:
    """CONTRACT STUB: replaced by the stance work."""
    score = fuzz.token_set_ratio(normalize(claim), normalize(other))
    if score >= 70:
        return StanceResult("agree", score, "same wording")
    if score >= 45:
        return StanceResult("related", score, "same subject")
    return StanceResult("other", score, "unrelated")
