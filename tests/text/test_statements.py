"""The statement reading: figures bound to what they count, days resolved, negation scope, numbers in words."""

from datetime import date

import pytest

from factcheck_tui.store.text.judging.stance_features import view
from factcheck_tui.store.text.judging.statements import (
    compare,
    figure_context,
    figure_slots,
    figure_status,
    resolve_day,
    same_position,
    same_thing,
    same_value,
    value_of,
)
from factcheck_tui.store.text.reading.facts import Mention


def figure_value(text: str) -> float:
    (q,) = view(text).facts.quantities
    return value_of(q)


def _figures(text: str):
    v = view(text)
    return v, v.facts.quantities


def test_a_figure_is_bound_to_the_words_of_its_phrase() -> None:
    v, (q,) = _figures("وأكد المتحدث أن السفينة تحمل على متنها 3540 طنا من المواد الغذائية")
    words = [w.token.text for w in figure_context(v, q)]
    assert "تحمل" in words and "المواد" in words


def test_one_figure_matching_among_several_is_agreement_not_a_conflict() -> None:
    a = view("تحمل السفينة 3540 طناً من المواد الغذائية شملت 100 ألف سلة و 450 طناً من التمور")
    b = view("قال المتحدث إن السفينة تحمل 3540 طنا من المواد الغذائية والطبية")
    result = compare(a, b)
    assert result.relation == "same" and result.agreed


def test_figures_of_different_things_do_not_contradict() -> None:
    # gold and palladium: each figure's phrase names a thing the other sentence never mentions
    a, (p,) = _figures("ارتفع سعر الذهب إلى 1100 دولار للأوقية في التعاملات")
    b, (q,) = _figures("ارتفع سعر البلاديوم إلى 600 دولار للأوقية في التعاملات")
    assert not same_thing(a, p, b, q) or compare(a, b).relation != "contradicts"


def test_a_different_toll_for_the_same_attack_contradicts() -> None:
    a = view("أسفر الهجوم على المسجد عن مقتل 15 شخصا وإصابة 9 آخرين")
    b = view("أسفر الهجوم على المسجد عن مقتل 17 شخصا وإصابة 9 آخرين")
    result = compare(a, b)
    assert result.relation == "contradicts" and result.slot.claim_text == "15 شخصا"


def test_the_same_toll_in_a_later_article_is_an_update() -> None:
    a = view("ارتفع عدد المصحح وضعهم من اليمنيين إلى 354863 شخصا")
    b = view("ارتفع عدد المصحح وضعهم من اليمنيين إلى 363378 شخصا")
    assert compare(a, b, "2015-07-22 10:00", "2015-07-24 09:00").relation == "update"
    assert compare(a, b, "2015-07-22 10:00", "2015-07-22 18:00").relation == "contradicts"


def test_a_price_reading_is_not_a_contradiction() -> None:
    a = view("وهبط سعر برنت 35 سنتا إلى 49.24 دولار للبرميل")
    b = view("وهبط سعر برنت 7 سنتات إلى 49.52 دولار للبرميل")
    assert compare(a, b).relation != "contradicts"


def test_numbers_in_words_duals_and_digits_compare_as_values() -> None:
    (_, (ten,)), (_, (digits,)) = _figures("قتل عشرة أشخاص"), _figures("قتل 10 أشخاص")
    assert same_value(ten, digits)
    (_, (dual,)), (_, (two,)) = _figures("مقتل شخصين"), _figures("مقتل 2 شخص")
    assert same_value(dual, two)
    (_, (three,)), (_, (two_words,)) = _figures("فشلت ثلاث جولات"), _figures("فشلت جولتان")
    assert not same_value(three, two_words)


def test_a_rounded_or_cut_figure_is_the_same_figure() -> None:
    (_, (rounded,)), (_, (exact,)) = _figures("بتعويض قدره 164.8 مليون ريال"), _figures("بتعويض قدره 164,781,745 ريال")
    assert same_value(rounded, exact)
    (_, (cut,)), (_, (full,)) = _figures("قيمته 59.4 مليون ريال"), _figures("قيمته 59.480 مليون ريال")
    assert same_value(cut, full)


def test_the_same_hedge_on_both_sides_compares_the_figures() -> None:
    (_, (p,)), (_, (q,)) = _figures("مقتل 11 شخصا على الأقل"), _figures("مقتل 13 شخصا على الأقل")
    assert not same_value(p, q)


def test_days_resolve_against_the_article_date() -> None:
    friday = date(2015, 8, 7)
    assert resolve_day(Mention("day", "أمس", "yesterday", 0, 3), friday) == date(2015, 8, 6)
    assert resolve_day(Mention("day", "الأربعاء", "wednesday", 0, 8), friday) == date(2015, 8, 5)


