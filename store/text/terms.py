"""Index terms for retrieval: light-stemmed content words and numbers of a normalized sentence.

Stems are for finding candidates (FTS, blocking); they are never displayed.
"""

from __future__ import annotations

from functools import lru_cache

import Stemmer

from store.text.keywords import STOPWORDS
from store.text.normalize import words

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
