"""Index terms: stems for ordinary words, gazetteer keys for known names (search and evidence use them)."""

from __future__ import annotations

import pytest

from factcheck_tui.store.text.arabic.normalize import normalize
from factcheck_tui.store.text.arabic.terms import content_terms, stem, without_speech_verbs


def terms(text: str) -> list[str]:
    return content_terms(normalize(text))


@pytest.mark.parametrize("spelling", ["بوتين", "لبوتين", "وبوتين", "Putin"])
def test_a_known_person_is_one_term_in_every_spelling(spelling: str) -> None:
    assert terms(spelling) == ["@putin"]


def test_a_name_is_not_stemmed_as_if_its_first_letter_were_a_particle() -> None:
    # Snowball reads the و of ويتكوف as "and": without the gazetteer it would index "يتكوف".
    assert terms("ويتكوف") == terms("Witkoff") == ["@witkoff"]


def test_a_country_and_its_adjective_meet() -> None:
    assert terms("أوكرانيا") == terms("الأوكراني") == ["@ukraine"]


def test_ordinary_words_are_stemmed_not_looked_up() -> None:
    assert terms("المحادثات") == [stem(normalize("المحادثات"))]
    assert terms("وزارة") == [stem(normalize("وزارة"))]  # و is part of the word, and no name follows it


def test_reporting_verbs_are_not_content() -> None:
    kept = without_speech_verbs(terms("قال بوتين إن المحادثات مثمرة"))
    assert "@putin" in kept
    assert terms("قال")[0] not in kept