def test_yesterday_and_the_weekday_it_names_agree() -> None:
    a = view("التقى ويتكوف بوتين في الكرملين أمس")
    b = view("التقى ويتكوف بوتين في الكرملين يوم الأربعاء")
    assert compare(a, b, "2015-08-06", "2015-08-06").relation != "contradicts"
    sunday = view("التقى ويتكوف بوتين في الكرملين يوم الأحد")
    assert compare(a, sunday, "2015-08-06", "2015-08-06").relation == "contradicts"  # Wednesday against Sunday
    # papers days apart each name their own day: two meetings, two sessions, not two days for one
    assert compare(a, b, "2015-08-08", "2015-08-06").relation != "contradicts"


def test_an_announced_weekday_is_the_next_one() -> None:
    a = view("تنطلق ورش العمل غدا في مقر الجامعة")
    b = view("تنطلق ورش العمل يوم الاثنين في مقر الجامعة")
    assert compare(a, b, "2015-08-09", "2015-08-09").relation != "contradicts"  # a Sunday paper: both Monday


def test_a_negation_must_scope_over_the_shared_act() -> None:
    a = view("وافقت الحكومة على الخطة الجديدة للنقل")
    b = view("لم توافق الحكومة على الخطة الجديدة للنقل")
    result = compare(a, b)
    assert result.relation == "contradicts" and result.slot.kind == "negation"
    # an idiom with a negation word negates nothing the other sentence states
    idiom = view("الاتفاق لا يعدو كونه خطوة أولى على الخطة الجديدة للنقل")
    assert compare(a, idiom).relation != "contradicts"


def test_a_denial_of_what_the_other_states_contradicts() -> None:
    a = view("التقى المبعوث ويتكوف الرئيس بوتين في الكرملين يوم الأربعاء")
    b = view("نفى الكرملين أن يكون المبعوث ويتكوف قد التقى الرئيس بوتين يوم الأربعاء")
    result = compare(a, b)
    assert result.relation == "contradicts" and result.slot.kind == "denial"


def test_figure_status_reads_the_shorter_sentence() -> None:
    short = view("تحمل السفينة 3540 طنا")
    long_ = view("وقال المتحدث إن السفينة تحمل على متنها 3540 طناً من المواد الغذائية و450 طنا من التمور")
    assert figure_status(short, long_) == "all"
    assert figure_status(view("وصلت السفينة"), long_) == "none"


def test_figures_of_two_bodies_named_only_by_their_words_do_not_contradict() -> None:
    a = view(
        "وأفاد التقرير أن قروض البنك السعودي للتسليف بلغت خلال العام الماضي، مبينا أن تسديد القروض بلغ 6.1 مليار ريال"
    )
    b = view(
        "وأبان التقرير أن قروض صندوق الاستثمارات العامة بلغت خلال العام الماضي، مشيرا إلى أن تسديد القروض بلغ 2.7 مليار ريال"
    )
    assert compare(a, b).relation != "contradicts"
    # one body named on one side only is the same scope told more fully
    c = view("وأفاد التقرير أن تسديد القروض بلغ 4.1 مليار ريال خلال العام الماضي")
    assert compare(a, c).relation == "contradicts"


def test_counts_of_two_kinds_of_thing_do_not_contradict() -> None:
    a = view("وبلغ عدد أجهزة الصرف الآلي في مايو الماضي 16312 جهازا")
    b = view("وبلغ عدد أجهزة نقاط البيع في مايو الماضي 167400 جهاز")
    assert compare(a, b).relation != "contradicts"


def test_the_same_day_word_in_a_reprint_is_not_another_day() -> None:
    a = view("وتحال المعاملة في اليوم ذاته إلى الجمارك لإنهاء إجراءات الفسح")
    assert compare(a, a, "2015-07-22", "2015-07-25").relation != "contradicts"


def test_another_reading_of_a_price_is_neither_a_contradiction_nor_agreement() -> None:
    a = view("وهبط سعر برنت في العقود الآجلة سبعة سنتات إلى 49.52 دولار للبرميل")
    b = view("وهبط سعر برنت في العقود الآجلة 35 سنتا إلى 49.24 دولار للبرميل")
    assert compare(a, b).relation != "contradicts"
    assert figure_status(a, b) == "unmatched"


def test_a_different_place_fills_the_same_slot_only_beside_the_same_words() -> None:
    a = "التقى ويتكوف بوتين في موسكو يوم الأربعاء"
    b = "التقى ويتكوف بوتين في سان بطرسبرغ يوم الأربعاء"
    va, vb = view(a), view(b)
    assert same_position(va, (a.index("موسكو"), a.index("موسكو") + 5), vb, (b.index("سان"), b.index("بطرسبرغ") + 7))
    c = "قتل 750 شخصا بحسب تعداد لوكالة الصحافة الفرنسية"
    d = "قتل 750 شخصا منذ تولي الرئيس النيجيري الحكم"
    assert not same_position(
        view(c), (c.index("الفرنسية"), len(c)), view(d), (d.index("النيجيري"), d.index("النيجيري") + 8)
    )


def test_a_retelling_under_a_rumour_word_disputes_the_statement() -> None:
    a = view("عينت الحكومة المؤقتة اللواء محمد فارس بمنصب وزير الدفاع فيها")
    b = view("وانتشرت إشاعات عن تسمية الحكومة اللواء محمد فارس لمنصب وزير الدفاع")
    result = compare(a, b)
    assert result.relation == "contradicts" and result.slot.kind == "denial"


