"""Features of a (claim, other) sentence pair for the stance model, and the explicit conflicts behind reasons.

Pure functions. The same code computes features at training time (tools/train_stance.py) and at run time
(store.text.stance), so the shipped weights always meet the features they were fitted on.

Feature families (names are stable: they are the keys of the weights file):
  sim:*        similarity of the two sentences (rapidfuzz on normalized text, word coverage), raw and binned
  len:*        how many words changed (absolute counts)
  del:/ins:    stems of content words only in the claim / only in the other sentence (delroot:/insroot: roots)
  pair:        (deleted stem, inserted stem): a learned lexical contrast ("رفع|خفض"); pairroot: on roots
  pol:*        opposite poles of a predicate from the lexicon (ارتفاع vs انخفاض) — generalizes past TRAIN
  neg:*        negation or denial on one side only
  num:*, place:*, person:*, day:*, date:*   fact agreements and conflicts read by store.text.facts
"""

from __future__ import annotations

import math
from contextlib import suppress
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import chain, product
from typing import Generic, TypeVar

import Stemmer
from rapidfuzz import fuzz, process

from factcheck_tui.store.text.arabic.gazetteer import PHRASES
from factcheck_tui.store.text.arabic.lexicon import (
    HEDGE_DIRECTION,
    HEDGES_BEFORE,
    ORDINAL_NOUNS,
    ORDINALS,
    POLARITY,
    STOPWORDS,
    unclitic,
)
from factcheck_tui.store.text.arabic.morph import roots
from factcheck_tui.store.text.arabic.names import names_match, words_match
from factcheck_tui.store.text.arabic.tokens import Token, forget_sentence_tokens, sentence_tokens, tokenize
from factcheck_tui.store.text.reading.facts import (
    Facts,
    Mention,
    Quantity,
    extract_facts,
    is_clear_negation,
    is_denial,
)

_STEMMER = Stemmer.Stemmer("arabic")
_PLACE_INFO = {e.slug: e for e in PHRASES.values() if e.kind == "place"}


@dataclass(eq=False, slots=True)  # compared by identity: "w in deleted" runs per word per candidate pair
class Word:
    token: Token
    stem: str  # Snowball stem: groups inflections ("ارتفاعا" ~ "ارتفاع")
    roots: frozenset[str]  # root guesses: group derivations ("يرتفع" ~ "ارتفاع", "يقيل" ~ "اقال")


@dataclass
class View:
    """A sentence prepared for comparison; built once per sentence and cached."""

    text: str
    norm: str
    words: list[Word]  # content words
    facts: Facts
    poles: set[tuple[str, int]] = field(default_factory=set)  # (polarity class, 0|1)


# ---------------------------------------------------------------------------------------------------------------
@lru_cache(maxsize=100_000)
def word_poles(norm: str) -> frozenset[tuple[str, int]]:
    """(polarity class, pole) pairs of one normalized word, read through its clitics."""
    return frozenset(hit for form in unclitic(norm) for hit in _POLE_INDEX.get(form, ()))


def _poles(norms: list[str]) -> set[tuple[str, int]]:
    out: set[tuple[str, int]] = set()
    for norm in norms:
        out |= word_poles(norm)
    return out


def _build_pole_index() -> dict[str, list[tuple[str, int]]]:
    index: dict[str, list[tuple[str, int]]] = {}
    for cls, sides in POLARITY.items():
        for pole, words in enumerate(sides):
            for word in words:
                index.setdefault(word, []).append((cls, pole))
    return index


_POLE_INDEX = _build_pole_index()


def view(text: str, facts: Facts | None = None) -> View:
    """Prepare ``text`` for comparison; facts already read (from the store) are reused.

    A claim is compared with many candidate sentences, so the word analysis of a text is cached."""
    norm, words, poles = _analyse(text)
    return View(text, norm, list(words), facts if facts is not None else _facts(text), set(poles))


@lru_cache(maxsize=4096)
def _facts(text: str) -> Facts:
    return extract_facts(text)


