"""The figure ledger of an event: who said which figure of what, when (DESIGN §3, §4). Pure functions.

Every figure of an event's sentences becomes an entry: what it counts (the counted noun and the act, each reduced
to its root so "قتلى", "مقتل" and "قتل" meet), the place, person or body it is of, the period it is of, and its
value as a range read from its qualifier ("على الأقل 12" is [12, ∞), "نحو 20" is [18, 22]). Entries of one event
that count the same thing form a row; a row's values are compared as ranges in the order of their articles'
dates: a later different value is an update ("12 → 15 the next day"), incompatible values at the same time a
conflict. Prices and index levels (readings of a moving market), times of day and years are no counts.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from factcheck_tui.store.text.arabic.keywords import (
    ENGLISH_SPEECH_WORDS,
    SPEECH_WORDS,
    STOPWORDS,
)
from factcheck_tui.store.text.arabic.lexicon import RUNNING_COUNT_PHRASES
from factcheck_tui.store.text.arabic.morph import roots
from factcheck_tui.store.text.arabic.normalize import normalize
from factcheck_tui.store.text.arabic.terms import stem
from factcheck_tui.store.text.grouping.events import parse_day
from factcheck_tui.store.text.judging.stance_features import BOUNDS, Word, bound_range, clear_caches, view
from factcheck_tui.store.text.judging.statements import (
    _MEASURE_WORDS,
    NOT_WHAT,
    UPDATE_DAYS,
    bound_otherwise,
    figure_periods,
    is_clock_time,
    is_enumeration,
    is_moving_reading,
    others_of_two_groups,
    phrase_before,
    precision,
    same_written_digits,
    scope_names,
    tells_time,
    value_of,
)
from factcheck_tui.store.text.reading.facts import Facts, Quantity

# Nouns that say only that people or things were counted: the act says what happened to them ("مقتل 12
# شخصا" counts deaths, as "12 قتيلا" does).
GENERIC_NOUNS = frozenset(
    {"شخص", "فرد", "مواطن", "مواطنه", "نسمه", "انسان", "حاله", "مره", "عنصر", "مقيم", "واحد", "اخر",
     "people", "person", "persons", "individuals", "others"}
)  # fmt: skip
# Words that link a figure to its act without being one: "أسفر الانفجار عن 12 قتيلا", "ارتفع العدد إلى 15".
_LINK_WORDS = _MEASURE_WORDS | frozenset(
    {"اسفر", "اسفرت", "يسفر", "تسفر", "عن", "خلف", "خلفت", "اوقع", "اوقعت", "حصد", "حصدت", "ارتفع", "ارتفعت",
     "الي", "الا", "ليرتفع", "لترتفع", "ضمن", "بين", "منهم", "منها", "قرابه", "زهاء", "حتي",
     # English hedges and auxiliaries: "at least 12 people were killed", "have so far killed 15"
     "least", "more", "than", "over", "about", "around", "nearly", "almost", "approximately", "some", "up", "fewer",
     "less", "so", "far", "were", "was", "have", "has", "had", "been", "are", "is", "be", "reportedly", "total",
     "number", "toll", "rose", "risen", "reached"}
) | ENGLISH_SPEECH_WORDS  # fmt: skip
# The dead and the injured are counted under many words, in both languages: one count each, as a desk reads a
# toll ("قتلى"، "مقتل"، "وفاة"، "لقوا حتفهم"، "killed"، "died", "dead").
_TOLLS = {"قتل": "dead", "حتف": "dead", "*فه": "dead", "ت*ف": "dead", "ل*ف*": "dead", "kill": "dead", "die": "dead",
          "dead": "dead", "death": "dead", "جرح": "injured", "ص*ب": "injured", "injur": "injured",
          "injuri": "injured", "wound": "injured", "hurt": "injured", "صرع": "dead"}  # fmt: skip
_TOLL_COUNTS = frozenset(_TOLLS.values())
ACT_WORDS_BACK = 3  # the act is one of the three content words before a figure, inside its phrase
# How far apart (as a share of the larger value) an "about" figure may lie: "نحو 20" is 18 to 22.
ABOUT_SHARE = 0.1


@dataclass(frozen=True)
class LedgerEntry:
    counted: str  # root of the counted noun, or of the act when the noun is generic: "قتل"
    act: str  # root of the act named before the figure, "" when none
    scope: str  # places, people and bodies the figure is of, "|"-joined keys, "" when none named
    period: str  # the period it is of ("year:past", a date key), "" when none
    value: float
    low: float
    high: float  # math.inf for "at least"
    qualifier: str  # "", "about", "more", "less", "atleast", "upto", "vague", "sofar"
    written: str  # the figure as written, with its noun
    noun: str  # what it counts, as shown to a reader: "قتيل", "شخص مقتل"
    start: int
    end: int
    unit: str = ""  # the figure's unit as read ("%" for a share)


def figure_range(q: Quantity, value: float | None = None) -> tuple[float, float]:
    """The values a figure admits, from its hedge and the step it is given to ("164.8 مليون" is 164.75-164.85
    million, "3 ساعات" exactly 3)."""
    v = q.value if value is None else value
    half_step = precision(q) * (v / q.value if q.value else 1) / 2 if _has_decimals(q) else 0.0
    low, high = v - half_step, v + half_step
    if q.hedge == "about" or q.hedge == "vague":
        low, high = v * (1 - ABOUT_SHARE), v * (1 + ABOUT_SHARE) if q.hedge == "about" else v * 10
    elif q.hedge in ("more", "atleast"):
        high = math.inf
    elif q.hedge in ("less", "upto"):
        low = 0.0
    return low, high


def _has_decimals(q: Quantity) -> bool:
    return precision(q) > 1 or "." in q.text or "٫" in q.text


def ledger_entries(text: str, facts: Facts) -> list[LedgerEntry]:
    """The figures of one sentence that count something, as ledger entries."""
    return view_entries(view(text, facts))


# Entries of recently read sentences, by text, with the facts they were read with: the pair judgement reads a
# claim against each of its candidates, and a candidate again for each claim it is a candidate of.
_ENTRIES_KEPT = 8192
_entries_read: dict[str, tuple[Facts, tuple[LedgerEntry, ...]]] = {}


def view_entries(v) -> list[LedgerEntry]:
    """ledger_entries of a prepared sentence (store.text.stance_features.view)."""
    kept = _entries_read.get(v.text)
    # the facts it was read with, or equal ones: a claim's facts are read from the store anew for each claim
    if kept is not None and (kept[0] is v.facts or kept[0] == v.facts):
        return list(kept[1])
    if len(_entries_read) >= _ENTRIES_KEPT:
        _entries_read.clear()
    entries = _read_entries(v)
    _entries_read[v.text] = (v.facts, tuple(entries))
    return entries


def forget_read_sentences() -> None:
    """Forget the entries and the word analyses of the sentences read so far. A pass that reads each sentence
    once (rebuilding the ledgers of a whole corpus) keeps them for nothing: cleared as it goes, its memory stays
    that of the last few events instead of growing by some kilobytes a sentence (about 300 MB at 10,000 articles,
    which the process then keeps)."""
    _entries_read.clear()
    clear_caches()


def _read_entries(v) -> list[LedgerEntry]:
    out = []
    for q in v.facts.quantities:
        if is_clock_time(v, q) or is_moving_reading(v, q) or is_enumeration(v, q):
            continue
        act_word = _act(v, q)
        noun = q.unit
        act = _root(act_word.token.norm) if act_word is not None else ""
        counted = _root(noun) if noun and noun not in GENERIC_NOUNS and noun != "%" else ""
        # what a reader is shown: the counted noun, with the act when the noun alone says little
        shown = noun if counted else " ".join(x for x in (noun, _written(v, act_word)) if x)
        if not counted:
            counted, act = act, ""
        if act == counted or counted in _TOLL_COUNTS:
            act = ""  # a toll is one count whatever befell them ("سقوط 30 قتيلا" / "خلفت المعارك 45 قتيلا")
        if not counted:
            continue  # a figure of nothing named ("بلغ 30"): nothing to keep it apart from any other
        value = value_of(q)
        low, high = figure_range(q, value)
        qualifier = q.hedge or ("sofar" if _running_count(v, q) else "")
        relative, dates = figure_periods(v, q)
        out.append(
            LedgerEntry(
                counted,
                act,
                "|".join(sorted(scope_names(v, q))),
                "|".join(sorted(relative) + dates),
                value,
                low,
                high,
                qualifier,
                q.text,
                shown,
                q.start,
                q.end,
                q.unit,
            )
        )
    # Several figures of one counted thing in one sentence are parts or stages of it ("قبول 4326 طالبا ... منهم
    # 326 ... و168"), and which one another sentence's figure answers cannot be read: none of them is compared. On
    # the fit split of the labelled pairs (the ledger read pair by pair inside the articles' events, with the
    # engine's own conflicts, as evidence joins them): conflicts P 0.21 (61 links) R 0.50 before, P 0.34 (35) R 0.46
    # after; keeping the figures whose acts differ too gave P 0.27 (44) R 0.46.
    counts = Counter(e.counted for e in out)
    return [e for e in out if counts[e.counted] == 1]


def _act(v, q: Quantity) -> Word | None:
    """The word that says what happened to what the figure counts: one of the words before it in its phrase
    ("مقتل 12 شخصا", "killed 15 people"); in English, where the act mostly follows ("12 people were killed"), the
    words after it first."""
    # a figure's hedge and "so far" belong to the figure ("قتل ... ما لا يقل عن 16 شخصا"): never its act
    before = [w for w in phrase_before(v, q) if w.token.norm not in NOT_WHAT][:ACT_WORDS_BACK]
    after = [w for w in _phrase_after(v, q) if w.token.norm not in NOT_WHAT][:ACT_WORDS_BACK]
    # A toll's word wins wherever it stands in reach: "killed 120 people in the north", "لقي 12 شخصا مصرعهم".
    for w in before + after:
        if _root(w.token.norm) in _TOLL_COUNTS and not _names(v, w):
            return w
    for w in (after + before) if _is_latin(v.text) else before:
        if w.token.is_number or w.token.norm in _LINK_WORDS or w.token.norm in STOPWORDS:
            continue
        if w.token.norm in SPEECH_WORDS or tells_time(v, w):
            continue  # who said it, or when, is not what happened
        if _names(v, w):
            continue  # a name or place says whose, not what happened
        return w
    return None


def _names(v, w: Word) -> bool:
    return any(m.start <= w.token.start < m.end for m in v.facts.mentions)


def _phrase_after(v, q: Quantity) -> list[Word]:
    """The words after figure q, nearest first, up to the end of its phrase."""
    out: list[Word] = []
    edge = q.end
    for w in (w for w in v.words if w.token.start >= q.end):
        if any(mark in v.text[edge : w.token.start] for mark in ",،.;؛:"):
            break
        out.append(w)
        edge = w.token.end
    return out


@lru_cache(maxsize=8192)
def _is_latin(text: str) -> bool:
    """Whether a sentence is written mostly in Latin letters (English)."""
    latin = sum(ch.isascii() and ch.isalpha() for ch in text)
    return latin > sum(ch.isalpha() for ch in text) - latin


def _written(v, w: Word | None) -> str:
    return v.text[w.token.start : w.token.end] if w is not None else ""


def _root(norm: str) -> str:
    """One root for a word: the guess with the fewest masked letters, three letters first; an English word's
    stem ("killed", "kills" -> "kill")."""
    if norm.isascii():
        root = stem(norm)
    else:
        guesses = roots(norm)
        root = min(guesses, key=lambda r: (r.count("*"), len(r) != 3, r)) if guesses else norm
    return _TOLLS.get(root, root)


def _running_count(v, q: Quantity) -> bool:
    """Whether a figure is a tally so far: "حتى الآن" after it, or "so far" on either side."""
    near = normalize(v.text[max(0, q.start - 30) : q.start]).split()[-4:] + normalize(v.text[q.end :]).split()[:4]
    return any(tuple(near[i : i + 2]) == pair for pair in RUNNING_COUNT_PHRASES for i in range(len(near) - 1))


# ------------------------------------------------------------------------------------------------ rows


@dataclass(frozen=True)
class Said:
    """One entry as said by one article at one time."""

    entry: LedgerEntry
    sentence: int  # the store's sentence id
    article: int
    origin: int  # independent origin (copies of one wire text share one)
    when: str | None  # the article's date as stored


@dataclass
class LedgerRow:
    counted: str  # as shown: the counted noun, and the act when it says more
    key: tuple[str, str, str, str]
    said: list[Said]
    status: str  # "consistent" | "update" | "conflict"


def ledger_rows(said: list[Said]) -> list[LedgerRow]:
    """The rows of one event's ledger: entries that count the same thing, in time order, with their status.

    Entries of one counted root join one row unless they name different acts, scopes or periods: a slot left
    unsaid fits any ("12 قتيلا" joins "مقتل 15 شخصا في جازان"), two different values of it never do ("القادمين"
    against "المغادرين", Najran's figure against Hail's). Entries are placed in time order, each in the first
    row that fits it."""
    rows: list[tuple[list[set[str]], list[Said]]] = []
    by_counted: dict[str, list[int]] = {}
    for s in sorted(said, key=lambda s: (s.when or "", s.sentence)):
        e = s.entry
        slots = (e.act, e.scope, e.period)
        for i in by_counted.get(e.counted, []):
            held, items = rows[i]
            if all(not value or not seen or value in seen for value, seen in zip(slots, held)):
                for value, seen in zip(slots, held):
                    if value:
                        seen.add(value)
                items.append(s)
                break
        else:
            by_counted.setdefault(e.counted, []).append(len(rows))
            rows.append(([{v} if v else set() for v in slots], [s]))
    out = []
    for held, items in rows:
        nouns = Counter(s.entry.noun for s in items if s.entry.noun)
        first = items[0].entry
        act, scope, period = ("|".join(sorted(seen)) for seen in held)  # a row's three slots: act, scope, period
        key = (first.counted, act, scope, period)
        out.append(LedgerRow(nouns.most_common(1)[0][0] if nouns else first.counted, key, items, row_status(items)))
    out.sort(key=lambda r: (-len({s.origin for s in r.said}), r.key))
    return out


def figure_conflict(a, b) -> tuple[LedgerEntry, LedgerEntry] | None:
    """A figure of each of two prepared sentences that count one thing, as the ledger joins entries into a row (the
    same counted root; act, scope and period each the same or unsaid on one side), and cannot both be true at
    one time: "قتل 12 شخصا على الأقل" against "مقتل 20 شخصا حتى الآن", however differently the two phrase the
    count. None when there is none."""
    for x in view_entries(a):
        for y in view_entries(b):
            if x.counted != y.counted or (x.unit == "%") != (y.unit == "%") or compatible(x, y):
                continue  # a share and a count of one thing are two figures ("36 حالة" and "41 في المائة")
            if bound_otherwise(a, x.value, b, y.value) or others_of_two_groups(a, _figure(a, x), b, _figure(b, y)):
                continue
            slots = ((x.act, y.act), (x.scope, y.scope), (x.period, y.period))
            if all(not p or not q or p == q for p, q in slots):
                return x, y
    return None


def _figure(v, e: LedgerEntry) -> Quantity:
    """The figure of a prepared sentence an entry was read from."""
    return next(q for q in v.facts.quantities if q.start == e.start)


def compatible(a: LedgerEntry, b: LedgerEntry) -> bool:
    """Whether two figures of one count can both be true at one time: their ranges meet, an open bound reaching
    only as far as its rounding (store.text.stance_features.bound_range, as the pair rules read bounds): "أكثر
    من 50 ألف" admits 52,000, but "12 على الأقل" and 20 are two tallies of one toll."""
    if same_written_digits(a.written, b.written):
        return True  # one figure, written with other separators or a stray scale word
    if not a.qualifier and not b.qualifier and abs(a.value - b.value) < max(a.high - a.low, b.high - b.low):
        # within the step of the coarser figure: outlets cut figures as often as they round them, so "19.5
        # مليون" admits 19,589,137 (the rule of statements.same_value)
        return True
    (a_low, a_high), (b_low, b_high) = _tally_range(a), _tally_range(b)
    return a_low <= b_high and b_low <= a_high


def _tally_range(e: LedgerEntry) -> tuple[float, float]:
    if e.qualifier in BOUNDS:
        return bound_range(e.value, e.qualifier)
    return e.low, e.high


def relation(earlier: Said, later: Said) -> str:
    """'same' when the values agree, 'update' when the later article (a day or more on) gives another value,
    'conflict' when they are incompatible at one time."""
    if compatible(earlier.entry, later.entry):
        return "same"
    # the engine's rule for a later tally (store.text.statements.UPDATE_DAYS)
    return "update" if _days_apart(earlier.when, later.when) >= UPDATE_DAYS else "conflict"


def row_status(items: list[Said]) -> str:
    status = "consistent"
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if a.origin == b.origin:
                continue  # one origin revising or repeating itself
            r = relation(a, b)
            if r == "conflict":
                return "conflict"
            if r == "update":
                status = "update"
    return status


def _days_apart(a: str | None, b: str | None) -> int:
    da, db = parse_day(a), parse_day(b)
    if da is None or db is None:
        return 0
    return abs((db - da).days)
