"""Index terms for retrieval: light-stemmed content words and numbers of a normalized sentence.

Stems are for finding candidates (FTS, blocking); they are never displayed.
"""

from __future__ import annotations

from functools import lru_cache

import Stemmer

from store.text.keywords import STOPWORDS
from store.text.normalize import normalize, words

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
    """Stemmed content words of a normalized string, in order (duplicates kept)."""
    out = []
    for w in words(norm):
        if w in STOPWORDS or (len(w) < 2 and not w.isdigit()):
            continue
        out.append(stem(w))
    return out


def shared_words(text: str, terms: set[str], most: int = 3) -> str:
    """The first few words of text (as written) whose terms are in terms: what two sentences share, readably."""
    out: list[str] = []
    for word in text.split():
        found = _first_term(word)
        if found is not None and found in terms and word not in out:
            out.append(word.strip("،,.:؛\"“”«»()"))
            if len(out) == most:
                break
    return " ".join(out)


@lru_cache(maxsize=200_000)
def _first_term(word: str) -> str | None:
    """The first index term of a word as written (None for a stopword or punctuation)."""
    found = content_terms(normalize(word))
    return found[0] if found else None
