"""What can be checked in a sentence: quantities, days and dates, places, names, negation.

CONTRACT (the evidence engine, stance and the store rely on these names):

    extract_facts(text: str) -> Facts            # text is the ORIGINAL sentence (not normalized)
    Facts.to_json() -> dict ; Facts.from_json(d) -> Facts   # round-trips; stored in claims.facts_json
    name_key(name: str) -> str                   # cross-script, spelling-tolerant key: same person -> same key
    names_match(a: str, b: str) -> bool          # fuzzy, cross-script: same person or place

Spans (start, end) are offsets into the text given to extract_facts, so the UI can highlight them.

Mention keys: weekday ("wednesday"), relative day ("yesterday"), date ("2022-01-15", "?-01-?", "2022",
Hijri "h1436-09-?"), place (gazetteer slug: "moscow", "saint_petersburg"), person (name_key of the surname),
org (gazetteer slug, or name_key for one found by rule), negation (the negator, normalized: "لم", "نفت").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from factcheck_tui.store.text.arabic.gazetteer import (
    FIRST_WORDS,
    LATIN_NAMES,
    MAX_PHRASE_LEN,
    PHRASES,
    Entry,
)
from factcheck_tui.store.text.arabic.lexicon import (
    AMBIGUOUS_MONTHS,
    BARE_WORDS,
    COMMON_VERBS,
    DENIALS,
    FALSITY_WORDS,
    MONTHS,
    NAME_PARTICLES,
    NAME_STOPS,
    NEGATORS,
    NOT_NEGATING_AFTER_LA,
    POLARITY,
    REFUSALS,
    RELATIVE_DAYS,
    RELATIVE_PERIODS,
    REPORT_WORDS,
    STOPWORDS,
    TITLE_FILLERS,
    TITLES,
    WEEKDAYS,
    unclitic,
)
from factcheck_tui.store.text.arabic.names import name_key, names_match
from factcheck_tui.store.text.arabic.numbers import Reading, read_quantities
from factcheck_tui.store.text.arabic.tokens import Token, number_value, sentence_tokens

# Words of the polarity lexicon are predicates, never names ("الرئيس الروسي يأمر").
POLE_WORDS: frozenset[str] = frozenset(w for sides in POLARITY.values() for side in sides for w in side)

__all__ = [
    "Facts",
    "Mention",
    "Quantity",
    "extract_facts",
    "is_clear_negation",
    "is_denial",
    "name_key",
    "names_match",
]


@dataclass
class Quantity:
    value: float  # 3 for "ثلاث", 2 for a dual "شخصين", 200000000 for "200 مليون"
    unit: str  # normalized noun or unit it counts: "ساعه", "شخص", "دولار", "%", "" when unknown
    text: str  # as written
    start: int
    end: int
    hedged: bool = False  # "نحو", "حوالي", "أكثر من", "ما لا يقل عن", "على الأقل", "تقريبا"
    hedge: str = ""  # how: "about", "more", "less", "atleast", "upto", "vague" (عشرات), "" when exact


@dataclass
class Mention:
    kind: str  # "day" | "date" | "period" | "place" | "person" | "org" | "negation"
    text: str  # as written
    key: str  # comparison key: weekday name, ISO-ish date, name_key(...) for names/places, the negator
    start: int
    end: int
    source: str = ""  # names: "gazetteer", "latin" or "title" (read from the word after a title: less sure)


@dataclass
class Facts:
    quantities: list[Quantity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]

    @property
    def negated(self) -> bool:
        return any(m.kind == "negation" for m in self.mentions)

    def to_json(self) -> dict:
        # Their fields are plain values: a copy of each instance's dict is dataclasses.asdict without its deep
        # copying, which was half the indexer's writing time (1.3 of 2.4 s on 1,000 articles).
        return {
            "quantities": [dict(vars(q)) for q in self.quantities],
            "mentions": [dict(vars(m)) for m in self.mentions],
        }

    @classmethod
    def from_json(cls, data: dict | None) -> Facts:
        data = data or {}
        return cls(
            quantities=[Quantity(**q) for q in data.get("quantities", [])],
            mentions=[Mention(**m) for m in data.get("mentions", [])],
        )


def extract_facts(text: str) -> Facts:
    """Read quantities and mentions off ``text`` as written; every span indexes ``text``."""
    tokens = sentence_tokens(text)
    used: set[int] = set()  # token indices already read, so "خميس مشيط" is a city and not a Thursday
    mentions: list[Mention] = []
    mentions += _gazetteer_mentions(text, tokens, used)
    mentions += _latin_names(text, tokens, used)
    mentions += _titled_names(text, tokens, used, mentions)
    mentions += _dates(text, tokens, used)
    mentions += _numeric_dates(text, tokens, used)
    mentions += _periods(text, tokens, used)
    mentions += _days(text, tokens, used)
    quantities: list[Quantity] = []
    for reading in read_quantities(_unbracketed(text, tokens), skip=used):
        if reading.is_year_like:
            mentions.append(_mention(text, tokens, "date", _year_key(reading.value), reading.first, reading.last))
        else:
            quantities.append(_quantity(text, tokens, reading))
    mentions += _negations(text, tokens)
    mentions.sort(key=lambda m: (m.start, m.end))
    return Facts(quantities=quantities, mentions=mentions)


# ---------------------------------------------------------------------------------------------------------------
def _span(text: str, tokens: list[Token], first: int, last: int) -> tuple[str, int, int]:
    start, end = tokens[first].start, tokens[last - 1].end
    return text[start:end], start, end


def _mention(text: str, tokens: list[Token], kind: str, key: str, first: int, last: int) -> Mention:
    written, start, end = _span(text, tokens, first, last)
    return Mention(kind, written, key, start, end)


def _quantity(text: str, tokens: list[Token], reading: Reading) -> Quantity:
    written, start, end = _span(text, tokens, reading.first, reading.last)
    opening = text.rfind("(", 0, start)
    if ")" in written and opening >= 0 and not text[opening + 1 : start].strip():
        written, start = text[opening:end], opening  # "(63) خريجا", bracket and all (_unbracketed)
    return Quantity(reading.value, reading.unit, written, start, end, bool(reading.hedge), reading.hedge)


def _year_key(value: float) -> str:
    year = int(value)
    return f"h{year}" if year < 1900 else str(year)


# ---------------------------------------------------------------------------------------------------------------
def _match_gazetteer(tokens: list[Token], i: int) -> tuple[Entry, int, str] | None:
    """(entry, index after it, the phrase as matched without clitics) for the longest gazetteer phrase at
    tokens[i]; the first word may carry clitics ("بموسكو", "لترامب")."""
    forms = _gazetteer_firsts(tokens[i].norm)
    if not forms:
        return None
    for length in range(min(MAX_PHRASE_LEN, len(tokens) - i), 0, -1):
        if any(t.after_punct for t in tokens[i + 1 : i + length]):
            continue
        rest = tuple(t.norm for t in tokens[i + 1 : i + length])
        for form in forms:
            entry = PHRASES.get((form, *rest))
            if entry is not None:
                return entry, i + length, " ".join((form, *rest))
    return None


@lru_cache(maxsize=1 << 16)
def _gazetteer_firsts(norm: str) -> tuple[str, ...]:
    """The readings of a word (with and without clitics) that start a gazetteer phrase; mostly none."""
    return tuple(f for f in unclitic(norm) if f in FIRST_WORDS)


def _entity_key(entry: Entry, matched: str) -> str:
    return name_key(matched) if entry.kind == "person" else entry.slug


def _gazetteer_mentions(text: str, tokens: list[Token], used: set[int]) -> list[Mention]:
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        hit = _match_gazetteer(tokens, i) if _gazetteer_firsts(tokens[i].norm) else None
        if hit is None:
            i += 1
            continue
        entry, last, matched = hit
        written, start, end = _span(text, tokens, i, last)
        out.append(Mention(entry.kind, written, _entity_key(entry, matched), start, end, "gazetteer"))
        used.update(range(i, last))
        i = last
    return out


def _latin_names(text: str, tokens: list[Token], used: set[int]) -> list[Mention]:
    """Runs of capitalised Latin words ("Volodymyr Zelensky", "NATO") in an Arabic sentence."""
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        if i in used or not _is_capitalised_latin(tokens[i]) or _is_common_latin(tokens[i].norm):
            i += 1
            continue
        last = i + 1
        while (
            last < len(tokens)
            and last not in used
            and _is_capitalised_latin(tokens[last])
            and not _is_common_latin(tokens[last].norm)
            and last - i < 4
        ):
            last += 1
        if i == 0 and last == 1 and tokens[0].norm not in LATIN_NAMES:
            i += 1  # an English sentence's first word is capitalised whatever it is ("Officials denied")
            continue
        written, start, end = _span(text, tokens, i, last)
        entry = LATIN_NAMES.get(written.lower()) or LATIN_NAMES.get(tokens[last - 1].text.lower())
        if entry is not None:
            out.append(Mention(entry.kind, written, _entity_key(entry, written), start, end, "latin"))
        else:
            kind = "org" if written.isupper() else "person"
            out.append(Mention(kind, written, name_key(written), start, end, "latin"))
        used.update(range(i, last))
        i = last
    return out


def _is_common_latin(norm: str) -> bool:
    """A capitalised English word that names no one: a function word, a weekday or a relative day."""
    return norm in STOPWORDS or norm in WEEKDAYS or norm in RELATIVE_DAYS or norm in NEGATORS


def _is_capitalised_latin(token: Token) -> bool:
    return token.text.isascii() and token.text[:1].isupper() and token.text.isalpha() and len(token.text) > 1


def _titled_names(text: str, tokens: list[Token], used: set[int], known: list[Mention]) -> list[Mention]:
    """Names that follow a title: "الرئيس الروسي فلاديمير بوتين", "المبعوث الأمريكي ستيف ويتكوف"."""
    out: list[Mention] = []
    for i, token in enumerate(tokens):
        if i in used or not _is_title_word(token.norm):
            continue
        j = i + 1
        while j < len(tokens) and j - i <= 4 and (j in used or _is_title_filler(tokens[j])):
            if j in used and _covered_by_name(known + out, tokens[j]):
                break  # the title's name is already known ("المبعوث ستيف ويتكوف")
            j += 1
        first = j
        if first == i + 1 and not any(f.startswith("ال") for f in token.forms):
            continue  # "رئيس تحريره": a title without the article heads a construct, not a name
        while j < len(tokens) and j not in used and j - first < 3 and _is_name_word(tokens, first, j):
            j += 1
        if j == first or all(tokens[k].norm in NAME_PARTICLES for k in range(first, j)):
            continue
        known_next = _person_at(known, tokens[j]) if j < len(tokens) else None
        if known_next is not None:
            # "كير ستارمر" with "ستارمر" known: one mention, the first name joins the known surname.
            known.remove(known_next)
            written, start, _ = _span(text, tokens, first, j)
            merged = text[start : known_next.end]
            out.append(Mention("person", merged, known_next.key, start, known_next.end, known_next.source))
        else:
            written, start, end = _span(text, tokens, first, j)
            out.append(Mention("person", written, name_key(written), start, end, "title"))
        used.update(range(first, j))
    return out


def _person_at(found: list[Mention], token: Token) -> Mention | None:
    return next((m for m in found if m.kind == "person" and m.start == token.start), None)


def _is_title(token: Token) -> bool:
    return _is_title_word(token.norm)


@lru_cache(maxsize=1 << 16)
def _is_title_word(norm: str) -> bool:
    return any(form in TITLES for form in unclitic(norm))


def _covered_by_name(found: list[Mention], token: Token) -> bool:
    return any(m.kind in ("person", "org") and m.start <= token.start < m.end for m in found)


def _is_title_filler(token: Token) -> bool:
    # Portfolios, nationalities and "باسم X" sit between a title and the name; so do other titles.
    return token.norm in TITLE_FILLERS or token.norm in TITLES or token.norm.startswith("ال")


def _is_name_word(tokens: list[Token], first: int, j: int) -> bool:
    token = tokens[j]
    norm = token.norm
    if token.is_number or not norm.isalpha() or norm in STOPWORDS or norm in NAME_STOPS or _is_title(token):
        return False
    if norm in COMMON_VERBS or norm in POLE_WORDS:
        return False
    if token.after_punct:
        return False
    if j == first:
        # a preposition and the article glued on ("بالمرتبة", "للمنتخب") make a common noun, never a name
        return not norm.startswith(("ال", "بال", "لل", "وال", "فال", "كال")) and len(norm) >= 2
    previous = tokens[j - 1].norm
    if previous in NAME_PARTICLES:
        return True  # "عبد الفتاح", "بن سلمان"
    if norm.startswith("ال"):
        return False
    # A second word that looks like a present-tense verb ("يزور", "تلتقي") ends the name.
    return not (
        norm[:1] in "يت"
        and len(norm) >= 4
        and norm not in NAME_PARTICLES
        and j - first >= 1
        and not norm.startswith("ال")
        and norm[1:2] not in "اوي"
    )


# ---------------------------------------------------------------------------------------------------------------
_MONTHS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _month in MONTHS.items():
    _MONTHS_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _month))


def _month_at(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """(month number, index after the month name) when tokens[i] starts a month name."""
    candidates = _month_candidates(tokens[i].norm)
    if not candidates:
        return None
    for phrase, month in candidates:
        if all(i + k < len(tokens) and tokens[i + k].norm == w for k, w in enumerate(phrase) if k > 0):
            return month, i + len(phrase)
    return None


@lru_cache(maxsize=1 << 16)
def _month_candidates(norm: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Month names a word may start, read with and without one clitic; mostly none."""
    return tuple(c for form in unclitic(norm)[:2] for c in _MONTHS_BY_FIRST.get(form, ()))


