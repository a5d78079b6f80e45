"""Candidate blocking for evidence: an inverted index from rare terms to sentences.

Evidence retrieval must not compare every claim with every sentence. A claim's candidates are the sentences
of other articles that share its rarest terms, weighted by inverse document frequency; terms so common that
they would make everything a candidate are ignored. Pure and in memory: built once per indexing run (the
store can read the same statistics from its full-text index instead, for runs that score only a few claims).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

QUERY_TERMS = 16  # the claim's rarest distinct terms that are looked up
# A term in more sentences than max(MIN_COMMON_CAP, COMMON_SHARE * n) is too common to block on. A desk's corpus
# is one story, whose key words are in most of its sentences: the floor is a budget of postings, not a judgement
# of commonness. On baly-dev (27 one-story claims, 6,807 sentences) the disagreeing pages among a claim's 16
# candidates were 20 of 35 with a floor of 60, 24 with 200, 26 with 500 and 26 with no cap at all; looking up
# the candidates of all 8,701 claims of 1,000 SaudiNewsNet articles took 1.2 s with 60 and 3-9 s with 500 (a
# loaded machine). Large corpora are bounded by the share (0.4% of 95,000 sentences is 380).
MIN_COMMON_CAP = 500
COMMON_SHARE = 0.004


def _share(part: float, whole: float) -> float:
    """part / whole, and 0.0 of nothing."""
    return part / whole if whole else 0.0


@dataclass(frozen=True)
class Candidate:
    sentence_id: int
    weight: float  # sum of the idf of the shared terms
    shared: int  # how many distinct terms are shared


class CandidateIndex:
    def __init__(self) -> None:
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._article_of: dict[int, int] = {}
        self._idf_memo: dict[str, float] = {}
        # what candidates() reads, as arrays: each term's postings, made on first look-up, and the article of
        # every sentence id (-1: none), made after sentences were added
        self._posting_arrays: dict[str, np.ndarray] = {}
        self._articles: np.ndarray | None = None

    def add(self, sentence_id: int, article_id: int, terms: Iterable[str]) -> None:
        self.add_all([(sentence_id, article_id, terms)])

    def add_all(self, rows: Iterable[tuple[int, int, Iterable[str]]]) -> None:
        """(sentence id, article id, terms) for many sentences: one loop with local names, as loading 100,000
        sentences is what adding one article to a large corpus waits for."""
        postings, article_of = self._postings, self._article_of
        for sentence_id, article_id, terms in rows:
            article_of[sentence_id] = article_id
            for term in set(terms):
                postings[term].append(sentence_id)
        self._idf_memo.clear()
        self._posting_arrays.clear()
        self._articles = None

    def __len__(self) -> int:
        return len(self._article_of)

    def article_of(self, sentence_id: int) -> int:
        return self._article_of[sentence_id]

    # The index's statistics. A subclass may read them from elsewhere (store.evidence reads them from SQLite's
    # full-text index when loading every sentence would cost more than the few claims it scores).
    def document_frequency(self, term: str) -> int:
        return len(self._postings.get(term, ()))

    def postings(self, term: str) -> list[int]:
        """Ids of the sentences that have this term, in id order."""
        return self._postings.get(term, [])

    def _idf(self, term: str) -> float:
        # Remembered per term until a sentence is added: coverage() asks for the same terms for every candidate.
        try:
            return self._idf_memo[term]
        except KeyError:
            df = self.document_frequency(term)
            idf = math.log((1 + len(self)) / (1 + df)) if df else 0.0
            self._idf_memo[term] = idf
            return idf

    def weight(self, terms: Iterable[str]) -> float:
        """The summed idf of these distinct terms. fsum: exact whatever order the set gives the terms in, so a run
        gives the same figures as the last (a rounding difference in the last bit moved refits of the judgement by
        up to 0.04), and a sum taken once serves every coverage it is part of."""
        return math.fsum(self._idf(t) for t in set(terms))

    def coverage(self, terms: Iterable[str], other_terms: Iterable[str]) -> float:
        """Share of the claim's term weight (idf) that the other sentence also has: how much of what the
        claim says, in its distinctive words, the other sentence talks about too."""
        return self.overlap(set(terms), set(other_terms))[0]

    def shorter_coverage(self, terms: Iterable[str], other_terms: Iterable[str]) -> float:
        """coverage() of the sentence with fewer distinct terms by the other: how much of what the shorter one
        says the longer says too (a sentence may confirm part of a longer one)."""
        return self.overlap(set(terms), set(other_terms))[2]

    def overlap(
        self, terms: set[str], other_terms: set[str], weight: float | None = None
    ) -> tuple[float, float, float]:
        """(coverage of terms by other_terms, of other_terms by terms, shorter coverage) from three sums of idf;
        weight: the terms' own sum, when the caller has it (a claim's, for each of its candidates)."""
        mine = self.weight(terms) if weight is None else weight
        theirs, shared = self.weight(other_terms), self.weight(terms & other_terms)
        shorter = mine if len(terms) <= len(other_terms) else theirs
        return _share(shared, mine), _share(shared, theirs), _share(shared, shorter)

    def _cap(self) -> int:
        return max(MIN_COMMON_CAP, int(COMMON_SHARE * len(self)))

    def candidates(
        self, terms: Iterable[str], exclude_article: int, limit: int = 20, min_shared: int = 2
    ) -> list[Candidate]:
        """Sentences outside exclude_article sharing at least min_shared of the claim's rarest terms
        (or one, when the claim has only one usable term), best first."""
        cap = self._cap()
        df = {t: self.document_frequency(t) for t in set(terms)}
        # A term found in one sentence only is the claim's own: it can find nothing else.
        usable = [t for t, n in df.items() if 1 < n <= cap]
        usable.sort(key=lambda t: (df[t], t))
        usable = usable[:QUERY_TERMS]
        if not usable:
            return []
        needed = min(min_shared, len(usable))
        # Every posting of the usable terms at once: the ids, each with its term's idf, summed per sentence in term
        # order (bincount adds in array order, as a loop over the terms would: the same weights to the last bit).
        arrays = [self._posting_array(t) for t in usable]
        ids = np.concatenate(arrays)
        idfs = np.repeat(np.array([self._idf(t) for t in usable]), [len(a) for a in arrays])
        found, where = np.unique(ids, return_inverse=True)
        weight = np.bincount(where, weights=idfs)
        shared = np.bincount(where)
        articles = self._article_array()
        # a sentence this index does not know (written by another process since it was read: the stored index's
        # postings come from the live full-text index) is no candidate until the next run reads it
        article = np.where(found < len(articles), articles[np.minimum(found, len(articles) - 1)], -1)
        keep = (shared >= needed) & (article != -1) & (article != exclude_article)
        found, weight, shared = found[keep], weight[keep], shared[keep]
        best = np.lexsort((found, -weight))[:limit]  # most weight first, then the lower id
        return [Candidate(int(found[i]), float(weight[i]), int(shared[i])) for i in best]

    def _posting_array(self, term: str) -> np.ndarray:
        array = self._posting_arrays.get(term)
        if array is None:
            array = self._posting_arrays[term] = np.asarray(self.postings(term), dtype=np.int32)  # ids < 2**31
        return array

    def _article_array(self) -> np.ndarray:
        if self._articles is None:
            article_of = self._article_of
            self._articles = np.full(max(article_of, default=0) + 1, -1, dtype=np.int64)
            self._articles[np.fromiter(article_of.keys(), np.int64)] = np.fromiter(article_of.values(), np.int64)
        return self._articles
