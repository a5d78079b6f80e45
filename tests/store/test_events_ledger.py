"""Events and the figure ledger on a real SQLite file: a news day of four articles of four outlets, three on one
bombing (12 dead at 09:00, 15 at 13:00, 17 two days later) and one on a match."""

import pytest
from tests_support import NEWS_DAY, write_day

from factcheck_tui.store.api import Store


@pytest.fixture
def day(tmp_path):
    with Store(tmp_path / "day.db") as store:
        store.index([write_day(tmp_path / "articles")])
        yield store


def outlet_of(store):
    return {a.id: a.outlet for a in store.articles()}


def test_the_bombing_is_one_event_of_three_outlets_and_the_match_another(day):
    events = day.events()
    outlets = sorted(sorted(e.outlets) for e in events)
    assert outlets == [["alriyadh", "okaz", "sabq"], ["arriyadiyah"]]
    bombing = next(e for e in events if len(e.outlets) == 3)
    assert (bombing.start, bombing.end) == ("2015-08-06", "2015-08-08")
    assert {a.event_id for a in day.articles() if a.outlet != "arriyadiyah"} == {bombing.id}


def test_the_ledger_gives_the_toll_in_time_order_with_its_conflict(day):
    rows = day.figures(reported_by_two=True)
    (toll,) = rows
    assert toll.status == "conflict"
    assert [(v.outlet, v.value) for v in toll.values] == [("sabq", 12), ("okaz", 15), ("alriyadh", 17)]
    assert [v.relation for v in toll.values] == ["", "conflict", "update"]
    first = toll.values[0]
    article = day.article(first.article_id)
    assert article.text[first.start : first.end] == first.written == "12 شخصا"


def test_a_claim_is_disputed_by_the_same_day_figure_and_its_ledger_shows_the_later_one(day):
    outlets = outlet_of(day)
    claim = next(c for c in day.claims() if c.text.startswith("قتل 12 شخصا"))
    disputes = {outlets[e.article_id]: e for e in day.evidence(claim.id) if e.stance == "disagree"}
    assert "15" in disputes["okaz"].reason
    assert claim.suggested_verdict == "disputed"
    # the later toll, told in other words, is in the event's ledger as an update (evidence is the pair's judgement)
    (toll,) = day.figures(day.event_of_claim(claim.id), reported_by_two=True)
    assert toll.values[-1].outlet == "alriyadh" and toll.values[-1].relation == "update"


def test_a_figure_of_another_event_is_never_compared(day):
    # the match's 20,000 fans are in no row with the bombing's dead
    rows = day.figures()
    assert all(len({v.article_id for v in r.values}) == 1 for r in rows if "مشجع" in r.counted)


def test_an_article_added_later_joins_its_event_and_updates_the_ledger(tmp_path):
    path = tmp_path / "day.db"
    first = {k: NEWS_DAY[k] for k in ("sabq", "arriyadiyah")}
    with Store(path) as store:
        store.index([write_day(tmp_path / "a", first)])
        (bombing_id,) = [e.id for e in store.events() if "sabq" in e.outlets]
    with Store(path) as store:
        store.index([write_day(tmp_path / "b", {"okaz": NEWS_DAY["okaz"]})])
        bombing = store.event(bombing_id)
        assert bombing.outlets == ["okaz", "sabq"]
        (toll,) = store.figures(bombing_id, reported_by_two=True)
        assert toll.status == "conflict"


def test_replacing_every_article_of_an_event_removes_the_event(tmp_path):
    folder = write_day(tmp_path / "a", {"arriyadiyah": NEWS_DAY["arriyadiyah"]})
    with Store(tmp_path / "day.db") as store:
        store.index([folder])
        (old,) = store.events()
        date, title, content = NEWS_DAY["sabq"]
        write_day(folder, {"arriyadiyah": (date, title, content)})  # the same file, now another story
        store.index([folder])
        (new,) = store.events()
        assert new.id != old.id and new.label == title


MINISTRY = {
    "sabq": (
        "2015-08-06 09:00:00",
        "الصحة: 12 إصابة جديدة بكورونا في الرياض",
        (
            "أعلنت وزارة الصحة تسجيل 12 إصابة جديدة بفيروس كورونا في مدينة الرياض خلال يوم أمس.\n"
            "ودعت الوزارة المواطنين إلى مراجعة المستشفيات عند ظهور الأعراض."
        ),
    ),
    "okaz": (
        "2015-08-06 11:00:00",
        "12 إصابة جديدة بكورونا في الرياض",
        (
            "وقالت وزارة الصحة إنها سجلت 12 إصابة جديدة بفيروس كورونا في مدينة الرياض خلال يوم أمس.\n"
            "وأشارت إلى أن المصابين يتلقون العلاج."
        ),
    ),
}


def test_outlets_quoting_one_source_are_one_origin(tmp_path):
    with Store(tmp_path / "day.db") as store:
        store.index([write_day(tmp_path / "articles", MINISTRY)])
        claim = next(c for c in store.claims() if c.text.startswith("أعلنت وزارة الصحة"))
        (okaz,) = [e for e in store.evidence(claim.id) if e.stance == "agree"]
        assert okaz.source == "وزارة الصحة" and okaz.own_origin
        assert claim.suggested_verdict == "single-source"  # the ministry said it; no second source did


def test_an_article_added_weeks_later_starts_an_event_of_its_own_and_leaves_the_old_one_alone(tmp_path):
    """Adding articles reads only the events their days can reach; one out of reach is neither joined nor changed."""
    path = tmp_path / "day.db"
    with Store(path) as store:
        store.index([write_day(tmp_path / "a", {"sabq": NEWS_DAY["sabq"]})])
        (bombing,) = store.events()
    _, title, content = NEWS_DAY["okaz"]
    with Store(path) as store:
        store.index([write_day(tmp_path / "b", {"okaz": ("2015-09-20 10:00:00", title, content)})])
        events = store.events()
        assert len(events) == 2
        assert store.event(bombing.id) == bombing
        assert next(e for e in events if e.id != bombing.id).outlets == ["okaz"]
