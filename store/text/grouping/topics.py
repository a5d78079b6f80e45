"""Grouping claims into topics across articles, with short readable Arabic labels.

CONTRACT:
    TopicItem(key, text, facts)                 # key: any hashable id (the store passes claim ids)
        optional article=, position= (article id, sentence idx): lets small topics join their paragraph's
    group_topics(items: list[TopicItem]) -> list[TopicGroup]
        every item in exactly one group; each group has a label; must scale to ~100k items
        without comparing every pair.
    assign_topic(item, groups) -> index into groups, or None for "start a new topic"  (incremental add)

How it works:
1. Each claim becomes a bag of salient terms: light stems of its words (the accusative alef of "اجتماعًا" read off)
   without function words, reporting verbs, calendar words ("الأسبوع") and the channel a statement went out on
   ("وسائل التواصل الاجتماعي"), plus the names and figures the fact extractor read (so "زابوريجيا" and
   "زابوريزيا", or "ثلاث ساعات" and "3 ساعات", meet once it unifies them). Weight = IDF², so a rare place or
   figure counts far more than a word every claim shares; terms found in more than ``BACKGROUND_SHARE`` of
   the claims (روسيا and أوكرانيا in a story about Russia and Ukraine) are the story's background and left out.
2. Nearest neighbours come from an inverted index over each claim's rarer terms: no pair of claims is
   compared unless they share such a term, and a term in too many claims proposes no candidates.
3. Centroid agglomeration over that sparse neighbour graph: the two most similar topics merge while the
   cosine of their centroids reaches ``MERGE_THRESHOLD``.
4. When claims carry their article and position (optional), a topic of one to three claims that mostly sit
   right beside claims of one bigger topic joins it: "واستخدمت القوات الروسية قنابل انزلاقية" is about the
   strike the sentence before it names, though no word says so.
5. A label is made of up to four words: the terms most typical of the topic and rare elsewhere, in the
   spelling of the text, joined into a phrase where the claims write them together ("وقف إطلاق النار").
   Claims left alone share one "أخرى" (other) topic, listed last; assign_topic never proposes it.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from factcheck_tui.store.text import OTHER_LABEL
from factcheck_tui.store.text.arabic.keywords import (
    SPEECH_WORDS,
    STOPWORDS,
    TIME_WORDS,
    bare,
    bare_in,
    light_stem,
    strip_article,
    strip_conjunction,
)
from factcheck_tui.store.text.arabic.normalize import DIACRITICS, normalize
from factcheck_tui.store.text.reading.facts import Facts

LABEL_SEPARATOR = " · "
LABEL_TERMS = 3
LABEL_MAX_WORDS = 4
MAX_PHRASE_WORDS = 3
# Centroid cosine at which two topics merge (vectors are IDF²-weighted; see the module docstring).
MERGE_THRESHOLD = 0.2
# Neighbour graph: this many nearest claims per claim, and only pairs at least this similar.
NEIGHBOURS = 10
MIN_EDGE = 0.1
SHORTLIST_MARGIN = 5
# Only the rarest terms of a claim look up candidates, and a term in more claims than this proposes none:
# this bounds the work per claim whatever the corpus size.
LOOKUP_TERMS = 6
MAX_POSTINGS = 300
# Terms in more than this share of the claims are the story's background, not a topic.
BACKGROUND_SHARE = 0.15
BACKGROUND_MIN_DF = 5
# A topic of at most this many claims, this share of which sit beside claims of one bigger topic, joins it.
ADOPT_MAX_SIZE = 3
ADOPT_SHARE = 0.5
# Terms kept per topic in TopicGroup.terms, and the share of them a new claim must match (assign_topic).
GROUP_TERMS = 12
ASSIGN_THRESHOLD = 0.25

_NEWS_FILLER = frozenset(
    """
    يوم اليوم امس وقت الوقت سابق لاحق ايام عام العام خلال اخري اخر بشان حيث وذلك ذلك كما ايضا الي
    جانب الجانب اطار مجال صعيد نحو اكثر اقل اول اخير مساء صباح الان حاليا وفق وفقا حسب بحسب نقلا
    سوف مزيد المزيد خاص خاصه كبير كبيره جديد جديده مهم غايه للغايه عده عدد كثير بشكل تم يتم عبر
    شيء اشياء
    """.split()
)
# Like the day and the year above, "last week" or "this month" dates a claim without saying what it is about:
# "الأسبوع الماضي" chained a strike on Kyiv to an unrelated ceasefire offer made the same week.
_CALENDAR_UNITS = frozenset("اسبوع اسابيع شهر اشهر شهور".split())
# The channel a statement went out on ("كتب على وسائل التواصل الاجتماعي", "على منصة إكس") is reporting, like
# "قال", not its subject: it linked claims of unrelated stories. "الاجتماعي" (social) goes too because the light
# stemmer reads it as "اجتماع" (a meeting), a different word that often is the subject.
_CHANNEL_WORDS = frozenset("وسايل تواصل اجتماعي اجتماعيه منصه منصات".split())
_NOT_TOPIC_WORDS = _NEWS_FILLER | _CALENDAR_UNITS | _CHANNEL_WORDS
_DISPLAY_WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,٫]\d+)?")
_MIN_TERM_LETTERS = 3

Vector = dict[str, float]


@dataclass
class TopicItem:
    key: Hashable
    text: str
    facts: Facts = field(default_factory=Facts)
    # Optional: the article the claim comes from and its sentence index there. When given, a small topic
    # whose claims sit beside claims of a bigger topic joins it (see the module docstring, step 4).
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
    return _DISPLAY_WORD.findall(DIACRITICS.sub("", unicodedata.normalize("NFKC", text)))


@lru_cache(maxsize=200_000)
def _normalized_word(word: str) -> str:
    return normalize(word)


@lru_cache(maxsize=200_000)
def _is_salient(norm_word: str) -> bool:
    if norm_word[0].isdigit():
        return len(norm_word) >= 2  # "12", "200", not "3"
    for form in (norm_word, strip_conjunction(norm_word), bare(norm_word)):
        if form in STOPWORDS or form in SPEECH_WORDS or form in TIME_WORDS or form in _NOT_TOPIC_WORDS:
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
    norms = {_normalized_word(shown) for item in items for shown in _display_words(item.text)}
    return norms | {strip_article(norm) for norm in norms}


@dataclass
class _Bag:
    """The terms of one claim, how each is written there, and which terms follow each other in the text."""

    surfaces: dict[str, str] = field(default_factory=dict)  # term → word as written, without clitics
    written: dict[str, str] = field(default_factory=dict)  # term → word as written, keeping its article
    pairs: set[tuple[str, str]] = field(default_factory=set)  # (term, next term) for adjacent words


def _term(norm: str, shown: str, vocabulary: set[str] | frozenset[str]) -> tuple[str, str, str] | None:
    """(term, surface without clitics, surface keeping its article) for one salient word, or None when too
    short to mean anything: "والمحادثات" → ("محادث", "محادثات", "المحادثات")."""
    if norm[0].isdigit():
        return norm, shown, shown
    base = bare_in(norm, vocabulary)
    if len(base) < _MIN_TERM_LETTERS:
        return None
    surface = shown[len(shown) - len(base) :] if len(shown) >= len(base) else shown
    had_article = len(strip_article(norm)) < len(norm) and strip_article(norm) == base
    # The alef goes from the term only: a label shows the word as written ("تركيا", not "تركي").
    term = light_stem(_without_accusative_alef(base, vocabulary))
    return term, surface, ("ال" + surface) if had_article else surface


# An alef after a pronoun or a plural verb ending is not the accusative's: "إدانتها" (its condemnation) is not
# "إدانته" (his), and "قالوا" is not "قالو".
_NOT_ACCUSATIVE_ENDINGS = ("اا", "ها", "هما", "وا")


def _without_accusative_alef(base: str, vocabulary: set[str] | frozenset[str]) -> str:
    """The indefinite accusative writes an alef after the word ("عقد اجتماعًا", "شن هجومًا"); drop it when the
    corpus also has the word without it, so "اجتماعًا" meets "الاجتماع" and "هجومًا" meets "الهجوم". A name
    that ends in alef then meets its adjective ("روسيا" and "الروسي", "سوريا" and "السوري"): one topic either way.
    A word without that stem in the corpus ("أمريكا" alone) stays whole."""
    if len(base) > 4 and base.endswith("ا") and not base.endswith(_NOT_ACCUSATIVE_ENDINGS) and base[:-1] in vocabulary:
        return base[:-1]
    return base


class _TermReader:
    """The term of a word as written (None if it is not salient), against one vocabulary, remembered per
    spelling: the claims of a run repeat their words."""

    def __init__(self, vocabulary: set[str] | frozenset[str]):
        self.vocabulary = vocabulary
        self.known: dict[str, tuple[str, str, str] | None] = {}

    def __call__(self, shown: str) -> tuple[str, str, str] | None:
        try:
            return self.known[shown]
        except KeyError:
            norm = _normalized_word(shown)
            term = _term(norm, shown, self.vocabulary) if norm and _is_salient(norm) else None
            self.known[shown] = term
            return term


def _terms(item: TopicItem, vocabulary: set[str] | frozenset[str], read: _TermReader | None = None) -> _Bag:
    """The claim's terms. Names and figures read by the fact extractor join its words. ``read`` is a
    _TermReader over the same vocabulary, shared by the claims of one run."""
    read = read or _TermReader(vocabulary)
    bag = _Bag()
    previous: tuple[int, str] | None = None
    for position, shown in enumerate(_display_words(item.text)):
        term = read(shown)
        if term is None:
            continue
        key, surface, written = term
        bag.surfaces.setdefault(key, surface)
        bag.written.setdefault(key, written)
        if previous and previous[0] == position - 1 and previous[1] != key:
            bag.pairs.add((previous[1], key))
        previous = (position, key)
    for mention in item.facts.mentions:
        if mention.kind in ("person", "place", "org") and mention.key:
            shown = _without_clitic(mention.text, vocabulary)
            bag.surfaces.setdefault("@" + mention.key, shown)
            bag.written.setdefault("@" + mention.key, shown)
    for quantity in item.facts.quantities:
        if quantity.unit:
            bag.surfaces.setdefault(f"#{quantity.value:g} {quantity.unit}", quantity.text)
    return bag


# ------------------------------------------------------------------------------------------- vectors


def _idf(document_frequency: int, n_documents: int) -> float:
    return math.log((n_documents + 1) / (document_frequency + 0.5))


def _label_idf(document_frequency: int, n_documents: int) -> float:
    """Gentler than _idf: a term in every claim of a one-story corpus still names that story."""
    return math.log(1 + n_documents / document_frequency)


def _background_df(n_documents: int) -> float:
    return max(BACKGROUND_MIN_DF, BACKGROUND_SHARE * n_documents)


def _norm(vector: Vector) -> float:
    return math.sqrt(sum(w * w for w in vector.values()))


def _unit(vector: Vector) -> Vector:
    norm = _norm(vector)
    return {t: w / norm for t, w in vector.items()} if norm else {}


def _dot(a: Vector, b: Vector) -> float:
    # Over the smaller vector's terms in their order: fast, and the same float sum in every process (summing in
    # the order of a set of strings gave last-bit differences from one PYTHONHASHSEED to another).
    if len(b) < len(a):
        a, b = b, a
    return sum(w * b[t] for t, w in a.items() if t in b)


def _vectors(item_terms: list[_Bag], df: Counter[str]) -> list[Vector]:
    """IDF²-weighted unit vectors. Terms of a single claim are left out (they link it to nothing and only
    dilute its similarities), and so are the story's background terms."""
    n = len(item_terms)
    background = _background_df(n)
    return [_unit({t: _idf(df[t], n) ** 2 for t in bag.surfaces if 1 < df[t] <= background}) for bag in item_terms]


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
            neighbours[index] = members[max(0, rank - 1) : rank] + members[rank + 1 : rank + 2]
    return neighbours