def test_adam_before_the_act_the_other_states_negates_it() -> None:
    a = view("صدور أمر ملكي جديد ينص على منح الجنسية للمواليد الأجانب")
    b = view("أجمعت مصادر عدة على عدم صدور قرار بمنح الجنسية للمواليد الأجانب")
    assert compare(a, b).relation == "contradicts"
    # "بعدم" that rephrases ("without") negates nothing the other sentence states
    c = view("طالب المجلس بعدم التأخر في منح الجنسية للمواليد الأجانب")
    assert compare(a, c).relation != "contradicts"


def test_a_figure_the_other_sentence_denies_contradicts() -> None:
    a = view("استمرت المحادثات ثلاث ساعات بعد أن وصل ويتكوف إلى موسكو")
    b = view("وقال الكرملين إن المحادثات استمرت خمس ساعات وليس ثلاث ساعات")
    result = compare(a, b)
    assert result.relation == "contradicts" and result.slot.other_text == "وليس ثلاث ساعات"
    assert figure_status(a, b) == "unmatched"  # the denied figure is no agreement


def test_a_relative_day_one_day_off_is_the_same_day_told_from_another_evening() -> None:
    a = view("واستقبل الأمير ضيفه في جدة مساء أمس وبحث معه العلاقات بين البلدين")
    b = view("واستقبل الأمير ضيفه في جدة مساء اليوم وبحث معه العلاقات بين البلدين")
    assert compare(a, b, "2015-07-21", "2015-07-20").relation != "contradicts"  # wire copy of the evening before
    thursday = view("واستقبل الأمير ضيفه في جدة مساء الخميس وبحث معه العلاقات بين البلدين")
    assert compare(a, thursday, "2015-07-21", "2015-07-21").relation == "contradicts"


def test_a_negation_inside_a_condition_states_nothing() -> None:
    a = view("يستطيع العميل سحب 420 يورو يوم الجمعة المقبل")
    b = view("يستطيع العميل سحب 420 يورو يوم الجمعة المقبل إذا لم يسحب المبلغ في الأسبوع السابق")
    assert compare(a, b).relation != "contradicts"


def test_a_condition_reaches_past_the_verb_it_supposes() -> None:
    a = view("يدرس الوزير الترشح لرئاسة المجلس في دورته المقبلة")
    b = view("ويدرس الوزير موقفه، وفي حال قرر عدم الترشح لرئاسة المجلس سيعلن من يدعمه")
    assert compare(a, b).relation != "contradicts"
    said = view("وأعلن الوزير عدم الترشح لرئاسة المجلس في دورته المقبلة")
    assert compare(a, said).relation == "contradicts"
    indeed = view("وقال إن الوزير لن يترشح لرئاسة المجلس في دورته المقبلة")  # "إن" here is "that", no condition
    assert compare(view("وقال إن الوزير سيترشح لرئاسة المجلس في دورته المقبلة"), indeed).relation == "contradicts"


def test_only_once_restricts_and_however_after_a_negation_keeps_it() -> None:
    a = view("التقى اللاعب مدربه السابق في المعسكر الصيفي")
    b = view("ولم يلتق اللاعب مدربه السابق سوى مرة واحدة في المعسكر الصيفي")
    assert compare(a, b).relation != "contradicts"
    c = view("وقال إن الدواء ليس علاجا نهائيا للمرض فإن استخدامه يقي الأطفال")
    d = view("وقال إن الدواء ليس علاجا نهائيا للمرض إلا أن استخدامه يقي الأطفال")
    assert compare(c, d).relation != "contradicts"
    cured = view("وقال إن الدواء علاج نهائي للمرض ويقي الأطفال")
    assert compare(cured, d).relation == "contradicts"


def test_still_and_so_as_not_to_are_read_alike_however_written() -> None:
    a = view('وأضاف البيان "لا نزال بانتظار موافقة الهيئة على الصفقة"')
    b = view('وقال البنك في بيان "ما نزال بانتظار موافقة الهيئة على الصفقة"')
    assert compare(a, b).relation != "contradicts"
    c = view("وحث التجار على التقيد بالأنظمة كي لا يقعوا تحت طائلة العقوبات")
    d = view("وحث التجار على التقيد بالأنظمة كيلا يقعوا تحت طائلة العقوبات")
    assert compare(c, d).relation != "contradicts"
    e = view("قد تؤدي الأزمة -ما لم يتم حلها سريعا- إلى تفكك الوحدة النقدية")
    f = view("قد تؤدي الأزمة إلى تفكك الوحدة النقدية إذا تم حلها ببطء")
    assert compare(e, f).relation != "contradicts"


def test_a_point_before_a_scale_word_is_a_decimal_point() -> None:
    a = view("وتم عرض 1.190 مليون سهم على المؤسسات الاستثمارية وتمت تغطيتها بالكامل")
    b = view("وتم عرض 1.19 مليون سهم على المؤسسات الاستثمارية وتمت تغطيتها بالكامل")
    assert compare(a, b).relation != "contradicts"
    assert figure_value("1.190 مليون سهم") == 1_190_000 and figure_value("363.378 شخصا") == 363_378


