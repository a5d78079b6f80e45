"""Index terms for retrieval: light-stemmed content words and numbers of a normalized sentence.

Stems are for finding candidates (FTS, blocking); they are never displayed.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import Stemmer

from factcheck_tui.store.text.arabic.gazetteer import LATIN_NAMES, PHRASES, Entry
from factcheck_tui.store.text.arabic.keywords import (
    SPEECH_WORDS,
    STOPWORDS,
    strip_article,
    strip_conjunction,
)
from factcheck_tui.store.text.arabic.normalize import normalize, words

_STEMMER = Stemmer.Stemmer("arabic")
_ENGLISH = Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    if word.isdigit() or "." in word:
        return word
    if word.isascii():
        return _ENGLISH.stemWord(word)
    return _STEMMER.stemWord(word)


def content_terms(norm: str) -> list[str]:
    """Index terms of a normalized string, in order (duplicates kept): a known person, place or organisation
    becomes its gazetteer key ("@putin" for بوتين, لبوتين and Putin; "@ukraine" for أوكرانيا and الأوكراني),
    any other content word its stem."""
    out = []
    for w in words(norm):
        if w in STOPWORDS or (len(w) < 2 and not w.isdigit()):
            continue
        out.append(term(w))
    return out


@lru_cache(maxsize=200_000)
def term(word: str) -> str:
    """The index term of one normalized word. Names are looked up before stemming: the Arabic stemmer reads
    the first letter of "بوتين" and "ويتكوف" as a preposition or conjunction, and would never meet "Putin"."""
    entry = _known_name(word)
    return NAME_TERM_PREFIX + entry.slug if entry is not None else stem(word)


NAME_TERM_PREFIX = "@"


def _known_name(word: str) -> Entry | None:
    if word.isascii():
        return LATIN_NAMES.get(word)
    for form in (word, strip_article(word), strip_conjunction(word), word[1:] if word[:1] in _GLUED else word):
        entry = PHRASES.get((form,))
        if entry is not None:
            return entry
    return None


_GLUED = frozenset("وفبلك")  # one-letter particles written onto the next word: لبوتين، بموسكو


def shared_words(text: str, terms: set[str], most: int = 3) -> str:
    """The first few words of text (as written) whose terms are in terms: what two sentences share, readably."""
    out: list[str] = []
    for word in text.split():
        found = _first_term(word)
        if found is not None and found in terms and word not in out:
            out.append(word.strip('،,.:؛"“”«»()'))
            if len(out) == most:
                break
    return " ".join(out)


@lru_cache(maxsize=200_000)
def _first_term(word: str) -> str | None:
    """The first index term of a word as written (None for a stopword or punctuation)."""
    found = content_terms(normalize(word))
    return found[0] if found else None


def _speech_terms() -> frozenset[str]:
    return frozenset(term(w) for w in SPEECH_WORDS)


def without_speech_verbs(terms: Iterable[str]) -> list[str]:
    """The terms without reporting verbs (قال، صرح، أكد، كتب …): who said it is attribution, not what the
    sentence reports, and two outlets retelling one statement pick different verbs for it."""
    return [t for t in terms if t not in SPEECH_TERMS]


SPEECH_TERMS = _speech_terms()
