"""Features of a (claim, other) sentence pair for the stance model, and the explicit conflicts behind reasons.

Pure functions. The same code computes features at training time (tools/train_stance.py) and at run time
(store.text.stance), so the shipped weights always meet the features they were fitted on.

Feature families (names are stable: they are the keys of the weights file):
  sim:*        similarity of the two sentences (rapidfuzz on normalized text, word coverage), raw and binned
  del:/ins:    stems of content words only in the claim / only in the other sentence
  pair:        (deleted stem, inserted stem): a learned lexical contrast ("رفع|خفض")
  pol:*        opposite poles of a predicate from the lexicon (ارتفاع vs انخفاض) — generalizes past TRAIN
  neg:*        negation or denial on one side only
  num:*, place:*, person:*, day:*, date:*   fact agreements and conflicts read by store.text.facts
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer
from rapidfuzz import fuzz

from store.text.facts import Facts, Mention, Quantity, extract_facts, is_denial
from store.text.gazetteer import PHRASES
from store.text.lexicon import POLARITY, STOPWORDS, unclitic
from store.text.morph import roots
from store.text.names import names_match
from store.text.tokens import Token, tokenize

_STEMMER = Stemmer.Stemmer("arabic")
_PLACE_INFO = {e.slug: e for e in PHRASES.values() if e.kind == "place"}


@dataclass
class Word:
    token: Token
    stem: str  # Snowball stem: groups inflections ("ارتفاعا" ~ "ارتفاع")
    roots: frozenset[str]  # root guesses: group derivations ("يرتفع" ~ "ارتفاع", "يقيل" ~ "اقال")


@dataclass
class View:
    """A sentence prepared for comparison; built once per sentence and cached."""

    text: str
    norm: str
    words: list[Word]  # content words
    facts: Facts
    poles: set[tuple[str, int]] = field(default_factory=set)  # (polarity class, 0|1)


# ---------------------------------------------------------------------------------------------------------------
def _poles(norms: list[str]) -> set[tuple[str, int]]:
    out: set[tuple[str, int]] = set()
    for norm in norms:
        for form in unclitic(norm):
            for cls, pole in _POLE_INDEX.get(form, ()):
                out.add((cls, pole))
    return out


def _build_pole_index() -> dict[str, list[tuple[str, int]]]:
    index: dict[str, list[tuple[str, int]]] = {}
    for cls, sides in POLARITY.items():
        for pole, words in enumerate(sides):
            for word in words:
                index.setdefault(word, []).append((cls, pole))
    return index


_POLE_INDEX = _build_pole_index()


@lru_cache(maxsize=4096)
def _cached_view(text: str) -> View:
    return _make_view(text, extract_facts(text))


def view(text: str, facts: Facts | None = None) -> View:
    """Prepare ``text`` for comparison; facts already read (from the store) are reused."""
    return _cached_view(text) if facts is None else _make_view(text, facts)


def _make_view(text: str, facts: Facts) -> View:
    tokens = tokenize(text)
    norms = [t.norm for t in tokens]
    words = [
        Word(t, _STEMMER.stemWord(t.norm), frozenset() if t.is_number else roots(t.norm))
        for t in tokens
        if (t.is_number or len(t.norm) >= 2) and t.norm not in STOPWORDS and t.norm.isalnum()
    ]
    return View(text, " ".join(norms), words, facts, _poles(norms))


# ---------------------------------------------------------------------------------------------------------------
def _same_word(a: Word, b: Word) -> bool:
    if a.token.norm == b.token.norm or a.stem == b.stem:
        return True
    if a.token.is_number or b.token.is_number:
        return False
    if a.roots & b.roots:
        return True
    return len(a.stem) >= 4 and len(b.stem) >= 4 and fuzz.ratio(a.stem, b.stem) >= 80


def align(a: View, b: View) -> tuple[list[Word], list[Word]]:
    """(words of a not found in b, words of b not found in a): what was deleted and inserted."""
    deleted = [w for w in a.words if not any(_same_word(w, x) for x in b.words)]
    inserted = [w for w in b.words if not any(_same_word(w, x) for x in a.words)]
    return deleted, inserted


# ---------------------------------------------------------------------------------------------------------------
@dataclass
class Conflict:
    """An explicit disagreement between facts, with the parts that differ (for the reason and highlights)."""

    kind: str  # "number" | "negation" | "denial" | "place" | "day" | "date" | "person"
    claim_text: str
    other_text: str
    claim_span: tuple[int, int] | None
    other_span: tuple[int, int] | None


def _span(x: Quantity | Mention) -> tuple[int, int]:
    return (x.start, x.end)


def units_compatible(u: str, v: str) -> bool:
    return u.rstrip("ه") == v.rstrip("ه")


def figures_compatible(p: Quantity, q: Quantity) -> bool:
    """Whether two figures for the same thing can both be right: equal, or one hedged around the other
    ("أكثر من 200 مليون" and "200 مليون", "نحو 3" and "ثلاث", "عشرات" and "23")."""
    if p.value == q.value:
        return True
    if not p.hedge and not q.hedge:
        return False
    return _within(p, q.value) or _within(q, p.value)


def _within(hedged: Quantity, value: float) -> bool:
    x = hedged.value
    kind = hedged.hedge
    if kind in ("more", "atleast"):
        return value >= x * 0.9  # a "more than 200" source and a "200" source round the same figure
    if kind in ("less", "upto"):
        return value <= x * 1.1
    if kind == "about":
        return abs(value - x) <= max(0.2 * x, 1)
    if kind == "vague":
        return x <= value < x * 10
    return False


def quantity_relations(a: Facts, b: Facts) -> tuple[list[tuple[Quantity, Quantity]], list[tuple[Quantity, Quantity]]]:
    """(matching pairs, conflicting pairs) of figures counting the same unit.

    A figure with no unit ("ارتفع إلى 32") is compared only when each sentence has exactly one figure, so two
    unrelated numbers in longer sentences are never set against each other."""
    matches: list[tuple[Quantity, Quantity]] = []
    conflicts: list[tuple[Quantity, Quantity]] = []
    single = len(a.quantities) == 1 and len(b.quantities) == 1
    for p in a.quantities:
        same_unit = [
            q for q in b.quantities
            if (p.unit and q.unit and units_compatible(p.unit, q.unit)) or (single and (not p.unit or not q.unit))
        ]  # fmt: skip
        if not same_unit:
            continue
        good = [q for q in same_unit if figures_compatible(p, q)]
        if good:
            matches.append((p, good[0]))
        else:
            conflicts.append((p, same_unit[0]))
    return matches, conflicts


def _negation_side(a: View, b: View) -> tuple[list[Mention], list[Mention]]:
    """Negations of a not in b and of b not in a, by negator key."""
    ka = {m.key for m in a.facts.of_kind("negation")}
    kb = {m.key for m in b.facts.of_kind("negation")}
    only_a = [m for m in a.facts.of_kind("negation") if m.key not in kb]
    only_b = [m for m in b.facts.of_kind("negation") if m.key not in ka]
    return only_a, only_b


def _entity_sets(v: View, kind: str) -> list[Mention]:
    return v.facts.of_kind(kind)


def _place_conflicts(a: View, b: View) -> list[tuple[Mention, Mention]]:
    """Places only in a against places only in b at the same level of the same country (or two countries),
    when neither sentence names the other's place: موسكو vs سان بطرسبرغ, سوريا vs اليمن."""
    pa, pb = _entity_sets(a, "place"), _entity_sets(b, "place")
    keys_a, keys_b = {m.key for m in pa}, {m.key for m in pb}
    countries_a = {_PLACE_INFO[k].country for k in keys_a if k in _PLACE_INFO}
    countries_b = {_PLACE_INFO[k].country for k in keys_b if k in _PLACE_INFO}
    out = []
    for m in pa:
        if m.key in keys_b:
            continue
        for n in pb:
            if n.key in keys_a:
                continue
            ia, ib = _PLACE_INFO.get(m.key), _PLACE_INFO.get(n.key)
            if ia is None or ib is None:
                continue
            if ia.level == "country" and ib.level == "country":
                # A country named as context on one side ("روسيا ... موسكو") is not a swap.
                if ia.country not in countries_b and ib.country not in countries_a:
                    out.append((m, n))
            elif ia.level == ib.level and ia.country == ib.country:
                out.append((m, n))
    return out


