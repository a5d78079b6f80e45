"""Normalization of Arabic (and Latin) text for matching and search.

The normalized form is for comparison only; the original text is what is displayed and exported.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Harakat (fathatan..sukun), superscript alef, Quranic marks and tatweel carry no meaning for matching.
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")

_LETTER_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ی": "ي",  # Persian yeh
        "ک": "ك",  # Persian kaf
        # Arabic-Indic and Persian digits
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        # quotes and punctuation variants
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "،": ",",
        "؛": ";",
        "؟": "?",
        "٪": "%",
        "٫": ".",  # Arabic decimal separator
        "٬": ",",  # Arabic thousands separator
        "–": "-",
        "—": "-",
        "\u200c": " ",  # ZWNJ
        "\u200d": "",
        "\u200f": "",
        "\u200e": "",
        "\u00a0": " ",
    }
)

_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)?")
_YEH_HAMZA = re.compile("يء+")  # a yeh with any run of hamzas beside it ("ىءء" typed too): one pass, idempotent


@lru_cache(maxsize=1 << 15)  # a sentence is normalized by several stages in a row; words again and again
def normalize(text: str) -> str:
    """Return the matching form of ``text``: NFKC, no harakat or tatweel, unified letters, ASCII digits,
    plain quotes, lower-case Latin, single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = DIACRITICS.sub("", text)
    text = text.translate(_LETTER_MAP)
    # A hamza after yeh is written on the yeh or beside it: "الطوارئ" and "الطوارىء", "شئ" and "شيء" are one word.
    text = _YEH_HAMZA.sub("ي", text)
    text = text.lower()
    return _SPACES.sub(" ", text).strip()


def words(norm: str) -> list[str]:
    """Split an already normalized string into word tokens: runs of letters, and numbers (decimals kept whole).

    A conjunction glued to a digit ("و3") yields two tokens, so the number stays findable."""
    return _WORD.findall(norm)