# Holds the candidate sentences of many claims (an evidence run meets each sentence again and again, and
# analysing one costs about a millisecond) while bounding memory: an entry weighs some kilobytes, per worker.
@lru_cache(maxsize=8192)
def _analyse(text: str) -> tuple[str, tuple[Word, ...], frozenset[tuple[str, int]]]:
    tokens = sentence_tokens(text)
    norms = [t.norm for t in tokens]
    words = tuple(
        Word(t, _STEMMER.stemWord(t.norm), frozenset() if t.is_number else roots(t.norm))
        for t in tokens
        if (t.is_number or len(t.norm) >= 2) and t.norm not in STOPWORDS and t.norm.isalnum()
    )
    return " ".join(norms), words, frozenset(_poles(norms))


def clear_caches() -> None:
    """Forget analysed sentences (for timing from a cold start, or to give their memory back)."""
    _facts.cache_clear()
    _analyse.cache_clear()
    _word_set.cache_clear()
    _instances.cache_clear()
    _last_alignment.clear()
    _reverse_alignments.clear()
    _partial_ratio.cache_clear()
    _string_similarities.cache_clear()
    forget_sentence_tokens()


# ---------------------------------------------------------------------------------------------------------------
class _WordSet:
    """Answers "does any word of this sentence match w": the same word or stem, a shared root (not for numbers), or
    two stems of four letters or more at least 80 alike (rapidfuzz ratio). Set look-ups and one C-level fuzzy
    search instead of comparing w with every word in turn: news sentences are long, and this runs for every
    candidate pair."""

    def __init__(self, words: tuple[Word, ...]):
        self.norms = {w.token.norm for w in words}
        self.stems = {w.stem for w in words}
        self.roots = frozenset().union(*(w.roots for w in words if not w.token.is_number))
        self.long_stems = [w.stem for w in words if not w.token.is_number and len(w.stem) >= 4]

    def has(self, w: Word) -> bool:
        if w.token.norm in self.norms or w.stem in self.stems:
            return True
        if w.token.is_number:
            return False
        if w.roots & self.roots:
            return True
        if len(w.stem) < 4 or not self.long_stems:
            return False
        return process.extractOne(w.stem, self.long_stems, scorer=fuzz.ratio, score_cutoff=80) is not None


@lru_cache(maxsize=8192)
def _word_set(text: str) -> _WordSet:
    return _WordSet(_analyse(text)[1])


T = TypeVar("T")


class LastPair(Generic[T]):
    """What was worked out for the last pair of views asked about, by identity (holding the views keeps their ids
    from being reused): the rules, the features and the judgement of one pair ask for the same things in turn."""

    def __init__(self) -> None:
        self._kept: tuple[View, View, T] | None = None

    def get(self, a: View, b: View) -> T | None:
        kept = self._kept
        return kept[2] if kept is not None and kept[0] is a and kept[1] is b else None

    def keep(self, a: View, b: View, value: T) -> None:
        self._kept = (a, b, value)

    def clear(self) -> None:
        self._kept = None


_last_alignment: LastPair[tuple[tuple[Word, ...], tuple[Word, ...]]] = LastPair()


def align(a: View, b: View) -> tuple[list[Word], list[Word]]:
    """(words of a not found in b, words of b not found in a): what was deleted and inserted. Names match across
    spellings and scripts (زيلنسكي / Zelensky, ويتكوف / ويكتوف)."""
    last = _last_alignment.get(a, b)
    if last is not None:
        return list(last[0]), list(last[1])
    reverse = _reverse_alignments.pop((b.text, a.text), None)
    if reverse is not None:  # this pair's reverse was aligned: what it inserted, this one deleted
        deleted_from_b, inserted_from_a = reverse
        deleted, inserted = [a.words[i] for i in inserted_from_a], [b.words[i] for i in deleted_from_b]
    else:
        deleted, inserted = _align(a, b)
        if len(_reverse_alignments) >= REVERSE_PAIRS_KEPT:
            with suppress(KeyError, StopIteration):  # another thread may have taken the oldest first
                del _reverse_alignments[next(iter(_reverse_alignments))]
        _reverse_alignments[(a.text, b.text)] = (_positions(deleted, a), _positions(inserted, b))
    _last_alignment.keep(a, b, (tuple(deleted), tuple(inserted)))
    return deleted, inserted


