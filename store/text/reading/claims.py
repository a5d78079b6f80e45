"""Check-worthiness: which sentences carry a checkable statement.

CONTRACT:
    checkworthiness(text: str, facts: Facts | None = None) -> float in [0, 1]
    is_claim(score: float) -> bool                       # the threshold lives here
    select_claims(sentences: list[Sentence]) -> list[ClaimCandidate]
        one candidate per distinct check-worthy sentence of ONE article (a repeated caption is one claim),
        in article order.

The score is a logistic of a few visible cues (see ``Cues``): a prose sentence (final stop, enough words)
with a figure, a day, an actor, a verb of saying or a quote scores high; short lines without a final stop
(headlines, captions, bylines), section headers ending in ":", questions and page furniture score low.
The weights are hand-set and explained where they are defined; ``explain`` shows them for one sentence.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from factcheck_tui.store.text.arabic.keywords import (
    FLAG_ACTOR,
    FLAG_ATTRIBUTION,
    FLAG_NUMBER,
    FLAG_OPINION,
    FLAG_PLACE,
    FLAG_SPEECH,
    FLAG_TIME,
    cue_flags,
    has_actor_phrase,
    is_boilerplate,
)
from factcheck_tui.store.text.arabic.normalize import normalize, words
from factcheck_tui.store.text.reading.facts import Facts, extract_facts
from factcheck_tui.store.text.reading.sentences import Sentence

CLAIM_THRESHOLD = 0.5


@dataclass
class ClaimCandidate:
    sentence: Sentence
    score: float
    facts: Facts


@dataclass(frozen=True)
class Cues:
    """What a fact-checker notices at a glance in one sentence."""

    n_words: int
    final_stop: bool  # ends with . or ! (possibly followed by a closing quote): written as prose
    question: bool  # ends with ? or ؟
    header_colon: bool  # ends with ":" — introduces a section or a quotation
    speech: bool  # a verb of saying or reporting: قال، أعلن، أكد، ذكر، كتب، أضاف …
    attribution: bool  # بحسب، وفق، نقلا عن، مصادر …
    quote: bool  # a quotation of two words or more
    number: bool  # digits or a number word
    time: bool  # a weekday, month, أمس, الماضي …
    actor: bool  # a title, institution or named person (الرئيس، وزارة، القوات، البيت الأبيض …)
    place: bool  # a country, capital or nationality (روسيا، الروسية، موسكو …)
    latin_name: bool  # a capitalised Latin word: a name quoted in its own script (Zelensky, Telegram)
    furniture: bool  # share buttons, tags, bylines, photo credits, related-article links
    opinion: bool  # first-person view or hedge: أعتقد، أرى، ربما، لعل …


# Log-odds weights. The base and length terms put a prose sentence with nothing checkable in it ("يتطلب الأمر
# وقتاً لإعادة العلاقات إلى مسارها الطبيعي.") just below the threshold; one checkable element (a figure, a
# day, an actor, a place, a source) lifts it above; each sign of page layout pushes it far below.
_BASE = -1.8
_FINAL_STOP = 1.2
_QUESTION = -1.8
_SPEECH = 1.4
_ATTRIBUTION = 0.8
_QUOTE = 0.6
_NUMBER = 1.0
_TIME = 0.6
_ACTOR = 0.8
_PLACE = 0.6
_LATIN_NAME = 0.6
_FURNITURE = -8.0
_OPINION = -1.0
# A short line without a final stop is a headline, caption, byline or section name, whatever it contains.
_SHORT_LINE_WORDS = 8
_SHORT_UNPUNCTUATED = -3.0
# A short line ending with ":" is a section header ("رسائل متبادلة بين الكرملين والبيت الأبيض:").
_HEADER_COLON_WORDS = 10
_HEADER_COLON = -4.0
# A line repeated in one article without a final stop is a caption or pull-quote: page layout, not a claim.
_REPEATED_CAPTION_FACTOR = 0.5

_QUOTE_SPAN = re.compile(r"[\"“”«»„]\s*([^\"“”«»„]+?)\s*[\"“”«»„]")
_FINAL_STOP_RE = re.compile(r"[.!…]+[\"“”»’')\]]*$")
_QUESTION_RE = re.compile(r"[?؟][\"“”»’')\]]*$")
_LATIN_NAME_RE = re.compile(r"\b[A-Z][a-z]{2,}")


def _length_weight(n_words: int) -> float:
    """Very short sentences cannot carry a checkable statement; long ones usually carry several."""
    if n_words <= 2:
        return -6.0
    if n_words <= 5:
        return -1.5
    if n_words <= 8:
        return -0.4
    if n_words <= 14:
        return 0.4
    return 0.5


def read_cues(text: str, facts: Facts | None = None) -> Cues:
    norm = normalize(text)
    return _cues(text, norm, words(norm), facts)


def _cues(text: str, norm: str, tokens: list[str], facts: Facts | None) -> Cues:
    """read_cues on a sentence already normalized (norm) and split into words (tokens)."""
    stripped = text.rstrip()
    mentions = {m.kind for m in facts.mentions} if facts else set()
    flags = cue_flags(tokens)  # which lexicons the words meet: a verb of saying sets FLAG_SPEECH, ...
    return Cues(
        n_words=len(tokens),
        final_stop=bool(_FINAL_STOP_RE.search(stripped)),
        question=bool(_QUESTION_RE.search(stripped)),
        header_colon=stripped.endswith((":", "：")),
        speech=bool(flags & FLAG_SPEECH),
        attribution=bool(flags & FLAG_ATTRIBUTION),
        quote=any(len(m.group(1).split()) >= 2 for m in _QUOTE_SPAN.finditer(text)),
        number=bool(flags & FLAG_NUMBER) or bool(facts and facts.quantities),
        time=bool(flags & FLAG_TIME) or bool(mentions & {"day", "date"}),
        actor=bool(flags & FLAG_ACTOR) or has_actor_phrase(norm) or bool(mentions & {"person", "org"}),
        place=bool(flags & FLAG_PLACE) or bool(mentions & {"place"}),
        latin_name=bool(_LATIN_NAME_RE.search(text)),
        furniture=is_boilerplate(norm, len(tokens)),
        opinion=bool(flags & FLAG_OPINION),
    )


# Each yes/no cue and its weight, added in this order when the sentence has it.
_CUE_WEIGHTS = (
    ("final_stop", _FINAL_STOP), ("question", _QUESTION), ("speech", _SPEECH), ("attribution", _ATTRIBUTION),
    ("quote", _QUOTE), ("number", _NUMBER), ("time", _TIME), ("actor", _ACTOR), ("place", _PLACE),
    ("latin_name", _LATIN_NAME), ("furniture", _FURNITURE), ("opinion", _OPINION),
)  # fmt: skip


def log_odds(cues: Cues) -> float:
    z = _BASE + _length_weight(cues.n_words)
    for cue, weight in _CUE_WEIGHTS:
        if getattr(cues, cue):
            z += weight
    if not cues.final_stop and not cues.question and cues.n_words <= _SHORT_LINE_WORDS:
        z += _SHORT_UNPUNCTUATED
    if cues.header_colon and cues.n_words <= _HEADER_COLON_WORDS:
        z += _HEADER_COLON
    return z


def checkworthiness(text: str, facts: Facts | None = None) -> float:
    """How much ``text`` (one sentence as written) looks like a checkable statement, in [0, 1]."""
    return _probability(read_cues(text, facts))


def _probability(cues: Cues) -> float:
    return 1.0 / (1.0 + math.exp(-log_odds(cues)))


def explain(text: str, facts: Facts | None = None) -> dict:
    """The cues and score of one sentence, for tuning and for the reviewer's "why is this a claim?"."""
    cues = read_cues(text, facts)
    return {**cues.__dict__, "log_odds": round(log_odds(cues), 2), "score": round(checkworthiness(text, facts), 3)}


def is_claim(score: float) -> bool:
    return score >= CLAIM_THRESHOLD


def select_claims(sentences: list[Sentence], facts: list[Facts] | None = None) -> list[ClaimCandidate]:
    """The check-worthy sentences of ONE article, each distinct text once, in article order.

    facts, when given, are the sentences' facts already read (aligned with sentences)."""
    norms = [normalize(s.text) for s in sentences]
    tokens = [words(norm) for norm in norms]
    keys = [" ".join(t) for t in tokens]  # a repeated caption is one claim: sentences compare by their words
    occurrences = Counter(keys)
    seen: set[str] = set()
    claims: list[ClaimCandidate] = []
    for sentence, norm, sentence_words, key in zip(sentences, norms, tokens, keys):
        if key in seen:
            continue
        seen.add(key)
        sentence_facts = facts[sentence.idx] if facts is not None else extract_facts(sentence.text)
        score = _probability(_cues(sentence.text, norm, sentence_words, sentence_facts))
        if occurrences[key] > 1 and not _FINAL_STOP_RE.search(sentence.text):
            score *= _REPEATED_CAPTION_FACTOR
        if is_claim(score):
            claims.append(ClaimCandidate(sentence, score, sentence_facts))
    return claims
