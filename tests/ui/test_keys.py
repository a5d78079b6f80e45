"""Every key of the dashboard, asserting on the database (through a second connection) and on widget state."""

from __future__ import annotations

import asyncio
import csv
import json
import sys

import pytest
from tests_support import screen_text
from textual.widgets import Input

from factcheck_tui.store.api import Store
from factcheck_tui.store.models import ClaimFilter
from factcheck_tui.tui.app import ReviewCommands
from factcheck_tui.tui.screens.article import ArticleScreen
from factcheck_tui.tui.screens.main import MainScreen
from factcheck_tui.tui.screens.modals import (
    ConflictScreen,
    ExportScreen,
    FilterScreen,
    HelpScreen,
    HistoryScreen,
    NoteScreen,
    SearchScreen,
)

SIZE = (120, 32)
REVIEWER = "amal"  # as in conftest


async def settle(pilot, seconds: float = 0.05) -> None:
    await pilot.pause(seconds)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def what_is_said(app) -> list[str]:
    """What the app says from now on (App.say), in order, instead of its toasts."""
    said: list[str] = []
    app.say = lambda message, severity="information": said.append(message)  # type: ignore[method-assign]
    return said


def main(app) -> MainScreen:
    screen = app.main_screen
    assert screen is not None
    return screen


def first_unreviewed(other) -> int:
    return next(c.id for c in other.claims() if c.verdict is None)


async def test_opens_on_the_claims_with_totals_and_reviewer(app_factory, other):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        stats = other.stats()
        assert screen.topics_pane.topic_id is None  # "all claims"
        assert screen.claims_pane.table.row_count == stats.claims
        assert len(screen.claims_pane.claims) == screen.claims_pane.table.row_count > 0
        totals = str(screen.query_one("#totals").render())
        assert f"{stats.articles} articles" in totals and f"{stats.claims} claims" in totals
        assert "0 reviewed" in totals and "0 disputed" in totals
        assert REVIEWER in str(screen.query_one("#who").render())
        assert screen.claims_pane.current_id == int(screen.claims_pane.table.current_key)
        assert app.focused is screen.claims_pane.table


@pytest.mark.parametrize("key, verdict", [("c", "confirmed"), ("d", "disputed"), ("s", "single-source")])
async def test_verdict_keys_write_then_move_to_the_next_unreviewed(app_factory, other, key, verdict):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        first = screen.claims_pane.current_id
        await pilot.press(key)
        stored = other.claim(first)
        assert stored.verdict == verdict and stored.reviewer == REVIEWER
        # the row shows what the database returned
        assert screen.claims_pane.claims[first].verdict == verdict
        assert screen.claims_pane.claims[first].version == stored.version
        # and the cursor moved on to an unreviewed claim
        assert screen.claims_pane.current_id != first
        assert screen.claims_pane.claims[screen.claims_pane.current_id].verdict is None
        assert other.stats().reviewed == 1


async def test_next_unreviewed_skips_reviewed_claims(app_factory, other):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        keys = screen.claims_pane.table.keys_in_order()
        await pilot.press("down")  # review the second first
        await pilot.press("c")
        assert screen.claims_pane.current_id == int(keys[2])
        await pilot.press("up", "up")
        assert screen.claims_pane.current_id == int(keys[0])
        await pilot.press("d")  # the next unreviewed after the first is the third (the second is done)
        assert screen.claims_pane.current_id == int(keys[2])


async def test_x_clears_and_u_undoes(app_factory, other):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        first = screen.claims_pane.current_id
        await pilot.press("c")
        await pilot.press("k")  # back to the first
        assert screen.claims_pane.current_id == first
        await pilot.press("x")
        await settle(pilot)  # a write is shown once it has committed
        assert other.claim(first).verdict is None
        assert screen.claims_pane.claims[first].verdict is None
        await pilot.press("u")  # undo the clear: confirmed again
        await settle(pilot)
        assert other.claim(first).verdict == "confirmed"
        assert screen.claims_pane.claims[first].verdict == "confirmed"
        assert screen.claims_pane.current_id == first
        await pilot.press("u")  # undo the confirmation
        await settle(pilot)
        assert other.claim(first).verdict is None
        assert len(other.history(first)) == 4


async def test_undo_with_nothing_to_undo_says_so(app_factory, other, monkeypatch):
    app = app_factory()
    said = []
    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(app, "say", lambda message, severity="information": said.append(message))
        await pilot.pause()
        await pilot.press("u")
        await settle(pilot)
        assert any("nothing" in m for m in said)


async def test_n_adds_and_edits_a_note(app_factory, other):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        cid = screen.claims_pane.current_id
        await pilot.press("n")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"call them", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert other.claim(cid).note == "call them"
        assert other.claim(cid).verdict is None  # a note alone sets no verdict
        await pilot.press("n")
        app.screen.query_one(Input).value = "اتصل بالمكتب [the war]"
        await pilot.press("enter")
        await settle(pilot)
        assert other.claim(cid).note == "اتصل بالمكتب [the war]"
        assert screen.claims_pane.claims[cid].note == "اتصل بالمكتب [the war]"
        await pilot.press("n", "escape")  # cancel changes nothing
        assert other.claim(cid).note == "اتصل بالمكتب [the war]"


