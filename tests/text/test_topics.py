"""Topics: separate stories stay apart, paraphrases meet, every claim has exactly one readable topic."""

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_tui.store.text.grouping.topics import (
    OTHER_LABEL,
    TopicGroup,
    TopicItem,
    _terms,
    _vocabulary,
    _without_accusative_alef,
    assign_topic,
    assign_topics,
    group_topics,
)

BOMBING = [
    "قتل 15 شخصا في تفجير انتحاري استهدف مسجدا لقوات الطوارئ في عسير.",
    "أعلنت وزارة الداخلية أن التفجير الانتحاري في مسجد قوات الطوارئ بعسير أسفر عن مقتل 15 شخصا.",
    "وأكد المتحدث الأمني أن الانتحاري فجر نفسه داخل مسجد الطوارئ في عسير أثناء صلاة الظهر.",
    "شيع أهالي عسير ضحايا تفجير مسجد قوات الطوارئ.",
]
OIL = [
    "ارتفعت أسعار النفط إلى 50 دولارا للبرميل في تعاملات الأربعاء.",
    "صعدت أسعار خام برنت فوق 50 دولارا للبرميل بعد بيانات المخزونات الأمريكية.",
    "وقال محللون إن أسعار النفط تتأثر بارتفاع المخزونات وتراجع الطلب على الخام.",
]
FOOTBALL = [
    "فاز نادي الهلال على النصر بهدفين في مباراة كأس السوبر في لندن.",
    "سجل مهاجم الهلال هدفي الفوز على النصر في نهائي كأس السوبر.",
    "وغادر لاعبو النصر ملعب لندن بعد خسارة كأس السوبر أمام الهلال.",
]


def items_of(*stories: list[str]) -> list[TopicItem]:
    return [TopicItem(f"{n}-{i}", text) for n, story in enumerate(stories) for i, text in enumerate(story)]


def topic_of(groups: list[TopicGroup]) -> dict:
    return {key: index for index, group in enumerate(groups) for key in group.keys}


def test_separate_stories_are_split_and_each_story_stays_whole():
    groups = group_topics(items_of(BOMBING, OIL, FOOTBALL))
    topics = topic_of(groups)
    for story, size in enumerate((len(BOMBING), len(OIL), len(FOOTBALL))):
        assert len({topics[f"{story}-{i}"] for i in range(size)}) == 1, f"story {story} was split"
    assert len({topics["0-0"], topics["1-0"], topics["2-0"]}) == 3


def test_every_item_is_in_exactly_one_group():
    items = items_of(BOMBING, OIL, FOOTBALL, ["جملة وحيدة لا تشبه شيئا آخر في هذه المجموعة."])
    keys = Counter(key for group in group_topics(items) for key in group.keys)
    assert keys == Counter(item.key for item in items)


def test_labels_are_short_arabic_words_from_the_text():
    for group in group_topics(items_of(BOMBING, OIL, FOOTBALL)):
        assert re.search("[\u0621-\u064a]", group.label)
        assert 1 <= len(group.label.replace("·", " ").split()) <= 4
    bombing = group_topics(items_of(BOMBING, OIL, FOOTBALL))[0]
    assert "عسير" in bombing.label  # the spelling of the text, not the normalized "عسير"/"الطواري"
    assert "الطواري" not in bombing.label


def test_a_claim_alone_goes_to_the_catch_all_topic_listed_last():
    groups = group_topics(items_of(BOMBING, ["أقيم معرض للكتاب في جدة بمشاركة دور نشر عربية."]))
    assert groups[-1].label == OTHER_LABEL
    assert groups[-1].keys == ["1-0"]
    assert groups[-1].terms == []


def test_spelling_and_clitic_variants_meet():
    items = [
        TopicItem(1, "وصل ويتكوف إلى موسكو للقاء بوتين بشأن العقوبات."),
        TopicItem(2, "وبوتين استقبل ويتكوف في موسكو وناقشا العقوبات الجديدة."),
        TopicItem(3, "ارتفعت أسعار القمح في الأسواق العالمية بسبب الجفاف."),
        TopicItem(4, "وتراجع محصول القمح بسبب الجفاف فارتفعت الأسعار."),
    ]
    topics = topic_of(group_topics(items))
    assert topics[1] == topics[2]
    assert topics[3] == topics[4]
    assert topics[1] != topics[3]


def test_a_short_claim_takes_the_topic_of_the_sentences_around_it():
    bombing = [TopicItem(f"a{i}", text, article="a", position=i) for i, text in enumerate(BOMBING[:2])]
    detail = TopicItem("a-detail", "وتضررت نوافذ المباني المجاورة بشدة.", article="a", position=2)
    others = [TopicItem(f"b{i}", text, article="b", position=i) for i, text in enumerate(BOMBING[2:])]
    with_context = topic_of(group_topics([*bombing, detail, *others]))
    assert with_context["a-detail"] == with_context["a0"]

    without_context = group_topics([TopicItem(i.key, i.text) for i in [*bombing, detail, *others]])
    assert "a-detail" in without_context[-1].keys and without_context[-1].label == OTHER_LABEL


def test_no_items_no_groups():
    assert group_topics([]) == []


def test_assign_topic_picks_the_group_sharing_its_key_terms():
    groups = group_topics(items_of(BOMBING, OIL, FOOTBALL))
    topics = topic_of(groups)
    new_bombing = TopicItem("new", "وارتفع عدد ضحايا تفجير مسجد الطوارئ في عسير إلى 15 قتيلا.")
    new_oil = TopicItem("new2", "وتراجعت أسعار النفط دون 50 دولارا للبرميل.")
    assert assign_topic(new_bombing, groups) == topics["0-0"]
    assert assign_topic(new_oil, groups) == topics["1-0"]


