"""Quantities read off Arabic sentences: digits and words, duals, hedges, percent, currency, scale words."""

from __future__ import annotations

import pytest

from factcheck_tui.store.text.reading.facts import Quantity, extract_facts


def quantities(text: str) -> list[Quantity]:
    found = extract_facts(text).quantities
    for q in found:
        assert text[q.start : q.end] == q.text  # offsets index the original sentence
    return found


def only(text: str) -> Quantity:
    found = quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text",
    ["استمرت المحادثات 3 ساعات", "استمرت المحادثات ثلاث ساعات", "استمرت المحادثات لثلاث ساعات",
     "استمرت المحادثات ٣ ساعات", "استمرت المحادثات ثلاثة ساعات"],
)  # fmt: skip
def test_digits_and_number_words_give_the_same_figure_and_unit(text: str) -> None:
    q = only(text)
    assert (q.value, q.unit, q.hedged) == (3, "ساعه", False)


@pytest.mark.parametrize(
    ("text", "unit"),
    [("مقتل شخصين", "شخص"), ("نجا طفلان", "طفل"), ("بعد يومين", "يوم"), ("استمر ساعتين", "ساعه"),
     ("فشلت جولتان من المحادثات", "جوله"), ("شوهد الرجلان", "رجل")],
)  # fmt: skip
def test_duals_count_two_of_the_singular(text: str, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit) == (2, unit)


def test_dual_and_plural_of_one_noun_share_the_unit() -> None:
    assert only("مقتل شخصين").unit == only("مقتل ثلاثة أشخاص").unit == only("مقتل 5 أشخاص").unit == "شخص"
    assert only("ارتفعت الحصيلة إلى 23 قتيلا").unit == only("سقوط ثلاثة قتلى").unit == "قتيل"


def test_plural_noun_not_read_as_dual() -> None:
    assert quantities("خرج المواطنين إلى الشوارع") == []


@pytest.mark.parametrize(
    ("text", "hedge"),
    [("نحو 3 ساعات", "about"), ("حوالي 3 ساعات", "about"), ("قرابة 3 ساعات", "about"),
     ("3 ساعات تقريبا", "about"), ("ثلاث ساعات تقريبًا", "about"), ("أكثر من 200 مليون دولار", "more"),
     ("أقل من 5 أشخاص", "less"), ("ما لا يقل عن أربع ضربات", "atleast"), ("مقتل شخصين على الأقل", "atleast"),
     ("ما يصل إلى 25 دولة", "upto"), ("ما يقرب من ثلاث سنوات", "about"), ("عشرات القتلى", "vague")],
)  # fmt: skip
def test_hedged_figures(text: str, hedge: str) -> None:
    q = only(text)
    assert q.hedged and q.hedge == hedge


def test_hedge_is_not_part_of_the_figure_text() -> None:
    assert only("مقتل شخصين على الأقل").text == "شخصين"
    assert only("نحو 3 ساعات").text == "3 ساعات"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("خصصت 200 مليون دولار", 2e8, "دولار"), ("خصص ٢٠٠ مليون دولار", 2e8, "دولار"),
     ("بلغ 1.5 مليار يورو", 1.5e9, "يورو"), ("ارتفع 25 في المائة", 25, "%"), ("ارتفع 3.5%", 3.5, "%"),
     ("ارتفع ٣٫٥٪", 3.5, "%"), ("تراجع 12 بالمئة", 12, "%"), ("بقيمة ملياري دولار", 2e9, "دولار"),
     ("دفع 500 ريال", 500, "ريال"), ("قرابة نصف مليار يورو", 5e8, "يورو"), ("سجل 1,500 نقطة", 1500, "نقطه"),
     ("ضبط مليون و800 ألف مخالف", 1.8e6, "مخالف"), ("نشر ثلاثة آلاف جندي", 3000, "جندي"),
     ("خمسة وعشرون شخصا", 25, "شخص"), ("أحد عشر لاعبا", 11, "لاعب"), ("بعد ثلاث سنوات ونصف", 3.5, "سنه")],
)  # fmt: skip
def test_scale_percent_and_currency(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert q.value == pytest.approx(value) and q.unit == unit


def test_number_word_after_its_noun() -> None:
    q = only("مقتل إرهابيين اثنين في غارة")
    assert (q.value, q.unit) == (2, "ارهابي")


def test_years_are_dates_not_quantities() -> None:
    facts = extract_facts("بدأت الحرب في فبراير 2022 وتصاعدت منذ 2014")
    assert facts.quantities == []
    assert sorted(m.key for m in facts.of_kind("date")) == ["2014", "2022-02"]


def test_ordinals_and_weekdays_are_not_counts() -> None:
    assert quantities("فاز في الجولة الثالثة يوم الاثنين") == []
    assert quantities("الدورة الثانية يوم الثلاثاء والأربعاء") == []


def test_the_arabic_comma_groups_thousands_inside_a_number() -> None:
    assert only("بتعويض قدره (122،334،463 ريال).").value == 122_334_463
    assert only("بتعويض قدره (122,334,463 ريال).").value == 122_334_463
    assert [q.value for q in quantities("المادتين 3،4 من النظام")] != [34]  # two figures of a list, never one
    assert only("قتل 12،بينهم أطفال").value == 12


def test_a_comma_ends_the_figure() -> None:
    assert only("قتل 12، بينهم أطفال").unit == ""


def test_below_a_figure_is_a_hedge_not_a_negation() -> None:
    facts = extract_facts("أسعار النفط تتراجع دون 74 دولارا")
    assert facts.quantities[0].hedge == "less"
    assert not facts.negated


def test_a_figure_alone_in_brackets_still_counts_its_noun() -> None:
    q = only("واحتفلت الكلية بتخريج (63) خريجا من طلابها")
    assert (q.value, q.text) == (63, "(63) خريجا")
    assert q.unit == only("واحتفلت الكلية بتخريج 63 خريجا من طلابها").unit != ""


def test_a_number_of_a_group_counts_the_group() -> None:
    # "عشرة من منسوبي القوات": ten of the forces' members, not ten of "من"
    q = only("استشهد عشرة من منسوبي القوات في الهجوم")
    assert q.value == 10 and q.unit == only("استشهد عشرة منسوبي القوات في الهجوم").unit != ""


@pytest.mark.parametrize(
    ("text", "value"),
    [("بلغت الصادرات 5.\u200f2 مليون طن", 2.5e6), ("بلغت الصادرات 6ر23 مليون ريال", 23.6e6),
     ("بلغت الصادرات ٦ر٢٣ مليون ريال", 23.6e6), ("بلغت الصادرات ٢٣٫٦ مليون ريال", 23.6e6)],
)  # fmt: skip
def test_a_decimal_shown_right_to_left_reads_as_the_page_shows_it(text, value):
    # "6ر23" and "5.<RLM>2": the two runs of digits change places on a right-to-left page
    assert only(text).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("حل الفريق بالمرتبة الرابعة عشرة", 14, "مرتبه"), ("حل في المركز الأول", 1, "مركز"),
     ("فاز للمرة الثانية", 2, "مره")],
)  # fmt: skip
def test_an_ordinal_after_a_rank_is_its_value(text, value, unit):
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("text", ["أرباح النصف الأول", "في كانون الثاني الماضي", "الحرب العالمية الثانية"])
def test_an_ordinal_of_a_period_or_a_month_is_no_figure(text):
    assert extract_facts(text).quantities == []