def test_a_decimal_copied_in_the_order_a_page_shows_it_is_the_same_figure() -> None:
    a = view("وجاء النجم في المرتبة السابعة بثروة قدرها 5ر33 مليون دولار")
    b = view("وجاء النجم في المرتبة السابعة بثروة قدرها 5.33 مليون دولار")
    assert compare(a, b).relation != "contradicts"
    c = view("وجاء النجم في المرتبة السابعة بثروة قدرها 6.33 مليون دولار")
    assert compare(a, c).relation == "contradicts"


def test_a_negation_of_any_kind_on_both_sides_is_no_conflict() -> None:
    a = view("واستقر السعر الرسمي للخام إلى زبائن آسيا دون تغير عند 1.55 دولار للبرميل")
    b = view("ولم تغير الشركة السعر الرسمي للخام إلى زبائن آسيا وتركته عند 1.55 دولار للبرميل")
    assert compare(a, b).relation != "contradicts"
    c = view("وأشار الرئيس إلى أن أحدا لم «يتقدم لتحمل مسؤولية الانسحاب» من الاتفاق")
    d = view("وأشار الرئيس إلى أن أحدا لم يتقدم لتحمل مسؤولية الانسحاب من الاتفاق")
    assert compare(c, d).relation != "contradicts"
    stepped = view("وأشار الرئيس إلى أن أحدا تقدم لتحمل مسؤولية الانسحاب من الاتفاق")
    assert compare(stepped, c).relation == "contradicts"  # a quoted act is negated as much as a bare one


def test_a_negation_and_a_denial_of_one_act_agree() -> None:
    a = view("أكد المتحدث الأمني عدم تعرض أي مقر آخر للقوات لمحاولة تفجير")
    b = view("نفى المتحدث الأمني تعرض أي مقر للقوات لهجوم إرهابي")
    assert compare(a, b).relation != "contradicts"


def test_market_readings_after_verbs_the_polarity_lexicon_lacks_are_readings() -> None:
    a = view("وفقد مؤشر ناسداك المجمع 9.84 نقطة ليسجل 5105.55 نقطة")
    b = view("وفقد مؤشر ناسداك المجمع 2.37 نقطة ليسجل 5113.01 نقطة")
    assert compare(a, b).relation != "contradicts"


def test_a_list_marker_is_not_a_figure() -> None:
    a = view("5- الحاصلات على دبلوم التربية الخاصة يتطلب إرفاق وثيقة الدبلوم")
    b = view("4- الحاصلات على الدبلوم التربوي يتطلب إرفاق وثيقة الدبلوم العام")
    assert compare(a, b).relation != "contradicts"


def test_a_time_of_day_is_not_a_figure() -> None:
    a = view("وتلقى المكتب البلاغ عند الساعة 18.02 بالتوقيت المحلي أمس")
    b = view("وتلقى المكتب البلاغ في تمام الساعة 18:02 بالتوقيت المحلي")
    assert compare(a, b).relation != "contradicts"


def test_figures_of_two_places_named_at_the_head_of_their_sentences_do_not_contradict() -> None:
    a = view("وفي نجران رسيت مشروعات تطوير الأحياء، بتكلفة بلغت 45,610,358 ريالا")
    b = view("وفي جازان رسيت مشروعات درء السيول، بتكلفة بلغت 87,390,000 ريال")
    assert compare(a, b).relation != "contradicts"


def test_not_only_is_no_negation() -> None:
    a = view("ويعرض المهرجان أنواع العسل من منطقة الباحة")
    b = view("ويعرض المهرجان أنواع العسل من مناطق المملكة وليس منطقة الباحة فحسب")
    assert compare(a, b).relation != "contradicts"


def test_figures_of_two_years_are_of_two_things() -> None:
    a = view("وبلغت سعة الربط الدولي 318 جيجا بت في الثانية في عام 2010م")
    b = view("وبلغت سعة الربط الدولي 1321 جيجا بت في الثانية في عام 2014م")
    assert compare(a, b).relation != "contradicts"
    c = view("وبلغ عدد المخالفات للعام الماضي 443 مخالفة في المنطقة")
    d = view("وبلغ عدد المخالفات 512 مخالفة في المنطقة")
    assert compare(c, d).relation != "contradicts"


def test_a_count_told_at_two_times_of_day_counts_one_thing() -> None:
    # the time beside a figure is a slot of its own, not what the figure counts
    a, (p,) = _figures("وبلغ عدد الحجاج القادمين حتى مساء الاثنين (354863) حاجا")
    b, (q,) = _figures("وبلغ عدد الحجاج القادمين حتى ظهر الخميس 363378 حاجا")
    assert same_thing(a, p, b, q)