class _NeighbourGraph:
    """Top-k most similar claims of each claim, found through an inverted index over rare terms."""

    def __init__(self, vectors: list[Vector], df: Counter[str], each: Callable[[], None] = lambda: None):
        self.vectors = vectors
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for index, vector in enumerate(vectors):
            for term, weight in vector.items():
                postings[term].append((index, weight))
        # A term in more claims than MAX_POSTINGS proposes none: leave it out of the look-up table at once. Each
        # term's claims and weights as arrays: the look-up sums them in bulk (70,000 claims: 14 s of Python loop).
        usable = {
            term: (np.array([c for c, _ in claims], dtype=np.int32), np.array([w for _, w in claims]))
            for term, claims in postings.items()
            if len(claims) <= MAX_POSTINGS
        }
        self.edges: list[list[tuple[float, int]]] = []
        for i in range(len(vectors)):
            self.edges.append(self._nearest(i, usable, df))
            each()

    def _nearest(
        self, index: int, postings: dict[str, tuple[np.ndarray, np.ndarray]], df: Counter[str]
    ) -> list[tuple[float, int]]:
        vector = self.vectors[index]
        lookup = [t for t in sorted(vector, key=lambda t: (df[t], t))[:LOOKUP_TERMS] if t in postings]
        if not lookup:
            return []
        # The claims sharing a looked-up term, each with its weights' products summed in the terms' order (as a loop
        # over the terms would add them: the same scores to the last bit), ranked by score, ties in the order the
        # claims were first met.
        claims = np.concatenate([postings[t][0] for t in lookup])
        products = np.concatenate([postings[t][1] * vector[t] for t in lookup])
        found, first, where = np.unique(claims, return_index=True, return_inverse=True)
        scores = np.bincount(where, weights=products)
        others = found != index
        found, first, scores = found[others], first[others], scores[others]
        ranked = np.lexsort((first, -scores))[: NEIGHBOURS + SHORTLIST_MARGIN]
        # The lookup saw only the rarest terms: rescore the best candidates on all of them.
        return _top_edges(vector, found[ranked].tolist(), self.vectors)


