"""Grouping claims into topics across articles, with short readable Arabic labels.

CONTRACT:
    TopicItem(key, text, facts)                 # key: any hashable id (the store passes claim ids)
    group_topics(items: list[TopicItem]) -> list[TopicGroup]
        every item in exactly one group; each group has a label; must scale to ~100k items
        without comparing every pair.
    assign_topic(item, groups) -> index into groups, or None for "start a new topic"  (incremental add)

How it works:
1. Each claim becomes a bag of salient terms: light stems of its words without function words, reporting
   verbs and calendar words, plus the names and figures the fact extractor read. Weight = IDF², so a rare
   place or figure counts far more than a word every claim of the story shares; terms found in more than
   ``BACKGROUND_SHARE`` of the claims (روسيا and أوكرانيا in a story about Russia and Ukraine) are left out.
2. Nearest neighbours come from an inverted index over each claim's rarer terms; no pair of claims is
   compared unless they share such a term, and very common terms never propose candidates.
3. A claim whose words link it to no claim of another article borrows the words of its neighbours in its
   own article (``TopicItem.article`` / ``position``, optional): "واستخدمت القوات الروسية قنابل انزلاقية"
   is about the strike the previous sentence named.
4. Centroid agglomeration over that sparse neighbour graph: the two most similar topics merge while their
   centroids' cosine reaches ``MERGE_THRESHOLD``.
5. A label is made of the 2-3 terms most typical of the topic and rare elsewhere, in the spelling of the
   text. Claims left alone share one "أخرى" (other) topic.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Hashable

from store.text.facts import Facts
from store.text.keywords import (
    SPEECH_WORDS,
    STOPWORDS,
    TIME_WORDS,
    bare,
    bare_in,
    light_stem,
    strip_article,
    strip_conjunction,
)
from store.text.normalize import normalize

OTHER_LABEL = "أخرى"
LABEL_SEPARATOR = " · "
LABEL_TERMS = 3
# Centroid cosine at which two topics merge (vectors are IDF²-weighted; see the module docstring).
MERGE_THRESHOLD = 0.25
# Neighbour graph: this many nearest claims per claim, and only pairs at least this similar.
NEIGHBOURS = 10
MIN_EDGE = 0.1
# Only the rarest terms of a claim look up candidates, and a term in more claims than this proposes none:
# this bounds the work per claim whatever the corpus size.
LOOKUP_TERMS = 8
MAX_POSTINGS = 400
# Terms in more than this share of the claims are the story's background, not a topic.
BACKGROUND_SHARE = 0.15
BACKGROUND_MIN_DF = 5
# Context: a claim borrows its article neighbours' words at up to this weight, less the better its own words
# already link it to another article (none at all from a cross-article similarity of CONTEXT_NOT_NEEDED).
CONTEXT_WINDOW = 1
CONTEXT_WEIGHT = 1.0
CONTEXT_NOT_NEEDED = 0.5
# Terms kept per topic in TopicGroup.terms, and the share of them a new claim must match (assign_topic).
GROUP_TERMS = 12
ASSIGN_THRESHOLD = 0.25

_NEWS_FILLER = frozenset(
    """
    يوم اليوم امس وقت الوقت سابق لاحق ايام عام العام خلال اخري اخر بشان حيث وذلك ذلك كما ايضا الي
    جانب الجانب اطار مجال صعيد نحو اكثر اقل اول اخير مساء صباح الان حاليا وفق وفقا حسب بحسب نقلا
    سوف مزيد المزيد خاص خاصه كبير كبيره جديد جديده مهم غايه للغايه عده عدد كثير بشكل تم يتم عبر
    """.split()
)
_DISPLAY_WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,٫]\d+)?")
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_MIN_TERM_LETTERS = 3

Vector = dict[str, float]


@dataclass
class TopicItem:
    key: Hashable
    text: str
    facts: Facts = field(default_factory=Facts)
    # Optional: the article the claim comes from and its sentence index there. When given, a claim whose own
    # words link it nowhere borrows context from its neighbours (see the module docstring, step 3).
    article: Hashable | None = None
    position: int = 0


@dataclass
class TopicGroup:
    label: str
    keys: list[Hashable]
    terms: list[str] = field(default_factory=list)  # key terms (normalized) that define the group


# ----------------------------------------------------------------------------------------------- terms


def _display_words(text: str) -> list[str]:
    """Words as written, without harakat or tatweel (what a label shows)."""
    return _DISPLAY_WORD.findall(_DIACRITICS.sub("", unicodedata.normalize("NFKC", text)))


@lru_cache(maxsize=200_000)
def _normalized_word(word: str) -> str:
    return normalize(word)


@lru_cache(maxsize=200_000)
def _is_salient(norm_word: str) -> bool:
    if norm_word[0].isdigit():
        return len(norm_word) >= 2  # "12", "200", not "3"
    for form in (norm_word, strip_conjunction(norm_word), bare(norm_word)):
        if form in STOPWORDS or form in SPEECH_WORDS or form in TIME_WORDS or form in _NEWS_FILLER:
            return False
    return True


def _salient_words(text: str) -> list[tuple[str, str]]:
    """(normalized, as written) for the salient words of ``text``."""
    pairs = []
    for shown in _display_words(text):
        norm = _normalized_word(shown)
        if norm and _is_salient(norm):
            pairs.append((norm, shown))
    return pairs


def _vocabulary(items: list[TopicItem]) -> set[str]:
    """Every normalized word of the claims, also without its article, to validate clitic stripping."""
    vocabulary: set[str] = set()
    for item in items:
        for shown in _display_words(item.text):
            norm = _normalized_word(shown)
            vocabulary.add(norm)
            vocabulary.add(strip_article(norm))
    return vocabulary


def _term(norm: str, shown: str, vocabulary: set[str] | frozenset[str]) -> tuple[str, str] | None:
    """(term, surface as written) for one salient word, or None when too short to mean anything."""
    if norm[0].isdigit():
        return norm, shown
    base = bare_in(norm, vocabulary)
    if len(base) < _MIN_TERM_LETTERS:
        return None
    return light_stem(base), shown[len(shown) - len(base) :] if len(shown) >= len(base) else shown


def _terms(item: TopicItem, vocabulary: set[str] | frozenset[str]) -> dict[str, str]:
    """Term → surface form as written, for one claim. Names and figures read by the fact extractor join the
    words, so "زابوريجيا" and "زابوريزيا", or "ثلاث ساعات" and "3 ساعات", meet when it unifies them."""
    terms: dict[str, str] = {}
    for norm, shown in _salient_words(item.text):
        term = _term(norm, shown, vocabulary)
        if term:
            terms.setdefault(*term)
    for mention in item.facts.mentions:
        if mention.kind in ("person", "place", "org") and mention.key:
            terms.setdefault("@" + mention.key, mention.text)
    for quantity in item.facts.quantities:
        if quantity.unit:
            terms.setdefault(f"#{quantity.value:g} {quantity.unit}", quantity.text)
    return terms


# ------------------------------------------------------------------------------------------- vectors


def _idf(document_frequency: int, n_documents: int) -> float:
    return math.log((n_documents + 1) / (document_frequency + 0.5))


def _norm(vector: Vector) -> float:
    return math.sqrt(sum(w * w for w in vector.values()))


def _unit(vector: Vector) -> Vector:
    norm = _norm(vector)
    return {t: w / norm for t, w in vector.items()} if norm else {}


def _dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _own_vectors(item_terms: list[dict[str, str]], df: Counter[str]) -> list[Vector]:
    """IDF²-weighted unit vectors. Terms of a single claim are left out (they link it to nothing and only
    dilute its similarities), and so are the story's background terms."""
    n = len(item_terms)
    background = max(BACKGROUND_MIN_DF, BACKGROUND_SHARE * n)
    return [_unit({t: _idf(df[t], n) ** 2 for t in terms if 1 < df[t] <= background}) for terms in item_terms]