def _named_conflicts(a: View, b: View, kind: str) -> list[tuple[Mention, Mention]]:
    ma, mb = _entity_sets(a, kind), _entity_sets(b, kind)
    only_a = [m for m in ma if not any(names_match(m.text, n.text) or m.key == n.key for n in mb)]
    only_b = [n for n in mb if not any(names_match(m.text, n.text) or m.key == n.key for m in ma)]
    return [(m, n) for m in only_a[:1] for n in only_b[:1]]


def _key_conflicts(a: View, b: View, kind: str, keys: set[str] | None = None) -> list[tuple[Mention, Mention]]:
    ma = [m for m in _entity_sets(a, kind) if keys is None or m.key in keys]
    mb = [m for m in _entity_sets(b, kind) if keys is None or m.key in keys]
    if not ma or not mb or {m.key for m in ma} & {m.key for m in mb}:
        return []
    return [(ma[0], mb[0])]


_WEEKDAYS = {"saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday"}


def _date_conflicts(a: View, b: View) -> list[tuple[Mention, Mention]]:
    out = []
    for m in _entity_sets(a, "date"):
        for n in _entity_sets(b, "date"):
            if _dates_differ(m.key, n.key):
                out.append((m, n))
    if out and any(not _dates_differ(m.key, n.key) for m in _entity_sets(a, "date") for n in _entity_sets(b, "date")):
        return []  # one date agrees: the other is context ("منذ 2014")
    return out[:1]


