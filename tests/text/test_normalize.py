"""Normalization for matching: spelling variants of one Arabic word must meet; display text is untouched."""

import pytest

from factcheck_tui.store.text.arabic.normalize import normalize, words
from factcheck_tui.store.text.arabic.tokens import tokenize


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("مُحَمَّدٌ", "محمد"),  # harakat
        ("قرآنٌ", "قران"),  # tanween and madda
        ("الرحمٰن", "الرحمن"),  # superscript alef
        ("جميـــل", "جميل"),  # tatweel
        ("أحمد", "احمد"),
        ("إسطنبول", "اسطنبول"),
        ("آخر", "اخر"),
        ("ٱلله", "الله"),  # alef wasla
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("مدرسة", "مدرسه"),  # taa marbuta
        ("مسؤول", "مسوول"),  # hamza on waw
        ("هيئة", "هييه"),  # hamza on yaa
        ("فارسی", "فارسي"),  # Persian yeh
        ("کتاب", "كتاب"),  # Persian kaf
    ],
)
def test_letter_variants_are_unified(written, expected):
    assert normalize(written) == expected


def test_spelling_variants_of_one_sentence_meet():
    assert normalize("قالَ المسؤولُ إنّ الهيئةَ أكّدت") == normalize("قال المسوول ان الهيئه اكدت")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("١٢ جريحاً", "12 جريحا"),  # Arabic-Indic digits
        ("۱۲ جريحاً", "12 جريحا"),  # Persian digits
        ("٢٫٥ مليون", "2.5 مليون"),  # Arabic decimal separator
        ("٪٣٠", "%30"),
    ],
)
def test_digits_become_ascii(written, expected):
    assert normalize(written) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("«إشارات»", '"اشارات"'),
        ("“منتجا للغاية”", '"منتجا للغايه"'),
        ("‘نعم’", "'نعم'"),
        ("موسكو، كييف؛ لماذا؟", "موسكو, كييف; لماذا?"),
        ("2015–2016", "2015-2016"),
    ],
)
def test_quotes_and_punctuation_are_unified(written, expected):
    assert normalize(written) == expected


def test_spaces_collapse_and_invisible_marks_go():
    assert normalize("  بوتين\u00a0 و\u200fترامب \n ") == "بوتين وترامب"


def test_latin_is_lower_cased():
    assert normalize("Zelensky و Witkoff") == "zelensky و witkoff"


def test_words_keeps_decimals_whole_and_splits_a_conjunction_from_a_digit():
    assert words(normalize("ارتفع بنسبة ٢٫٥% و٣ قتلى")) == ["ارتفع", "بنسبه", "2.5", "و", "3", "قتلي"]


@pytest.mark.parametrize(("one", "other"), [("الطوارىء", "الطوارئ"), ("شيء", "شئ")])
def test_a_hamza_beside_or_on_its_yeh_is_one_spelling(one, other):
    assert normalize(one) == normalize(other)


def test_tokens_keep_no_dict_and_share_their_words():
    # thousands of sentences' tokens are kept in caches: slots, and one string per word however often it occurs
    first, second = tokenize("قال الوزير إن الوزير سيزور الرياض")[1::2][:2]
    assert not hasattr(first, "__dict__")
    assert first.text == second.text == "الوزير" and first.text is second.text
    assert (first.start, first.end) != (second.start, second.end)