def test_thousand_in_the_accusative_after_a_number_is_one_thousand() -> None:
    from factcheck_tui.store.text.reading.facts import extract_facts

    words = extract_facts("ضبط ثلاثة وثلاثين ألفا ومائتين وثمانية وثمانين زجاجة").quantities
    assert [q.value for q in words] == [33288]
    assert [q.value for q in extract_facts("غرامة 25 مليونا").quantities] == [25_000_000]
    assert [q.value for q in extract_facts("تبرع بألفي ريال").quantities] == [2000]


def test_a_plain_figure_after_a_scale_adds_on() -> None:
    from factcheck_tui.store.text.reading.facts import extract_facts

    assert [q.value for q in extract_facts("تهريب 33 ألفا و288 زجاجة خمر").quantities] == [33288]
    assert [q.value for q in extract_facts("خسر 5 آلاف و 20 شخصا وظائفهم").quantities] == [5020]


@pytest.mark.parametrize(
    ("text", "value"),
    [("يقارب عدد السكان الثمانين مليون نسمة", 80_000_000), ("وصل عدد الحجاج إلى الثلاثة ملايين حاج", 3_000_000),
     ("بلغ عدد الزوار الخمسين ألف زائر", 50_000)],
)  # fmt: skip
def test_a_cardinal_with_the_article_before_its_scale_is_read(text: str, value: float) -> None:
    assert only(text).value == value


def test_an_ordinal_with_the_article_is_no_count() -> None:
    assert quantities("احتفل بعيد ميلاده الخمسين أمس في الرياض") == []


def test_two_units_joined_by_and_are_two_numbers() -> None:
    # "between four and six months" is a range of two figures, not ten months
    assert [q.value for q in quantities("لفترة تتراوح بين أربعة وستة أشهر في السنة")] == [4, 6]


@pytest.mark.parametrize(
    ("text", "value"),
    [("قتل ثلاثة وعشرون شخصا", 23), ("نجح مئة وخمسة عشر طالبا", 115), ("ولد عام ألف وتسعمئة وخمسة وثمانين", 1985)],
)  # fmt: skip
def test_compound_number_words_still_join(text: str, value: float) -> None:
    assert quantities(text)[0].value == value


@pytest.mark.parametrize(
    ("text", "values"),
    [("بين عشرين وثلاثين شخصا", [20, 30]), ("بين عشرة وخمسة عشر يوما", [10, 15])],
)  # fmt: skip
def test_a_range_in_words_is_two_numbers_and_the_second_no_unit_of_the_first(text: str, values: list[float]) -> None:
    found = quantities(text)
    assert [q.value for q in found] == values
    assert found[0].unit == ""


def test_a_cardinal_with_the_article_before_a_plural_scale_is_read() -> None:
    assert only("وصل الخمسة آلاف جندي إلى الحدود").value == 5000
