"""Sentence splitting: where sentences end, what stays together, and exact offsets into the article."""

from factcheck_tui.store.text.reading.sentences import Sentence, split_sentences


def texts(article: str) -> list[str]:
    return [s.text for s in split_sentences(article)]


def test_splits_at_full_stop_question_and_exclamation_marks():
    article = "وصل الوفد إلى موسكو. هل ينجح الاتفاق؟ لا أحد يعرف! ماذا بعد?"
    assert texts(article) == ["وصل الوفد إلى موسكو.", "هل ينجح الاتفاق؟", "لا أحد يعرف!", "ماذا بعد?"]


def test_arabic_comma_and_semicolon_do_not_end_a_sentence():
    article = "التقى المبعوث بوتين، واستمرت المحادثات ثلاث ساعات؛ ثم غادر."
    assert texts(article) == [article]


def test_every_line_break_ends_a_sentence_even_without_punctuation():
    article = "فريق التحرير\nقال الرئيس إن الاجتماع كان مثمرا\r\nشارك المقال"
    assert texts(article) == ["فريق التحرير", "قال الرئيس إن الاجتماع كان مثمرا", "شارك المقال"]


def test_a_quote_closed_on_the_same_line_stays_in_one_sentence():
    article = "“تم إحراز تقدم كبير!” كتب ترامب على منصته يوم الأربعاء. ثم غادر."
    assert texts(article) == ["“تم إحراز تقدم كبير!” كتب ترامب على منصته يوم الأربعاء.", "ثم غادر."]


def test_guillemets_and_straight_quotes_are_kept_whole_too():
    assert texts("وكتب على «إكس»: «هذه الحزم. ستعزز دفاعاتنا». وانتهى.") == [
        "وكتب على «إكس»: «هذه الحزم. ستعزز دفاعاتنا».",
        "وانتهى.",
    ]
    assert texts('قال: "لا معنى لهذا. إنها قسوة". ثم صمت.') == ['قال: "لا معنى لهذا. إنها قسوة".', "ثم صمت."]


def test_a_quote_left_open_at_the_end_of_the_line_does_not_swallow_sentences():
    article = "قال “لن نتراجع. سنواصل\nالجملة التالية."
    assert texts(article) == ["قال “لن نتراجع.", "سنواصل", "الجملة التالية."]


def test_decimals_domains_and_initials_are_not_sentence_ends():
    assert texts("ارتفع المؤشر 2.5 في المئة وفق sabq.org اليوم.") == ["ارتفع المؤشر 2.5 في المئة وفق sabq.org اليوم."]
    assert texts("وصل د. محمد إلى U.S. Army أمس.") == ["وصل د. محمد إلى U.S. Army أمس."]


def test_ellipses_and_runs_of_stops_yield_no_empty_pieces():
    assert texts("هناك جمود.. يتطلب الأمر وقتا... حقا؟!") == ["هناك جمود..", "يتطلب الأمر وقتا...", "حقا؟!"]


def test_empty_and_punctuation_only_pieces_are_dropped():
    assert texts("\n\n  . \n«»\nجملة واحدة.\n\n") == ["جملة واحدة."]
    assert split_sentences("") == []


def test_offsets_point_exactly_at_each_sentence_in_the_article():
    article = "  عنوان المقال\n\nقال المسؤول، أمس، إن 12 شخصا أصيبوا.  وأضاف: «الوضع مستقر».\n\tشارك المقال  "
    sentences = split_sentences(article)
    assert [s.text for s in sentences] == [
        "عنوان المقال",
        "قال المسؤول، أمس، إن 12 شخصا أصيبوا.",
        "وأضاف: «الوضع مستقر».",
        "شارك المقال",
    ]
    for s in sentences:
        assert article[s.start : s.end] == s.text
    assert [s.idx for s in sentences] == [0, 1, 2, 3]


def test_sentence_is_a_plain_value():
    assert split_sentences("جملة.") == [Sentence(0, 0, 5, "جملة.")]


def test_page_furniture_separators_end_a_sentence() -> None:
    text = "هيئة تحرير الشام تنفي إصابة قائدها في ضربة روسية | الجزيرة مباشر Main navigation Search\nآخر الأخبار > > كيف استعاد التنظيم أنفاسه"
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "هيئة تحرير الشام تنفي إصابة قائدها في ضربة روسية",
        "الجزيرة مباشر Main navigation Search",
        "آخر الأخبار",
        "كيف استعاد التنظيم أنفاسه",
    ]
    assert all(text[s.start : s.end] == s.text for s in split_sentences(text))
    assert [s.text for s in split_sentences("سعر الصرف 3|4 بين قوسين")] == ["سعر الصرف 3|4 بين قوسين"]


def test_an_engineers_title_and_a_decimal_shown_right_to_left_end_no_sentence():
    text = "وقال م. أحمد العلي إن الصادرات بلغت 5.\u200f2 مليون طن في عام 2015 م. وأضاف أن العمل مستمر."
    assert [s.text for s in split_sentences(text)] == [
        "وقال م. أحمد العلي إن الصادرات بلغت 5.\u200f2 مليون طن في عام 2015 م.",
        "وأضاف أن العمل مستمر.",
    ]


def test_a_dotted_acronym_in_brackets_does_not_end_the_sentence() -> None:
    text = "وذكرت هيئة الإذاعة الأسترالية (إيه.بي.سي) أن الحكومة قررت الحظر. وأضافت أن القرار نهائي."
    assert [s.text for s in split_sentences(text)] == [
        "وذكرت هيئة الإذاعة الأسترالية (إيه.بي.سي) أن الحكومة قررت الحظر.",
        "وأضافت أن القرار نهائي.",
    ]
