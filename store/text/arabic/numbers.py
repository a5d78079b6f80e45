"""Quantities in Arabic news sentences: digits and number words, scale words, duals, hedges, units.

"ثلاث ساعات", "3 ساعات" and "لثلاث ساعات" all read as 3 of unit "ساعه"; "شخصين" as 2 of "شخص";
"أكثر من 200 مليون دولار" as 2e8 of "دولار", hedged. Years are dates, not quantities (see facts.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from factcheck_tui.store.text.arabic.lexicon import (
    CURRENCIES,
    CURRENCY_SYMBOLS,
    DUAL_NOUNS,
    DUAL_SCALE_WORDS,
    HEDGES_AFTER,
    HEDGES_BEFORE,
    HUNDRED_WORDS,
    IRREGULAR_NOUNS,
    ORDINAL_NOUNS,
    ORDINALS,
    PERCENT_PHRASES,
    SCALE_WORDS,
    STOPWORDS,
    TEEN_HEADS,
    TEN_WORDS,
    UNIT_WORDS,
    VAGUE_WORDS,
    unclitic,
)
from factcheck_tui.store.text.arabic.tokens import Token, number_value

# Prefixes a number word takes ("لثلاث", "وخمسة", "بعشرات"); never the article: "الثلاثاء" is a weekday
# and "الثالثة"/"الاثنين" are not counts.
_NUMBER_WORD_PREFIXES = ("", "و", "ب", "ل", "ف", "ك", "وب", "ول")
_ARTICLE_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال")
_TEN = ("عشر", "عشره")
# Number words that follow their noun as an adjective: "إرهابيين اثنين", "يوم واحد".
_POSTPOSED = {"واحد", "واحده", "اثنان", "اثنين", "اثنتان", "اثنتين"}
_FRACTIONS = {"نصف": 0.5, "ربع": 0.25}  # only before a scale word: "نصف مليار"
_WORD_TABLES = (UNIT_WORDS, TEEN_HEADS, TEN_WORDS, HUNDRED_WORDS, SCALE_WORDS, DUAL_SCALE_WORDS, VAGUE_WORDS)


@dataclass
class Reading:
    """A quantity found at tokens[first:last] (last exclusive)."""

    value: float
    unit: str
    first: int
    last: int
    hedge: str = ""  # "", "about", "more", "less", "atleast", "upto", "vague"
    is_year_like: bool = False  # a bare 4-digit 1900-2100 figure with no unit: a year, read by facts.py


def _prefixed_index(table: dict) -> dict[str, tuple[str, float]]:
    # Every table word under every allowed prefix, so a look-up is one dict access.
    index: dict[str, tuple[str, float]] = {}
    for prefix in reversed(_NUMBER_WORD_PREFIXES):  # the bare word wins over a prefixed reading
        for word, value in table.items():
            index[prefix + word] = (prefix, value)
    return index


_INDEXES: dict[int, dict[str, tuple[str, float]]] = {}


def _number_word(norm: str, table: dict) -> tuple[str, float] | None:
    """(prefix, value) if ``norm`` is a word of ``table`` with an optional conjunction/preposition prefix."""
    index = _INDEXES.get(id(table))
    if index is None:
        index = _INDEXES[id(table)] = _prefixed_index(table)
    return index.get(norm)


def _strip_article(norm: str) -> str:
    for prefix in _ARTICLE_PREFIXES:
        if norm.startswith(prefix) and len(norm) - len(prefix) >= 2:
            return norm[len(prefix) :]
    return norm


def canonical_noun(norm: str) -> str:
    """Singular, article-free form of a counted noun, so plural, dual and accusative forms compare equal:
    ساعات/ساعتين/ساعة -> ساعه, أشخاص/شخصين/شخصا -> شخص, قتلى/قتيلا -> قتيل."""
    candidates = [norm, _strip_article(norm)]
    if norm[:1] in "وبلفك":
        candidates.append(norm[1:])  # a one-letter clitic only when the rest is a known noun
    for candidate in candidates:
        if candidate in IRREGULAR_NOUNS:
            return IRREGULAR_NOUNS[candidate]
        if candidate in CURRENCIES:
            return CURRENCIES[candidate]
        if candidate in DUAL_NOUNS:
            return candidate
    word = _strip_article(norm)
    dual = dual_noun(word)
    if dual:
        return dual
    if len(word) >= 4 and word.endswith("ا") and not word.endswith("اا"):
        word = word[:-1]  # accusative tanween: "عاما", "شخصا"
    if len(word) >= 5 and word.endswith("ات"):
        return word[:-2] + "ه"
    if len(word) >= 5 and word.endswith(("ون", "ين")):
        return word[:-2]
    return word


def dual_noun(norm: str) -> str | None:
    """The singular noun if ``norm`` is the dual of a countable noun ("شخصين" -> شخص, "ساعتين" -> ساعه)."""
    word = _strip_article(norm)
    if word in IRREGULAR_NOUNS and word.endswith(("تين", "تان", "ين", "ان")):
        singular = IRREGULAR_NOUNS[word]
        return singular if singular in DUAL_NOUNS else None
    for ending, restore in (("تين", "ه"), ("تان", "ه"), ("ين", ""), ("ان", "")):
        if word.endswith(ending):
            stem = word[: -len(ending)] + restore
            if stem in DUAL_NOUNS:
                return stem
    return None


def _parse_words(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """Value of a run of number words from tokens[i] ("خمسة وعشرين", "ثلاثة آلاف", "أحد عشر")."""
    total, current, j = 0.0, 0.0, i
    while j < len(tokens):
        norm = tokens[j].norm
        step = _word_step(tokens, j, norm, first=j == i, current=current)
        if step is None:
            break
        total, current, j = total + step[0], step[1], j + step[2]
        if not _continues(tokens, j):
            break
        if tokens[j].norm == "و":
            j += 1  # a detached conjunction: "خمسة و عشرين"
    if j == i:
        return None
    return _add_conjoined(tokens, total + current, j)


def _word_step(tokens: list[Token], j: int, norm: str, first: bool, current: float) -> tuple[float, float, int] | None:
    """One number word: (added to the total, new running value, tokens consumed), or None if not a number word.

    Words after the first may carry only a "و" prefix ("وعشرين"), the first any preposition ("لثلاث")."""
    allowed = _NUMBER_WORD_PREFIXES if first else ("", "و")
    if first and j + 1 < len(tokens) and tokens[j + 1].norm in SCALE_WORDS and _is_cardinal(_strip_article(norm)):
        norm = _strip_article(norm)  # a cardinal takes the article before its scale: "الثمانين مليون نسمة"
    teen = _number_word(norm, TEEN_HEADS)
    if teen and teen[0] in allowed and j + 1 < len(tokens) and tokens[j + 1].norm in _TEN:
        if not _joins(current, 11):
            return None  # "بين عشرة وخمسة عشر يوما": two numbers
        return 0.0, current + teen[1] + 10, 2
    for table in (UNIT_WORDS, TEN_WORDS):
        hit = _number_word(norm, table)
        if hit and hit[0] in allowed:
            if not _joins(current, hit[1]):
                return None  # "بين أربعة وستة أشهر": two numbers, not one
            return 0.0, current + hit[1], 1
    hit = _number_word(norm, HUNDRED_WORDS)
    if hit and hit[0] in allowed:
        if hit[1] == 100 and 0 < current < 10:  # "ثلاث مئة"
            return 0.0, current * 100, 1
        return 0.0, current + hit[1], 1
    hit = _number_word(norm, DUAL_SCALE_WORDS)
    if hit and hit[0] in allowed and current == 0:
        return hit[1], 0.0, 1
    if hit and hit[0] in allowed and norm.endswith("ا"):
        # after a number, "ألفا"/"مليونا" is the singular in the accusative: "ثلاثة وثلاثين ألفا" = 33,000
        return current * hit[1] / 2, 0.0, 1
    if first and norm in _FRACTIONS and j + 1 < len(tokens) and tokens[j + 1].norm in SCALE_WORDS:
        return _FRACTIONS[norm] * SCALE_WORDS[tokens[j + 1].norm], 0.0, 2  # "نصف مليار"
    hit = _number_word(norm, SCALE_WORDS)
    if hit and hit[0] in allowed and (current > 0 or first):
        return (current or 1) * hit[1], 0.0, 1
    return None


def _is_cardinal(norm: str) -> bool:
    return any(_number_word(norm, table) for table in (UNIT_WORDS, TEN_WORDS, TEEN_HEADS))


def _joins(current: float, word: float) -> bool:
    """Whether a units or tens word adds to the number read so far: after nothing, a hundred or a thousand
    ("مئة وخمسة"), and a ten after units ("ثلاثة وعشرون"); never a unit after units or a ten after a ten."""
    below_hundred = current % 100
    if word < 20:
        return below_hundred == 0
    return below_hundred < 10


def _continues(tokens: list[Token], j: int) -> bool:
    # A number phrase goes on with "و" + number word ("وعشرين"), a following ten ("عشر") or a scale ("آلاف").
    if j >= len(tokens) or tokens[j].after_punct:
        return False
    norm = tokens[j].norm
    if norm == "و" and j + 1 < len(tokens):
        norm = "و" + tokens[j + 1].norm
    if norm in _TEN or norm in SCALE_WORDS or norm in HUNDRED_WORDS or norm in DUAL_SCALE_WORDS:
        return True
    return norm.startswith("و") and any(
        norm[1:] in table for table in (UNIT_WORDS, TEN_WORDS, HUNDRED_WORDS, SCALE_WORDS)
    )


def _parse_digits(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """Value of digits with scale words: "200 مليون" = 2e8, "مليون و800 ألف" handled by the caller's loop."""
    value = number_value(tokens[i])
    if value is None:
        return None
    j = i + 1
    scale_of = 0.0
    if j < len(tokens) and (scale := _number_word(tokens[j].norm, SCALE_WORDS)) is not None and scale[0] == "":
        value *= scale[1]
        scale_of = scale[1]
        j += 1
    elif j < len(tokens) and tokens[j].norm.endswith("ا") and (dual := DUAL_SCALE_WORDS.get(tokens[j].norm)):
        value *= dual / 2  # "25 مليونا": the singular in the accusative, as after number words
        scale_of = dual / 2
        j += 1
    return _add_conjoined(tokens, value, j, scale_of)


