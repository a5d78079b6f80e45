"""The figure ledger: what a figure counts, its range from its qualifier, and rows of one count compared in time
order (agreement, a later update, a conflict). Pure: no database."""

import math

import pytest

from factcheck_tui.store.text.judging import ledger, stance_features
from factcheck_tui.store.text.judging.ledger import (
    Said,
    figure_range,
    forget_read_sentences,
    ledger_entries,
    ledger_rows,
)
from factcheck_tui.store.text.reading.facts import extract_facts


def entries(text):
    return ledger_entries(text, extract_facts(text))


def said(text, sentence, when, origin=None):
    return [Said(e, sentence, sentence, sentence if origin is None else origin, when) for e in entries(text)]


def test_killed_people_and_the_dead_are_one_count():
    (a,) = entries("قتل 12 شخصا في الهجوم على المسجد")
    (b,) = entries("وأسفر الهجوم عن 15 قتيلا")
    assert a.counted == b.counted


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [("قتل 12 شخصا على الأقل في الهجوم", 12, math.inf, "atleast"),
     ("أصيب أكثر من 10 أشخاص في الحادث", 10, math.inf, "more"),
     ("وصل عدد المصابين إلى نحو 20 مصابا", 18, 22, "about"),
     ("ارتفع عدد القتلى إلى 15 قتيلا حتى الآن", 15, 15, "sofar"),
     ("أصيب 12 شخصا في الحادث", 12, 12, "")],
)  # fmt: skip
def test_a_figure_is_a_range_read_from_its_qualifier(text, low, high, qualifier):
    (e,) = entries(text)
    assert (e.low, e.high) == pytest.approx((low, high)) and e.qualifier == qualifier


def test_a_figure_given_to_a_decimal_admits_its_rounding():
    q = extract_facts("بلغت القروض 164.8 مليون ريال").quantities[0]
    low, high = figure_range(q)
    assert low <= 164_780_000 <= high and high - low == pytest.approx(100_000)


@pytest.mark.parametrize(
    "text",
    ["ارتفع مؤشر السوق 30 نقطة عند الإغلاق", "وصل الوفد عند الساعة 18:30 بالتوقيت المحلي"],
)
def test_market_readings_and_times_of_day_are_no_counts(text):
    assert entries(text) == []


def test_numbers_in_words_ordinals_and_arabic_indic_digits_are_values():
    assert [e.value for e in entries("استمرت المحادثات ثلاث ساعات")] == [3]
    assert [e.value for e in entries("قتل ١٢ شخصا في الهجوم")] == [12]


def test_a_later_different_toll_is_an_update_and_a_simultaneous_one_a_conflict():
    early = said("قتل 12 شخصا في الهجوم على المسجد", 1, "2015-08-06 09:00:00")
    later = said("ارتفع عدد القتلى إلى 15 قتيلا في الهجوم", 2, "2015-08-07 13:00:00")
    (row,) = ledger_rows(early + later)
    assert row.status == "update" and [s.entry.value for s in row.said] == [12, 15]
    same_time = said("قتل 15 شخصا في الهجوم على المسجد", 3, "2015-08-06 10:00:00")
    (row,) = ledger_rows(early + same_time)
    assert row.status == "conflict"


def test_a_bound_given_to_the_unit_is_a_tally_another_tally_conflicts():
    # "at least 12" is [12, inf) as stated, but as a count it is a tally of 12: another outlet's 15 is another
    # tally of the toll, as the labelled set's readers read "at least 44" against 51
    a = said("قتل 12 شخصا على الأقل في الهجوم", 1, "2015-08-06")
    b = said("قتل 15 شخصا في الهجوم", 2, "2015-08-06")
    (row,) = ledger_rows(a + b)
    assert row.status == "conflict"
    assert (row.said[0].entry.low, row.said[0].entry.high) == (12, float("inf"))


def test_a_round_bound_admits_the_figure_it_rounds():
    a = said("تضرر أكثر من 50 ألف شخص من الفيضانات", 1, "2015-08-06")
    b = said("تضرر 52 ألف شخص من الفيضانات", 2, "2015-08-06")
    (row,) = ledger_rows(a + b)
    assert row.status == "consistent"