def test_an_hour_two_words_before_a_figure_makes_it_a_time_of_day() -> None:
    a = view("وصل الوفد إلى المطار عند الساعة التاسعة وعشر دقائق صباحا")
    b = view("وصل الوفد إلى المطار عند الساعة التاسعة وخمس دقائق")
    assert compare(a, b).relation != "contradicts"


def test_the_evening_before_yesterday_and_friday_are_one_day_in_a_sunday_paper() -> None:
    a = view("وقع الانفجار مساء أول من أمس في السوق المركزي")
    b = view("وقع الانفجار مساء الجمعة في السوق المركزي")
    assert compare(a, b, "2015-08-09 10:00:00", "2015-08-09 12:00:00").relation != "contradicts"


# -- relative periods at their root (issue 22, item 3) ------------------------------------------------------------
AUGUST_9 = "2015-08-09 10:00:00"


def test_a_relative_period_is_a_span_of_the_calendar_counted_from_the_article_date() -> None:
    from factcheck_tui.store.text.judging.statements import resolve_span
    from factcheck_tui.store.text.reading.facts import extract_facts

    published = date(2015, 8, 9)
    (last_month,) = extract_facts("ارتفعت الصادرات خلال الشهر الماضي").mentions
    assert resolve_span(last_month, published) == [(date(2015, 7, 1), date(2015, 7, 31))]
    (last_year,) = extract_facts("وبلغت الأرباح في السنة الماضية 10 ملايين").of_kind("period")
    assert resolve_span(last_year, published) == [(date(2014, 1, 1), date(2014, 12, 31))]
    (this_year,) = extract_facts("tourism grew this year").mentions
    assert resolve_span(this_year, published) == [(date(2015, 1, 1), date(2015, 12, 31))]
    january = next(m for m in extract_facts("في يناير الماضي").mentions if m.kind == "date")
    assert resolve_span(january, date(2015, 1, 20))[0] == (date(2015, 1, 1), date(2015, 1, 31))


def test_last_month_against_another_month_is_another_time_and_against_its_own_month_is_not() -> None:
    claim = view("ارتفع عدد الزوار إلى مليوني زائر خلال الشهر الماضي")
    june = view("ارتفع عدد الزوار إلى مليوني زائر خلال شهر يونيو")
    july = view("ارتفع عدد الزوار إلى مليوني زائر خلال شهر يوليو")
    other = compare(claim, june, AUGUST_9, AUGUST_9)
    assert other.relation == "contradicts" and other.slot is not None and other.slot.kind == "day"
    assert compare(claim, july, AUGUST_9, AUGUST_9).relation != "contradicts"


def test_the_same_relative_words_a_day_apart_are_a_reprint_not_another_time() -> None:
    text = "ارتفع عدد الزوار إلى مليوني زائر خلال الشهر الماضي"
    assert compare(view(text), view(text), "2015-07-31 22:00:00", "2015-08-01 08:00:00").relation != "contradicts"


def test_one_figure_written_with_other_separators_or_a_stray_scale_word_is_the_same_figure() -> None:
    a = view("بلغت الكلفة الإجمالية للمشروعات 665.932.983 ريالا")
    b = view("بلغت الكلفة الإجمالية للمشروعات 665,932,983 مليون ريال")
    assert compare(a, b, "2015-08-09", "2015-08-08").relation == "same"
    other = view("بلغت الكلفة الإجمالية للمشروعات 665,932,000 ريال")
    assert compare(a, other, "2015-08-09", "2015-08-09").relation != "same"


def test_a_negation_over_a_light_verb_scopes_over_its_verbal_noun() -> None:
    negated = view("وأكدت الوزارة أنه لن يتم اعتماد أي فحص طبي للزواج لا يشمل فحص المخدرات")
    also_negated = view("وأكدت الوزارة أنه لن يعتمد أي فحص طبي للزواج لا يشمل فحص المخدرات")
    stated = view("وأكدت الوزارة أنه سيتم اعتماد الفحص الطبي للزواج")
    assert compare(negated, also_negated).relation != "contradicts"  # both negate the adopting
    assert compare(stated, negated).relation == "contradicts"


def test_a_negation_in_a_side_clause_disputes_nothing() -> None:
    # "officials who asked that their names not be published": the negated act shares only a root with the other
    a = view("وتعرضت أول دفعة من القوات التي دربتها الولايات المتحدة ونشرتها في شمال سوريا للنيران")
    b = view(
        "وتعرضت أول دفعة من القوات التي دربتها الولايات المتحدة ونشرتها في شمال سورية للنيران، وقال "
        "مسؤولون اشترطوا عدم نشر أسمائهم إن واشنطن ستشن هجمات"
    )
    assert compare(a, b).relation != "contradicts"


def test_an_act_stated_only_under_a_condition_is_not_stated() -> None:
    a = view("لا يضطر المؤمن له إلى دفع مبالغ لمقدمي الخدمة داخل الشبكة")
    b = view("في حال اضطر المؤمن له إلى دفع مبالغ خارج الشبكة فستعوضه شركة التأمين")
    assert compare(a, b).relation != "contradicts"


