"""Matching names across spellings and scripts: زيلنسكي = زيلينسكي = Zelensky = Zelenskyy; ويتكوف = ويكتوف = Witkoff.

Approach (chosen by measuring on the pairs in tests/text/test_names.py):
1. Both scripts are reduced to a consonant skeleton over one alphabet. Short vowels are unwritten in Arabic
   and long vowels (ا و ي) are spelled inconsistently in transliterated names, so vowels are dropped except a
   word-initial و/ي (W/Y), which carry the name ("ويتكوف" -> WTKF, "Witkoff" -> WTKF).
2. Letters that transliterations confuse share a class: ج ز ذ ظ ژ (Zaporizhzhia -> زابوريجيا / زابوريزيا),
   ك ق, ت ط, س ص, د ض, ح ه, ب پ (Arabic has no p: Putin -> بوتين).
3. ``names_match`` compares the surnames' skeletons allowing one edit (Damerau: a transposition counts one,
   ويكتوف/ويتكوف) when the skeletons have 4+ letters; shorter skeletons must be equal, because one edit on three
   consonants merges unrelated names (بوتين/بطين).
``name_key`` is the skeleton of the surname: equal keys mean a match, a match does not always mean equal keys.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck_tui.store.text.arabic.normalize import normalize

# Arabic letter -> skeleton class. Letters not listed (vowels, hamza, ain) are dropped.
_ARABIC_CLASSES: dict[str, str] = {
    "ب": "B", "پ": "B", "ت": "T", "ط": "T", "ث": "T", "ج": "Z", "ز": "Z", "ذ": "Z", "ظ": "Z", "ژ": "Z",
    "ح": "H", "ه": "H", "خ": "X", "د": "D", "ض": "D", "ر": "R", "س": "S", "ص": "S", "ش": "C", "غ": "K",
    "ف": "F", "ڤ": "F", "ق": "K", "ك": "K", "گ": "K", "ل": "L", "م": "M", "ن": "N",
}  # fmt: skip
_ARABIC_INITIAL: dict[str, str] = {"و": "W", "ي": "Y"}

# Latin letter groups -> skeleton class, longest first. Vowels (a e i o u y) are dropped.
_LATIN_GROUPS: tuple[tuple[str, str], ...] = (
    ("tch", "C"), ("sch", "C"), ("zh", "Z"), ("kh", "X"), ("gh", "K"), ("sh", "C"), ("ch", "C"), ("ph", "F"),
    ("th", "T"), ("ck", "K"), ("dzh", "Z"), ("dj", "Z"), ("ts", "TS"), ("qu", "K"),
    ("b", "B"), ("p", "B"), ("t", "T"), ("d", "D"), ("k", "K"), ("q", "K"), ("g", "K"), ("j", "Z"), ("z", "Z"),
    ("s", "S"), ("f", "F"), ("v", "F"), ("h", "H"), ("x", "KS"), ("l", "L"), ("m", "M"), ("n", "N"),
    ("r", "R"),
)  # fmt: skip
_LATIN_VOWELS = set("aeiouy")  # and a non-initial w: "Moscow" = موسكو

# Words inside names that do not identify the person ("بن", "al-", "الملك").
_PARTICLES = {"بن", "ابن", "بنت", "ابو", "ابي", "ال", "al", "el", "bin", "ibn", "abu", "de", "van", "von", "der"}
_TOKEN = re.compile(r"[^\W\d_]+")


def _arabic_skeleton(word: str) -> str:
    word = word[2:] if word.startswith("ال") and len(word) > 4 else word
    initial = _ARABIC_INITIAL.get(word[:1], "")
    rest = word[1:] if initial else word
    return initial + "".join(_ARABIC_CLASSES.get(ch, "") for ch in rest)


def _latin_skeleton(word: str) -> str:
    word = word.lower()
    out: list[str] = []
    i = 0
    if word[:1] in ("w", "y") and word[1:2] in _LATIN_VOWELS:
        out.append(word[0].upper())  # a consonantal initial w/y, as Arabic writes و/ي
        i = 1
    while i < len(word):
        if word[i] == "c":  # soft before e/i/y, hard elsewhere
            out.append("S" if word[i + 1 : i + 2] in ("e", "i", "y") else "K")
            i += 1
            continue
        for group, cls in _LATIN_GROUPS:
            if word.startswith(group, i):
                out.append(cls)
                i += len(group)
                break
        else:
            i += 1  # vowels and anything unknown
    return "".join(out)


def _collapse(skeleton: str) -> str:
    # Doubled letters ("Witkoff", shadda already dropped) and a final h/ه ("Jeddah", "جده") carry nothing.
    out = re.sub(r"(.)\1+", r"\1", skeleton)
    return out[:-1] if len(out) > 1 and out.endswith("H") else out


@lru_cache(maxsize=100_000)
def word_skeleton(word: str) -> str:
    """Consonant skeleton of one word in either script."""
    if not word:
        return ""
    return _collapse(_latin_skeleton(word) if word.isascii() else _arabic_skeleton(word))


def name_tokens(name: str) -> list[str]:
    """The words of a name that identify it, normalized, without particles ("محمد بن سلمان" -> محمد, سلمان)."""
    norm = normalize(name).replace("-", " ")
    # "عبد العزيز" is as often written "عبدالعزيز": one word either way
    norm = _SERVANT_OF.sub(r"\1", norm)
    return [t for t in _TOKEN.findall(norm) if t not in _PARTICLES]


_SERVANT_OF = re.compile(r"(?<!\S)(عبد) (?=ال)")


def name_key(name: str) -> str:
    """Cross-script key of a name: the skeleton of its last identifying word (news refers to people by surname).

    "فلاديمير بوتين", "بوتين" and "Putin" all give "BTN"."""
    tokens = name_tokens(name)
    return word_skeleton(tokens[-1]) if tokens else ""


# Sibilants that transliteration swaps: Guterres = غوتيريش (Portuguese s), Sanders = ساندرز.
_CLOSE_LETTERS = ({"S", "C"}, {"S", "Z"})


def _osa_distance(a: str, b: str, limit: int = 2) -> int:
    """Edit distance counting insertions, deletions and adjacent transpositions as 1 and a substitution as 2,
    capped at ``limit``: a dropped or swapped letter is a spelling variant, a different letter a different name
    (سلمان/سوليفان, إبراهيم/غراهام)."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1 if {a[i - 1], b[j - 1]} in _CLOSE_LETTERS else 2
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return min(prev[len(b)], limit)