def test_one_origin_repeating_itself_is_no_conflict():
    a = said("قتل 12 شخصا في الهجوم", 1, "2015-08-06", origin=9)
    b = said("قتل 15 شخصا في الهجوم", 2, "2015-08-06", origin=9)
    assert ledger_rows(a + b)[0].status == "consistent"


def test_figures_of_two_acts_or_two_places_are_two_rows():
    arriving = said("بلغ عدد الحجاج القادمين 354863 حاجا", 1, "2015-08-06")
    leaving = said("بلغ عدد الحجاج المغادرين 1000 حاج", 2, "2015-08-06")
    assert len(ledger_rows(arriving + leaving)) == 2
    najran = said("وفي نجران بلغت المبيعات 45 ألف طن", 3, "2015-08-06")
    hail = said("وفي حائل بلغت المبيعات 87 ألف طن", 4, "2015-08-06")
    assert all(r.status == "consistent" for r in ledger_rows(najran + hail))


def test_a_list_marker_is_no_figure():
    assert [e.value for e in entries("2 - تعيين 5 موظفين جدد في الإدارة")] == [5]


def test_a_rank_in_words_and_in_digits_is_one_value():
    (a,) = entries("حل الفريق بالمرتبة الرابعة عشرة في الدوري")
    (b,) = entries("حل الفريق بالمرتبة 14 في الدوري")
    assert a.value == b.value == 14 and a.counted == b.counted


def test_english_tolls_read_the_same_way():
    (a,) = entries("At least 12 people were killed in the blast on Thursday")
    (b,) = entries("The clashes have so far killed 15 people")
    (c,) = entries("قتل 14 شخصا في الهجوم")
    assert a.counted == b.counted == c.counted
    assert (a.low, a.high, a.qualifier) == (12, math.inf, "atleast") and b.qualifier == "sofar"
    (d,) = entries("Russia said about 200 soldiers were wounded")
    assert (d.low, d.high) == pytest.approx((180, 220)) and d.counted != a.counted


def test_english_days_denials_and_a_capitalised_first_word():
    facts = extract_facts("Officials denied on Thursday that 20 people died")
    assert [m.key for m in facts.of_kind("day")] == ["thursday"]
    assert [m.key for m in facts.mentions if m.kind == "negation"] == ["denied"]
    assert not facts.of_kind("person")


def test_several_figures_of_one_count_in_one_sentence_are_not_compared():
    # which of 4326 and 326 another outlet's figure answers cannot be read off the sentence
    assert entries("تم قبول 4326 طالبا وطالبة منهم 326 طالبا في البرامج الدولية") == []
    assert len(entries("تم قبول 4326 طالبا في البرامج الإثرائية")) == 1


def test_a_toll_word_in_reach_is_the_act_on_either_side_of_the_figure():
    from factcheck_tui.store.text.judging.ledger import ledger_entries
    from factcheck_tui.store.text.reading.facts import extract_facts

    for text in ("The earthquake killed 120 people in the north of the country.",
                 "لقي 12 شخصا مصرعهم في تفجير استهدف سوقا",
                 "أدت الاشتباكات في المدينة إلى سقوط 30 قتيلا"):  # fmt: skip
        (entry,) = ledger_entries(text, extract_facts(text))
        assert (entry.counted, entry.act) == ("dead", "")


def test_one_toll_phrased_otherwise_on_each_side_is_one_count():
    from factcheck_tui.store.text.judging.ledger import figure_conflict
    from factcheck_tui.store.text.judging.stance_features import view
    from factcheck_tui.store.text.reading.facts import extract_facts

    def v(text):
        return view(text, extract_facts(text))

    found = figure_conflict(v("لقي 12 شخصا على الأقل مصرعهم في تفجير انتحاري في كابول"),
                            v("أسفر التفجير الانتحاري في كابول عن مقتل 20 شخصا"))  # fmt: skip
    assert found is not None and (found[0].value, found[1].value) == (12, 20)
    # the dead and the injured are two counts
    assert figure_conflict(v("قتل 12 شخصا في التفجير"), v("أصيب 20 شخصا في التفجير")) is None