def _positions(words: list[Word], v: View) -> tuple[int, ...]:
    """Where these words of v are among its words. The reverse pair gets the words of its own views from them:
    words are compared by identity (a view analysed again has other Word objects for the same text)."""
    at = {id(w): i for i, w in enumerate(v.words)}
    return tuple(at[id(w)] for w in words)


# A pair and its reverse are both scored when both sentences are claims (half of the evidence links of 1,000
# SaudiNewsNet articles have their reverse; at 10,000 articles a quarter of the pairs one evidence worker scores
# meet their reverse among the 500 claims of its batch). What is symmetric in a pair, the alignment and the string
# similarities, is kept for the reverse: the last REVERSE_PAIRS_KEPT pairs, a few MB (a batch scores ~3,000 pairs).
REVERSE_PAIRS_KEPT = 4096
# (deleted, inserted) as positions among the two texts' words, by (text a, text b)
_reverse_alignments: dict[tuple[str, str], tuple[tuple[int, ...], tuple[int, ...]]] = {}


def _align(a: View, b: View) -> tuple[list[Word], list[Word]]:
    # views are only made by view(), from _analyse: the text determines the words and so the word set
    in_a, in_b = _word_set(a.text), _word_set(b.text)
    deleted = [w for w in a.words if not in_b.has(w)]
    inserted = [w for w in b.words if not in_a.has(w)]
    if deleted and inserted:
        names_a, names_b = _name_spans(a), _name_spans(b)
        # Only words read as names, or a Latin word against an Arabic one: skeleton matching would merge ordinary
        # words that share consonants. Only those pairs are formed (a sentence has a few names among dozens of
        # changed words).
        gone, new = _sides(deleted, names_a), _sides(inserted, names_b)
        candidates = chain(
            product(gone.named, new.named), product(gone.latin, new.arabic), product(gone.arabic, new.latin)
        )
        matched_a: set[int] = set()
        matched_b: set[int] = set()
        for w, x in candidates:
            if (id(w) not in matched_a or id(x) not in matched_b) and words_match(w.token.norm, x.token.norm):
                matched_a.add(id(w))
                matched_b.add(id(x))
        deleted = [w for w in deleted if id(w) not in matched_a]
        inserted = [x for x in inserted if id(x) not in matched_b]
    return deleted, inserted


@dataclass
class _Sides:
    named: list[Word]
    latin: list[Word]
    arabic: list[Word]


def _sides(words: list[Word], names: list[tuple[int, int]]) -> _Sides:
    sides = _Sides([], [], [])
    for w in words:
        if _covered(w, names):
            sides.named.append(w)
        (sides.latin if w.token.norm.isascii() else sides.arabic).append(w)
    return sides


def _name_spans(v: View) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in v.facts.mentions if m.kind in ("person", "place", "org")]


def _covered(w: Word, spans: list[tuple[int, int]]) -> bool:
    return any(start <= w.token.start and w.token.end <= end for start, end in spans)


# ---------------------------------------------------------------------------------------------------------------
@dataclass
class Conflict:
    """An explicit disagreement between facts, with the parts that differ (for the reason and highlights)."""

    kind: str  # "number" | "negation" | "denial" | "place" | "day" | "date" | "person"
    claim_text: str
    other_text: str
    claim_span: tuple[int, int] | None
    other_span: tuple[int, int] | None
    clear: bool = True  # strong enough to decide "disagree" on its own (see store.text.stance)


def _span(x: Quantity | Mention) -> tuple[int, int]:
    return (x.start, x.end)


def units_compatible(u: str, v: str) -> bool:
    return u.rstrip("ه") == v.rstrip("ه")


