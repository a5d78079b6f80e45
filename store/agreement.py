"""How far reviewers agree: Cohen's kappa for a pair of reviewers and Krippendorff's alpha (nominal) for a team,
which allows any number of reviewers per claim and claims some reviewers never judged. Pure functions, checked
against the published worked examples (tests/store/test_agreement.py): Cohen's 50-proposal example (kappa 0.40)
and Krippendorff's four-observer, twelve-unit example with missing values (alpha 0.743). Written here rather than
taken from a library: the well-kept ones (scikit-learn, statsmodels, krippendorff) bring numpy and more into a
terminal app for twenty lines of arithmetic.

A reviewer's verdict on a claim is their latest one in the claim's history (verdict_events), so two reviewers
who each judged a claim both count, even while the claim shows one verdict."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import combinations


def reviewer_verdicts(conn: sqlite3.Connection) -> dict[str, dict[int, str]]:
    """Each reviewer's latest verdict on each claim that still exists, read off the history: an undone change
    is taken back from the reviewer who made it (an undo restores someone else's verdict to the claim, not to
    the one who undoes), a cleared verdict is none."""
    stacks: dict[tuple[str, int], list[tuple[int, str | None]]] = {}
    made_by: dict[int, tuple[str, int]] = {}
    rows = conn.execute(
        "SELECT e.id, e.claim_id, e.reviewer, e.verdict, e.undoes FROM verdict_events e "
        "JOIN claims c ON c.id = e.claim_id WHERE e.kind IN ('verdict', 'review') ORDER BY e.id"
    )
    for event, claim, reviewer, verdict, undoes in rows:
        if undoes is not None:
            key = made_by.get(undoes)
            if key is not None:
                stacks[key] = [(e, v) for e, v in stacks.get(key, []) if e != undoes]
            continue
        made_by[event] = (reviewer, claim)
        stacks.setdefault((reviewer, claim), []).append((event, verdict))
    out: dict[str, dict[int, str]] = {}
    for (reviewer, claim), stack in stacks.items():
        if stack and stack[-1][1] is not None:
            out.setdefault(reviewer, {})[claim] = stack[-1][1]
    return out


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Agreement of two raters beyond chance over the items both rated ((a, b) per item); None when it is not
    defined (no item, or chance agreement is total: both gave one and the same category throughout)."""
    n = len(pairs)
    if not n:
        return None
    observed = sum(1 for a, b in pairs if a == b) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[c] * second[c] for c in first) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha(units: Iterable[Sequence[str]]) -> float | None:
    """Krippendorff's alpha for nominal values: units are the values each item received (any number of raters; an
    item with fewer than two values is not pairable and left out). None when not defined."""
    pairable = [list(u) for u in units if len(u) >= 2]
    coincidences: dict[tuple[str, str], float] = {}
    for values in pairable:
        m = len(values)
        for i, j in ((i, j) for i in range(m) for j in range(m) if i != j):
            coincidences[(values[i], values[j])] = coincidences.get((values[i], values[j]), 0.0) + 1 / (m - 1)
    n = sum(coincidences.values())
    if n <= 1:
        return None
    totals: dict[str, float] = {}
    for (c, _), weight in coincidences.items():
        totals[c] = totals.get(c, 0.0) + weight
    observed_disagreement = sum(w for (c, k), w in coincidences.items() if c != k) / n
    expected_disagreement = sum(totals[c] * totals[k] for c, k in combinations(totals, 2)) * 2 / (n * (n - 1))
    if expected_disagreement == 0:
        return None
    return 1 - observed_disagreement / expected_disagreement


def pairwise(by_reviewer: dict[str, dict[int, str]]) -> list[tuple[str, str, int, float | None]]:
    """(reviewer, reviewer, claims both judged, Cohen's kappa) for every pair who judged a claim in common."""
    out = []
    for a, b in combinations(sorted(by_reviewer), 2):
        common = sorted(by_reviewer[a].keys() & by_reviewer[b].keys())
        if common:
            out.append((a, b, len(common), cohen_kappa([(by_reviewer[a][c], by_reviewer[b][c]) for c in common])))
    return out


def team_alpha(by_reviewer: dict[str, dict[int, str]], claims: Iterable[int] | None = None) -> float | None:
    """Krippendorff's alpha over the claims (default: all) that two or more reviewers judged."""
    per_claim: dict[int, list[str]] = {}
    for verdicts in by_reviewer.values():
        for claim, verdict in verdicts.items():
            per_claim.setdefault(claim, []).append(verdict)
    chosen = per_claim.keys() if claims is None else set(claims) & per_claim.keys()
    return krippendorff_alpha(per_claim[c] for c in chosen)