async def test_h_shows_the_history(app_factory, other):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        cid = screen.claims_pane.current_id
        await pilot.press("d", "k", "c", "k")
        await settle(pilot)
        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one("#history-table")
        assert table.row_count == len(other.history(cid)) == 2
        row = [str(c) for c in table.get_row_at(1)]
        assert REVIEWER in row and "disputed" in row[2] and "confirmed" in row[2]
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_a_opens_the_article_at_the_claims_sentence(app_factory, other):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        # a claim far down its article, so the view must scroll to it
        claim = max(screen.claims_pane.claims.values(), key=lambda c: c.start)
        screen.select_claim(claim.id)
        await pilot.press("a")
        await pilot.pause()
        article_screen = app.screen
        assert isinstance(article_screen, ArticleScreen)
        assert article_screen.article.id == claim.article_id
        assert article_screen.article.text[claim.start : claim.end].strip() == claim.text.strip()
        line = article_screen.sentence_line()
        body = article_screen.query_one("#article-body")
        assert line is not None and line > 0
        assert body.scroll_y <= line < body.scroll_y + body.scrollable_content_region.height
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_slash_searches_and_jumps_to_the_claim(app_factory, other):
    app = app_factory()
    target = other.claims()[-1]
    word = max(target.text.split(), key=len)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        app.screen.query_one(Input).value = word
        await pilot.press("enter")
        search = app.screen
        assert search.hits, word
        index = next(i for i, h in enumerate(search.hits) if h.claim_id == target.id)
        for _ in range(index):
            await pilot.press("down")
        await pilot.press("enter")
        assert isinstance(app.screen, MainScreen)
        assert screen.claims_pane.current_id == target.id
        assert screen.claims_pane.table.current_key == str(target.id)


async def test_f_filters_unreviewed_and_by_outlet(app_factory, other):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        await pilot.press("c", "c")
        await settle(pilot)
        await pilot.press("f")
        assert isinstance(app.screen, FilterScreen)
        said = what_is_said(app)
        await pilot.press("down", "enter")  # the second choice: unreviewed
        await settle(pilot)
        assert screen.filter_choice.unreviewed
        expected = other.claims(ClaimFilter(topic_id=screen.topics_pane.topic_id, unreviewed=True))
        assert said[-1] == f"showing: {screen.filter_choice.label} ({len(expected)})"  # the list shown, not the last
        assert (
            screen.claims_pane.table.row_count
            == len(expected)
            == len(other.claims(ClaimFilter(topic_id=screen.topics_pane.topic_id))) - 2
        )
        outlet = other.outlets()[1]
        await pilot.press("f")
        choices = app.screen.choices
        target = next(i for i, c in enumerate(choices) if c.outlet == outlet)
        await pilot.press("home", *["down"] * target, "enter")
        await settle(pilot)
        assert screen.filter_choice.outlet == outlet and screen.filter_choice.unreviewed  # the filters combine
        assert screen.filter_choice.label == f"unreviewed + outlet: {outlet}"
        rows = {int(k) for k in screen.claims_pane.table.keys_in_order()}
        assert rows == {c.id for c in other.claims(ClaimFilter(topic_id=screen.topics_pane.topic_id, outlet=outlet,
                                                                 unreviewed=True))}  # fmt: skip
        await pilot.press("f", "home", "down", "enter")  # unreviewed again: taken out
        await settle(pilot)
        assert screen.filter_choice.outlet == outlet and not screen.filter_choice.unreviewed
        await pilot.press("F")  # every filter cleared
        await settle(pilot)
        assert screen.filter_choice.is_all
        await pilot.press("f", "home", "down", "enter")
        await pilot.press("f", "home", "enter")  # all claims again
        assert screen.filter_choice.is_all


async def test_e_exports_csv_and_json(app_factory, other, tmp_path):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        target = tmp_path / "verdicts.csv"
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        with target.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == other.stats().claims
        assert sum(1 for r in rows if r["verdict"] == "confirmed") == 1

        await pilot.press("e")
        select = app.screen.query_one("#export-format")
        select.value = "json"
        await pilot.pause()
        path_input = app.screen.query_one("#export-path", Input)
        assert path_input.value.endswith(".json")
        path_input.value = str(tmp_path / "verdicts.json")
        path_input.focus()
        await pilot.press("enter")
        await settle(pilot)
        data = json.loads((tmp_path / "verdicts.json").read_text(encoding="utf-8"))
        assert len(data["claims"]) == other.stats().claims