def figures_compatible(p: Quantity, q: Quantity) -> bool:
    """Whether two figures for the same thing can both be right: equal, or one hedged around the other
    ("أكثر من 200 مليون" and "200 مليون", "نحو 3" and "ثلاث", "عشرات" and "23")."""
    dp, dq = HEDGE_DIRECTION.get(p.hedge, 0), HEDGE_DIRECTION.get(q.hedge, 0)
    if dp * dq < 0:
        return False  # "أكثر من 80" against "يقل عن 80"
    if p.value == q.value:
        return True
    if not p.hedge and not q.hedge:
        return False
    if p.hedge == q.hedge == "vague":
        # "عشرات الآلاف" and "آلاف" can both be right; "عشرات" and "آلاف" cannot.
        return max(p.value, q.value) <= 10 * min(p.value, q.value)
    return _within(p, q.value) or _within(q, p.value)


def _within(hedged: Quantity, value: float) -> bool:
    x = hedged.value
    kind = hedged.hedge
    if kind in ("more", "atleast"):
        low, high = bound_range(x, kind)
        return low <= value < high
    if kind in ("less", "upto"):
        low, high = bound_range(x, kind)
        return low < value <= high
    if kind == "about":
        return abs(value - x) <= max(0.2 * x, 1)
    if kind == "vague":
        return x <= value < x * 10
    return False


BOUNDS = ("more", "atleast", "less", "upto")


def bound_range(x: float, kind: str) -> tuple[float, float]:
    """The counts a bound on x admits, for the hedges in BOUNDS, as (low, high); the end away from x is not
    admitted itself (_within). A bound reaches only as far as its own rounding on the far side ("أكثر من 50 ألف"
    admits 52,000, "more than 200" and "200" round one figure), because a bound given to the unit is a tally and
    another tally is another figure ("قتل 12 على الأقل" against "قتل 20": the commonest contradiction of news, one
    toll told twice); on the near side it is a bound ("أكثر من 23 حريقا" against 21 fires)."""
    if kind in ("more", "atleast"):
        return x, x + rounding_step(x)
    return x - rounding_step(x), x


def rounding_step(x: float) -> float:
    """The place value of a figure's last non-zero digit: 1 for 12, 10,000 for 50,000, 0.1 for 2.5."""
    if x <= 0:
        return 1.0
    step = 10.0 ** math.floor(math.log10(x))
    while step > 1e-6 and abs(x / step - round(x / step)) > 1e-6:
        step /= 10
    return step


def quantity_relations(a: Facts, b: Facts) -> tuple[list[tuple[Quantity, Quantity]], list[tuple[Quantity, Quantity]]]:
    """(matching pairs, conflicting pairs) of figures counting the same unit.

    A figure with no unit ("ارتفع إلى 32") is compared only when each sentence has exactly one figure, so two
    unrelated numbers in longer sentences are never set against each other."""
    matches: list[tuple[Quantity, Quantity]] = []
    conflicts: list[tuple[Quantity, Quantity]] = []
    single = len(a.quantities) == 1 and len(b.quantities) == 1
    for p in a.quantities:
        same_unit = [
            q for q in b.quantities
            if (p.unit and q.unit and units_compatible(p.unit, q.unit)) or (single and (not p.unit or not q.unit))
        ]  # fmt: skip
        if not same_unit:
            # An equal figure with its unit left out on one side ("مقتل 2" / "مقتل شخصين") still agrees.
            equal = [q for q in b.quantities if (not p.unit or not q.unit) and q.value == p.value]
            if equal:
                matches.append((p, equal[0]))
            continue
        good = [q for q in same_unit if figures_compatible(p, q)]
        if good:
            matches.append((p, good[0]))
        else:
            conflicts.append((p, same_unit[0]))
    return matches, conflicts


def _negation_side(a: View, b: View) -> tuple[list[Mention], list[Mention]]:
    """The negations of whichever sentence alone is negated. Both negated ("ينفي" / "نفى", "ليس لديها" /
    "تنفي وجود") is the same stance, whatever the negator."""
    na, nb = a.facts.of_kind("negation"), b.facts.of_kind("negation")
    if bool(na) == bool(nb):
        return [], []
    return na, nb