def _day_number(tokens: list[Token], i: int) -> int | None:
    if i < 0 or not tokens[i].is_number:
        return None
    value = number_value(tokens[i])
    return int(value) if value is not None and value == int(value) and 1 <= value <= 31 else None


def _year_after(tokens: list[Token], j: int) -> int | None:
    if j < len(tokens) and tokens[j].is_number and len(tokens[j].norm) == 4:
        return int(number_value(tokens[j]) or 0)
    return None


def _dates(text: str, tokens: list[Token], used: set[int]) -> list[Mention]:
    """Month names with an optional day before and year after: "15 يناير 2022", "كانون الثاني", "رمضان 1436"."""
    out: list[Mention] = []
    for i in range(len(tokens)):
        if i in used or not _month_candidates(tokens[i].norm):
            continue
        hit = _month_at(tokens, i)
        if hit is None:
            continue
        month, last = hit
        day = _day_number(tokens, i - 1)
        of_month = day is None and i > 1 and tokens[i - 1].norm == "من" and _day_number(tokens, i - 2) is not None
        if of_month:
            day = _day_number(tokens, i - 2)  # "الـ30 من يوليو"
        year = _year_after(tokens, last)
        has_month_word = i > 0 and tokens[i - 1].norm in ("شهر", "لشهر", "بشهر")
        if tokens[i].forms[-1] in AMBIGUOUS_MONTHS and day is None and year is None and not has_month_word:
            continue
        first = i - (2 if of_month else 1) if day is not None else i
        if year is not None:
            last += 1
        hijri = month.startswith("h")
        key = (
            f"{'h' if hijri else ''}{year or '?'}-{month.lstrip('h')}-{day:02d}"
            if day
            else (f"{'h' if hijri else ''}{year or '?'}-{month.lstrip('h')}")
        )
        out.append(_mention(text, tokens, "date", key, first, last))
        used.update(range(first, last))
    return out