def test_a_negation_against_another_negation_of_one_statement_is_no_conflict() -> None:
    a = view("أرجع الأمين العام التأخير إلى عدم التزام شركات التأمين بالعمل على النظام الجديد")
    b = view(
        "اتهم الأمين العام شركات التأمين بالتأخير لمواصلتها العمل بالنظام القديم وعدم الانتقال للعمل بالنظام الجديد"
    )
    assert compare(a, b).relation != "contradicts"


def test_bare_of_truth_denies_what_comes_before_it() -> None:
    a = view("نفذت قوات التحالف عملية إنزال بري في مدينة عدن")
    b = view("أكد المتحدث أن الأنباء المتداولة حول تنفيذ قوات التحالف لعملية إنزال بري في مدينة عدن عارية من الصحة")
    result = compare(a, b)
    assert result.relation == "contradicts" and result.slot.kind == "denial"
    # two denials of one report say the same
    c = view("نفى المتحدث أي عملية إنزال بري نفذتها قوات التحالف في مدينة عدن")
    assert compare(c, b).relation != "contradicts"


def test_a_warning_against_an_act_negates_it_as_not_doing_it_does() -> None:
    a = view("حذرت مديرية الدفاع المدني بمنطقة جازان المواطنين بالحيطة والحذر وعدم النزول لمجاري الأودية")
    b = view("وحذر الدفاع المدني بمنطقة جازان المواطنين والمقيمين من النزول إلى مجاري الأودية")
    assert compare(a, b).relation != "contradicts"


def test_a_negated_act_must_be_about_what_the_other_states() -> None:
    # "did not pass a death sentence" against "the judge will pass a life sentence": one root, two objects
    a = view("لم يصدر القضاء الأمريكي قرارا بإعدام مطلق النار في السينما")
    b = view("أفلت مطلق النار من الإعدام مما سيضطر القاضي إلى إصدار عقوبة السجن المؤبد")
    assert compare(a, b).relation != "contradicts"


def test_figures_of_two_days_placed_in_the_calendar_are_two_counts() -> None:
    # "today" in papers a week apart: two days' tallies, not one count told twice
    a = view("وسجلت الوزارة اليوم 40 حالة إصابة جديدة في المنطقة الشرقية")
    b = view("وسجلت الوزارة اليوم 25 حالة إصابة جديدة في المنطقة الشرقية")
    assert compare(a, b, "2015-08-09", "2015-08-02").relation == ""
    # the same paper day, or the next evening's reprint: one day, so another figure contradicts or updates
    assert compare(a, b, "2015-08-09", "2015-08-09").relation == "contradicts"
    assert compare(a, b, "2015-08-09", "2015-08-10").relation == "update"
    # no time named beside the figure: nothing says they are two days' counts
    c = view("وسجلت الوزارة 40 حالة إصابة جديدة في المنطقة الشرقية")
    d = view("وسجلت الوزارة 25 حالة إصابة جديدة في المنطقة الشرقية")
    assert compare(c, d, "2015-08-09", "2015-08-02").relation == "update"


def test_last_month_in_papers_of_two_months_names_two_months() -> None:
    a = view("بلغ عدد الزوار الشهر الماضي 300 ألف زائر")
    b = view("بلغ عدد الزوار الشهر الماضي 250 ألف زائر")
    assert compare(a, b, "2015-08-09", "2015-07-09").relation == ""
    assert compare(a, b, "2015-08-09", "2015-08-09").relation == "contradicts"


def test_a_denial_denies_its_own_clause_not_what_the_denier_says_after_it() -> None:
    stated = view("أعلنت الشركة افتتاح مصنع جديد للإسمنت في مدينة جدة الشهر المقبل")
    other_matter = view(
        "ونفت الشركة أن تكون رفعت أسعار منتجاتها، مؤكدة افتتاح مصنع جديد للإسمنت في مدينة جدة الشهر المقبل"
    )
    assert compare(stated, other_matter).relation != "contradicts"
    same_matter = view("ونفى المتحدث باسم الشركة أن تكون الشركة قررت افتتاح مصنع جديد للإسمنت في جدة")
    result = compare(stated, same_matter)
    assert result.relation == "contradicts" and result.slot.kind == "denial"


def test_negations_written_as_one_word_restricted_or_answered_by_instead() -> None:
    # "ألا" (أن لا) before a verb negates it, hamza or not, as "أن لا" does
    a = view('طالبت الوزارة الشركات "ألا ترفع" أسعار الإسمنت خلال الصيف')
    b = view('طالبت الوزارة الشركات "أن لا ترفع" أسعار الإسمنت خلال الصيف')
    c = view('طالبت الوزارة الشركات "الا ترفع" أسعار الإسمنت خلال الصيف')
    assert compare(a, b).relation != "contradicts" and compare(c, b).relation != "contradicts"
    # "لا ... إلا": only, not a denial of the act
    d = view("ولا تصرف الإعانة إلا بعد موافقة اللجنة على الطلب")
    e = view("وتصرف الإعانة بعد موافقة اللجنة على الطلب")
    assert compare(d, e).relation != "contradicts"
    # "بدلا من X" says X is not the one, as "وليس X" does
    f = view("وقررت الجامعة نقل الاختبارات إلى قاعة الملك فهد وليس المبنى القديم")
    g = view("وقررت الجامعة نقل الاختبارات إلى قاعة الملك فهد بدلا من المبنى القديم")
    assert compare(f, g).relation != "contradicts"
    # a plain negation of the act the other states still contradicts
    h = view("ولم تصرف الإعانة للأسر المسجلة هذا الشهر")
    i = view("وصرفت الإعانة للأسر المسجلة هذا الشهر")
    assert compare(h, i).relation == "contradicts"