def _place_conflicts(a: View, b: View) -> list[tuple[Mention, Mention]]:
    """Places only in a against places only in b at the same level of the same country (or two countries),
    when neither sentence names the other's place: موسكو vs سان بطرسبرغ, سوريا vs اليمن."""
    pa, pb = a.facts.of_kind("place"), b.facts.of_kind("place")
    keys_a, keys_b = {m.key for m in pa}, {m.key for m in pb}
    countries_a = {_PLACE_INFO[k].country for k in keys_a if k in _PLACE_INFO}
    countries_b = {_PLACE_INFO[k].country for k in keys_b if k in _PLACE_INFO}
    out = []
    for m in pa:
        if m.key in keys_b:
            continue
        for n in pb:
            if n.key in keys_a:
                continue
            ia, ib = _PLACE_INFO.get(m.key), _PLACE_INFO.get(n.key)
            if ia is None or ib is None:
                continue
            if ia.level == "country" and ib.level == "country":
                # A country named as context on one side ("روسيا ... موسكو") is not a swap.
                if ia.country not in countries_b and ib.country not in countries_a:
                    out.append((m, n))
            elif ia.level == ib.level and ia.country == ib.country:
                out.append((m, n))
    return out


def _named_conflicts(a: View, b: View, kind: str) -> list[tuple[Mention, Mention]]:
    # Names read after a title are guesses ("الرئيس الروسي يأمر"): only sure names make a conflict.
    ma = [m for m in a.facts.of_kind(kind) if m.source != "title"]
    mb = [m for m in b.facts.of_kind(kind) if m.source != "title"]
    only_a = [m for m in ma if not any(names_match(m.text, n.text) or m.key == n.key for n in mb)]
    only_b = [n for n in mb if not any(names_match(m.text, n.text) or m.key == n.key for m in ma)]
    return [(m, n) for m in only_a[:1] for n in only_b[:1]]


_WEEKDAYS = {"saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday"}


def _weekday_conflicts(a: View, b: View) -> list[tuple[Mention, Mention]]:
    # Relative days ("أمس", "اليوم") are left out: outlets publish on different days, so both can be right.
    ma = [m for m in a.facts.of_kind("day") if m.key in _WEEKDAYS]
    mb = [m for m in b.facts.of_kind("day") if m.key in _WEEKDAYS]
    if not ma or not mb or {m.key for m in ma} & {m.key for m in mb}:
        return []
    return [(ma[0], mb[0])]


def instances_differ(a: View, b: View) -> bool:
    """Whether the two sentences name different instances of one repeated thing by its ordinal: "الدفعة الثانية"
    against "الدفعة الثالثة" (the second and the third batch), "الجولة الخامسة" against "السادسة". An ordinal after
    such a noun says which one, not how many (lexicon.ORDINAL_NOUNS: a rank or an edition is a value, and stays a
    figure to compare)."""
    ours = _instances(a.text)
    if not ours:
        return False
    theirs = _instances(b.text)
    for forms, _ in ours:
        mine = {n for f, n in ours if f & forms}
        other = {m for f, m in theirs if f & forms}
        if other and mine.isdisjoint(other):  # "الثانية ... بعد الأولى" against "الثانية" names one of them
            return True
    return False


_TEENS = frozenset({"عشر", "عشره"})  # "الرابعة عشرة": the fourteenth


@lru_cache(maxsize=8192)
def _instances(text: str) -> tuple[tuple[frozenset[str], int], ...]:
    """(forms of the noun, ordinal) of each definite noun followed by an ordinal, not a noun whose ordinal is a
    value."""
    tokens = sentence_tokens(text)
    out = []
    for i in range(1, len(tokens)):
        n = ORDINALS.get(tokens[i].norm)
        noun = tokens[i - 1]
        forms = frozenset(noun.forms)
        if n is None or not any(f.startswith(("ال", "لل")) for f in forms):
            continue  # an ordinal after a definite noun only ("للجولة الثانية" too)
        if forms & ORDINAL_NOUNS:
            continue
        if i + 1 < len(tokens) and tokens[i + 1].norm in _TEENS:
            n += 10
        out.append((forms, n))
    return tuple(out)