def skeletons_match(a: str, b: str) -> bool:
    """Same name skeleton, allowing one dropped/added or swapped letter when both have 4+ consonants."""
    if not a or not b:
        return False
    if a == b:
        return True
    return min(len(a), len(b)) >= 4 and _osa_distance(a, b) <= 1


def _short_arabic_words_match(a: str, b: str) -> bool:
    # Three consonants or fewer leave too little to tell names apart (حسن/حسين, سعود/سعيد share a skeleton):
    # two Arabic spellings must then be equal but for the alef that transliterations add or drop (نتانياهو).
    def bare(word: str) -> str:
        return (word[2:] if word.startswith("ال") and len(word) > 4 else word).replace("ا", "")

    return bare(a) == bare(b)


_LATIN_FOR_ARABIC_VOWEL = {"و": "ou", "ي": "eiy"}


def _vowels_compatible(arabic: str, latin: str) -> bool:
    # For short names across scripts: each long و/ي written in the Arabic must answer a Latin vowel of the same
    # kind, in order ("Assad" is not سعيد or سعود). Alef answers anything: English u is written ا (ترامب, ماسك).
    arabic = arabic[2:] if arabic.startswith("ال") and len(arabic) > 4 else arabic
    latin = latin.lower()
    start = 1 if latin[:1] in ("w", "y") else 0  # a consonantal initial, like و/ي below
    latin_vowels = iter(ch for ch in latin[start:] if ch in _LATIN_VOWELS)
    for ch in arabic[1 if arabic[:1] in _ARABIC_INITIAL else 0 :]:
        if ch in _LATIN_FOR_ARABIC_VOWEL and not any(v in _LATIN_FOR_ARABIC_VOWEL[ch] for v in latin_vowels):
            return False
    return True


def words_match(a: str, b: str) -> bool:
    """Two words of names (normalized) are the same name."""
    ska, skb = word_skeleton(a), word_skeleton(b)
    if not skeletons_match(ska, skb):
        return False
    if max(len(ska), len(skb)) > 3:
        return True
    if a.isascii() and b.isascii():
        return True
    if not a.isascii() and not b.isascii():
        return _short_arabic_words_match(a, b)
    return _vowels_compatible(b, a) if a.isascii() else _vowels_compatible(a, b)


def names_match(a: str, b: str) -> bool:
    """Whether two name mentions can be the same person or place, across spellings and scripts.

    Surnames must match; when both sides give a first name too, the first names must match as well
    ("محمد بن سلمان" is not "الملك سلمان" only when both first names are written and differ)."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if not words_match(ta[-1], tb[-1]):
        return False
    if len(ta) > 1 and len(tb) > 1:
        return words_match(ta[0], tb[0])
    return True