def _dates_differ(x: str, y: str) -> bool:
    # Keys are "Y-M-D" with "?" for unknown parts; Hijri and Gregorian never compare.
    if x.startswith("h") != y.startswith("h"):
        return False
    px, py = x.lstrip("h").split("-"), y.lstrip("h").split("-")
    for u, v in zip(px, py):
        if "?" not in (u, v) and u != v:
            return True
    return False


def conflicts(a: View, b: View) -> list[Conflict]:
    """Explicit contradictions between the facts of the two sentences, strongest first."""
    out: list[Conflict] = []
    _, number_conflicts = quantity_relations(a.facts, b.facts)
    for p, q in number_conflicts:
        out.append(Conflict("number", _figure_text(p), _figure_text(q), _span(p), _span(q)))
    only_a, only_b = _negation_side(a, b)
    for side, mentions in (("b", only_b), ("a", only_a)):
        for m in mentions:
            kind = "denial" if is_denial(m) else "negation"
            holder = b if side == "b" else a
            phrase, span = _negation_phrase(holder, m)
            out.append(Conflict(kind, "" if side == "b" else phrase, phrase if side == "b" else "",
                                span if side == "a" else None, span if side == "b" else None))
    for m, n in _place_conflicts(a, b):
        out.append(Conflict("place", m.text, n.text, _span(m), _span(n)))
    for m, n in _key_conflicts(a, b, "day", _WEEKDAYS):
        out.append(Conflict("day", m.text, n.text, _span(m), _span(n)))
    for m, n in _date_conflicts(a, b):
        out.append(Conflict("date", m.text, n.text, _span(m), _span(n)))
    for m, n in _named_conflicts(a, b, "person"):
        out.append(Conflict("person", m.text, n.text, _span(m), _span(n)))
    return out


def _figure_text(q: Quantity) -> str:
    return q.text


def _negation_phrase(v: View, m: Mention) -> tuple[str, tuple[int, int]]:
    """The negator with the word it negates ("لم توافق"), as written, and its span."""
    following = [t for t in tokenize(v.text[m.end :])[:1]]
    if following and following[0].norm not in STOPWORDS:
        end = m.end + following[0].end
        return v.text[m.start : end], (m.start, end)
    return m.text, (m.start, m.end)