def _date_conflicts(a: View, b: View) -> list[tuple[Mention, Mention]]:
    out = []
    for m in a.facts.of_kind("date"):
        for n in b.facts.of_kind("date"):
            if dates_differ(m.key, n.key):
                out.append((m, n))
    if out and any(not dates_differ(m.key, n.key) for m in a.facts.of_kind("date") for n in b.facts.of_kind("date")):
        return []  # one date agrees: the other is context ("منذ 2014")
    return out[:1]


def dates_differ(x: str, y: str) -> bool:
    # Keys are "Y-M-D" with "?" for unknown parts; Hijri and Gregorian never compare.
    if x.startswith("h") != y.startswith("h"):
        return False
    px, py = x.lstrip("h").split("-"), y.lstrip("h").split("-")
    for u, v in zip(px, py):
        if "?" not in (u, v) and u != v:
            return True
    return False


def conflicts(a: View, b: View) -> list[Conflict]:
    """Explicit contradictions between the facts of the two sentences, strongest first."""
    out: list[Conflict] = []
    _, number_conflicts = quantity_relations(a.facts, b.facts)
    for p, q in number_conflicts:
        # A hedged figure against another is a weak conflict unless the hedges point opposite ways.
        clear = not p.hedge and not q.hedge or HEDGE_DIRECTION.get(p.hedge, 0) * HEDGE_DIRECTION.get(q.hedge, 0) < 0
        out.append(Conflict("number", _figure_text(a, p), _figure_text(b, q), _span(p), _span(q), clear))
    only_a, only_b = _negation_side(a, b)
    for holder, mentions in ((b, only_b), (a, only_a)):
        for m in mentions:
            kind = "denial" if is_denial(m) else "negation"
            phrase, span, next_word = _negation_phrase(holder, m)
            clear = is_clear_negation(m, next_word)
            if kind == "denial":
                phrase, span = m.text, (m.start, m.end)  # the denial verb is the whole point: "نفت"
            if holder is b:
                out.append(Conflict(kind, "", phrase, None, span, clear))
            else:
                out.append(Conflict(kind, phrase, "", span, None, clear))
    places = _place_conflicts(a, b)
    for m, n in places:
        # Several countries on each side ("السعودية والإمارات ... اليمن") are context, not a swap.
        clear = len(places) == 1 and len(a.facts.of_kind("place")) == 1 == len(b.facts.of_kind("place"))
        out.append(Conflict("place", m.text, n.text, _span(m), _span(n), clear or _level(m) == "city"))
    for m, n in _weekday_conflicts(a, b):
        out.append(Conflict("day", m.text, n.text, _span(m), _span(n)))
    for m, n in _date_conflicts(a, b):
        out.append(Conflict("date", m.text, n.text, _span(m), _span(n)))
    for m, n in _named_conflicts(a, b, "person"):
        out.append(Conflict("person", m.text, n.text, _span(m), _span(n)))
    return out


def _level(m: Mention) -> str:
    info = _PLACE_INFO.get(m.key)
    return info.level if info else ""


def _figure_text(v: View, q: Quantity) -> str:
    """The figure as written, with its hedge when it has one ("أكثر من ٨٠ دولار")."""
    if not q.hedge:
        return q.text
    before = _last_tokens(v.text, q.start)
    for phrase, kind in HEDGES_BEFORE:
        n = len(phrase)
        if kind == q.hedge and len(before) >= n and phrase[0] in before[-n].forms:
            return v.text[before[-n].start : q.end]
    return q.text


_TOKEN_WINDOW = 80  # characters: several words, so the look-ups below need not tokenize the whole sentence


def _first_tokens(text: str, start: int) -> list[Token]:
    """The first token after ``start`` (as tokenize(text[start:])[:1])."""
    window = tokenize(text[start : start + _TOKEN_WINDOW])
    if len(window) > 1 or start + _TOKEN_WINDOW >= len(text):
        return window[:1]
    return tokenize(text[start:])[:1]  # one word longer than the window, or none in it


