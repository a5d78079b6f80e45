"""Check-worthiness: page furniture, headers and captions are never claims; statements of fact are."""

import pytest

from factcheck_tui.store.text.reading.claims import (
    CLAIM_THRESHOLD,
    checkworthiness,
    is_claim,
    select_claims,
)
from factcheck_tui.store.text.reading.facts import Facts, Quantity
from factcheck_tui.store.text.reading.sentences import split_sentences

NOT_CLAIMS = [
    "فريق التحرير",  # byline
    "شارك المقال",  # share button
    "اترك تعليقك",  # comment button
    "قصف",  # one-word section name
    "تواصل روسيا الهجمات",  # short headline between paragraphs
    "رسائل متبادلة بين الكرملين والبيت الأبيض:",  # section header ending with a colon
    "المهلة الأمريكية تقترب وعقوبات مرتقبة:",
    "بوتين خلال لقائه ستيف ويتكوف في موسكو",  # photo caption
    "محادثات بناءة بين الوفدين في العاصمة",  # headline without a verb or a stop
    "لجين الأحمدي – عين اليوم",  # byline with outlet
    "سمات تفجير طوارئ عسير تفجير طواري عسير",  # tag list
    "اقرأ أيضا: الأمير يفتتح مهرجان العسل في الباحة",
    "هل تنجح المفاوضات هذه المرة؟",  # a question asserts nothing
    "هناك بالطبع جمود في هذه العملية..",  # vague, nothing to check
    "أعتقد أننا مشاركون في الخطأ ولو بنسبة ضئيلة جدا.",  # a columnist's opinion
    "رابط الخبر بصحيفة الوئام: طائرات الأباتشي تستهدف تجمعات للمليشيات",  # related-article link
]

CLAIMS = [
    "قال وزير الصحة إن 15 شخصا أصيبوا في الحادث يوم الأحد.",  # actor, verb of saying, figure, day
    "أعلنت وزارة الداخلية مقتل ثلاثة جنود في هجوم على نقطة تفتيش.",  # number word
    "واستخدمت القوات الروسية قنابل انزلاقية، ما أثار انتقادات واسعة.",  # actor doing something
    "“لن نتراجع عن قرارنا” كتب الرئيس على منصة إكس.",  # attributed quote
    "ومن بين المباني المتضررة تسعة أكواخ صغيرة لقضاء العطلات.",  # a figure, no actor
    "وافقت الإدارة الأمريكية على 200 مليون دولار من المبيعات العسكرية الإضافية إلى أوكرانيا يوم الثلاثاء.",
    "وبحسب صحيفة محلية فإن المبتعث معتقل حاليا في سجن المقاطعة حتى دفع الكفالة.",  # attribution
]


@pytest.mark.parametrize("line", NOT_CLAIMS)
def test_furniture_headers_captions_and_questions_score_below_the_threshold(line):
    assert checkworthiness(line) < CLAIM_THRESHOLD
    assert not is_claim(checkworthiness(line))


@pytest.mark.parametrize("sentence", CLAIMS)
def test_statements_with_something_to_check_score_above_the_threshold(sentence):
    assert is_claim(checkworthiness(sentence))


@pytest.mark.parametrize("text", ["", "   ", ".", "قصف", CLAIMS[0], NOT_CLAIMS[5], "كلمة " * 200])
def test_score_is_between_zero_and_one(text):
    assert 0.0 <= checkworthiness(text) <= 1.0


def test_the_same_words_as_a_statement_score_higher_than_as_a_headline():
    headline = "وزير الصحة يعلن إصابة 15 شخصا في الحادث"
    statement = "أعلن وزير الصحة يوم الأحد إصابة 15 شخصا في الحادث الذي وقع قرب المستشفى."
    assert checkworthiness(statement) > checkworthiness(headline)


def test_a_figure_read_by_the_fact_extractor_raises_the_score():
    sentence = "وصل الوفد إلى العاصمة بعد رحلة طويلة عبر الحدود."
    with_figure = Facts(quantities=[Quantity(value=3, unit="ساعه", text="ثلاث ساعات", start=0, end=10)])
    assert checkworthiness(sentence, with_figure) > checkworthiness(sentence, Facts())


def test_a_repeated_caption_is_never_a_claim_and_never_twice():
    article = (
        "الرئيس خلال لقائه المبعوث في العاصمة\n"
        "الرئيس خلال لقائه المبعوث في العاصمة\n"
        "قال الرئيس إن المحادثات استمرت ثلاث ساعات يوم الأربعاء.\n"
    )
    claims = select_claims(split_sentences(article))
    assert [c.sentence.text for c in claims] == ["قال الرئيس إن المحادثات استمرت ثلاث ساعات يوم الأربعاء."]


def test_a_sentence_repeated_in_one_article_is_one_claim_at_its_first_place():
    sentence = "قال الرئيس إن المحادثات استمرت ثلاث ساعات يوم الأربعاء."
    claims = select_claims(split_sentences(f"{sentence}\nفريق التحرير\n{sentence}"))
    assert len(claims) == 1
    assert claims[0].sentence.idx == 0


def test_claims_come_in_article_order_with_their_sentence_score_and_facts():
    article = "\n".join([NOT_CLAIMS[0], CLAIMS[1], NOT_CLAIMS[1], CLAIMS[0], NOT_CLAIMS[2]])
    claims = select_claims(split_sentences(article))
    assert [c.sentence.text for c in claims] == [CLAIMS[1], CLAIMS[0]]
    assert [c.sentence.idx for c in claims] == [1, 3]
    assert all(c.score == checkworthiness(c.sentence.text, c.facts) for c in claims)
    assert all(isinstance(c.facts, Facts) for c in claims)