# ---------------------------------------------------------------------------------------------------------------
_SIM_BINS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def _binned(name: str, value: float, out: dict[str, float]) -> None:
    out[name] = value
    for edge in _SIM_BINS:
        if value >= edge:
            out[f"{name}>={edge}"] = 1.0


def pair_features(a: View, b: View) -> dict[str, float]:
    """Named features of the pair (claim a, other b)."""
    f: dict[str, float] = {"bias": 1.0}
    deleted, inserted = align(a, b)
    na, nb = max(1, len(a.words)), max(1, len(b.words))
    cov_a, cov_b = 1 - len(deleted) / na, 1 - len(inserted) / nb
    _binned("sim:tset", fuzz.token_set_ratio(a.norm, b.norm) / 100, f)
    _binned("sim:tsort", fuzz.token_sort_ratio(a.norm, b.norm) / 100, f)
    f["sim:ratio"] = fuzz.ratio(a.norm, b.norm) / 100
    f["sim:partial"] = fuzz.partial_ratio(a.norm, b.norm) / 100
    _binned("sim:cov_min", min(cov_a, cov_b), f)
    _binned("sim:cov_max", max(cov_a, cov_b), f)
    f["sim:n_del"] = min(len(deleted), 8) / 8
    f["sim:n_ins"] = min(len(inserted), 8) / 8
    f["sim:no_change"] = float(not deleted and not inserted)
    f["sim:one_swap"] = float(len(deleted) == 1 and len(inserted) == 1)
    _lexical_features(deleted, inserted, f)
    _polarity_features(a, b, deleted, inserted, f)
    _fact_features(a, b, f)
    return f


def _lexical_features(deleted: list[Word], inserted: list[Word], f: dict[str, float]) -> None:
    for w in deleted:
        f[f"del:{w.stem}"] = 1.0
    for w in inserted:
        f[f"ins:{w.stem}"] = 1.0
    if len(deleted) <= 4 and len(inserted) <= 4:
        for w in deleted:
            for x in inserted:
                f[f"pair:{w.stem}|{x.stem}"] = 1.0


def _polarity_features(a: View, b: View, deleted: list[Word], inserted: list[Word], f: dict[str, float]) -> None:
    pa, pb = a.poles, b.poles
    for cls, pole in pa | pb:
        opposite = (cls, 1 - pole)
        if (cls, pole) in pa and opposite in pb and (cls, pole) not in pb and opposite not in pa:
            f["pol:flip"] = f.get("pol:flip", 0.0) + 1.0
            f[f"pol:flip:{cls}"] = 1.0
        elif (cls, pole) in pa and (cls, pole) in pb:
            f["pol:same"] = 1.0
    changed = _poles([w.token.norm for w in deleted]) | _poles([w.token.norm for w in inserted])
    if changed:
        f["pol:in_changed"] = float(len(changed))


def _fact_features(a: View, b: View, f: dict[str, float]) -> None:
    matches, number_conflicts = quantity_relations(a.facts, b.facts)
    if matches:
        f["num:match"] = 1.0
    if number_conflicts:
        f["num:conflict"] = 1.0
    if a.facts.quantities and not b.facts.quantities:
        f["num:only_claim"] = 1.0
    only_a, only_b = _negation_side(a, b)
    for side, mentions in (("claim", only_a), ("other", only_b)):
        for m in mentions:
            f[f"neg:only_{side}"] = 1.0
            f[f"neg:only_{side}:{m.key}"] = 1.0
            if is_denial(m):
                f[f"neg:denial_{side}"] = 1.0
    if _place_conflicts(a, b):
        f["place:conflict"] = 1.0
    keys_a, keys_b = {m.key for m in a.facts.of_kind("place")}, {m.key for m in b.facts.of_kind("place")}
    if keys_a & keys_b:
        f["place:shared"] = 1.0
    if keys_a and keys_b and not keys_a & keys_b:
        f["place:disjoint"] = 1.0
    if _named_conflicts(a, b, "person"):
        f["person:conflict"] = 1.0
    if _key_conflicts(a, b, "day", _WEEKDAYS):
        f["day:conflict"] = 1.0
    if _date_conflicts(a, b):
        f["date:conflict"] = 1.0
