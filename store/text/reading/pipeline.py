"""One article's text in, everything the store keeps about it out. Pure: no database, no files."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck_tui.store.text.arabic.normalize import normalize
from factcheck_tui.store.text.arabic.terms import content_terms
from factcheck_tui.store.text.reading.claims import ClaimCandidate, select_claims
from factcheck_tui.store.text.reading.facts import Facts, extract_facts
from factcheck_tui.store.text.reading.sentences import Sentence, split_sentences


@dataclass
class AnalysedSentence:
    sentence: Sentence
    norm: str
    terms: list[str]
    facts: Facts


@dataclass
class AnalysedArticle:
    sentences: list[AnalysedSentence]
    claims: list[ClaimCandidate]  # claim.sentence.idx points into sentences


def analyse_text(text: str) -> AnalysedArticle:
    sentences = split_sentences(text)
    # Facts of every sentence, not only of claims: other claims' evidence is scored against them.
    facts = [extract_facts(s.text) for s in sentences]
    analysed = []
    for s, f in zip(sentences, facts):
        norm = normalize(s.text)
        analysed.append(AnalysedSentence(s, norm, content_terms(norm), f))
    return AnalysedArticle(analysed, select_claims(sentences, facts))