def _top_edges(vector: Vector, candidates: Iterable[int], vectors: list[Vector]) -> list[tuple[float, int]]:
    exact = ((_dot(vector, vectors[other]), other) for other in candidates)
    return heapq.nlargest(NEIGHBOURS, (edge for edge in exact if edge[0] >= MIN_EDGE))


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
        # Heap entries: (-similarity, topic a, its version, topic b, its version) when scored.
        heap = [(-s, i, 0, j, 0) for (i, j), s in pairs.items()]
        heapq.heapify(heap)
        while heap:
            negative, a, version_a, b, version_b = heapq.heappop(heap)
            if -negative < threshold:
                break
            root_a, root_b = self.root(a), self.root(b)
            if root_a == root_b:
                continue
            if (root_a, self.version[root_a], root_b, self.version[root_b]) == (a, version_a, b, version_b):
                self.merge(root_a, root_b)
                continue
            similarity = self.similarity(root_a, root_b)  # one of them grew since: score again
            if similarity >= threshold:
                heapq.heappush(heap, (-similarity, root_a, self.version[root_a], root_b, self.version[root_b]))
        return [sorted(m) for i, m in enumerate(self.members) if m and self.root(i) == i]


def _adopt_small_topics(groups: list[list[int]], neighbours: list[list[int]], vectors: list[Vector]) -> list[list[int]]:
    """A topic of a few claims that mostly sit right beside claims of one bigger topic is a detail of that
    topic ("واستخدمت القوات الروسية قنابل انزلاقية" after the sentence on the strike), and joins it. Claims
    whose words linked them to nothing thus take the topic of their paragraph instead of "أخرى"."""
    topic_of = {index: topic for topic, members in enumerate(groups) for index in members}
    members = [list(g) for g in groups]
    for topic in sorted(range(len(members)), key=lambda t: len(members[t])):
        size = len(members[topic])
        if not size or size > ADOPT_MAX_SIZE:
            continue
        beside: Counter[int] = Counter()
        for index in members[topic]:
            for other_topic in {topic_of[n] for n in neighbours[index]} - {topic}:
                if len(members[other_topic]) > size:
                    beside[other_topic] += 1
        if not beside:
            continue
        best_count = max(beside.values())
        if best_count < ADOPT_SHARE * size:
            continue
        tied = [t for t, count in beside.items() if count == best_count]
        if len(tied) == 1:
            host = tied[0]  # no need to weigh similarities
        else:
            host = max(tied, key=lambda t: (_group_similarity(members[topic], members[t], vectors), -t))
        for index in members[topic]:
            topic_of[index] = host
        members[host].extend(members[topic])
        members[topic] = []
    return [sorted(m) for m in members if m]


