"""SVG snapshots (pytest-textual-snapshot). Deterministic: the indexed seeds, a fixed reviewer, a fixed clock,
no timestamps on the main screen. Regenerate with `pytest tests/ui --snapshot-update` when the screen or the text
engine changes on purpose, and look at them (SVG viewers apply their own bidi: trust tmux for Arabic)."""

from __future__ import annotations

import itertools

import pytest

from factcheck_tui.store.api import Store


@pytest.fixture
def fixed_clock(monkeypatch):
    ticks = itertools.count()
    monkeypatch.setattr("factcheck_tui.store.review.now", lambda: f"2025-08-07T09:{next(ticks):02d}:00.000000Z")


@pytest.fixture
def reviewed_db(seeded_db, fixed_clock):
    """A few verdicts and a note, by two reviewers, so symbols and counts show."""
    with Store(seeded_db) as store:
        ids = [c.id for c in store.claims()]
        store.set_verdict(ids[0], "confirmed", "amal")
        store.set_verdict(ids[1], "disputed", "amal", note="الرقم مختلف في مصدر آخر [the war]")
        store.set_verdict(ids[2], "single-source", "omar")
        store.set_verdict(ids[1], "confirmed", "omar")
        store.set_verdict(ids[1], "disputed", "amal")
    return seeded_db


def quiet(*keys: str):
    async def run_before(pilot) -> None:
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


def test_main_120x32(snap_compare, app_factory, reviewed_db):
    app = app_factory(db=reviewed_db, poll_interval=60)
    assert snap_compare(app, terminal_size=(120, 32), run_before=quiet("j"))


def test_main_80x24(snap_compare, app_factory, reviewed_db):
    app = app_factory(db=reviewed_db, poll_interval=60)
    assert snap_compare(app, terminal_size=(80, 24), run_before=quiet("j"))


def test_main_terminal_bidi_stacked(snap_compare, app_factory, reviewed_db):
    app = app_factory(db=reviewed_db, poll_interval=60, bidi="off")
    assert snap_compare(app, terminal_size=(120, 32), run_before=quiet())


def test_article_view(snap_compare, app_factory, reviewed_db):
    app = app_factory(db=reviewed_db, poll_interval=60)
    assert snap_compare(app, terminal_size=(120, 32), run_before=quiet("j", "j", "j", "j", "j", "j", "a"))


def test_help(snap_compare, app_factory, reviewed_db):
    app = app_factory(db=reviewed_db, poll_interval=60)
    assert snap_compare(app, terminal_size=(120, 32), run_before=quiet("question_mark"))


def test_history_modal(snap_compare, app_factory, reviewed_db, fixed_clock):
    app = app_factory(db=reviewed_db, poll_interval=60)
    assert snap_compare(app, terminal_size=(120, 32), run_before=quiet("j", "h"))


@pytest.mark.parametrize("size", [(80, 24), (120, 32)])
def test_focus_mode(snap_compare, app_factory, reviewed_db, size):
    app = app_factory(db=reviewed_db, poll_interval=60)
    assert snap_compare(app, terminal_size=size, run_before=quiet("z"))


@pytest.mark.parametrize("size", [(80, 24), (120, 32)])
def test_two_filters_and_a_sorted_list(snap_compare, app_factory, reviewed_db, size):
    """The claims title says both filters and the order: 'unreviewed + suggested confirmed · by check-worthiness'."""
    app = app_factory(db=reviewed_db, poll_interval=60)
    keys = ("f", "home", "down", "enter", "f", "home", "down", "down", "down", "enter", "o")
    assert snap_compare(app, terminal_size=size, run_before=quiet(*keys))


@pytest.mark.parametrize("size", [(80, 24), (120, 32)])
def test_event_log(snap_compare, app_factory, reviewed_db, size):
    from factcheck_tui.tui.messages import Said

    async def run_before(pilot) -> None:
        await pilot.pause()
        pilot.app.clear_notifications()
        pilot.app.said.clear()  # the clock of the day would change the snapshot
        pilot.app.said.extend([Said("09:00:00", "information", "claim 1: confirmed — saved"),
                               Said("09:01:00", "warning", "omar changed claim 1 (you decided it): confirmed → disputed"),
                               Said("09:02:00", "error", "not saved — retry: the database is locked")])  # fmt: skip
        await pilot.press("l")
        await pilot.pause()

    app = app_factory(db=reviewed_db, poll_interval=60)
    assert snap_compare(app, terminal_size=size, run_before=run_before)
