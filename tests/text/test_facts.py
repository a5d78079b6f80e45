"""Mentions read off Arabic sentences (days, dates, places, people, negation), with offsets, and JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck_tui.store.text.reading.facts import Facts, Mention, extract_facts, is_denial


def mentions(text: str, kind: str) -> list[Mention]:
    found = extract_facts(text).of_kind(kind)
    for m in found:
        assert text[m.start : m.end] == m.text
    return found


def keys(text: str, kind: str) -> list[str]:
    return [m.key for m in mentions(text, kind)]


@pytest.mark.parametrize(
    ("text", "key"),
    [("هبط ويتكوف في روسيا يوم الأربعاء", "wednesday"), ("وصل الأربعاء", "wednesday"),
     ("تتم التسوية يوم الجمعة", "friday"), ("اجتمعا والخميس", "thursday"), ("قال أمس", "yesterday"),
     ("صرح اليوم", "today"), ("يصل غدا", "tomorrow")],
)  # fmt: skip
def test_days(text: str, key: str) -> None:
    assert keys(text, "day") == [key]


def test_day_offsets_point_at_the_weekday() -> None:
    text = "هبط ويتكوف في روسيا في وقت مبكر يوم الأربعاء."
    (m,) = mentions(text, "day")
    assert m.text == "الأربعاء" and text[m.start : m.end] == "الأربعاء"


@pytest.mark.parametrize(
    ("text", "key"),
    [("في 15 يناير 2022", "2022-01-15"), ("في كانون الثاني 2023", "2023-01"), ("في 5 آذار", "?-03-05"),
     ("منذ فبراير", "?-02"), ("في 15 رمضان 1436هـ", "h1436-09-15"), ("بحلول عام 2030", "2030")],
)  # fmt: skip
def test_dates_in_both_month_systems(text: str, key: str) -> None:
    assert keys(text, "date") == [key]


def test_ambiguous_month_word_needs_a_date_around_it() -> None:
    assert keys("مارس الضغط على الحكومة", "date") == []
    assert keys("في 3 مارس 2022", "date") == ["2022-03-03"]


@pytest.mark.parametrize(
    ("text", "key"),
    [("التقيا في موسكو", "moscow"), ("وصل إلى سان بطرسبرغ", "saint_petersburg"), ("قصف كييف", "kyiv"),
     ("محطة زابوريجيا", "zaporizhzhia"), ("محطة زابوريزيا", "zaporizhzhia"), ("في منطقة أوديسا", "odesa"),
     ("في كورسك", "kursk"), ("في اسطنبول", "istanbul"), ("في إسطنبول", "istanbul"), ("بالرياض", "riyadh"),
     ("في جدة", "jeddah"), ("في أبها", "abha"), ("مكة المكرمة", "makkah"), ("المدينة المنورة", "madinah"),
     ("في اليمن", "yemen"), ("وإيران", "iran"), ("لمصر", "egypt"), ("في الهند", "india"), ("الصين", "china"),
     ("خميس مشيط", "khamis_mushait")],
)  # fmt: skip
def test_places(text: str, key: str) -> None:
    assert keys(text, "place") == [key]


def test_nationality_adjective_names_the_country() -> None:
    assert keys("وزارة الدفاع الروسية", "place") == ["russia"]


def test_city_named_like_a_weekday_is_a_city() -> None:
    assert keys("حادث في خميس مشيط", "day") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("قال الرئيس الروسي فلاديمير بوتين", "فلاديمير بوتين"), ("التقى المبعوث الأمريكي ستيف ويتكوف", "ستيف ويتكوف"),
     ("حذر Volodymyr Zelensky من", "Volodymyr Zelensky"), ("قال المتحدث باسم الكرملين دميتري بيسكوف", "دميتري بيسكوف"),
     ("قال وزير الخارجية الكندي مايلاني جولي إن", "مايلاني جولي"), ("قال رئيس الوزراء البريطاني كير ستارمر", "كير ستارمر")],
)  # fmt: skip
def test_persons_from_gazetteer_titles_and_latin(text: str, name: str) -> None:
    assert [m.text for m in mentions(text, "person")] == [name]


def test_verbs_after_a_title_are_not_names() -> None:
    assert mentions("الرئيس الروسي يأمر بوقف إنساني للقتال", "person") == []
    assert mentions("القبض على رئيس تحريره في مصر", "person") == []


def test_orgs() -> None:
    assert keys("قال الكرملين والبيت الأبيض", "org") == ["kremlin", "white_house"]


@pytest.mark.parametrize(
    ("text", "key"),
    [("روسيا لم توافق على الهدنة", "لم"), ("لن يحضر", "لن"), ("لا يوافق", "لا"), ("ليس هناك اتفاق", "ليس"),
     ("ونفت وزارة الدفاع", "نفت"), ("نفى الكرملين", "نفي"), ("ينفي المتحدث", "ينفي"), ("تنفي الوزارة", "تنفي"),
     ("مطالبة بعدم التصعيد", "عدم"), ("رفض المتحدث التقارير عن الهجوم", "رفض")],
)  # fmt: skip
def test_negation_and_denial(text: str, key: str) -> None:
    assert keys(text, "negation") == [key]


def test_not_negations() -> None:
    assert keys("لا يزال القتال مستمرا", "negation") == []
    assert keys("رفض الرئيس الخطة", "negation") == []  # a refusal of a plan is not a denial of a report


def test_denial_is_told_from_negation() -> None:
    (denial,) = mentions("ونفت وزارة الدفاع الروسية", "negation")
    (negation,) = mentions("لم توافق روسيا", "negation")
    assert is_denial(denial) and not is_denial(negation)


def test_json_round_trip() -> None:
    facts = extract_facts("نفت موسكو يوم الأربعاء مقتل أكثر من 200 شخص في 15 يناير 2022 قرب زابوريجيا")
    data = facts.to_json()
    assert Facts.from_json(data) == facts
    assert Facts.from_json(None) == Facts()


def test_offsets_hold_on_every_seed_sentence() -> None:
    from factcheck_tui.store.text.reading.sentences import split_sentences

    seeds = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("no seeds folder")
    for path in seeds:
        for sentence in split_sentences(path.read_text(encoding="utf-8")):
            facts = extract_facts(sentence.text)
            for item in [*facts.quantities, *facts.mentions]:
                assert sentence.text[item.start : item.end] == item.text


def test_at_least_hedge_is_not_a_negation():
    facts = extract_facts("أطلقت القوات الروسية ما لا يقل عن أربع ضربات على المنطقة")
    assert not facts.negated
    assert [q.hedge for q in facts.quantities] == ["atleast"]


@pytest.mark.parametrize(
    ("text", "key"),
    [("صدر القرار بتاريخ 2015/7/21 م", "2015-07-21"), ("صدر القرار بتاريخ 21/7/2015 م", "2015-07-21"),
     ("صدر القرار بتاريخ ٧/١٠/١٤٣٦هـ", "h1436-?-?"), ("صدر القرار بتاريخ 10/25/1436هـ", "h1436-10-25")],
)  # fmt: skip
def test_a_date_in_digits_and_slashes_is_one_date_not_three_figures(text: str, key: str) -> None:
    facts = extract_facts(text)
    assert [m.key for m in facts.of_kind("date")] == [key] and not facts.quantities


def test_the_day_of_a_month_written_with_min_is_its_date() -> None:
    assert keys("وصل الوفد في الـ30 من يوليو 2015", "date") == ["2015-07-30"]


@pytest.mark.parametrize("text", ["وقع الحادث مساء أول من أمس", "وقع الحادث أمس الأول", "وقع الحادث أول أمس"])
def test_the_day_before_yesterday_is_one_day_not_yesterday(text):
    assert keys(text, "day") == ["day_before_yesterday"]


@pytest.mark.parametrize(
    "text",
    ["وقتل ثلاثة جنود في اليوم نفسه قرب الحدود", "وفي اليوم التالي أعلنت الوزارة النتائج",
     "وفي ذات اليوم قتل جندي آخر", "افتتح الوزير المعرض في اليوم الأول من الدورة"],
)  # fmt: skip
def test_the_day_a_text_counts_from_is_not_today(text):
    """ "اليوم" as the noun "the day" (that same day, the next day, the first day) names no day of the article."""
    assert [m.key for m in extract_facts(text).mentions if m.kind == "day"] == []


def test_today_is_still_today():
    assert [m.key for m in extract_facts("أعلنت الوزارة اليوم أن الحدود ستفتح").mentions if m.kind == "day"] == [
        "today"
    ]


def test_facts_to_json_is_every_field_of_every_fact_and_reads_back():
    from dataclasses import asdict

    facts = extract_facts("قال الدفاع المدني يوم الخميس إن نحو 12 شخصا قتلوا في الرياض ولم يصب أحد آخر")
    assert facts.quantities and facts.mentions
    assert facts.to_json() == {
        "quantities": [asdict(q) for q in facts.quantities],
        "mentions": [asdict(m) for m in facts.mentions],
    }
    assert Facts.from_json(facts.to_json()) == facts