def _group_similarity(a: list[int], b: list[int], vectors: list[Vector]) -> float:
    centroid_a: Vector = defaultdict(float)
    centroid_b: Vector = defaultdict(float)
    for index in a:
        for term, weight in vectors[index].items():
            centroid_a[term] += weight
    for index in b:
        for term, weight in vectors[index].items():
            centroid_b[term] += weight
    norm = _norm(centroid_a) * _norm(centroid_b)
    return _dot(centroid_a, centroid_b) / norm if norm else 0.0


# -------------------------------------------------------------------------------------------- labels


class _Ranked:
    """A topic's term with its most common spelling in the topic, as a label shows it alone (surface) and
    inside a phrase (written). Spellings are counted when first asked for: a label looks at a few terms."""

    def __init__(self, term: str, members: list[int], bags: list[_Bag]):
        self.term = term
        self._members = members
        self._bags = bags
        self._spellings: tuple[str, str] | None = None

    @property
    def surface(self) -> str:
        return self._spelling()[0]

    @property
    def written(self) -> str:
        return self._spelling()[1]

    def _spelling(self) -> tuple[str, str]:
        if self._spellings is None:
            surfaces: Counter[str] = Counter()
            written: Counter[str] = Counter()
            for i in self._members:
                bag = self._bags[i]
                shown = bag.surfaces.get(self.term)
                if shown is not None:
                    surfaces[shown] += 1
                    written[bag.written.get(self.term, shown)] += 1
            self._spellings = surfaces.most_common(1)[0][0], written.most_common(1)[0][0]
        return self._spellings