def test_one_long_figure_with_a_stray_scale_word_is_one_figure_and_a_share_is_no_count():
    from factcheck_tui.store.text.judging.ledger import figure_conflict
    from factcheck_tui.store.text.judging.stance_features import view
    from factcheck_tui.store.text.reading.facts import extract_facts

    def v(text):
        return view(text, extract_facts(text))

    assert figure_conflict(v("بلغت تكلفة المشاريع 665.932.983 ريالا"),
                           v("بلغت تكلفة المشاريع 665,932,983 مليون ريال")) is None  # fmt: skip
    assert figure_conflict(v("سجلت 36 حالة اعتداء على الصحفيين"),
                           v("سجلت حالات الاعتداء على الصحفيين 41 في المائة")) is None  # fmt: skip


def test_one_toll_told_on_two_days_placed_in_the_calendar_is_two_counts():
    from factcheck_tui.store.text.judging.stance import classify_views
    from factcheck_tui.store.text.judging.stance_features import view

    a = view("وأعلنت وزارة الصحة اليوم وفاة 3 أشخاص بالفيروس في الرياض", None)
    b = view("وأعلنت وزارة الصحة اليوم عن 5 وفيات جديدة بالفيروس في الرياض", None)
    assert classify_views(a, b, "2015-08-09", "2015-08-09").stance in ("disagree", "update")
    assert classify_views(a, b, "2015-08-09", "2015-08-01").stance not in ("disagree", "update")


def test_a_figures_hedge_is_never_its_act():
    (entry,) = entries("قتل مساء أمس ما لا يقل عن 16 شخصا في انهيار مبنى")
    assert (entry.counted, entry.low, entry.high) == ("dead", 16, math.inf)
    (fine,) = entries("ووجود مخالفات مرورية عليه تفوق 50 ألف ريال")
    assert fine.qualifier == "more" and fine.high == math.inf


def test_others_of_two_groups_are_two_counts():
    from factcheck_tui.store.text.judging.ledger import figure_conflict
    from factcheck_tui.store.text.judging.stance_features import view

    a = view("وقتل 7 أشخاص بينهم أطفال في انفجار لغم، فيما أصيب 40 آخرون بجروح", None)
    b = view("وأضافت أن 9 جنود قتلوا أمس، فيما أصيب 15 آخرون بجروح", None)
    c = view("وأكدت أن 7 أشخاص قتلوا أمس، فيما أصيب 52 آخرون بجروح", None)
    assert figure_conflict(a, b) is None
    assert figure_conflict(a, c) is not None


def test_a_figure_given_to_a_decimal_admits_the_figure_it_cuts():
    from factcheck_tui.store.text.judging.ledger import figure_conflict
    from factcheck_tui.store.text.judging.stance_features import view

    a = view("وبلغت تكلفة المرحلة الثالثة من مشروع الإسكان 19.5 مليون ريال", None)
    b = view("وبلغت تكلفة المرحلة الثالثة من مشروع الإسكان 19.589.137 ريالا", None)
    assert figure_conflict(a, b) is None
    c = view("وبلغت تكلفة المرحلة الثالثة من مشروع الإسكان 21.3 مليون ريال", None)
    assert figure_conflict(a, c) is not None


def test_a_pass_over_the_corpus_can_forget_the_sentences_it_read():
    # the ledger stage reads each sentence once: what it would keep only takes memory
    text = "قتل 12 شخصا على الأقل في انفجار سيارة مفخخة في العاصمة"
    assert ledger_entries(text, extract_facts(text))
    assert stance_features._analyse.cache_info().currsize > 0
    forget_read_sentences()
    assert stance_features._analyse.cache_info().currsize == 0
    assert not ledger._entries_read
    assert ledger_entries(text, extract_facts(text))  # read again from scratch, the same entries