def _last_tokens(text: str, end: int) -> list[Token]:
    """The tokens before ``end``, exact at least for the last few (tokenize(text[:end]) cut to a window; the
    first token of the window may be a piece of a word, and only the last ones are read)."""
    begin = max(0, end - _TOKEN_WINDOW)
    if not begin:
        return tokenize(text[:end])
    window = tokenize(text[begin:end])
    if len(window) <= 5:
        return tokenize(text[:end])
    return [replace(t, start=t.start + begin, end=t.end + begin) for t in window[1:]]


def _negation_phrase(v: View, m: Mention) -> tuple[str, tuple[int, int], str]:
    """The negator with the word it negates ("لم توافق") as written, its span, and that word normalized."""
    following = _first_tokens(v.text, m.end)
    if following and following[0].norm not in STOPWORDS:
        end = m.end + following[0].end
        return v.text[m.start : end], (m.start, end), following[0].norm
    return m.text, (m.start, m.end), following[0].norm if following else ""


# ---------------------------------------------------------------------------------------------------------------
_SIM_BINS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def _binned(name: str, value: float, out: dict[str, float]) -> None:
    out[name] = value
    for edge in _SIM_BINS:
        if value >= edge:
            out[f"{name}>={edge}"] = 1.0


PARTIAL = "sim:partial"  # in [0, 1]; the only feature that pair_features(..., partial=False) leaves out


def partial_similarity(a: View, b: View) -> float:
    """rapidfuzz's partial ratio: the best match of the shorter text within the longer. 0.3-0.4 ms on two news
    sentences, half of what all the other features cost together; the same either way round."""
    return _partial_ratio(*sorted((a.norm, b.norm)))


@lru_cache(maxsize=REVERSE_PAIRS_KEPT)
def _partial_ratio(x: str, y: str) -> float:
    return fuzz.partial_ratio(x, y) / 100


@lru_cache(maxsize=REVERSE_PAIRS_KEPT)
def _string_similarities(x: str, y: str) -> tuple[float, float, float]:
    """Token set, token sort and plain ratio of two normalized texts: the same either way round."""
    return fuzz.token_set_ratio(x, y) / 100, fuzz.token_sort_ratio(x, y) / 100, fuzz.ratio(x, y) / 100


def pair_features(a: View, b: View, partial: bool = True) -> dict[str, float]:
    """Named features of the pair (claim a, other b). Without ``partial`` the PARTIAL feature is left out, for
    a caller that adds it (with_partial) only when its value matters."""
    f: dict[str, float] = {"bias": 1.0}
    deleted, inserted = align(a, b)
    na, nb = max(1, len(a.words)), max(1, len(b.words))
    cov_a, cov_b = 1 - len(deleted) / na, 1 - len(inserted) / nb
    token_set, token_sort, ratio = _string_similarities(*sorted((a.norm, b.norm)))
    _binned("sim:tset", token_set, f)
    _binned("sim:tsort", token_sort, f)
    f["sim:ratio"] = ratio
    if partial:
        f[PARTIAL] = partial_similarity(a, b)
    _binned("sim:cov_min", min(cov_a, cov_b), f)
    _binned("sim:cov_max", max(cov_a, cov_b), f)
    # Raw counts grow with sentence length; the headline-trained "other" model reads long article sentences as
    # unrelated from them, which store.text.stance corrects with shared words and figures (_unrelated there).
    f["len:n_del"] = min(len(deleted), 8) / 8
    f["len:n_ins"] = min(len(inserted), 8) / 8
    f["sim:no_change"] = float(not deleted and not inserted)
    shared = min(na - len(deleted), nb - len(inserted))
    f[f"sim:shared={min(shared, 4)}"] = 1.0  # sentences about different things share 0-1 content words
    if _shared_entities(a, b):
        f["sim:shared_entity"] = 1.0
    f["sim:one_swap"] = float(len(deleted) == 1 and len(inserted) == 1)
    _lexical_features(deleted, inserted, f)
    _polarity_features(a, b, deleted, inserted, f)
    _fact_features(a, b, f)
    return f