def _ranked_terms(members: list[int], bags: list[_Bag], df: Counter[str], n_items: int) -> list[_Ranked]:
    """The topic's terms ranked by how typical they are of it and how rare in the corpus, each with its most
    common spelling."""
    inside: Counter[str] = Counter()
    for i in members:
        inside.update(bags[i].surfaces.keys())
    background = _background_df(n_items)
    candidates = [t for t in inside if df[t] <= background] or list(inside)
    ranked = sorted(candidates, key=lambda t: (-inside[t] * _label_idf(df[t], n_items), t))
    return [_Ranked(t, members, bags) for t in ranked]


def _label(ranked: list[_Ranked], pair_counts: Counter[tuple[str, str]], term_counts: Counter[str]) -> str:
    """Up to four words from the most typical distinct terms; terms that form a phrase in the claims are shown
    as that phrase ("وقف إطلاق النار", "قناة السويس"), and "السويس" beside "سويس" counts once."""
    units: list[list[_Ranked]] = []
    seen_stems: set[str] = set()
    word_count = 0  # words of the units so far
    for candidate in ranked:
        if word_count >= LABEL_MAX_WORDS:
            break  # a candidate with stems has a word, so none can join any more
        if candidate.term[0].isdigit() or candidate.term[0] == "#":
            continue  # a bare figure makes a poor title
        stems = _surface_stems(candidate.surface)
        words = len(candidate.surface.split())
        if not stems or stems & seen_stems or word_count + words > LABEL_MAX_WORDS:
            continue
        seen_stems |= stems
        if not _extend_phrase(units, candidate, pair_counts, term_counts):
            if len(units) == LABEL_TERMS:
                break
            units.append([candidate])
        word_count += words
    return LABEL_SEPARATOR.join(_show(unit) for unit in units) or OTHER_LABEL


def _extend_phrase(
    units: list[list[_Ranked]], candidate: _Ranked, pair_counts: Counter[tuple[str, str]], term_counts: Counter[str]
) -> bool:
    """Attach ``candidate`` to a unit it usually follows or precedes in the text; True when it did."""
    for unit in units:
        if len(unit) >= MAX_PHRASE_WORDS:
            continue
        if _is_phrase(unit[-1].term, candidate.term, pair_counts, term_counts):
            unit.append(candidate)
            return True
        if _is_phrase(candidate.term, unit[0].term, pair_counts, term_counts):
            unit.insert(0, candidate)
            return True
    return False


def _is_phrase(first: str, second: str, pair_counts: Counter[tuple[str, str]], term_counts: Counter[str]) -> bool:
    together = pair_counts[(first, second)]
    return together >= 2 and together * 2 >= min(term_counts[first], term_counts[second])


def _show(unit: list[_Ranked]) -> str:
    if len(unit) == 1:
        return unit[0].surface
    return " ".join(word.written for word in unit)


@lru_cache(maxsize=200_000)
def _surface_stems(surface: str) -> frozenset[str]:
    return frozenset(light_stem(bare(_normalized_word(word))) for word in _display_words(surface))


def _without_clitic(name: str, vocabulary: set[str] | frozenset[str]) -> str:
    """A name as the fact extractor found it may carry a glued و/ب/ل ("وأذربيجان"); drop it when the corpus
    has the name without it, so "واشنطن" and "لافروف" stay whole."""
    words = name.split()
    if words:
        first = _normalized_word(DIACRITICS.sub("", words[0]))
        if len(first) > 3 and first[0] in "وفبل" and first[1:] in vocabulary:
            words[0] = words[0][1:]
    return " ".join(words)