def _add_conjoined(tokens: list[Token], value: float, j: int, scale: float = 0.0) -> tuple[float, int]:
    """ "1.5 مليار و200 مليون", "مليون و800 ألف": a detached "و" then a smaller digit+scale figure adds on; after a
    scale, so does a plain figure below it ("33 ألفا و288 زجاجة" is 33,288)."""
    if j + 1 < len(tokens) and tokens[j].norm == "و" and tokens[j + 1].is_number:
        if j + 2 < len(tokens) and tokens[j + 2].norm in SCALE_WORDS:
            rest = _parse_digits(tokens, j + 1)
            if rest and rest[0] < value:
                return value + rest[0], rest[1]
        elif scale and (small := number_value(tokens[j + 1])) is not None and small < scale:
            return value + small, j + 2
    return value, j


def _match_phrase(tokens: list[Token], j: int, phrase: tuple[str, ...]) -> bool:
    if j < 0 or j + len(phrase) > len(tokens):
        return False
    first = tokens[j]
    if phrase[0] not in first.forms:
        return False
    return all(tokens[j + k].norm == word for k, word in enumerate(phrase) if k > 0)


def _hedge_before(tokens: list[Token], i: int) -> str:
    if i == 0:
        return ""
    for phrase, kind in _hedges_ending_with(tokens[i - 1].norm):
        if _match_phrase(tokens, i - len(phrase), phrase):
            return kind
    return ""


