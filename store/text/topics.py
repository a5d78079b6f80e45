"""Grouping claims into topics across articles, with short readable Arabic labels.

CONTRACT:
    TopicItem(key, text, facts)                 # key: any hashable id (the store passes claim ids)
    group_topics(items: list[TopicItem]) -> list[TopicGroup]
        every item in exactly one group; each group has a label; must scale to ~100k items
        without comparing every pair.
    assign_topic(item, groups) -> index into groups, or None for "start a new topic"  (incremental add)

How: each claim becomes a bag of salient terms (light stems, function words and reporting verbs removed,
names from the fact extractor added), weighted by IDF over the claims being grouped. Claims are then
clustered in one pass in the manner of news topic detection: each claim joins the topic whose centroid it
is most similar to (cosine) if that similarity reaches a threshold, else it starts a topic. Candidate topics
come only from an inverted index over the claim's rarer terms, so no pair of claims is ever compared
exhaustively. A second pass re-seats every claim at its best centroid, which undoes most of the
order-dependence of the first pass. Claims left alone go to one "أخرى" (other) topic.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Hashable, Iterable

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

# Cosine between a claim and a topic centroid needed to join the topic. Paraphrases of one event share two or
# three rare terms (a place, a figure, the kind of event) and land around 0.25-0.5; claims that share only the
# story's ubiquitous words (روسيا، أوكرانيا) stay under 0.15.
JOIN_THRESHOLD = 0.2
# assign_topic has no corpus statistics, only the group's ranked key terms; see _rank_weight.
ASSIGN_THRESHOLD = 0.3
# Terms kept per topic in TopicGroup.terms (for assign_topic and for display).
GROUP_TERMS = 12
# Context: each claim is blended with this many claims before and after it in its article, at this weight.
CONTEXT_WINDOW = 1
CONTEXT_WEIGHT = 0.5
# Only the rarest terms of a claim look up candidate topics, and a term found in more topics than this is too
# common to propose candidates: this bounds the work per claim whatever the corpus size.
LOOKUP_TERMS = 6
MAX_POSTINGS = 300
# Words of news copy that say nothing about the subject: reporting verbs, calendar words, fillers.
_NEWS_FILLER = frozenset(
    """
    يوم اليوم امس وقت الوقت سابق لاحق ايام عام العام خلال اخري اخر بشان حيث وذلك ذلك كما ايضا الي
    جانب الجانب اطار مجال صعيد نحو اكثر اقل اول اخير مساء صباح الان حاليا وفق وفقا حسب بحسب نقلا
    """.split()
)
_DISPLAY_WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,٫]\d+)?")
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_MIN_TERM_LETTERS = 3


@dataclass
class TopicItem:
    key: Hashable
    text: str
    facts: Facts = field(default_factory=Facts)
    # Optional: the article the claim comes from and its sentence index there. When given, neighbouring
    # claims of one article lend each other context (see _with_context).
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
        norm = normalize(shown)
        if norm and _is_salient(norm):
            pairs.append((norm, shown))
    return pairs


def _vocabulary(items: list[TopicItem]) -> set[str]:
    """Every normalized word of the claims, also without its article, to validate clitic stripping."""
    vocabulary: set[str] = set()
    for item in items:
        for shown in _display_words(item.text):
            norm = normalize(shown)
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
    """Term → surface form as written, for one claim."""
    terms: dict[str, str] = {}
    for norm, shown in _salient_words(item.text):
        term = _term(norm, shown, vocabulary)
        if term:
            terms.setdefault(*term)
    for mention in item.facts.mentions:
        if mention.kind in ("person", "place", "org") and mention.key:
            terms.setdefault("@" + mention.key, mention.text)
    return terms


# ------------------------------------------------------------------------------------------- vectors


def _idf(document_frequency: int, n_documents: int) -> float:
    return math.log((n_documents + 1) / (document_frequency + 0.5))


def _unit(weights: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


@dataclass
class _Topic:
    members: list[int] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)  # sum of member vectors
    norm2: float = 0.0

    def similarity(self, vector: dict[str, float]) -> float:
        if not self.norm2:
            return 0.0
        dot = sum(w * self.centroid.get(t, 0.0) for t, w in vector.items())
        return dot / math.sqrt(self.norm2)

    def add(self, index: int, vector: dict[str, float]) -> None:
        dot = sum(w * self.centroid.get(t, 0.0) for t, w in vector.items())
        self.norm2 += 2 * dot + sum(w * w for w in vector.values())
        for t, w in vector.items():
            self.centroid[t] = self.centroid.get(t, 0.0) + w
        self.members.append(index)


class _Clusterer:
    """Single-pass centroid clustering with an inverted index from terms to topics."""

    def __init__(self, vectors: list[dict[str, float]], document_frequency: Counter[str]):
        self.vectors = vectors
        self.df = document_frequency
        self.topics: list[_Topic] = []
        self.postings: dict[str, set[int]] = defaultdict(set)

    def lookup_terms(self, vector: dict[str, float]) -> list[str]:
        rare_first = sorted(vector, key=lambda t: (self.df[t], t))
        return rare_first[:LOOKUP_TERMS]

    def candidates(self, vector: dict[str, float]) -> set[int]:
        found: set[int] = set()
        for term in self.lookup_terms(vector):
            topics = self.postings.get(term)
            if topics and len(topics) <= MAX_POSTINGS:
                found |= topics
        return found

    def best_topic(self, vector: dict[str, float]) -> tuple[int | None, float]:
        best, best_similarity = None, 0.0
        for topic_id in self.candidates(vector):
            similarity = self.topics[topic_id].similarity(vector)
            if similarity > best_similarity or (similarity == best_similarity and best is not None and topic_id < best):
                best, best_similarity = topic_id, similarity
        return best, best_similarity

    def place(self, index: int) -> None:
        vector = self.vectors[index]
        topic_id, similarity = self.best_topic(vector)
        if topic_id is None or similarity < JOIN_THRESHOLD:
            topic_id = len(self.topics)
            self.topics.append(_Topic())
        self.topics[topic_id].add(index, vector)
        for term in vector:
            self.postings[term].add(topic_id)

    def run(self, order: Iterable[int]) -> list[list[int]]:
        for index in order:
            self.place(index)
        return [topic.members for topic in self.topics]


def _reseat(groups: list[list[int]], vectors: list[dict[str, float]], df: Counter[str]) -> list[list[int]]:
    """Second pass: every claim moves to the most similar centroid of the first pass (its own included)."""
    first = _Clusterer(vectors, df)
    for group in groups:
        topic = _Topic()
        for index in group:
            topic.add(index, vectors[index])
        first.topics.append(topic)
        for term in topic.centroid:
            first.postings[term].add(len(first.topics) - 1)
    seats: dict[int, list[int]] = defaultdict(list)
    for own, group in enumerate(groups):
        for index in group:
            best, similarity = first.best_topic(vectors[index])
            own_similarity = first.topics[own].similarity(vectors[index])
            seats[best if best is not None and similarity > own_similarity else own].append(index)
    return [sorted(members) for _, members in sorted(seats.items()) if members]


# -------------------------------------------------------------------------------------------- labels


def _label_terms(
    members: list[int], item_terms: list[dict[str, str]], df: Counter[str], n_items: int
) -> list[tuple[str, str]]:
    """(term, surface) pairs ranked by how typical they are of the topic and how rare in the corpus."""
    inside = Counter(t for i in members for t in item_terms[i])
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    for i in members:
        for term, shown in item_terms[i].items():
            surfaces[term][shown] += 1
    ranked = sorted(inside, key=lambda t: (-inside[t] * _idf(df[t], n_items), t))
    return [(t, surfaces[t].most_common(1)[0][0]) for t in ranked]


def _label(ranked: list[tuple[str, str]], size: int = 3) -> str:
    shown: list[str] = []
    for term, surface in ranked:
        if term[0].isdigit() or surface in shown:
            continue  # a bare figure makes a poor title
        shown.append(surface)
        if len(shown) == size:
            break
    return LABEL_SEPARATOR.join(shown) or OTHER_LABEL


# --------------------------------------------------------------------------------------------- API


def group_topics(items: list[TopicItem], *, other_label: str = OTHER_LABEL) -> list[TopicGroup]:
    """Group claims into topics; claims that end up alone share one catch-all topic."""
    if not items:
        return []
    vocabulary = _vocabulary(items)
    item_terms = [_terms(item, vocabulary) for item in items]
    df: Counter[str] = Counter(t for terms in item_terms for t in terms)
    vectors = _with_context(_own_vectors(item_terms, df), items)
    groups = _Clusterer(vectors, df).run(range(len(items)))
    groups = _reseat(groups, vectors, df)
    return _to_topic_groups(groups, items, item_terms, df, other_label)


def _own_vectors(item_terms: list[dict[str, str]], df: Counter[str]) -> list[dict[str, float]]:
    """IDF-weighted unit vectors. Terms of a single claim are left out: they cannot link it to anything and
    would only dilute its similarity to the claims it does share words with."""
    n = len(item_terms)
    return [_unit({t: _idf(df[t], n) for t in terms if df[t] > 1}) for terms in item_terms]


def _with_context(vectors: list[dict[str, float]], items: list[TopicItem]) -> list[dict[str, float]]:
    """Blend each claim with its neighbours in the same article: a paragraph keeps to one subject, and a
    short claim ("واستخدمت القوات الروسية قنابل انزلاقية") says which strike it is about only through them."""
    by_article: dict[Hashable, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        if item.article is not None:
            by_article[item.article].append(index)
    blended = list(vectors)
    for members in by_article.values():
        members.sort(key=lambda i: (items[i].position, i))
        for rank, index in enumerate(members):
            mixed = dict(vectors[index])
            for neighbour in members[max(0, rank - CONTEXT_WINDOW) : rank + CONTEXT_WINDOW + 1]:
                if neighbour == index:
                    continue
                for term, weight in vectors[neighbour].items():
                    mixed[term] = mixed.get(term, 0.0) + CONTEXT_WEIGHT * weight
            blended[index] = _unit(mixed)
    return blended


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
        ranked = _label_terms(members, item_terms, df, len(items))
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


def _rank_weight(rank: int) -> float:
    """Weight of a group's key term by its rank: the first terms define the topic, later ones colour it."""
    return 1.0 / math.sqrt(1 + rank)


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


def _overlap(terms: set[str], group_terms: list[str]) -> float:
    """Share of the group's rank-weighted key terms that the claim has."""
    if not group_terms:
        return 0.0
    weights = [_rank_weight(rank) for rank in range(len(group_terms))]
    shared = sum(weight for term, weight in zip(group_terms, weights) if term in terms)
    return shared / sum(weights)