def _article_neighbours(items: list[TopicItem]) -> list[list[int]]:
    """For each claim, the claims just before and after it in its own article."""
    by_article: dict[Hashable, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        if item.article is not None:
            by_article[item.article].append(index)
    neighbours: list[list[int]] = [[] for _ in items]
    for members in by_article.values():
        members.sort(key=lambda i: (items[i].position, i))
        for rank, index in enumerate(members):
            window = members[max(0, rank - CONTEXT_WINDOW) : rank + CONTEXT_WINDOW + 1]
            neighbours[index] = [j for j in window if j != index]
    return neighbours


def _with_context(vectors: list[Vector], items: list[TopicItem], graph: "_NeighbourGraph") -> list[Vector]:
    """Blend each claim with its article neighbours, as much as its own words fail to link it elsewhere."""
    neighbours = _article_neighbours(items)
    blended = list(vectors)
    for index, around in enumerate(neighbours):
        if not around:
            continue
        linked = graph.best_similarity(index, exclude_article=items[index].article, items=items)
        weight = CONTEXT_WEIGHT * max(0.0, 1.0 - linked / CONTEXT_NOT_NEEDED)
        if weight <= 0:
            continue
        mixed = dict(vectors[index])
        for neighbour in around:
            for term, value in vectors[neighbour].items():
                mixed[term] = mixed.get(term, 0.0) + weight * value
        blended[index] = _unit(mixed)
    return blended


class _NeighbourGraph:
    """Top-k most similar claims of each claim, found through an inverted index over rare terms."""

    def __init__(self, vectors: list[Vector], df: Counter[str]):
        self.vectors = vectors
        postings: dict[str, list[int]] = defaultdict(list)
        for index, vector in enumerate(vectors):
            for term in vector:
                postings[term].append(index)
        self.edges: list[list[tuple[float, int]]] = [self._nearest(i, postings, df) for i in range(len(vectors))]

    def _nearest(self, index: int, postings: dict[str, list[int]], df: Counter[str]) -> list[tuple[float, int]]:
        vector = self.vectors[index]
        lookup = sorted(vector, key=lambda t: (df[t], t))[:LOOKUP_TERMS]
        scores: dict[int, float] = defaultdict(float)
        for term in lookup:
            claims = postings[term]
            if len(claims) > MAX_POSTINGS:
                continue
            weight = vector[term]
            for other in claims:
                if other != index:
                    scores[other] += weight * self.vectors[other][term]
        # The lookup saw only the rarest terms: rescore the best candidates on all of them.
        shortlist = heapq.nlargest(NEIGHBOURS * 3, scores, key=scores.__getitem__)
        exact = [(_dot(vector, self.vectors[other]), other) for other in shortlist]
        return heapq.nlargest(NEIGHBOURS, [(s, o) for s, o in exact if s >= MIN_EDGE])

    def best_similarity(self, index: int, exclude_article: Hashable | None, items: list[TopicItem]) -> float:
        return max((s for s, other in self.edges[index] if items[other].article != exclude_article), default=0.0)


# ----------------------------------------------------------------------------------------- clustering


class _Agglomeration:
    """Centroid agglomerative clustering restricted to the edges of a neighbour graph.

    A heap holds candidate merges; an entry whose topics changed since it was scored is re-scored when it
    comes up (lazy update), so each merge costs a few dot products, not a pass over all topics."""

    def __init__(self, vectors: list[Vector]):
        self.parent = list(range(len(vectors)))
        self.centroid: list[Vector] = [dict(v) for v in vectors]
        self.norm2: list[float] = [sum(w * w for w in v.values()) for v in vectors]
        self.version = [0] * len(vectors)
        self.members: list[list[int]] = [[i] for i in range(len(vectors))]

    def root(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def similarity(self, a: int, b: int) -> float:
        if not self.norm2[a] or not self.norm2[b]:
            return 0.0
        return _dot(self.centroid[a], self.centroid[b]) / math.sqrt(self.norm2[a] * self.norm2[b])

    def merge(self, a: int, b: int) -> None:
        if len(self.centroid[a]) < len(self.centroid[b]):
            a, b = b, a
        dot = _dot(self.centroid[a], self.centroid[b])
        for term, weight in self.centroid[b].items():
            self.centroid[a][term] = self.centroid[a].get(term, 0.0) + weight
        self.norm2[a] += self.norm2[b] + 2 * dot
        self.members[a].extend(self.members[b])
        self.parent[b] = a
        self.version[a] += 1
        self.centroid[b], self.members[b] = {}, []

    def run(self, edges: list[list[tuple[float, int]]], threshold: float) -> list[list[int]]:
        pairs = {(min(i, j), max(i, j)): s for i, nearest in enumerate(edges) for s, j in nearest}
        heap = [(-s, i, 0, j, 0) for (i, j), s in pairs.items()]
        heapq.heapify(heap)
        while heap:
            negative, a, version_a, b, version_b = heapq.heappop(heap)
            if -negative < threshold:
                break
            root_a, root_b = self.root(a), self.root(b)
            if root_a == root_b:
                continue
            if (root_a, self.version[root_a], root_b, self.version[root_b]) != (a, version_a, b, version_b):
                similarity = self.similarity(root_a, root_b)
                if similarity >= threshold:
                    heapq.heappush(heap, (-similarity, root_a, self.version[root_a], root_b, self.version[root_b]))
                continue
            self.merge(root_a, root_b)
        return [sorted(m) for i, m in enumerate(self.members) if m and self.root(i) == i]


# -------------------------------------------------------------------------------------------- labels


def _ranked_terms(
    members: list[int], item_terms: list[dict[str, str]], df: Counter[str], n_items: int
) -> list[tuple[str, str]]:
    """(term, surface) pairs ranked by how typical they are of the topic and how rare in the corpus."""
    inside: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    for i in members:
        for term, shown in item_terms[i].items():
            inside[term] += 1
            surfaces[term][shown] += 1
    ranked = sorted(inside, key=lambda t: (-inside[t] * _idf(df[t], n_items), t))
    return [(t, surfaces[t].most_common(1)[0][0]) for t in ranked]


def _label(ranked: list[tuple[str, str]]) -> str:
    shown: list[str] = []
    for term, surface in ranked:
        if term[0].isdigit() or term[0] == "#" or surface in shown:
            continue  # a bare figure makes a poor title
        shown.append(surface)
        if len(shown) == LABEL_TERMS:
            break
    return LABEL_SEPARATOR.join(shown) or OTHER_LABEL


# --------------------------------------------------------------------------------------------- API


def group_topics(items: list[TopicItem], *, other_label: str = OTHER_LABEL) -> list[TopicGroup]:
    """Group claims into topics, largest first; claims that end up alone share one catch-all topic, last."""
    if not items:
        return []
    vocabulary = _vocabulary(items)
    item_terms = [_terms(item, vocabulary) for item in items]
    df: Counter[str] = Counter(t for terms in item_terms for t in terms)
    vectors = _own_vectors(item_terms, df)
    if any(item.article is not None for item in items):
        vectors = _with_context(vectors, items, _NeighbourGraph(vectors, df))
    graph = _NeighbourGraph(vectors, df)
    groups = _Agglomeration(vectors).run(graph.edges, MERGE_THRESHOLD)
    return _to_topic_groups(groups, items, item_terms, df, other_label)


def _to_topic_groups(
    groups: list[list[int]],
    items: list[TopicItem],
    item_terms: list[dict[str, str]],
    df: Counter[str],
    other_label: str,
) -> list[TopicGroup]:
    topics: list[TopicGroup] = []
    alone: list[int] = []
    for members in sorted(groups, key=lambda g: (-len(g), g[0])):
        if len(members) == 1:
            alone.extend(members)
            continue
        ranked = _ranked_terms(members, item_terms, df, len(items))
        topics.append(
            TopicGroup(
                label=_label(ranked),
                keys=[items[i].key for i in members],
                terms=[t for t, _ in ranked[:GROUP_TERMS]],
            )
        )
    if alone:
        topics.append(TopicGroup(label=other_label, keys=[items[i].key for i in sorted(alone)], terms=[]))
    return topics


def assign_topic(item: TopicItem, groups: list[TopicGroup]) -> int | None:
    """Index of the group whose key terms the new claim shares most, or None when none is close enough.

    Without corpus statistics a glued letter (و ف ب ل ك) is read both ways. Groups without terms (the
    catch-all "أخرى") are never proposed."""
    terms = _terms_all_readings(item)
    if not terms:
        return None
    best, best_score = None, 0.0
    for index, group in enumerate(groups):
        score = _overlap(terms, group.terms)
        if score > best_score:
            best, best_score = index, score
    return best if best_score >= ASSIGN_THRESHOLD else None


def _terms_all_readings(item: TopicItem) -> set[str]:
    terms = set(_terms(item, frozenset()))
    for norm, shown in _salient_words(item.text):
        if len(norm) > 4 and norm[0] in "وفبلك":
            term = _term(norm[1:], shown[1:], frozenset())
            if term:
                terms.add(term[0])
    return terms


def _rank_weight(rank: int) -> float:
    """Weight of a group's key term by its rank: the first terms define the topic, later ones colour it."""
    return 1.0 / math.sqrt(1 + rank)


def _overlap(terms: set[str], group_terms: list[str]) -> float:
    """Share of the group's rank-weighted key terms that the claim has."""
    if not group_terms:
        return 0.0
    weights = [_rank_weight(rank) for rank in range(len(group_terms))]
    shared = sum(weight for term, weight in zip(group_terms, weights) if term in terms)
    return shared / sum(weights)
