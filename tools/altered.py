"""Deliberate contradictions made from pairs two readers read as one statement: the second sentence altered as a
desk's altered claims are (another figure, another count in words, the statement denied). What a desk checks most
is rare among a news day's retrieved pairs, so a model learnt from those alone reads it as a misread copy
(tools/conflict_check_cv.py: such a check kept 0.15 of ANS dev's contradictions). Pure functions over the labelled
rows ({"a": {"sentence": ...}, "b": {...}, "label": ...}); each made row keeps its source row's other fields."""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools" / "editable"))  # factcheck_tui from this checkout

from factcheck_tui.store.text.arabic.lexicon import UNIT_WORDS
from factcheck_tui.store.text.arabic.normalize import normalize

_DIGITS = re.compile(r"(?<![0-9٠-٩.,٫])([0-9]+|[٠-٩]+)(?![0-9٠-٩]|[.,٫][0-9٠-٩])")
_ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_TO_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def altered_figures(rows: list[dict]) -> list[dict]:
    """Each pair that writes one whole number the same in both sentences, with that number changed in the second
    to one no hedge reaches (half again, or half)."""
    out = []
    for n, r in enumerate(rows):
        a, b = r["a"]["sentence"], r["b"]["sentence"]
        in_a = {m.group(1).translate(_ARABIC_INDIC) for m in _DIGITS.finditer(a)}
        shared = [m for m in _DIGITS.finditer(b) if m.group(1).translate(_ARABIC_INDIC) in in_a]
        shared = [m for m in shared if 2 <= int(m.group(1).translate(_ARABIC_INDIC)) < 10**7]
        if not shared:
            continue
        m = shared[n % len(shared)]
        value = int(m.group(1).translate(_ARABIC_INDIC))
        new = str(value * 3 // 2 if n % 2 else max(1, value // 2))
        if m.group(1)[0] in "٠١٢٣٤٥٦٧٨٩":
            new = new.translate(_TO_INDIC)
        changed = b[: m.start(1)] + new + b[m.end(1) :]
        out.append({**r, "b": {**r["b"], "sentence": changed}, "label": "contradicts"})
    return out


_COUNT_WORDS = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثماني", 9: "تسع"}
_PREFIXES = ("وب", "ول", "و", "ب", "ل", "")


def altered_number_words(rows: list[dict]) -> list[dict]:
    """As altered_figures, for a count written as a word (three to nine, "ثلاث"/"ثلاثة") in both sentences: the
    second says another count."""
    out = []
    for n, r in enumerate(rows):
        a, b = r["a"]["sentence"], r["b"]["sentence"]
        in_a = {normalize(w) for w in a.split()}
        words = b.split(" ")
        for i, word in enumerate(words):
            prefix = next(
                (x for x in _PREFIXES if word.startswith(x) and normalize(word[len(x) :]) in UNIT_WORDS), None
            )
            if prefix is None or normalize(word) not in in_a:
                continue
            core = normalize(word[len(prefix) :])
            value = UNIT_WORDS[core]
            if not 3 <= value <= 9:
                continue
            other = value + 2 if value <= 7 else value - 2
            words[i] = prefix + _COUNT_WORDS[other] + ("ة" if core.endswith("ه") else "")
            out.append({**r, "b": {**r["b"], "sentence": " ".join(words)}, "label": "contradicts"})
            break
    return out


_DENIALS = ("ونفى مصدر مسؤول ما أوردته وسائل إعلام من أن ", "نفت الجهات الرسمية صحة ما تردد عن أن ",
            "وكذّب المتحدث الرسمي الأنباء التي ذكرت أن ")  # fmt: skip


def altered_denials(rows: list[dict]) -> list[dict]:
    """A retelling turned into its denial: the second sentence denies, in one of three common wordings, what it
    said ("نفى مصدر ... أن" + the statement). Sentences that already deny or negate are left out."""
    out = []
    for n, r in enumerate(rows):
        b = r["b"]["sentence"].strip()
        if len(b.split()) < 6 or any(w in normalize(b).split() for w in ("نفي", "نفت", "لم", "لا", "ليس", "لن")):
            continue
        denied = _DENIALS[n % len(_DENIALS)] + b.removeprefix("و")
        out.append({**r, "b": {**r["b"], "sentence": denied}, "label": "contradicts"})
    return out


def altered(rows: list[dict]) -> list[dict]:
    """Every alteration of the pairs read as the same statement."""
    same = [r for r in rows if r["label"] == "same"]
    return altered_figures(same) + altered_number_words(same) + altered_denials(same)
