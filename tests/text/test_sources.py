"""The source a sentence quotes: agencies, attribution phrases, a reporting verb's subject. Pure."""

import pytest

from factcheck_tui.store.text.reading.facts import extract_facts
from factcheck_tui.store.text.reading.sources import dateline_source, sentence_source


def source(text):
    found = sentence_source(text, extract_facts(text))
    return found.key if found else None


@pytest.mark.parametrize(
    ("one", "other"),
    [("وقال المتحدث باسم وزارة الصحة إن عدد الإصابات بلغ 12", "حسب ما ذكرته وزارة الصحة فإن الإصابات 12"),
     ("وفقا لواس فإن المشروع اكتمل", "ذكرت وكالة الأنباء السعودية أن المشروع اكتمل"),
     ("According to Reuters, 12 people died", "12 people died, Reuters reported")],
)  # fmt: skip
def test_one_source_however_it_is_quoted(one, other):
    assert source(one) is not None and source(one) == source(other)


def test_a_known_person_after_the_verb_is_the_source_not_the_country_of_his_title():
    assert source("وقال الرئيس الروسي فلاديمير بوتين إن المحادثات مثمرة") == source("وقال بوتين إن المحادثات مثمرة")


@pytest.mark.parametrize("text", ["وأضاف أن العمل مستمر", "قتل 15 شخصا في الهجوم"])
def test_a_sentence_that_names_no_source_has_none(text):
    assert source(text) is None


def test_an_agency_in_the_dateline_is_the_articles_source():
    assert dateline_source("الرياض (واس) - استقبل خادم الحرمين الشريفين").key == "spa"
    assert dateline_source("استقبل خادم الحرمين الشريفين في الرياض أمس وفدا") is None
