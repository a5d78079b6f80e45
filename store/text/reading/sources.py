"""Who a sentence says its statement comes from (DESIGN §4: origins are sources, not outlets). Pure functions.

Three outlets reprinting one ministry's release, or quoting one agency, are one voice: a second outlet that
quotes the same source confirms nothing the first did not. A sentence names its source by
- a news agency anywhere in it, or in its article's dateline ("الرياض (واس)", "(رويترز) -");
- an attribution phrase: "وفقا لـ"، "نقلا عن"، "بحسب"، "حسب"، "طبقا لـ"، "according to" and what follows;
- a reporting verb and its subject: "قال المتحدث باسم وزارة الصحة"، "أعلنت وزارة الداخلية"، "the ministry said".
The source is keyed by the index terms of its first words (clitics and spellings meet) or by the name the fact
reader knows ("@spa"); a sentence that names none has no source of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from factcheck_tui.store.text.arabic.keywords import (
    ENGLISH_SPEECH_WORDS,
    SPEECH_WORDS,
    STOPWORDS,
)
from factcheck_tui.store.text.arabic.lexicon import unclitic
from factcheck_tui.store.text.arabic.normalize import normalize
from factcheck_tui.store.text.arabic.terms import content_terms
from factcheck_tui.store.text.arabic.tokens import Token, sentence_tokens, tokenize
from factcheck_tui.store.text.reading.facts import Facts

# Wire agencies, normalized, by key: whoever quotes one quotes the same source.
AGENCIES: dict[tuple[str, ...], str] = {
    ("واس",): "spa", ("وكاله", "الانباء", "السعوديه"): "spa", ("رويترز",): "reuters", ("فرانس", "برس"): "afp",
    ("ا", "ف", "ب"): "afp", ("الاناضول",): "anadolu", ("اسوشيتد", "برس"): "ap", ("د", "ب", "ا"): "dpa",
    ("قنا",): "qna", ("كونا",): "kuna", ("وام",): "wam", ("بنا",): "bna", ("سانا",): "sana", ("ارنا",): "irna",
    ("reuters",): "reuters", ("afp",): "afp", ("ap",): "ap", ("spa",): "spa", ("anadolu",): "anadolu",
}  # fmt: skip
# Phrases after which a sentence names its source.
_ATTRIBUTIONS: tuple[tuple[str, ...], ...] = (
    ("وفقا",),
    ("وفق",),
    ("نقلا", "عن"),
    ("بحسب",),
    ("حسب",),
    ("حسبما",),
    ("طبقا",),
    ("according", "to"),
)
# Titles of a spokesman, whose body is named after "باسم" (on behalf of) or after the title itself.
_SPOKESMEN = frozenset({"المتحدث", "الناطق", "متحدث", "ناطق", "spokesman", "spokeswoman", "spokesperson"})
_ON_BEHALF = frozenset({"باسم", "الرسمي", "رسمي", "for", "of"})
SOURCE_WORDS = 2  # the first words of a source's name that key it ("وزارة الصحة", "مصادر طبية")
NAME_REACH = (
    4  # a known person or body this many words after the verb is its subject ("قال الرئيس الروسي فلاديمير بوتين")
)
DATELINE_TOKENS = 8  # an agency in the first words of an article is its dateline


@dataclass(frozen=True)
class Source:
    key: str  # what two sentences share when they quote one source: "spa", "وزار صحه"
    name: str  # as written, for the reader


# Agencies by their first word: a sentence's words are looked up, not every agency tried at every word.
_AGENCIES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _key in AGENCIES.items():
    _AGENCIES_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _key))


def agency_in(tokens: list[Token], first: int = 0, last: int | None = None) -> Source | None:
    """A news agency named among tokens[first:last] ("لواس", "(رويترز)")."""
    end = len(tokens) if last is None else min(last, len(tokens))
    for i in range(first, end):
        for form in _forms(tokens[i]):
            for phrase, key in _AGENCIES_BY_FIRST.get(form, ()):
                if i + len(phrase) <= len(tokens) and all(
                    phrase[k] in _forms(tokens[i + k]) for k in range(1, len(phrase))
                ):
                    return Source(key, " ".join(t.text for t in tokens[i : i + len(phrase)]))
    return None


def dateline_source(first_sentence: str) -> Source | None:
    """The agency an article's dateline names ("الرياض (واس) - ..."): the source of all its sentences that name
    none of their own."""
    return agency_in(tokenize(first_sentence), 0, DATELINE_TOKENS)


def sentence_source(text: str, facts: Facts | None = None) -> Source | None:
    """The source a sentence attributes its statement to, or None."""
    tokens = sentence_tokens(text)
    agency = agency_in(tokens)
    if agency is not None:
        return agency
    forms = [_forms(t) for t in tokens]
    for i in range(len(tokens)):
        for phrase in _ATTRIBUTIONS:
            if (
                phrase[0] in forms[i]
                and i + len(phrase) <= len(tokens)
                and all(phrase[k] in forms[i + k] for k in range(1, len(phrase)))
            ):
                found = _named_after(text, tokens, i + len(phrase), facts, skip_particles=True)
                if found is not None:
                    return found
        if _is_speech(tokens[i]) or tokens[i].norm in ENGLISH_SPEECH_WORDS:
            found = _named_after(text, tokens, i + 1, facts, skip_particles=False)
            if found is None and tokens[i].norm in ENGLISH_SPEECH_WORDS and i > 0:
                found = _named_before(text, tokens, i, facts)  # "the ministry said"
            if found is not None:
                return found
    return None


def _forms(token: Token) -> frozenset[str]:
    return _forms_of(token.norm)


@lru_cache(maxsize=1 << 16)
def _forms_of(norm: str) -> frozenset[str]:
    return frozenset(unclitic(norm)) | {norm}


def _named_after(text: str, tokens: list[Token], j: int, facts: Facts | None, skip_particles: bool) -> Source | None:
    """The source named from tokens[j] on: a spokesman's body, a known name, or the first words of a noun phrase.
    After a reporting verb a particle means no subject is named ("وأضاف أن ..."); after "حسب" it is skipped
    ("حسب ما ذكرته الوزارة")."""
    while skip_particles and j < len(tokens) and (tokens[j].norm in STOPWORDS or tokens[j].norm in ("ما", "the")):
        j += 1
    if j < len(tokens) and tokens[j].norm in STOPWORDS:
        return None
    if j < len(tokens) and _forms(tokens[j]) & _SPOKESMEN:
        j += 1
        while j < len(tokens) and (_forms(tokens[j]) & _ON_BEHALF or tokens[j].norm in STOPWORDS):
            j += 1
    if j >= len(tokens) or tokens[j].is_number or tokens[j].after_punct:
        return None
    if j < len(tokens) and _is_speech(tokens[j]):
        j += 1  # "حسب ما ذكرته وزارة الصحة"
    if j >= len(tokens):
        return None
    # people and bodies before places: "الرئيس الروسي فلاديمير بوتين" is Putin, not Russia
    known = sorted(_known_names(facts), key=lambda m: m.kind == "place")
    reach = tokens[j + NAME_REACH - 1].end if j + NAME_REACH - 1 < len(tokens) else len(text)
    for m in known:
        if tokens[j].start <= m.start < reach and not _speech_between(tokens, tokens[j].start, m.start):
            return Source(m.key, m.text)
    words: list[Token] = []
    for t in tokens[j : j + SOURCE_WORDS]:
        if t.is_number or (words and t.after_punct) or _is_speech(t) or t.norm in STOPWORDS:
            break
        words.append(t)
    return _keyed(text, words)


def _named_before(text: str, tokens: list[Token], i: int, facts: Facts | None) -> Source | None:
    words = [t for t in tokens[max(0, i - SOURCE_WORDS) : i] if t.norm not in STOPWORDS]
    for m in _known_names(facts):
        if words and m.start <= words[-1].start < m.end:
            return Source(m.key, m.text)
    return _keyed(text, words)


def _known_names(facts: Facts | None) -> list:
    """People, bodies and places the fact reader knows by name (not a word it guessed to be a name)."""
    if facts is None:
        return []
    return [m for m in facts.mentions if m.kind in ("person", "org", "place") and m.source != "title"]


def _speech_between(tokens: list[Token], start: int, end: int) -> bool:
    return any(_is_speech(t) for t in tokens if start <= t.start < end)


def _is_speech(token: Token) -> bool:
    """A reporting verb, with an object pronoun on it or not ("ذكرته", "أعلنتها")."""
    forms = _forms(token)
    return bool(forms & SPEECH_WORDS) or any(f[:-1] in SPEECH_WORDS or f[:-2] in SPEECH_WORDS for f in forms)


def _keyed(text: str, words: list[Token]) -> Source | None:
    if not words:
        return None
    name = text[words[0].start : words[-1].end]
    terms = content_terms(normalize(name))
    return Source(" ".join(terms), name) if terms else None
