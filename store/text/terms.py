"""Index terms for retrieval: light-stemmed content words and numbers of a normalized sentence.

Stems are for finding candidates (FTS, blocking); they are never displayed.
"""

from __future__ import annotations

from functools import lru_cache

import Stemmer

from store.text.normalize import words

_STEMMER = Stemmer.Stemmer("arabic")
_ENGLISH = Stemmer.Stemmer("english")

# Function words that would make every sentence a candidate for every other. Normalized forms.
STOPWORDS = frozenset(
    """
    في من الى إلى على عن مع ان أن إن او أو ثم قد لقد كان كانت يكون تكون كما لكن بل حتى اذا إذا اذ هذا هذه
    ذلك تلك هناك هنا التي الذي الذين اللذين اللتين اللذان الى بين بعد قبل عند عندما حيث كل بعض اي أي غير
    وفي ومن وعلى وعن ومع وان وقد وكان وكانت وهو وهي هو هي هم هن انه أنه انها أنها لها له لهم به بها فيه فيها
    منه منها عليه عليها اليه اليها ما ماذا لما لم لن لا ليس ليست و ف ب ل ك ال يا the a an of to in on and or
    is are was were be been for by with at from that this it as not no
    """.replace("أ", "ا").replace("إ", "ا").split()
)


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
