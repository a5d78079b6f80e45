"""A light Arabic root guesser, so derivations of one root are recognised as the same word in two sentences:
"يرتفع" / "ارتفاع" / "مرتفع", "يقيل" / "اقال", "تدين" / "ادانت", "تتهاوى" / "يهوي".

Not a morphological analyser: it removes clitics and inflections, then reads the three radicals off the common
verb and noun patterns (افتعل, استفعل, تفاعل, مفعول, ...). Weak letters (ا و ي and hamza) are masked, because
they change between forms of one root (قال / يقيل). Prefix stripping is ambiguous ("وقف" is a root, not و+قف),
so every reading yields a root and two words match when their root sets meet.
"""

from __future__ import annotations

from functools import lru_cache

_CLITICS = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك", "س")
_SUFFIXES = ("تين", "تان", "ات", "ون", "ين", "ان", "ها", "هم", "هن", "كم", "نا", "وا", "يه", "ه", "ي", "ت", "ا")
_WEAK = set("اويء")


_MASKED = str.maketrans(dict.fromkeys(_WEAK, "*"))


def _mask(root: str) -> str:
    masked = root.translate(_MASKED)
    if len(masked) == 3 and masked[1] == masked[2]:
        masked = masked[:2]  # geminate roots: "قرر" and "مستقر" -> قر
    return masked


def _pattern_root(w: str) -> str:
    """Three radicals of an affix-free stem by its pattern; the stem itself when no pattern applies."""
    n = len(w)
    if n <= 3:
        return w
    if n >= 5 and w[:3] in ("است", "مست", "يست", "تست"):  # استفعل, مستفعل, يستفعل, استفعال
        rest = w[3:]
        return rest[0] + rest[1] + rest[-1] if len(rest) == 4 else rest[:3]
    if n == 4:
        if w[0] in "امتين":  # افعل, مفعل, تفعل, يفعل, نفعل
            return w[1:]
        if w[1] == "ا" or w[2] in "اوي":  # فاعل, فعال, فعول, فعيل
            return w[0] + (w[2] if w[1] == "ا" else w[1]) + w[3]
        return w
    if n == 5:
        if w[:2] == "ان":  # انفعل
            return w[2:]
        if w[0] in "امتي" and w[2] == "ت":  # افتعل, مفتعل, يفتعل, تفتعل
            return w[1] + w[3] + w[4]
        if w[0] in "تمي" and w[2] == "ا":  # تفاعل, مفاعل, يفاعل
            return w[1] + w[3] + w[4]
        if w[0] in "يت" and w[1] == "ت":  # يتفعل, تتفعل
            return w[2:]
        if w[0] == "م" and w[3] in "وي":  # مفعول, مفعيل
            return w[1] + w[2] + w[4]
        if w[0] in "ات" and w[3] in "اي":  # افعال, تفعيل
            return w[1] + w[2] + w[4]
        return w[1:] if w[0] in "امتين" else w
    if n == 6 and w[0] == "ا" and w[2] == "ت" and w[4] == "ا":  # افتعال
        return w[1] + w[3] + w[5]
    if n == 6 and w[:2] == "ان" and w[4] == "ا":  # انفعال
        return w[2] + w[3] + w[5]
    if n == 6 and w[0] in "يت" and w[1] == "ت" and w[3] == "ا":  # يتفاعل, تتفاعل
        return w[2] + w[4] + w[5]
    return w


def _stems(word: str) -> set[str]:
    readings = {word}
    for prefix in _CLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            readings.add(word[len(prefix) :])
    stems = set(readings)
    for reading in readings:
        for suffix in _SUFFIXES:
            if reading.endswith(suffix) and len(reading) - len(suffix) >= 3:
                stems.add(reading[: -len(suffix)])
    return stems


@lru_cache(maxsize=65536)
def roots(norm: str) -> frozenset[str]:
    """Masked root guesses of a normalized word; only guesses with two or more strong letters are kept."""
    out = set()
    for stem in _stems(norm):
        root = _mask(_pattern_root(stem))
        if len(root) - root.count("*") >= 2 and len(root) <= 4:
            out.add(root)
    return frozenset(out)
