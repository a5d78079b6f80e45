"""Articles grouped into events: one happening across outlets, two happenings apart, the time window, and
adding to existing events. Pure: no database."""

from datetime import date

from factcheck_tui.store.text.arabic.normalize import normalize
from factcheck_tui.store.text.arabic.terms import content_terms
from factcheck_tui.store.text.grouping.events import Event, EventArticle, group_events, parse_day


def article(key, title, lead="", day=None):
    return EventArticle(
        key, tuple(content_terms(normalize(title))), tuple(content_terms(normalize(lead))), parse_day(day), title
    )


def flat_idf(term: str) -> float:
    return 1.0


def events_of(events):
    return sorted(sorted(e.keys) for e in events)


BOMBING = (
    "مقتل 15 في تفجير انتحاري استهدف مسجد قوات الطوارئ في أبها",
    "استهدف انتحاري مسجدا لقوات الطوارئ في منطقة عسير أثناء صلاة الظهر",
)
BOMBING_2 = (
    "تفجير إرهابي يستهدف مسجد قوات الطوارئ بأبها",
    "قتل 12 شخصا في تفجير انتحاري داخل مسجد لقوات الطوارئ في عسير أثناء صلاة الظهر",
)
MATCH = ("الهلال يتغلب على النصر في كأس السوبر في لندن", "فاز الهلال على النصر بهدف في نهائي كأس السوبر")


def test_two_reports_of_one_happening_are_one_event_and_another_happening_is_apart():
    events = group_events(
        [article(1, *BOMBING, "2015-08-06"), article(2, *BOMBING_2, "2015-08-06"), article(3, *MATCH, "2015-08-06")],
        flat_idf,
    )
    assert events_of(events) == [[1, 2], [3]]


def test_an_event_has_the_first_articles_title_as_label_and_spans_its_days():
    events = group_events([article(2, *BOMBING_2, "2015-08-07"), article(1, *BOMBING, "2015-08-06 10:00:00")], flat_idf)
    (event,) = events
    assert event.label == BOMBING[0]  # the earliest article comes first
    assert (event.start, event.end) == (date(2015, 8, 6), date(2015, 8, 7))


def test_the_same_words_weeks_apart_are_two_events():
    events = group_events([article(1, *BOMBING, "2015-08-06"), article(2, *BOMBING_2, "2015-08-30")], flat_idf)
    assert events_of(events) == [[1], [2]]


def test_an_undated_article_may_join_any_event():
    events = group_events([article(1, *BOMBING, "2015-08-06"), article(2, *BOMBING_2)], flat_idf)
    assert events_of(events) == [[1, 2]]


def test_a_new_article_joins_an_existing_event_and_leaves_its_members_alone():
    (first,) = group_events([article(1, *BOMBING, "2015-08-06")], flat_idf)
    stored = Event([], first.label, first.start, first.end, dict(first.centroid), key=77)
    events = group_events([article(2, *BOMBING_2, "2015-08-07"), article(3, *MATCH, "2015-08-07")], flat_idf, [stored])
    assert events[0].key == 77 and events[0].keys == [2]  # only what this call added
    assert [e.keys for e in events[1:]] == [[3]] and events[1].key is None


def test_rare_words_weigh_more_than_common_ones():
    common = {"قتل", "مقتل"}

    def idf(term: str) -> float:
        return 0.05 if term in {content_terms(normalize(w))[0] for w in common} else 1.0

    a = article(1, "مقتل ثلاثة في حادث سير بالرياض", "", "2015-08-06")
    b = article(2, "مقتل ثلاثة في غارة على صنعاء", "", "2015-08-06")
    assert len(group_events([a, b], idf)) == 2


def test_parse_day_reads_stored_dates_and_refuses_others():
    assert parse_day("2015-08-06 02:38:10") == date(2015, 8, 6)
    assert parse_day("yesterday") is None and parse_day(None) is None


def _every_event_compared(articles, idf, existing=()):
    """group_events as its rule says, comparing each article with every event (no look-up table): the reference
    the fast one must equal."""
    from factcheck_tui.store.text.grouping import events as ev

    events = [Event(list(e.keys), e.label, e.start, e.end, dict(e.centroid), e.key) for e in existing]
    for article in sorted(articles, key=lambda a: (a.day is None, a.day or date.min)):
        vector = ev.article_vector(article, idf)
        best, best_sim = None, ev.JOIN_THRESHOLD
        for i, event in enumerate(events):
            if event.reaches(article.day) and (sim := ev.cosine(vector, event.centroid)) >= best_sim:
                best, best_sim = i, sim
        if best is None:
            events.append(Event([], article.headline, article.day, article.day))
            best = len(events) - 1
        event = events[best]
        event.keys.append(article.key)
        if article.day is not None:
            event.start = min(event.start or article.day, article.day)
            event.end = max(event.end or article.day, article.day)
        event.centroid = ev._strongest(ev._add(event.centroid, vector))
    return [(e.keys, e.start, e.end) for e in events]


def test_events_out_of_reach_leave_the_look_up_table_without_changing_any_grouping():
    import random

    rng = random.Random(5)
    words = [f"w{i}" for i in range(200)]

    def story(n: int) -> list[str]:  # 25 stories of 8 words each, and words any article may use
        return words[(n % 25) * 8 : (n % 25) * 8 + 8]

    articles = [
        EventArticle(
            n,
            tuple(rng.sample(story(n), 4)),
            tuple(rng.sample(story(n), 3) + rng.sample(words, 3)),
            None if n % 17 == 0 else date(2015, 8, 1 + rng.randrange(20)),
            f"article {n}",
        )
        for n in range(300)
    ]
    existing = [Event(["old"], "old", date(2015, 7, 30), date(2015, 8, 2), {"w1": 1.0, "w2": 1.0}, key=1),
                Event(["undated"], "undated", None, None, {"w3": 1.0}, key=2)]  # fmt: skip
    idf = lambda t: 1.0 + int(t[1:]) / 10
    fast = group_events(articles, idf, [Event(list(e.keys), e.label, e.start, e.end, dict(e.centroid), e.key)
                                        for e in existing])  # fmt: skip
    assert [(e.keys, e.start, e.end) for e in fast] == _every_event_compared(articles, idf, existing)
    assert len(fast) > 20  # many events, most of them out of reach of most articles