async def test_b_toggles_right_to_left_display(app_factory):
    app = app_factory(bidi="on")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        assert app.text_display.reorder
        assert not screen.has_class("-terminal-bidi")
        row_before = screen.claims_pane.table.current_key
        await pilot.press("b")
        assert not app.text_display.reorder
        assert screen.has_class("-terminal-bidi")  # stacked panes when the terminal reorders rows
        assert screen.claims_pane.table.current_key == row_before
        cell = screen.claims_pane.table.get_row(row_before)[-1]
        assert cell.display.reorder is False
        await pilot.press("b")
        assert app.text_display.reorder


async def test_ctrl_p_palette_runs_the_same_actions(app_factory, other):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        cid = screen.claims_pane.current_id
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"verdict: disputed")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert other.claim(cid).verdict == "disputed"


async def test_question_mark_lists_every_key(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = {k for k, _ in app.screen.rows}
        for key in ("c", "d", "s", "x", "u", "n", "h", "a", "/", "f", "e", "b", "?", "q", "tab", "ctrl+p"):
            assert any(key in k.split(", ") or key == k for k in keys), key
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_keys_can_be_remapped_by_binding_id(app_factory, other):
    app = app_factory(keymap={"review.confirm": "y"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cid = main(app).claims_pane.current_id
        await pilot.press("y")
        assert other.claim(cid).verdict == "confirmed"


async def test_moving_and_switching_panes_without_a_mouse(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        table = screen.claims_pane.table
        await pilot.press("j", "j", "down")
        assert table.cursor_row == 3
        await pilot.press("k", "up")
        assert table.cursor_row == 1
        assert screen.claims_pane.current_id == int(table.current_key)
        await pilot.press("tab")
        assert app.focused.id == "evidence-pane"
        await pilot.press("tab")
        assert app.focused.id == "topics"
        await pilot.press("enter")  # a topic → its claims
        assert app.focused is table


async def test_q_quits(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_read_only_disables_the_write_keys_and_leaves_them_out_of_the_palette(app_factory, other):
    app = app_factory(read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        for key in ("c", "d", "s", "x", "u", "n"):
            await pilot.press(key)
            assert isinstance(app.screen, MainScreen), key  # no note dialog either
        assert other.stats().reviewed == 0
        for action, parameters in (("verdict", ("confirmed",)), ("clear_verdict", ()), ("undo", ()), ("note", ())):
            assert screen.check_action(action, parameters) is None  # the footer shows the key dimmed
        assert screen.check_action("history", ()) is True
        titles = [str(hit.display) async for hit in ReviewCommands(screen).discover()]  # what the palette lists
        assert not any(title.startswith(("Verdict", "Clear verdict", "Undo", "Note")) for title in titles)
        assert "Search: Search every sentence and jump to it" in titles
        assert "read-only" in str(screen.query_one("#who").render())
        await pilot.press("h", "escape", "a", "escape")  # looking still works


@pytest.mark.parametrize("choice, expected", [("o", "mine"), ("t", "theirs")])
async def test_conflict_shows_both_and_lets_the_reviewer_choose(app_factory, other, choice, expected):
    app = app_factory(poll_interval=60)  # no refresh: the app still holds the old version
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        cid = screen.claims_pane.current_id
        other.set_verdict(cid, "disputed", "other", note="their note")
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        dialog = app.screen
        assert (dialog.current["verdict"], dialog.current["reviewer"], dialog.current["note"]) == (
            "disputed",
            "other",
            "their note",
        )
        assert dialog.mine["verdict"] == "confirmed"
        assert len(dialog.query(".side")) == 2
        assert other.claim(cid).verdict == "disputed"  # nothing overwritten before the choice
        await pilot.press(choice)
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        stored = other.claim(cid)
        if expected == "mine":
            assert (stored.verdict, stored.reviewer) == ("confirmed", REVIEWER)
        else:
            assert (stored.verdict, stored.reviewer) == ("disputed", "other")
        assert screen.claims_pane.claims[cid].verdict == stored.verdict


async def test_every_topic_and_claim_has_a_row_and_only_the_rows_on_screen_are_made(app_factory, other):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        topics = screen.topics_pane.table
        assert topics.keys_in_order() == ["all"] + [f"t{t.id}" for t in screen.topics_pane.topics]
        table = screen.claims_pane.table
        order = list(screen.claims_pane.claims)
        assert len(order) > 2 * SIZE[1]  # more claims than the screen holds
        assert table.keys_in_order() == [str(c) for c in order]
        made = [k for k in table.keys_in_order() if table.row(k).cells is not None]
        assert 0 < len(made) < SIZE[1]  # the cells of the rows drawn, not of every claim
        assert "Claims 0/" + str(len(order)) in str(screen.query_one("#claims-pane").border_title)

        # a verdict on the last claim on screen moves on to the next unreviewed one, below the screen: the list
        # scrolls to it and makes its row
        last_on_screen = order[len(made) - 1]
        table.select_key(str(last_on_screen))
        await pilot.pause()
        await pilot.press("c")
        await settle(pilot)
        assert other.claim(last_on_screen).verdict == "confirmed"
        following = order[order.index(last_on_screen) + 1]
        assert screen.claims_pane.current_id == following
        assert table.row(str(following)).cells is not None
        assert str(following) in screen_text(app)


async def test_braces_step_through_the_topics_from_the_claims_list(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        topics = screen.topics_pane.topics
        assert len(topics) > 2 and screen.topics_pane.topic_id is None  # all claims
        await pilot.press("right_curly_bracket")
        await settle(pilot)
        assert screen.topics_pane.topic_id == topics[0].id
        assert set(screen.claims_pane.claims) == {c.id for c in app.store.claims() if c.topic_id == topics[0].id}
        assert app.focused is screen.claims_pane.table
        await pilot.press("right_curly_bracket", "left_curly_bracket", "left_curly_bracket")
        await settle(pilot)
        assert screen.topics_pane.topic_id is None


async def test_the_id_column_widens_for_ids_with_more_digits(app_factory, monkeypatch):
    import factcheck_tui.tui.widgets.claims as claims_pane

    monkeypatch.setattr(claims_pane, "ID_WIDTH", 1)  # the seeds' ids have up to three digits
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = main(app).claims_pane.table
        widest = max(len(key) for key in table.keys_in_order())
        assert widest == 3
        assert table.column_width("id") == widest
        assert str(table.get_row(table.keys_in_order()[-1])[0]).strip() == table.keys_in_order()[-1]


async def test_a_verdict_on_a_database_locked_too_long_says_not_saved_and_the_app_goes_on(
    app_factory, seeded_db, monkeypatch
):
    import sqlite3

    import factcheck_tui.store.db

    monkeypatch.setattr(factcheck_tui.store.db, "BUSY_TIMEOUT_MS", 50)  # a colleague's long write: wait little
    app = app_factory()
    said = what_is_said(app)
    holder = sqlite3.connect(seeded_db, isolation_level=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        first = screen.claims_pane.current_id
        holder.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press("c")
            await settle(pilot)
            assert any(m.startswith("not saved — retry") and "locked" in m for m in said), said
            assert screen.claims_pane.claims[first].verdict is None
        finally:
            holder.execute("ROLLBACK")
        screen.select_claim(first)
        await pilot.press("c")  # the retry
        await settle(pilot)
        assert screen.claims_pane.claims[first].verdict == "confirmed"
    holder.close()


HOLD_THE_WRITE_LOCK = (
    "import sqlite3, sys\n"
    "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
    "db.execute('BEGIN IMMEDIATE')\n"
    "print('held', flush=True)\n"
    "sys.stdin.readline()\n"
    "db.execute('ROLLBACK')\n"
)


async def test_a_verdict_waits_for_another_process_s_write_off_the_screen(app_factory, seeded_db):
    """The issue's measure: another process holds the write lock (it took 1.99 s of frozen screen per key). The
    verdict's write waits in its own thread; the screen goes on answering keys; the claim shows as saved once the
    write has committed, when the other process lets go."""
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        first = screen.claims_pane.current_id
        holder = await asyncio.create_subprocess_exec(
            sys.executable, "-c", HOLD_THE_WRITE_LOCK, str(seeded_db), stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )  # fmt: skip
        assert holder.stdin is not None and holder.stdout is not None
        try:
            assert (await holder.stdout.readline()).strip() == b"held"
            await pilot.press("c")  # its write now waits for the lock
            await pilot.press("k")  # and the screen answers: back to the first claim
            assert screen.claims_pane.current_id == first
            assert screen.claims_pane.claims[first].verdict is None  # not shown as saved before it is
            await pilot.press("j", "k")
            assert screen.claims_pane.current_id == first and screen.claims_pane.claims[first].verdict is None
        finally:
            holder.stdin.write(b"\n")
            await holder.stdin.drain()
            await asyncio.wait_for(holder.wait(), timeout=30)
        await settle(pilot, 0.3)
        assert screen.claims_pane.claims[first].verdict == "confirmed"


async def test_e_onto_an_existing_file_asks_first_and_never_onto_the_database(app_factory, seeded_db, tmp_path):
    from factcheck_tui.tui.screens.modals import ConfirmScreen

    app = app_factory()
    said = what_is_said(app)
    kept = tmp_path / "kept.csv"
    kept.write_text("an editor's file", encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        app.screen.query_one("#export-path", Input).value = str(kept)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert kept.read_text(encoding="utf-8") == "an editor's file"
        await pilot.press("e")
        app.screen.query_one("#export-path", Input).value = str(seeded_db)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")  # even when told to replace it
        await settle(pilot)
    assert any("refusing to export onto the database" in m for m in said), said
    with Store(seeded_db, read_only=True) as store:
        assert store.stats().claims > 0


async def test_a_served_session_exports_only_into_its_folder_by_name(app_factory, tmp_path):
    folder = tmp_path / "exports"
    app = app_factory(export_dir=str(folder))
    what_is_said(app)  # its toasts kept off the screen
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        path = app.screen.query_one("#export-path", Input)
        assert path.value == "factcheck-export.csv"
        path.value = "../../outside.csv"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)  # refused: still asking
        path.value = "desk.csv"
        await pilot.press("enter")
        await settle(pilot)
    assert (folder / "desk.csv").exists() and not (tmp_path / "outside.csv").exists()


async def test_an_app_level_worker_error_is_said_not_lost(app_factory, monkeypatch):
    app = app_factory()
    said = []
    monkeypatch.setattr(app, "say", lambda message, severity="information": said.append((message, severity)))

    def broken(self, progress=None):
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(Store, "finish_pending", broken)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.finish_pending()
        await settle(pilot)
    assert ("finishing an interrupted index run failed: the disk went away", "error") in said, said


async def test_a_dialog_worker_error_is_said_not_lost(app_factory, monkeypatch):
    """A worker of a dialog (the search, typed as you go) that fails says so; before, its error reached no one."""
    app = app_factory()
    said = []
    monkeypatch.setattr(app, "say", lambda message, severity="information": said.append((message, severity)))

    def broken(self, query):
        raise RuntimeError("the index is gone")

    monkeypatch.setattr(Store, "search", broken)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"gas", "enter")
        for _ in range(50):  # not settle(): waiting for every worker raises the failed one's error here
            await pilot.pause(0.05)
            if any(severity == "error" for _, severity in said):
                break
    assert any(severity == "error" and "the index is gone" in message for message, severity in said), said


def damaged_copy(db, target):
    """A copy of db with a few pages in the middle scribbled over, the header and schema left whole."""
    import sqlite3

    with sqlite3.connect(db) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    page = sqlite3.connect(target).execute("PRAGMA page_size").fetchone()[0]
    pages = target.stat().st_size // page
    with open(target, "r+b") as handle:
        for n in range(pages // 2, pages // 2 + 3):
            handle.seek(n * page)
            handle.write(b"\xff" * page)
    return target


async def test_a_damaged_database_is_said_when_the_app_opens(app_factory, seeded_db, tmp_path, monkeypatch):
    app = app_factory(damaged_copy(seeded_db, tmp_path / "damaged.db"))
    said = []
    monkeypatch.setattr(app, "say", lambda message, severity="information": said.append((message, severity)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await settle(pilot)
    assert any("checking the database failed" in m and "damaged" in m and s == "error" for m, s in said), said


async def test_the_evidence_is_read_off_the_event_loop_and_only_the_claim_under_the_cursor_is_drawn(
    app_factory, monkeypatch
):
    """A claim of a big story has dozens of links to read: while its read is held, keys go on moving the cursor,
    and the evidence drawn in the end is the claim's the cursor stopped on, not a claim passed on the way."""
    import threading

    release = threading.Event()
    real = Store.evidence

    def held(self, claim_id):
        release.wait(10)  # on the event loop this would hold every key below for 10 s
        return real(self, claim_id)

    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        monkeypatch.setattr(Store, "evidence", held)
        table = screen.claims_pane.table
        table.focus()
        first = screen.claims_pane.current_id
        await pilot.press("j", "j", "j")
        await pilot.pause()
        order = list(screen.claims_pane.claims)
        assert screen.claims_pane.current_id == order[order.index(first) + 3]  # the keys were answered
        assert f"claim {first}" in str(screen.query_one("#evidence-pane").border_title)  # nothing new drawn yet
        release.set()
        await settle(pilot)
        assert (
            str(screen.query_one("#evidence-pane").border_title) == f"Evidence · claim {order[order.index(first) + 3]}"
        )


async def test_the_display_mode_is_reactive_wherever_it_is_changed(app_factory):
    """Not only the b key: setting the app's text display (the palette, a test, a future setting) redraws."""
    from factcheck_tui.tui.widgets.text import Display

    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        reorder = app.text_display.reorder
        app.text_display = Display(reorder=not reorder, shaping=app.text_display.shaping)
        await settle(pilot)
        assert screen.has_class("-terminal-bidi") is reorder


async def test_e_exports_what_the_list_shows_and_says_how_many(app_factory, other, tmp_path):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said = what_is_said(app)
        await pilot.press("c", "c")
        await settle(pilot)
        await pilot.press("f", "down", "enter")  # unreviewed
        await settle(pilot)
        screen = main(app)
        shown = len(screen.claims_pane.claims)
        assert shown == other.stats().claims - 2
        await pilot.press("e")
        app.screen.query_one("#export-format").value = "json"
        await pilot.pause()
        path_input = app.screen.query_one("#export-path", Input)
        path_input.value = str(tmp_path / "shown.json")
        path_input.focus()
        await pilot.press("enter")
        await settle(pilot)
    data = json.loads((tmp_path / "shown.json").read_text(encoding="utf-8"))
    assert len(data["claims"]) == shown and all(c["verdict"] is None for c in data["claims"])
    assert f"exported {shown:,} claims to {tmp_path / 'shown.json'} (json)" in said


async def test_on_a_team_the_filter_offers_my_queue_and_c_walks_it(app_factory, seeded_db):
    """An editor assigned three claims to this reviewer: 'assigned to me, unreviewed' lists exactly those, and
    confirming one moves on to the next of them."""
    from tests.ui.conftest import REVIEWER

    with Store(seeded_db) as store:
        store.team_add(REVIEWER, account="amal")
        store.team_allow_named_reviewers(True, account="amal")
        mine = [c.id for c in store.claims()[5:8]]
        store.assign(mine, REVIEWER, account="amal")
    app = app_factory(seeded_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        await pilot.press("f")
        await settle(pilot)
        assert app.screen.choices[1].label == "assigned to me, unreviewed"
        await pilot.press("down", "enter")
        await settle(pilot)
        assert list(screen.claims_pane.claims) == mine
        screen.claims_pane.table.focus()
        await pilot.press("c")
        await settle(pilot)
        assert screen.claims_pane.current_id == mine[1]


async def test_undo_past_a_colleagues_change_says_so_plainly_and_shows_the_claim_as_it_is(app_factory, other):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said = what_is_said(app)
        screen = main(app)
        first = screen.claims_pane.current_id
        await pilot.press("c")
        await settle(pilot)
        other.set_verdict(first, "disputed", "omar")  # a colleague, after you
        await pilot.press("u")
        await settle(pilot)
        assert other.claim(first).verdict == "disputed"  # theirs stands
        assert screen.claims_pane.claims[first].verdict == "disputed"  # and the screen shows it, no reload key
        assert screen.claims_pane.current_id == first
        message = next(m for m in said if m.startswith("not undone"))  # beside the toast of omar's change
        assert message.startswith(f"not undone: claim {first} was changed by omar at ") and " UTC " in message
        assert "T" not in message.split(" at ")[1][:16]  # a time a person reads, not ISO


async def test_x_on_an_unreviewed_claim_does_nothing(app_factory, other):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = main(app).claims_pane.current_id
        await pilot.press("x")
        await settle(pilot)
        assert other.history(first) == []


async def test_t_shows_how_far_the_reviewers_agree(app_factory, other):
    from factcheck_tui.tui.screens.modals import AgreementScreen

    ids = [c.id for c in other.claims()[:2]]
    for cid in ids:
        other.set_verdict(cid, "confirmed", "amal")
        other.set_verdict(cid, "confirmed", "omar")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, AgreementScreen)
        (pair,) = app.screen.figures["pairs"]
        assert pair["reviewers"] == ["amal", "omar"] and pair["claims"] == 2
        rows = app.screen.query_one("#agreement-table").row_count
        assert rows == 1 + 2 + len(app.screen.figures["topics"])  # the pair, each reviewer vs suggested, topics


async def test_an_editor_assigns_the_selected_claim_or_its_topic_with_A(app_factory, other):
    from factcheck_tui.store.models import ClaimFilter
    from factcheck_tui.tui.screens.modals import AssignScreen

    other.team_add("omar", account="amal")
    app = app_factory()
    app.account = "amal"  # the editor's OS account
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        first = screen.claims_pane.current_id
        await pilot.press("A")
        await settle(pilot)
        assert isinstance(app.screen, AssignScreen) and app.screen.members == ["amal", "omar"]
        await pilot.press("down", "enter")  # to omar, the claim alone
        await settle(pilot)
        assert [c.id for c in other.claims(ClaimFilter(assigned_to="omar"))] == [first]
    app = app_factory()
    app.account = "omar"  # a reviewer cannot assign
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said = what_is_said(app)
        await pilot.press("A")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert any("only an editor" in m for m in said), said


async def test_blind_double_review_on_screen_then_the_editor_adjudicates_with_J(app_factory, other):
    """A blind reviewer sees no colleague's verdict in the list, the evidence pane or the history until they give
    theirs; then both reviews and the disagreement; the editor decides it with J."""
    from factcheck_tui.tui.screens.adjudication import AdjudicationScreen
    from factcheck_tui.tui.screens.modals import HistoryScreen

    other.team_add("omar", account="ed")
    other.team_add("amal", account="ed")
    other.set_review_policy(reviews_needed=2, blind=True, account="ed")
    app = app_factory(reviewer="amal")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        first = screen.claims_pane.current_id
        other.set_verdict(first, "confirmed", "omar", note="seen on two wires")  # omar, in another process
        screen.refresh_data(force=True)
        await settle(pilot, 0.3)
        evidence = screen_text(app)
        assert "seen on two wires" not in evidence and "omar" not in evidence
        assert "hidden until you give your verdict (1 of 2 reviews given)" in evidence
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen) and app.screen.events == []
        await pilot.press("escape", "d")  # amal disputes: now she sees omar's review and the disagreement
        await settle(pilot, 0.3)
        await pilot.press("k")  # d went on to the next claim
        await settle(pilot, 0.3)
        shown = screen.claims_pane.claims[first]
        assert (shown.verdict, shown.hidden) == ("disputed", False)
        text = screen_text(app)
        assert "the reviewers disagree: an editor decides" in text and "seen on two wires" in text, text
        await pilot.press("J")
        await settle(pilot)
        assert not isinstance(app.screen, AdjudicationScreen)  # amal is no editor
    app = app_factory(reviewer="ed")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("J")
        await settle(pilot, 0.3)
        assert isinstance(app.screen, AdjudicationScreen) and list(app.screen.claims) == [first]
        await pilot.press("d")
        await pilot.press(*"the denial stands", "enter")
        await settle(pilot, 0.3)
        assert app.screen.claims == {}
    decided = other.claim(first)
    assert (decided.final_verdict, decided.adjudicated_by, decided.note) == ("disputed", "ed", "the denial stands")


async def test_a_colleague_changing_a_claim_you_decided_is_said_and_marked_until_you_look(app_factory, other):
    app = app_factory(reviewer="amal")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said = what_is_said(app)
        screen = main(app)
        first = screen.claims_pane.current_id
        await pilot.press("c")  # amal confirms; the cursor goes on to the next claim
        await settle(pilot, 0.3)
        other.set_verdict(first, "disputed", "omar")  # another process
        screen.refresh_data()
        await settle(pilot, 0.3)
        assert said[-1] == f"omar changed claim {first} (you decided it): confirmed → disputed"
        assert first in screen.claims_pane.changed
        assert screen_text(app).count("●") == 1
        other.set_verdict(first + 5, "disputed", "omar")  # a claim amal never touched: nothing said
        screen.refresh_data()
        await settle(pilot, 0.3)
        assert len([m for m in said if "omar" in m]) == 1
        await pilot.press("k")  # she looks at it: the mark goes
        await settle(pilot, 0.3)
        assert first not in screen.claims_pane.changed and "●" not in screen_text(app)


async def test_m_marks_an_evidence_link_wrong_which_colleagues_see_and_the_suggestion_leaves_out(app_factory, other):
    from factcheck_tui.tui.screens.modals import MarkScreen

    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        claim_id = screen.claims_pane.current_id
        first_link = other.evidence(claim_id)[0]
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, MarkScreen)
        await pilot.press("enter")  # the first link
        await pilot.press("down", "down", "enter")  # right, the stance, another event
        await settle(pilot, 0.3)
        marks = next(e for e in other.evidence(claim_id) if e.sentence_id == first_link.sentence_id).marks
        assert [(m.reviewer, m.mark) for m in marks] == [("amal", "other_event")]
        assert "marked wrong: another event by amal" in screen_text(app)


async def test_a_browser_session_says_who_is_reviewing_first_checked_against_the_team(app_factory, other):
    """serve starts each session with --ask-reviewer: its OS account is the server's."""
    from factcheck_tui.tui.screens.modals import IdentityScreen

    other.team_add("omar", account="ed")
    app = app_factory(reviewer="", ask_identity=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, IdentityScreen)
        await pilot.press(*"omar", "enter")  # a member, but the team does not allow names yet
        await settle(pilot, 0.3)
        assert isinstance(app.screen, IdentityScreen) and "not allowed" in screen_text(app)
        other.team_allow_named_reviewers(True, account="ed")
        await pilot.press("enter")
        await settle(pilot, 0.3)
        assert not isinstance(app.screen, IdentityScreen) and app.reviewer == "omar"
        first = main(app).claims_pane.current_id
        await pilot.press("c")
        await settle(pilot, 0.3)
    assert other.history(first)[-1].reviewer == "omar"


@pytest.mark.parametrize("width", [80, 120])
async def test_the_footer_is_one_line_ending_with_help_and_quit(app_factory, width):
    from factcheck_tui.tui.widgets.keybar import KeyBar

    app = app_factory()
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        bar = main(app).query_one(KeyBar)
        assert bar.size.height == 1
        line = bar.render().plain
        assert line.startswith("c conf d disp s single") and line.endswith("? help q quit")
        assert len(line) <= width - 2


async def test_z_gives_the_evidence_the_screen_and_brackets_move_between_claims(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main(app)
        first = screen.claims_pane.current_id
        await pilot.press("z")
        await settle(pilot)
        assert screen.has_class("-focus")
        assert (
            screen.query_one("#claims-pane").styles.display == screen.query_one("#topics-pane").styles.display == "none"
        )
        evidence = screen.query_one("#evidence-pane")
        assert evidence.has_focus and evidence.size.height >= 20
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen.claims_pane.current_id != first and f"claim {screen.claims_pane.current_id}" in str(
            evidence.border_title
        )
        await pilot.press("left_square_bracket", "z")
        await settle(pilot)
        assert screen.claims_pane.current_id == first and not screen.has_class("-focus")
        assert screen.claims_pane.table.has_focus


async def test_l_lists_what_the_session_said_after_the_toasts_have_gone(app_factory):
    from factcheck_tui.tui.screens.modals import LogScreen

    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")  # "claim N: confirmed" is said
        await settle(pilot, 0.3)
        app.say("the second thing", severity="warning")
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LogScreen)
        texts = [s.text for s in app.screen.said]
        assert any(t.endswith("confirmed — saved") for t in texts) and texts[-1] == "the second thing"
        assert app.screen.query_one("#log-table").row_count == len(texts)


async def test_y_copies_the_claim_or_an_evidence_sentence_in_logical_order(app_factory, other):
    from factcheck_tui.tui.screens.modals import CopyScreen

    app = app_factory()  # bidi on: the screen shows reordered, shaped text; the clipboard gets the stored text
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        claim = other.claim(main(app).claims_pane.current_id)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, CopyScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert app.clipboard == claim.text
        await pilot.press("y")
        await settle(pilot)
        sentence = next(text for label, text in app.screen.choices if " · " in label)
        index = next(i for i, (label, _) in enumerate(app.screen.choices) if " · " in label)
        await pilot.press(*["down"] * index, "enter")
        await settle(pilot)
        assert app.clipboard == sentence and sentence in [e.sentence for e in other.evidence(claim.id)]


async def test_topic_counts_are_never_cut(app_factory):
    from factcheck_tui.store.models import Stats, Topic

    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = main(app).topics_pane
        big = [Topic(1, "قصة كبيرة", 19282, 12345, 1772)]
        pane.show(big, Stats(3218, 19282, 12345, 1700, 1772, 1, 0))
        await settle(pilot)
        text = screen_text(app)
        assert "12345/19282" in text and "1772" in text


def test_filter_choices_combine_one_per_dimension():
    from factcheck_tui.tui.screens.modals import ALL, filter_choices

    choices = {c.label: c for c in filter_choices(["okaz", "sabq"])}
    f = ALL.with_choice(choices["unreviewed"]).with_choice(choices["outlet: okaz"])
    f = f.with_choice(choices["suggested disputed"])
    assert (f.unreviewed, f.outlet, f.suggested) == (True, "okaz", "disputed")
    assert f.label == "unreviewed + outlet: okaz + suggested disputed"
    f = f.with_choice(choices["verdict: confirmed"])  # your verdict's dimension: replaces unreviewed
    assert (f.unreviewed, f.verdict) == (False, "confirmed")
    f = f.with_choice(choices["outlet: sabq"])  # another outlet replaces the first
    assert f.outlet == "sabq" and f.holds(choices["outlet: sabq"]) and not f.holds(choices["outlet: okaz"])
    f = f.with_choice(choices["outlet: sabq"])  # chosen again: taken out
    assert f.outlet is None and f.suggested == "disputed"
    assert f.with_choice(ALL).is_all


async def test_o_sorts_the_claims_and_the_title_says_how(app_factory, other):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        await pilot.press("o")  # check-worthiness
        await settle(pilot, 0.3)
        listed = [screen.claims_pane.claims[int(k)] for k in screen.claims_pane.table.keys_in_order() if k.isdigit()]
        worth = [c.checkworthiness for c in listed]
        assert worth == sorted(worth, reverse=True) and "by check-worthiness" in str(screen.claims_pane.border_title)
        await pilot.press("o", "o", "o")  # disputed first, date, agreeing origins
        await settle(pilot, 0.3)
        origins = other.agreeing_origins()
        counts = [origins.get(int(k), 0) for k in screen.claims_pane.table.keys_in_order() if k.isdigit()]
        assert counts == sorted(counts, reverse=True) and max(counts) > 0
        await pilot.press("o")  # back to position
        await settle(pilot, 0.3)
        assert "by " not in str(screen.claims_pane.border_title)


async def test_the_history_row_shows_at_80_columns_where_the_table_scrolls_sideways(app_factory, other):
    from factcheck_tui.tui.screens.modals import HistoryScreen

    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        claim_id = main(app).claims_pane.current_id
        other.set_verdict(claim_id, "disputed", "omar", note="ملاحظة طويلة " * 8)
        await pilot.press("h")
        await settle(pilot, 0.3)
        assert isinstance(app.screen, HistoryScreen)
        assert "omar" in screen_text(app)  # it hid under the sideways scrollbar


def test_a_date_range_is_two_choices_that_combine():
    from factcheck_tui.tui.screens.modals import ALL, filter_choices

    choices = {c.label: c for c in filter_choices(["okaz"], days=["2015-08-03", "2015-08-04", "2015-08-05"])}
    f = ALL.with_choice(choices["from 2015-08-04"]).with_choice(choices["to 2015-08-05"])
    assert (f.day_from, f.day_to, f.label) == ("2015-08-04", "2015-08-05", "from 2015-08-04 + to 2015-08-05")
    assert "from 2015-08-03" not in {c.label for c in filter_choices(["okaz"], days=["2015-08-03"])}  # one day: none


async def test_the_chosen_topics_whole_label_shows_under_the_topics(app_factory, other):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        screen.topics_pane.table.focus()
        await pilot.press("j")
        await settle(pilot)
        topic = next(t for t in other.topics() if t.id == screen.topics_pane.topic_id)
        label = screen.topics_pane.query_one("#topic-label")
        assert label.display and label.size.height >= 1 and label.content.text == topic.label