def test_the_same_two_figures_in_another_order_do_not_contradict() -> None:
    a = view("وفاز الفريق على منافسه 3 - 2 بالركلات الترجيحية في نهائي البطولة")
    b = view("وفاز الفريق على منافسه 2/3 بالركلات الترجيحية في نهائي البطولة")
    assert compare(a, b).relation != "contradicts"
    c = view("وقدرت الخسائر بما بين 40 و45 مليون ريال")
    d = view("وقدرت الخسائر بما بين 45 و40 مليون ريال")
    assert compare(c, d).relation != "contradicts"
    # one of the two figures changed still contradicts
    e = view("وفاز الفريق على منافسه 3 - 1 بالركلات الترجيحية في نهائي البطولة")
    assert compare(a, e).relation == "contradicts"


def test_several_names_of_one_day_are_that_day_and_a_dashed_list_marker_is_no_figure() -> None:
    a = view("أعلنت الوزارة اليوم الثلاثاء تسجيل 6 حالات إصابة جديدة بالحمى في جازان")
    b = view("أعلنت الوزارة اليوم الأحد تسجيل 9 حالات إصابة جديدة بالحمى في جازان")
    assert compare(a, b, "2015-08-04", "2015-08-09").relation == ""  # Tuesday's count and Sunday's
    c = view("أعلنت الوزارة اليوم الثلاثاء تسجيل 9 حالات إصابة جديدة بالحمى في جازان")
    assert compare(a, c, "2015-08-04", "2015-08-04").relation == "contradicts"
    marker = view("5 ـ مشاريع الإيواء السياحي الواقعة خارج النطاق العمراني للمدن")
    assert not marker.facts.quantities or compare(view("وأقر المجلس 10 مشاريع للإيواء السياحي"), marker).relation == ""


def test_a_sentence_that_states_the_word_unnegated_too_negates_another_clause() -> None:
    a = view("وتعد الشركة أفضل مزود لتقديم خدمات الإنترنت لعملائها في المنطقة الشرقية")
    b = view("وتعد الشركة كأفضل مزود في المنطقة الشرقية، وليس أفضل لتقديم خدمات الإنترنت لعملائها من الباقات الجديدة")
    assert compare(a, b).relation != "contradicts"


def test_a_match_minute_is_a_moment_not_a_count() -> None:
    a = view("وسجل المهاجم هدف الفوز في الدقيقة 75 من عمر المباراة")
    b = view("وسجل المهاجم 3 أهداف في المباراة")
    assert compare(a, b).relation != "contradicts"
    assert not [q for q in figure_slots(a, view("وسجل المهاجم هدف الفوز في الدقيقة 80 من عمر المباراة"))[1]]


def test_others_are_others_of_the_group_counted_before_them() -> None:
    a = view("وقتل 7 أشخاص بينهم أطفال في انفجار لغم فيما أصيب 40 آخرون بجروح في المدينة")
    b = view("وقتل 9 جنود في انفجار لغم فيما أصيب 15 آخرون بجروح في المدينة")
    c = view("وقتل 7 أشخاص بينهم أطفال في انفجار لغم فيما أصيب 52 آخرون بجروح في المدينة")
    assert compare(a, b).relation != "contradicts"
    assert compare(a, c).relation == "contradicts"


def test_that_not_is_a_negation_written_either_way_and_no_condition() -> None:
    a = view("وأعرب الوزير عن شكره داعيا الله أن لا يصيبهم أي مكروه")
    b = view("وأعرب الوزير عن شكره داعيا الله ألا يصيبهم أي مكروه")
    assert compare(a, b).relation != "contradicts"
    assert compare(a, view("وأعرب الوزير عن شكره داعيا الله أن يصيبهم الخير")).relation != "same"
    # "ألا تقل عن" is "not less than", a bound, as "لا يقل عن" is
    assert not view("على ألا تقل نسبة السعوديين عن 30 في المئة من العاملين").facts.of_kind("negation")
    # "إن لم": a condition, which states nothing
    assert compare(view("وقال إنه إن لم توافق الحكومة على الخطة فسيستقيل"),
                   view("وافقت الحكومة على الخطة")).relation != "contradicts"  # fmt: skip