def _gap(text: str, tokens: list[Token], i: int) -> str:
    """The characters between tokens[i - 1] and tokens[i], without spaces."""
    return text[tokens[i - 1].end : tokens[i].start].strip() if i > 0 else ""


def _numeric_dates(text: str, tokens: list[Token], used: set[int]) -> list[Mention]:
    """Dates in digits and slashes: "10/4/1436هـ", "٧/١٠/١٤٣٦هـ", "2015/7/21": a date, never three figures.
    The year, four digits, comes first or last; a Hijri year (1300-1500) is keyed with "h"."""
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        j = i
        while j + 1 < len(tokens) and tokens[j + 1].is_number and _gap(text, tokens, j + 1) == "/" and j - i < 2:
            j += 1
        parts = [int(number_value(t) or 0) for t in tokens[i : j + 1]] if tokens[i].is_number else []
        if i in used or len(parts) != 3 or not any(len(tokens[k].norm) == 4 for k in (i, j)):
            i += 1
            continue
        year, first, second = parts if len(tokens[i].norm) == 4 else parts[::-1]
        if not (1 <= min(first, second) and max(first, second) <= 31 and min(first, second) <= 12):
            i += 1
            continue
        prefix = "h" if 1300 <= year <= 1500 else ""
        # Both orders of day and month are written ("10/4/1436هـ" was 4 Shawwal, "٧/١٠/١٤٣٦هـ" 7 Shawwal): a part
        # above 12 is the day; with both 12 or under, only the year is known.
        if max(first, second) > 12:
            key = f"{prefix}{year}-{min(first, second):02d}-{max(first, second):02d}"
        else:
            key = f"{prefix}{year}-?-?" if first != second else f"{prefix}{year}-{first:02d}-{first:02d}"
        out.append(_mention(text, tokens, "date", key, i, j + 1))
        used.update(range(i, j + 1))
        i = j + 1
    return out