# --------------------------------------------------------------------------------------------- API


def group_topics(
    items: list[TopicItem],
    *,
    other_label: str = OTHER_LABEL,
    progress: Callable[[int, int], None] | None = None,
) -> list[TopicGroup]:
    """Group claims into topics, largest first; claims that end up alone share one catch-all topic, last.

    progress(done, total) is told how many of the claims are through: reading their terms and finding their
    neighbours are the two passes that cost (a third of the time each on 1,000 articles), each claim counting
    half in each."""
    if not items:
        return []
    total = len(items)
    tell = _Teller(progress, total)
    vocabulary = _vocabulary(items)
    read = _TermReader(vocabulary)
    item_terms = []
    for item in items:
        item_terms.append(_terms(item, vocabulary, read))
        tell.half()
    df: Counter[str] = Counter(t for bag in item_terms for t in bag.surfaces)
    vectors = _vectors(item_terms, df)
    groups = _Agglomeration(vectors).run(_NeighbourGraph(vectors, df, tell.half).edges, MERGE_THRESHOLD)
    if any(item.article is not None for item in items):
        groups = _adopt_small_topics(groups, _article_neighbours(items), vectors)
    topics = _to_topic_groups(groups, items, item_terms, df, other_label)
    tell.done()
    return topics


class _Teller:
    """Tells progress(done, total) as halves of claims add up, at most every PROGRESS_EVERY claims."""

    def __init__(self, progress: Callable[[int, int], None] | None, total: int):
        self.progress, self.total, self.halves, self.told = progress, total, 0, 0

    def half(self) -> None:
        self.halves += 1
        done = self.halves // 2
        if self.progress is not None and done - self.told >= PROGRESS_EVERY:
            self.told = done
            self.progress(min(done, self.total), self.total)

    def done(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


PROGRESS_EVERY = 100  # claims between two reports: a report costs a call, a bar needs no finer steps


def _to_topic_groups(
    groups: list[list[int]],
    items: list[TopicItem],
    item_terms: list[_Bag],
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
        pair_counts = Counter(pair for i in members for pair in item_terms[i].pairs)
        term_counts = Counter(term for i in members for term in item_terms[i].surfaces)
        topics.append(
            TopicGroup(
                label=_label(ranked, pair_counts, term_counts),
                keys=[items[i].key for i in members],
                terms=[r.term for r in ranked[:GROUP_TERMS]],
            )
        )
    if alone:
        topics.append(TopicGroup(label=other_label, keys=[items[i].key for i in sorted(alone)], terms=[]))
    return topics


def assign_topic(item: TopicItem, groups: list[TopicGroup]) -> int | None:
    """Index of the group whose key terms the new claim shares most, or None when none is close enough.

    Without corpus statistics a glued letter (و ف ب ل ك) is read both ways. Groups without terms (the
    catch-all "أخرى") are never proposed."""
    return assign_topics([item], groups)[0]


def assign_topics(items: list[TopicItem], groups: list[TopicGroup]) -> list[int | None]:
    """assign_topic for each of these claims. A claim is compared only with the groups that have one of its
    terms (the others score nothing): a large corpus has thousands of topics."""
    groups_with: dict[str, list[int]] = defaultdict(list)
    for index, group in enumerate(groups):
        for term in set(group.terms):
            groups_with[term].append(index)
    out: list[int | None] = []
    for item in items:
        terms = _terms_all_readings(item)
        best, best_score = None, 0.0
        for index in sorted({i for term in terms for i in groups_with.get(term, ())}):
            score = _overlap(terms, groups[index].terms)
            if score > best_score:
                best, best_score = index, score
        out.append(best if best_score >= ASSIGN_THRESHOLD else None)
    return out


def _words_of(item: TopicItem) -> set[str]:
    return _vocabulary([item])


def _terms_all_readings(item: TopicItem) -> set[str]:
    terms = set(_terms(item, _words_of(item)).surfaces)
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
    # Runs for every topic sharing a term with each claim added: the weights are worked out once.
    weights = _rank_weights(len(group_terms))
    shared = sum(weight for term, weight in zip(group_terms, weights) if term in terms)
    return shared / sum(weights)


@lru_cache(maxsize=64)
def _rank_weights(count: int) -> tuple[float, ...]:
    return tuple(_rank_weight(rank) for rank in range(count))