@lru_cache(maxsize=1 << 16)
def _hedges_ending_with(norm: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The HEDGES_BEFORE entries (in their order) that can end with this word: a phrase's last word is compared
    as written, a one-word hedge also through clitics (see _match_phrase). Mostly none."""
    forms = unclitic(norm)
    return tuple(
        (phrase, kind)
        for phrase, kind in HEDGES_BEFORE
        if (phrase[-1] == norm if len(phrase) > 1 else phrase[0] in forms)
    )


def _hedge_after(tokens: list[Token], j: int) -> tuple[str, int]:
    for phrase, kind in HEDGES_AFTER:
        if _match_phrase(tokens, j, phrase):
            return kind, j + len(phrase)
    return "", j


def _unit_after(tokens: list[Token], j: int) -> tuple[str, int]:
    """(unit, index after it) for the word(s) a figure counts: %, a currency, or the counted noun."""
    if j >= len(tokens) or tokens[j].after_punct:
        return "", j
    for phrase in PERCENT_PHRASES:
        if _match_phrase(tokens, j, phrase) or (len(phrase) == 1 and tokens[j].norm in ("%",)):
            return "%", j + len(phrase)
    token = tokens[j]
    if token.norm in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[token.norm], j + 1
    if token.is_number or not token.norm.isalpha() or len(token.norm) < 2:
        return "", j
    if token.norm == "من" and j + 1 < len(tokens) and _may_be_counted(tokens[j + 1]):
        return canonical_noun(tokens[j + 1].norm), j + 2  # "استشهد عشرة من منسوبي القوات": ten of its members
    if (
        token.norm in STOPWORDS
        or token.norm in ("تقريبا",)
        or _is_cardinal(token.norm)
        or _number_word(token.norm, HUNDRED_WORDS)
    ):
        return "", j  # a number word is the next number, never what this one counts ("بين عشرين وثلاثين شخصا")
    if token.norm.startswith("و") and canonical_noun(token.norm) == _strip_article(token.norm):
        return "", j  # "مقتل 2 وإصابة 12": a word joined by "و" starts the next clause, unless a known noun
    return canonical_noun(token.norm), j + 1


def _may_be_counted(token: Token) -> bool:
    """Whether a word after "N من" can be what N counts: a noun right after, not a number or a particle."""
    return not token.after_punct and token.norm.isalpha() and len(token.norm) > 2 and token.norm not in STOPWORDS


def _unit_before(tokens: list[Token], i: int) -> str:
    # "إرهابيين اثنين", "يوم واحد": the noun comes first and the number word agrees with it.
    if i == 0:
        return ""
    prev = tokens[i - 1]
    if prev.is_number or prev.norm in STOPWORDS or not prev.norm.isalpha():
        return ""
    return canonical_noun(prev.norm)


_COUNTED_UNITS = DUAL_NOUNS | set(IRREGULAR_NOUNS.values()) | set(CURRENCIES.values()) | {"%"}


def _year_like(tokens: list[Token], i: int, value: float, unit: str) -> bool:
    """A bare 4-digit figure is a year ("منذ 1991", "خطة 2030") unless it counts something ("2000 شخص");
    1300-1500 followed by "هـ" is a Hijri year."""
    token = tokens[i]
    if not token.is_number or value != int(value) or len(token.norm) != 4:
        return False
    if 1300 <= value <= 1500 and i + 1 < len(tokens) and tokens[i + 1].norm == "ه":
        return True
    return 1900 <= value <= 2100 and unit not in _COUNTED_UNITS


def read_quantities(tokens: list[Token], skip: set[int] | frozenset[int] = frozenset()) -> list[Reading]:
    """Every quantity in the token list, left to right; tokens in ``skip`` (already read as dates) are ignored."""
    out: list[Reading] = []
    i = 0
    while i < len(tokens):
        if i in skip:
            i += 1
            continue
        token = tokens[i]
        if not token.is_number and not _may_count(token.norm):
            i += 1  # most words: the cheap filter of _read_at, without the call
            continue
        reading = _read_at(tokens, i)
        if reading is None:
            i += 1
            continue
        out.append(reading)
        i = max(reading.last, i + 1)
    return out


def _read_at(tokens: list[Token], i: int) -> Reading | None:
    token = tokens[i]
    if not token.is_number and not _may_count(token.norm):
        return None
    hedge = _hedge_before(tokens, i)
    if token.is_number:
        value, j = _parse_digits(tokens, i) or (0.0, i + 1)
        unit, k = _unit_after(tokens, j)
        if j == i + 1 and _year_like(tokens, i, value, unit):
            return Reading(value, "", i, i + 1, is_year_like=True)
        if not unit and i > 0 and tokens[i - 1].norm in CURRENCY_SYMBOLS:
            unit = CURRENCY_SYMBOLS[tokens[i - 1].norm]  # "$200"
        return _finish(tokens, Reading(value, unit, i, k, hedge))
    ordinal = _ordinal_at(tokens, i)
    if ordinal is not None:
        return ordinal
    vague = _number_word(token.norm, VAGUE_WORDS)
    if vague is not None and not _after_number(tokens, i):
        value, j = vague[1], i + 1
        if j < len(tokens) and _strip_article(tokens[j].norm) in SCALE_WORDS:
            value *= SCALE_WORDS[_strip_article(tokens[j].norm)]  # "عشرات الآلاف"
            j += 1
        unit, k = _unit_after(tokens, j)
        return _finish(tokens, Reading(value, unit, i, k, "vague"))
    parsed = _parse_words(tokens, i)
    if parsed is not None:
        return _read_words(tokens, i, parsed, hedge)
    singular = dual_noun(token.norm)
    if singular:
        return _finish(tokens, Reading(2, singular, i, i + 1, hedge))
    return None


def _read_words(tokens: list[Token], i: int, parsed: tuple[float, int], hedge: str) -> Reading | None:
    value, j = parsed
    unit, k = _unit_after(tokens, j)
    if not unit and tokens[i].norm in _POSTPOSED and j == i + 1:
        if i > 0 and dual_noun(tokens[i - 1].norm):
            return None  # "رجلين اثنين": the dual noun before already counted them
        unit, k = _unit_before(tokens, i), j
    if value == 1 and not unit:
        return None  # "واحد من" is "one of", not a figure anyone disputes
    return _finish(tokens, Reading(value, unit, i, k, hedge))


def _ordinal_at(tokens: list[Token], i: int) -> Reading | None:
    """A rank, edition or nth time given as an ordinal after its noun: "بالمرتبة الرابعة عشرة" is 14 of مرتبه,
    as "بالمرتبة 14" is."""
    value = ORDINALS.get(tokens[i].norm)
    if value is None or i == 0 or tokens[i].after_punct:
        return None
    noun = canonical_noun(tokens[i - 1].norm)
    if noun not in ORDINAL_NOUNS:
        return None
    last = i + 1
    if last < len(tokens) and tokens[last].norm in ("عشر", "عشره"):
        value, last = value + 10, last + 1
    elif tokens[i].norm.startswith("الحادي"):
        return None
    return Reading(value, noun, i, last)


@lru_cache(maxsize=1 << 16)
def _may_count(norm: str) -> bool:
    """Cheap filter: could this word start a quantity (a number word, an ordinal, a vague count or a dual noun)?"""
    if norm in ORDINALS:
        return True
    if norm.endswith(("ين", "ان")):
        return True
    bare = _strip_article(norm)
    if bare != norm and _is_cardinal(bare):
        return True  # "الثلاثة ملايين": a cardinal with the article, read when a scale follows (_word_step)
    return any(_number_word(norm, table) is not None for table in _WORD_TABLES) or norm in _FRACTIONS


def _after_number(tokens: list[Token], i: int) -> bool:
    # "ثلاثة آلاف" / "5 ملايين": the plural scale word multiplies the number before it, handled there.
    return i > 0 and (tokens[i - 1].is_number or _number_word(tokens[i - 1].norm, UNIT_WORDS) is not None)


def _finish(tokens: list[Token], reading: Reading) -> Reading:
    # "ثلاث سنوات ونصف" is three and a half.
    if reading.last < len(tokens) and tokens[reading.last].norm == "ونصف" and reading.value < 1000:
        reading.value += 0.5
        reading.last += 1
    # "شخصين على الأقل": the hedge follows; it is not part of the figure's text.
    after, _ = _hedge_after(tokens, reading.last)
    reading.hedge = reading.hedge or after
    return reading