def _unbracketed(text: str, tokens: list[Token]) -> list[Token]:
    """The tokens with a figure written alone in brackets read as if unbracketed: "(63) خريجا" counts
    graduates as "63 خريجا" does, though a bracket stands between the number and its noun."""
    out = list(tokens)
    for i in range(1, len(tokens) - 1):
        if tokens[i].is_number and _gap(text, tokens, i).endswith("(") and _gap(text, tokens, i + 1) == ")":
            out[i + 1] = replace(tokens[i + 1], after_punct=False)
    return out


def _periods(text: str, tokens: list[Token], used: set[int]) -> list[Mention]:
    """A period named relative to the article's date ("الشهر الماضي", "العام الجاري", "last week"), kind "period",
    keyed "unit:offset" (lexicon.RELATIVE_PERIODS)."""
    out: list[Mention] = []
    for i in range(len(tokens) - 1):
        if i in used or i + 1 in used:
            continue
        first = unclitic(tokens[i].norm)[:3]
        key = next((RELATIVE_PERIODS[(f, tokens[i + 1].norm)] for f in first
                    if (f, tokens[i + 1].norm) in RELATIVE_PERIODS), None)  # fmt: skip
        if key:
            out.append(_mention(text, tokens, "period", key, i, i + 2))
            used.update((i, i + 1))
    return out