def test_a_day_of_another_act_is_no_other_day_for_this_one() -> None:
    # when the statement was made against when the first announcement came
    a = view("وأوضح المتحدث في بيان أمس أن عدد ضحايا الحادث بلغ 15 شخصا")
    b = view("وأوضح المتحدث أنه إلحاقا لما سبق إعلانه يوم الخميس فإن عدد ضحايا الحادث بلغ 15 شخصا")
    assert compare(a, b, "2015-08-09", "2015-08-09").relation != "contradicts"
    # the same act on two days still contradicts
    c = view("وأوضح المتحدث في بيان يوم الخميس أن عدد ضحايا الحادث بلغ 15 شخصا")
    assert compare(a, c, "2015-08-09", "2015-08-09").relation == "contradicts"


def test_a_rumour_denies_the_clause_it_reports() -> None:
    a = view("صدر أمر ملكي بمنح الجنسية للأجانب المولودين في المملكة بعد بلوغهم العامين")
    b = view("وجاء في الشائعات التي تناقلتها مواقع التواصل، إن السلطات ستمنح الجنسية للأجانب المولودين في المملكة")
    result = compare(a, b)
    assert result.relation == "contradicts" and result.slot.kind == "denial"


def test_after_that_is_no_reported_clause_of_a_denial() -> None:
    # "بعد أن" is "after": the denial denies the control, not what was announced before it
    a = view("وسيطرت المجموعات المسلحة على البلدة بعد معارك عنيفة")
    b = view("ونفى الجيش سيطرة المجموعات المسلحة على البلدة وذلك بعد أن أعلن الفصيل سيطرته على البلدة")
    result = compare(a, b)
    assert result.relation == "contradicts" and result.slot.kind == "denial"


@pytest.mark.parametrize(
    ("denial", "denies"),
    [("ونفت إدارة المعبر الأنباء التي تداولتها صفحات على مواقع التواصل الاجتماعي منذ الصباح حول إغلاق معبر باب الهوى",
      True),
     # a report about another matter denies nothing the claim says
     ("ونفت إدارة المعبر الأنباء التي تداولتها صفحات على مواقع التواصل الاجتماعي حول رفع رسوم العبور", False)],
)  # fmt: skip
def test_a_denied_report_denies_what_it_is_about(denial: str, denies: bool) -> None:
    # what the report is about, not where it was heard: "نبأ ... عن وفاته", "الأنباء ... حول إغلاق المعبر"
    result = compare(view("أغلقت السلطات التركية معبر باب الهوى الحدودي بشكل نهائي"), view(denial))
    assert (result.relation == "contradicts" and result.slot.kind == "denial") is denies


@pytest.mark.parametrize(
    ("denial", "denies"),
    [  # the denier's title and name, commas and all, are who denies: the object is the clause after "أنه"
     ("ونفى وزير النقل، المهندس خالد العتيبي، أنه أمر بإغلاق الطريق الدائري", True),
     ("ونفى وزير النقل، المهندس خالد العتيبي، أنه تلقى استقالة مدير الموانئ", False),
     # a report the denier names: what it is about
     ("ونفت هيئة الطيران المدني ما تردد عن تعليق الرحلات الداخلية", False),
     # the denier's own part in an act
     ("ونفت وزارة النقل مسؤوليتها عن إغلاق الطريق الدائري", True)],
)  # fmt: skip
def test_who_denies_is_not_what_is_denied(denial: str, denies: bool) -> None:
    claim = view("أمر وزير النقل المهندس خالد العتيبي بإغلاق الطريق الدائري بعد انهيار جسر فيه")
    result = compare(claim, view(denial))
    assert (result.relation == "contradicts" and result.slot.kind == "denial") is denies


def test_a_denial_names_no_object_when_it_follows_its_denier_directly() -> None:
    # no object marker within reach: the words after the verb are what is denied, as before
    a = view("رفع الاتحاد السعودي لكرة القدم الإيقاف عن لاعبي الفريقين قبل المباراة النهائية")
    b = view("نفى الاتحاد السعودي لكرة القدم رفع الإيقاف عن لاعبي الفريقين قبل المباراة النهائية")
    result = compare(a, b)
    assert result.relation == "contradicts" and result.slot.kind == "denial"


def test_a_rumour_that_reports_no_clause_calls_nothing_false() -> None:
    # a seminar's title, a sermon's "leave rumours": no statement of the other is called false
    a = view("نظمت الجمعية ندوة للتوعية الصحية في مركز الملك فهد الثقافي بمشاركة أطباء الجامعة")
    b = view("وتحدث الأطباء في ندوة بعنوان إشاعات صحية خاطئة نظمتها الجمعية للتوعية الصحية في مركز الملك فهد الثقافي")
    slot = compare(a, b).slot
    assert slot is None or slot.kind != "denial"


def test_the_deniers_next_statement_is_not_what_is_denied() -> None:
    # "وقالت إن ..." opens what the ministry says next: the denial is of the closure, not of the lessons going on
    a = view("أكدت الوزارة أن الدراسة مستمرة في جميع المدارس")
    b = view("نفت الوزارة إغلاق المدارس، وقالت إن الدراسة مستمرة في جميع المدارس")
    result = compare(a, b)
    assert result.slot is None or result.slot.kind != "denial"