def with_partial(features: dict[str, float], value: float) -> dict[str, float]:
    """The features with PARTIAL added where pair_features puts it: the models then sum the same terms in the same
    order as on the full features, to the last bit."""
    out: dict[str, float] = {}
    for name, x in features.items():
        out[name] = x
        if name == "sim:ratio":
            out[PARTIAL] = value
    return out


def _shared_entities(a: View, b: View) -> bool:
    kinds = ("place", "person", "org")
    keys_a = {(m.kind, m.key) for m in a.facts.mentions if m.kind in kinds}
    return any((m.kind, m.key) in keys_a for m in b.facts.mentions if m.kind in kinds)


def _lexical_features(deleted: list[Word], inserted: list[Word], f: dict[str, float]) -> None:
    for w in deleted:
        f[f"del:{w.stem}"] = 1.0
        for root in w.roots:
            f[f"delroot:{root}"] = 1.0
    for w in inserted:
        f[f"ins:{w.stem}"] = 1.0
        for root in w.roots:
            f[f"insroot:{root}"] = 1.0
    if len(deleted) <= 4 and len(inserted) <= 4:  # a rewrite of the whole sentence pairs nothing useful
        for w in deleted:
            for x in inserted:
                f[f"pair:{w.stem}|{x.stem}"] = 1.0
                for r1 in w.roots:
                    for r2 in x.roots:
                        f[f"pairroot:{r1}|{r2}"] = 1.0


def _polarity_features(a: View, b: View, deleted: list[Word], inserted: list[Word], f: dict[str, float]) -> None:
    pa, pb = a.poles, b.poles
    for cls, pole in pa | pb:
        opposite = (cls, 1 - pole)
        if (cls, pole) in pa and opposite in pb and (cls, pole) not in pb and opposite not in pa:
            f["pol:flip"] = f.get("pol:flip", 0.0) + 1.0
            f[f"pol:flip:{cls}"] = 1.0
        elif (cls, pole) in pa and (cls, pole) in pb:
            f["pol:same"] = 1.0
    changed = _poles([w.token.norm for w in deleted]) | _poles([w.token.norm for w in inserted])
    if changed:
        f["pol:in_changed"] = float(len(changed))


def _fact_features(a: View, b: View, f: dict[str, float]) -> None:
    matches, number_conflicts = quantity_relations(a.facts, b.facts)
    if matches:
        f["num:match"] = 1.0
    if number_conflicts:
        f["num:conflict"] = 1.0
    if a.facts.quantities and not b.facts.quantities:
        f["num:only_claim"] = 1.0
    only_a, only_b = _negation_side(a, b)
    for side, mentions in (("claim", only_a), ("other", only_b)):
        for m in mentions:
            f[f"neg:only_{side}"] = 1.0
            f[f"neg:only_{side}:{m.key}"] = 1.0
            if is_denial(m):
                f[f"neg:denial_{side}"] = 1.0
    if _place_conflicts(a, b):
        f["place:conflict"] = 1.0
    keys_a, keys_b = {m.key for m in a.facts.of_kind("place")}, {m.key for m in b.facts.of_kind("place")}
    if keys_a & keys_b:
        f["place:shared"] = 1.0
    if keys_a and keys_b and not keys_a & keys_b:
        f["place:disjoint"] = 1.0
    if _named_conflicts(a, b, "person"):
        f["person:conflict"] = 1.0
    if _weekday_conflicts(a, b):
        f["day:conflict"] = 1.0
    if _date_conflicts(a, b):
        f["date:conflict"] = 1.0


def polarity_flip(deleted: list[Word], inserted: list[Word]) -> tuple[Word, Word] | None:
    """The first deleted word whose opposite pole an inserted word carries, with that word."""
    opposites = [{(cls, 1 - pole) for cls, pole in word_poles(y.token.norm)} for y in inserted]
    anywhere = set().union(*opposites) if opposites else set()
    for x in deleted:
        px = word_poles(x.token.norm)
        if not px or px.isdisjoint(anywhere):
            continue
        for y, opposite in zip(inserted, opposites):
            if not px.isdisjoint(opposite):
                return x, y
    return None