# Two days before the article's date, in the ways papers write it: "أول من أمس", "أول أمس", "أمس الأول".
_DAY_BEFORE_YESTERDAY = (("اول", "من", "امس"), ("اول", "امس"), ("امس", "الاول"))


def _days(text: str, tokens: list[Token], used: set[int]) -> list[Mention]:
    out: list[Mention] = []
    for i in range(len(tokens)):
        first_forms = unclitic(tokens[i].norm)[:3]
        for phrase in _DAY_BEFORE_YESTERDAY:
            if phrase[0] not in first_forms:  # the rest is only worth reading at a phrase's first word
                continue
            span = range(i, i + len(phrase))
            if (
                span.stop <= len(tokens)
                and not used.intersection(span)
                and all(phrase[k] in unclitic(tokens[j].norm)[:3] for k, j in enumerate(span))
            ):
                out.append(_mention(text, tokens, "day", "day_before_yesterday", i, span.stop))
                used.update(span)
                break
    for i, token in enumerate(tokens):
        if i in used:
            continue
        key = _day_key(token.norm)
        if key == "today" and _a_day_not_today(tokens, i):
            continue
        if key:
            out.append(_mention(text, tokens, "day", key, i, i + 1))
            used.add(i)
    return out


# "اليوم" is also the noun "the day": "في اليوم نفسه" (that same day), "ذلك اليوم" (that day), "اليوم التالي" (the next
# day), "اليوم الأول" (the first day) name a day the text counts from, not the day it was written.
_SAME_DAY_AFTER = frozenset({"نفسه", "ذاته", "التالي", "السابق", "الاول", "الثاني", "الثالث", "الاخير"})
_SAME_DAY_BEFORE = frozenset({"نفس", "ذات", "ذلك", "لذلك"})


def _a_day_not_today(tokens: list[Token], i: int) -> bool:
    after = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    before = tokens[i - 1].norm if i else ""
    return after in _SAME_DAY_AFTER or before in _SAME_DAY_BEFORE


@lru_cache(maxsize=1 << 16)
def _day_key(norm: str) -> str:
    """The weekday (else the relative day) a word names, read with and without clitics; "" for none."""
    forms = unclitic(norm)[:3]
    weekday = next((WEEKDAYS[f] for f in forms if f in WEEKDAYS), None)
    relative = next((RELATIVE_DAYS[f] for f in forms if f in RELATIVE_DAYS), None)
    return weekday or relative or ""