def test_assign_topic_says_new_topic_for_an_unrelated_claim_and_never_proposes_the_catch_all():
    groups = group_topics(items_of(BOMBING, OIL))
    unrelated = TopicItem("new", "افتتح معرض الكتاب الدولي في جدة بمشاركة خمسمئة دار نشر.")
    assert assign_topic(unrelated, groups) is None
    catch_all_only = [TopicGroup(OTHER_LABEL, ["x"], [])]
    assert assign_topic(TopicItem("new", BOMBING[0]), catch_all_only) is None
    assert assign_topic(TopicItem("new", BOMBING[0]), []) is None


def test_assigning_many_claims_compares_each_only_with_groups_sharing_a_term_and_finds_the_same_best():
    from factcheck_tui.store.text.grouping import topics as t

    groups = group_topics(items_of(BOMBING, OIL, FOOTBALL))
    claims = [
        TopicItem(f"n{i}", text)
        for i, text in enumerate(
            BOMBING
            + OIL
            + FOOTBALL
            + [
                "افتتح معرض الكتاب الدولي في جدة بمشاركة خمسمئة دار نشر.",
                "وتراجعت أسعار النفط دون 50 دولارا للبرميل بعد تفجير مسجد الطوارئ.",
            ]
        )
    ]

    def against_every_group(item):
        terms = t._terms_all_readings(item)
        scores = [t._overlap(terms, g.terms) for g in groups]
        best = max(range(len(groups)), key=lambda i: (scores[i], -i))
        return best if scores[best] >= t.ASSIGN_THRESHOLD and scores[best] > 0 else None

    expected = [against_every_group(c) for c in claims]
    assert assign_topics(claims, groups) == expected
    assert any(e is not None for e in expected) and None in expected


def test_last_week_or_a_social_media_post_does_not_make_a_topic():
    # Two stories whose only shared words are when ("الأسبوع الماضي") and where it was posted ("وسائل التواصل
    # الاجتماعي"): neither says what a claim is about.
    flood = [
        "غمرت السيول شوارع جدة الأسبوع الماضي وكتب السكان على وسائل التواصل الاجتماعي عن الأضرار.",
        "أغلقت السيول أنفاق جدة وتضررت المنازل.",
        "ارتفع منسوب السيول في أحياء جدة الجنوبية.",
    ]
    transfer = [
        "وقع النادي الأهلي مع المهاجم البرازيلي الأسبوع الماضي ونشر الخبر على وسائل التواصل الاجتماعي.",
        "قدم النادي الأهلي مهاجمه البرازيلي الجديد للجماهير.",
        "يبلغ عقد المهاجم البرازيلي مع الأهلي ثلاثة مواسم.",
    ]
    topics = topic_of(group_topics(items_of(flood, transfer)))
    assert topics["0-0"] == topics["0-1"]
    assert topics["1-0"] == topics["1-1"]
    assert topics["0-0"] != topics["1-0"]


def test_the_accusative_alef_is_read_off_when_the_corpus_has_the_word_without_it():
    items = [
        TopicItem(1, "عقد وزير الخارجية اجتماعًا مطولًا مع نظيره الفرنسي."),
        TopicItem(2, "انتهى الاجتماع بين الوزيرين دون بيان مشترك."),
        TopicItem(3, "زار الوفد أمريكا الشهر الماضي."),
    ]
    vocabulary = _vocabulary(items)
    meeting, ended, visit = (set(_terms(item, vocabulary).surfaces) for item in items)
    assert "اجتماع" in meeting and "اجتماع" in ended
    assert "امريكا" in visit  # no "أمريكي" in this corpus: the name stays whole


def test_an_alef_after_a_pronoun_or_a_plural_verb_is_not_the_accusative():
    vocabulary = {"ادانته", "لكنه", "قالو", "اجتماع"}
    assert _without_accusative_alef("اجتماعا", vocabulary) == "اجتماع"
    # "إدانتها" is "its condemnation", not "his" with an alef; "قالوا" is a plural verb
    for word in ("ادانتها", "لكنها", "قالوا"):
        assert _without_accusative_alef(word, vocabulary) == word


def _nearest_one_by_one(index: int, vectors, df) -> list[tuple[float, int]]:
    """The neighbour look-up as a loop over the terms: what the bulk sum must give, ties and last bits included."""
    import heapq
    from collections import defaultdict

    from factcheck_tui.store.text.grouping import topics as tp

    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for term, weight in vector.items():
            postings[term].append((i, weight))
    vector = vectors[index]
    scores: dict[int, float] = {}
    for term in sorted(vector, key=lambda t: (df[t], t))[: tp.LOOKUP_TERMS]:
        if len(postings[term]) > tp.MAX_POSTINGS:
            continue
        for other, other_weight in postings[term]:
            scores[other] = scores.get(other, 0.0) + vector[term] * other_weight
    scores.pop(index, None)
    shortlist = heapq.nlargest(tp.NEIGHBOURS + tp.SHORTLIST_MARGIN, scores, key=scores.__getitem__)
    return tp._top_edges(vector, shortlist, vectors)


# Few terms and weights, many claims: more candidates than the shortlist holds, with ties at its edge.
@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.dictionaries(st.sampled_from("abcdefg"), st.sampled_from([0.5, 1.0]), min_size=1, max_size=4),
        min_size=1,
        max_size=80,
    )
)
def test_neighbours_summed_in_bulk_are_those_summed_term_by_term(vectors):
    from collections import Counter

    from factcheck_tui.store.text.grouping import topics as tp

    df = Counter(t for v in vectors for t in v)
    graph = tp._NeighbourGraph(vectors, df)
    assert graph.edges == [_nearest_one_by_one(i, vectors, df) for i in range(len(vectors))]
