"""Tokens of an ORIGINAL sentence with offsets, each carrying its normalized form.

Facts are read from token sequences but reported with offsets into the text as written, so the UI can
highlight them; normalizing token by token keeps the two aligned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck_tui.store.text.arabic.lexicon import unclitic
from factcheck_tui.store.text.arabic.normalize import normalize

# A word is letters with any harakat/tatweel inside; a number keeps its decimal or thousands separators
# ("6.6", "1,500", "٣٫٥"); %, $, € and £ are tokens of their own. A decimal written between two runs of digits as
# "ر" ("6ر23") or as a point followed by a right-to-left mark ("5.\u200f2") is a number shown in the order a
# reader of the page sees it: the runs change places on an RTL page, so "6ر23" reads 23.6 and "5.\u200f2" 2.5
# (labelled pairs of two outlets confirm it: "5.\u200f3" and "6.\u200f62" beside another outlet's 3.5 and 62.6).
# Pages also group thousands with the Arabic comma ("122،334،463 ريال", beside another outlet's "122,334,463"): a
# comma followed by exactly three digits inside a number groups them; followed by anything else it ends the number.
_TOKEN = re.compile(
    r"(?P<shown>(?P<fraction>\d+)(?:ر|[.٫][\u200f\u061c])(?P<whole>\d+)(?![.,٫٬،]?\d))"
    r"|(?P<num>\d+(?:[.,٫٬]\d+|،\d{3}(?!\d))*)"
    r"|(?P<word>(?:[^\W\d_]|[\u0610-\u061a\u064b-\u065f\u0670\u0640])+)"
    r"|(?P<sym>[%٪$€£])"
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # as written
    norm: str  # normalized (store.text.normalize)
    start: int
    end: int
    is_number: bool = False
    after_punct: bool = False  # punctuation (not just spaces) separates it from the previous token

    @property
    def forms(self) -> list[str]:
        """The normalized word and its readings without a clitic prefix ("بالرياض" -> الرياض, رياض)."""
        return _forms(self.norm)


@lru_cache(maxsize=65536)
def _forms(norm: str) -> list[str]:
    return unclitic(norm)


@lru_cache(maxsize=1 << 17)
def _word_norm(raw: str) -> str:
    # NFKC can split ligatures ("ﻻ") into letters only; keep one token.
    return normalize(raw).replace(" ", "")


@lru_cache(maxsize=1 << 14)
def _other_norm(raw: str) -> str:
    return normalize(raw)


_new = object.__new__
# Tokens are built by setting their slots directly, which gives the same frozen Token three times faster than
# __init__; slots, not a dict per token: a sentence's tokens weigh half as much (caches hold thousands).
_SET_TEXT, _SET_NORM, _SET_START, _SET_END, _SET_IS_NUMBER, _SET_AFTER_PUNCT = (
    Token.__dict__[name].__set__ for name in ("text", "norm", "start", "end", "is_number", "after_punct")
)
# One string object per word however often it occurs, as sys.intern would give, but bounded: interned strings
# live as long as the process (for ever from Python 3.12), and a desk's app runs for days over new words.
_one_string = lru_cache(maxsize=1 << 17)(str)
_JOINERS = ("ـ", "-")  # a tatweel or hyphen between two words does not separate them


def sentence_tokens(text: str) -> list[Token]:
    """tokenize(text) of a whole sentence, kept for the SENTENCES_KEPT sentences read last: the fact reader, the
    source reader and the pair judgement each read a sentence in turn (a tenth of the evidence stage's time went
    to reading the same sentences again). A new list each time: callers may change theirs."""
    return list(_kept_tokens(text))


SENTENCES_KEPT = 4096  # about 3 KB of tokens each (with slots and interned words): 12 MB per process at most


@lru_cache(maxsize=SENTENCES_KEPT)
def _kept_tokens(text: str) -> tuple[Token, ...]:
    return tuple(tokenize(text))


def forget_sentence_tokens() -> None:
    _kept_tokens.cache_clear()


def tokenize(text: str) -> list[Token]:
    # Hot path (every sentence, several times): normalized forms come from per-word caches, and tokens are built
    # slot by slot (_SET_TEXT ...); a word's text is one string for all its occurrences (_one_string).
    out: list[Token] = []
    previous_end = 0
    for m in _TOKEN.finditer(text):
        raw = m.group(0)
        start, end = m.span()
        kind = m.lastgroup
        if not out:
            after_punct = False
        else:
            gap = text[previous_end:start]
            if not gap or gap == " ":
                after_punct = False
            else:
                gap = gap.strip()
                after_punct = bool(gap) and gap not in _JOINERS
        token = _new(Token)
        _SET_TEXT(token, _one_string(raw))
        if kind == "shown":
            _SET_NORM(token, _other_norm(f"{m.group('whole')}.{m.group('fraction')}"))
        else:
            _SET_NORM(token, _word_norm(raw) if kind == "word" else _other_norm(raw))
        _SET_START(token, start)
        _SET_END(token, end)
        _SET_IS_NUMBER(token, kind in ("num", "shown"))
        _SET_AFTER_PUNCT(token, after_punct)
        out.append(token)
        previous_end = end
    return out


_SEPARATORS = re.compile(r"[.,]")


def number_decimals(token: Token) -> int:
    """How many decimals a digit token is written with, by the rule of number_value: "6.6" -> 1, "59.480" -> 3,
    "1,500" and "1.500.000" -> 0."""
    if not token.is_number:
        return 0
    parts = _SEPARATORS.split(token.norm)
    if len(parts) != 2 or (len(parts[1]) == 3 and "," in token.norm):
        return 0
    return len(parts[1])


def number_value(token: Token) -> float | None:
    """Value of a digit token: "1,500" -> 1500, "6.6" -> 6.6, "٣٫٥" -> 3.5. A comma followed by exactly three
    digits groups thousands; any other single separator is a decimal point."""
    if not token.is_number:
        return None
    s = token.norm  # normalize already maps Arabic-Indic digits and separators to ASCII
    parts = _SEPARATORS.split(s)
    if len(parts) == 1:
        return float(s)
    if all(len(p) == 3 for p in parts[1:]) and "," in s:
        return float("".join(parts))
    if len(parts) == 2:
        return float(parts[0] + "." + parts[1])
    return float("".join(parts))  # "1.500.000" style grouping