# ---------------------------------------------------------------------------------------------------------------
_NOUN_NEGATORS = frozenset({"عدم", "دون", "غير"})  # take prepositions: "بعدم", "بدون", "لغير"
_THAT_NOT = frozenset({"الا"})  # "ألا" (أن + لا) before a verb; normalized like "إلا" (except), which takes none
_NEGATION_WORDS = (
    NEGATORS | DENIALS | REFUSALS | FALSITY_WORDS
)  # what _negator_of must return for _negations to read anything


@lru_cache(maxsize=1 << 16)
def _negator_of(norm: str) -> str:
    """The negator in a word, without its conjunction ("ولم" -> لم, "ونفت" -> نفت, "بعدم" -> عدم)."""
    rest = norm[1:]
    if norm[:1] in "وف" and (
        rest in NEGATORS or rest in DENIALS or rest in REFUSALS or rest in FALSITY_WORDS or rest in _THAT_NOT
    ):
        return rest
    for prefix in ("و", "ب", "ل", "وب", "ول"):
        if norm.startswith(prefix) and norm[len(prefix) :] in _NOUN_NEGATORS:
            return norm[len(prefix) :]
    return norm


def _negations(text: str, tokens: list[Token]) -> list[Mention]:
    out: list[Mention] = []
    for i, token in enumerate(tokens):
        form = _negator_of(token.norm)
        if form not in _NEGATION_WORDS and form not in _THAT_NOT:
            continue  # the common case: none of the branches below applies
        following = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        if form in _THAT_NOT and is_present_verb(following) and following not in NOT_NEGATING_AFTER_LA:
            # "ألا يتدخل" is "أن لا يتدخل", written as one word and mostly without its hamza
            out.append(_mention(text, tokens, "negation", "لا", i, i + 1))
            continue
        if form in NEGATORS:
            if form == "لا" and following in NOT_NEGATING_AFTER_LA:
                continue
            if i + 1 < len(tokens) and tokens[i + 1].is_number:
                continue  # "دون 74 دولارا": below a figure (read as a hedge), not a negation
            out.append(_mention(text, tokens, "negation", form, i, i + 1))
        elif form in DENIALS or form in FALSITY_WORDS or _refuses_a_report(form, tokens, i):
            out.append(_mention(text, tokens, "negation", form, i, i + 1))
    return out + _bare_of_truth(text, tokens)


def _refuses_a_report(form: str, tokens: list[Token], i: int) -> bool:
    # a refusal denies only when its object is a report ("رفض التقارير"), not a proposal ("رفض الخطة")
    return form in REFUSALS and any(t.norm in REPORT_WORDS for t in tokens[i + 1 : i + 4])


def _bare_of_truth(text: str, tokens: list[Token]) -> list[Mention]:
    """ "عارية من الصحة" / "عار عن الصحة" (bare of truth): calls what it follows false, as a denial does."""
    out = []
    for i in range(len(tokens) - 2):
        if tokens[i].norm in BARE_WORDS and tokens[i + 1].norm in ("من", "عن") and tokens[i + 2].norm == "الصحه":
            out.append(_mention(text, tokens, "negation", "عاريه", i, i + 3))
    return out


def is_denial(mention: Mention) -> bool:
    """A denial of a report ("نفت", "رفض التقارير", "إشاعات") rather than a grammatical negation ("لم")."""
    return mention.kind == "negation" and mention.key in _DENYING_WORDS


_DENYING_WORDS = DENIALS | REFUSALS | FALSITY_WORDS | {"عاريه"}


_VERB_NEGATORS = frozenset(
    {"لم", "لن", "ليس", "ليست", "ليسوا", "لسنا", "not", "never", "cannot", "didn", "doesn", "don", "wasn", "weren",
     "isn", "aren", "hasn", "haven", "hadn"}
)  # fmt: skip


def is_clear_negation(mention: Mention, next_word: str) -> bool:
    """A negation that flips a statement: a denial, لم/لن/ليس, or لا before a present-tense verb ("لا يوافق").
    "لا" before a noun ("لا عوائق"), غير, عدم and دون mostly rephrase ("بلا عوائق", "تفتقر إلى")."""
    if is_denial(mention) or mention.key in _VERB_NEGATORS:
        return True
    return mention.key in ("لا", "كيلا", "لكيلا") and is_present_verb(next_word)


def is_present_verb(norm: str) -> bool:
    """A word that reads as a present-tense verb by its prefix ("يوافق", "تتدخل", "نقبل")."""
    return norm[:1] in ("ي", "ت", "ن") and len(norm) >= 3
