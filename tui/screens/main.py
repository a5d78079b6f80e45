"""The review dashboard: topics, the claims of the selected topic, the evidence for the selected claim."""

from __future__ import annotations

import asyncio
import gc
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Label, ProgressBar
from textual.worker import Worker, WorkerState, get_current_worker

from factcheck_tui.store.api import Store, StoreError, VerdictConflict
from factcheck_tui.store.models import (
    Claim,
    ClaimFilter,
    Event,
    Evidence,
    IndexProgress,
    IndexReport,
    SearchHit,
    Stats,
    VerdictEvent,
)
from factcheck_tui.tui.messages import ClaimChosen, ClaimOpened, Indexed, IndexingProgress, TopicChosen, TopicOpened
from factcheck_tui.tui.screens.adjudication import AdjudicationScreen
from factcheck_tui.tui.screens.article import ArticleScreen
from factcheck_tui.tui.screens.figures import FiguresScreen
from factcheck_tui.tui.screens.modals import (
    ALL,
    AgreementScreen,
    AssignScreen,
    ConfirmScreen,
    ConflictScreen,
    CopyScreen,
    ExportScreen,
    FilterChoice,
    FilterScreen,
    HelpScreen,
    HistoryScreen,
    LogScreen,
    MarkScreen,
    NoteScreen,
    SearchScreen,
    filter_choices,
)
from factcheck_tui.tui.widgets.claims import ClaimsPane
from factcheck_tui.tui.widgets.evidence import EvidencePane
from factcheck_tui.tui.widgets.keybar import KeyBar
from factcheck_tui.tui.widgets.status import StatusBar
from factcheck_tui.tui.widgets.text import plain
from factcheck_tui.tui.widgets.topics import ALL_TOPICS, TopicsPane, topic_key
from factcheck_tui.tui.workers import BackgroundWork
from factcheck_tui.tui.writes import WriteConnection

if TYPE_CHECKING:
    from factcheck_tui.tui.app import FactcheckApp


# The orders of the claims list (o cycles): as the articles tell them first.
SORT_ORDERS = ("position", "check-worthiness", "disputed first", "date", "agreeing origins")


def sorted_claims(claims: list[Claim], order: str, origins: dict[int, int]) -> list[Claim]:
    """The claims in this order (the store gives them by position: article, then sentence); ties keep that."""
    if order == "check-worthiness":
        return sorted(claims, key=lambda c: -c.checkworthiness)
    if order == "disputed first":  # a reviewer's dispute, then a suggested one
        return sorted(claims, key=lambda c: (c.verdict != "disputed", c.suggested_verdict != "disputed"))
    if order == "date":  # the latest first: a desk follows the newest reports
        return sorted(claims, key=lambda c: c.date or "", reverse=True)
    if order == "agreeing origins":
        return sorted(claims, key=lambda c: -origins.get(c.id, 0))
    return claims


MAX_CHANGE_TOASTS = 3  # more colleagues' changes at one refresh are said in one line, not a toast each


class MainScreen(BackgroundWork, Screen):
    """Everything a reviewer does, by key. Each binding has an id so it can be remapped (App.set_keymap)."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide"), (160, "-very-wide")]  # noqa: RUF012 — typed by Screen

    # The one place each key is defined: its footer label (description) and what it does (tooltip), which ? help
    # and the command palette show.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "verdict('confirmed')", "conf", id="review.confirm",
                tooltip="Confirm the selected claim, then go to the next unreviewed one"),
        Binding("d", "verdict('disputed')", "disp", id="review.dispute",
                tooltip="Mark the selected claim disputed, then go to the next unreviewed one"),
        Binding("s", "verdict('single-source')", "single", id="review.single",
                tooltip="Mark the selected claim single-source, then go to the next unreviewed one"),
        Binding("x", "clear_verdict", "clear", id="review.clear", tooltip="Clear your verdict on the selected claim"),
        Binding("u", "undo", "undo", id="review.undo", tooltip="Undo your last change (verdict or note)"),
        Binding("n", "note", "note", id="review.note", tooltip="Add or edit the note on the selected claim"),
        Binding("h", "history", "hist", id="review.history",
                tooltip="Who changed the selected claim, when, from what to what"),
        Binding("a", "article", "source", id="review.article",
                tooltip="Open the source article at the claim's sentence"),
        Binding("v", "figures", "figures", id="review.figures",
                tooltip="The figure ledger of the claim's event: each outlet's figures, updates and conflicts"),
        Binding("slash", "search", "search", id="review.search", tooltip="Search every sentence and jump to it"),
        Binding("right_square_bracket", "step_claim(1)", "next", id="review.next", show=False,
                tooltip="The next claim of the list (in focus mode too)"),
        Binding("left_square_bracket", "step_claim(-1)", "previous", id="review.previous", show=False,
                tooltip="The previous claim of the list (in focus mode too)"),
        Binding("right_curly_bracket", "step_topic(1)", "next topic", id="review.next_topic", show=False,
                tooltip="The next topic's claims, the cursor staying in the claims list"),
        Binding("left_curly_bracket", "step_topic(-1)", "previous topic", id="review.previous_topic", show=False,
                tooltip="The previous topic's claims, the cursor staying in the claims list"),
        Binding("A", "assign", "assign", id="review.assign", show=False,
                tooltip="Assign the selected claim, or its topic, to a member of the team (editors)"),
        Binding("t", "agreement", "agree", id="review.agreement", show=False,
                tooltip="How far the reviewers agree: Cohen's kappa per pair, Krippendorff's alpha, per topic"),
        Binding("m", "mark_evidence", "mark", id="review.mark", show=False,
                tooltip="Mark a link of the claim's evidence right, or wrong (stance, another event, not independent)"),
        Binding("J", "adjudicate", "adjudicate", id="review.adjudicate", show=False,
                tooltip="The claims whose reviewers disagree, each review side by side: decide the final verdict "
                        "(editors)"),
        Binding("f", "filter", "filter", id="review.filter",
                tooltip="Show only unreviewed / suggested disputed / a verdict / an outlet"),
        Binding("o", "sort", "sort", id="review.sort", show=False,
                tooltip="Sort the claims: by position, check-worthiness, disputed first, date, agreeing origins"),
        Binding("F", "clear_filters", "all", id="review.clear_filters", show=False,
                tooltip="Clear every filter: all the claims of the topic again"),
        Binding("e", "export", "export", id="review.export", tooltip="Export claims and verdicts to CSV or JSON"),
        Binding("b", "toggle_bidi", "rtl", id="review.bidi",
                tooltip="Right-to-left text: reorder it here, or leave it to the terminal"),
        Binding("y", "copy", "copy", id="review.copy", show=False,
                tooltip="Copy the claim, its URL or an evidence sentence to the clipboard (OSC 52)"),
        Binding("l", "log", "log", id="review.log", show=False,
                tooltip="What this session said: every message, also those whose toast has gone"),
        Binding("z", "focus_mode", "focus", id="review.focus",
                tooltip="Focus: the claim and its evidence take the screen ([ and ] move between claims); z again"),
        Binding("question_mark", "help", "help", id="review.help", tooltip="This list of keys"),
        Binding("q", "quit", "quit", id="review.quit", tooltip="Quit"),
    ]  # fmt: skip
    # What each action does, read off the bindings above (? help, the command palette)
    DESCRIPTIONS: ClassVar[dict[str, str]] = {b.action: b.tooltip for b in BINDINGS if isinstance(b, Binding)}
    # The actions that change verdicts or notes: on a database opened read-only they are disabled (check_action),
    # so the footer shows their keys dimmed and the command palette leaves them out.
    WRITE_ACTIONS: ClassVar[frozenset[str]] = frozenset(
        {"verdict", "clear_verdict", "undo", "note", "assign", "adjudicate", "mark_evidence"}
    )
    # The actions about the selected claim: the palette names the claim beside them.
    ABOUT_THE_CLAIM: ClassVar[frozenset[str]] = frozenset(
        {"verdict", "clear_verdict", "note", "history", "article", "figures"}
    )

    def __init__(self) -> None:
        super().__init__()
        self.filter_choice: FilterChoice = ALL
        self.claims_order = SORT_ORDERS[0]
        self._write_order = asyncio.Lock()  # writes run one after another, in the order they were asked for
        # Writes finished so far: a read that began before one finished may hold what it replaced, and is not
        # drawn (the screen's own writes are not read back by the poll: a stale read would stay on screen).
        self._writes_finished = 0
        self._data_version: int | None = None  # as the write connection last saw it (tui.writes)
        self._writes: WriteConnection | None = None
        self._last_event: int | None = None  # the last history event read: colleagues' later changes are said
        self._stats: Stats | None = None  # the totals last read: the status bar is redrawn from them on a resize
        self._totals_due: set[str] = set()  # topic rows whose totals a verdict changed, until they are read
        self._progress_sent = 0.0
        self._indexing = 0
        self._read_error: str | None = None

    @property
    def fapp(self) -> FactcheckApp:
        return self.app  # type: ignore[return-value]

    # -- layout -------------------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        with Horizontal(id="progress-row"):
            yield Label("indexing", id="progress-label")
            yield ProgressBar(id="progress", show_eta=False)
        with Horizontal(id="panes"):
            yield TopicsPane(id="topics-pane", classes="pane")
            with Vertical(id="right"):
                yield ClaimsPane(id="claims-pane", classes="pane")
                yield EvidencePane(id="evidence-pane", classes="pane")
        yield KeyBar()

    def on_resize(self) -> None:
        if self._stats is not None:
            self.show_status(self._stats)

    def on_mount(self) -> None:
        self.query_one("#topics-pane").border_title = "Topics"
        self.query_one("#claims-pane").border_title = "Claims"
        self.query_one("#evidence-pane").border_title = "Evidence"
        self.query_one("#progress-row").display = False
        self.set_class(not self.fapp.text_display.reorder, "-terminal-bidi")
        self._writes = WriteConnection(self.store)
        self.refresh_data(force=True)
        self.claims_pane.table.focus()
        self.set_interval(self.fapp.poll_interval, self.poll)
        self.fapp.call_after_refresh(self.fapp.start_background_work, self)

    # -- reading ------------------------------------------------------------------------------------------
    @property
    def store(self):
        return self.fapp.store

    @property
    def topics_pane(self) -> TopicsPane:
        return self.query_one(TopicsPane)

    @property
    def claims_pane(self) -> ClaimsPane:
        return self.query_one(ClaimsPane)

    def claim_filter(self) -> ClaimFilter:
        f = self.filter_choice
        return ClaimFilter(
            topic_id=self.topics_pane.topic_id,
            unreviewed=f.unreviewed,
            suggested=f.suggested,
            verdict=f.verdict,
            outlet=f.outlet,
            stale=f.stale,
            assigned_to=f.assigned_to,
            day_from=f.day_from,
            day_to=f.day_to,
        )

    def on_unmount(self) -> None:
        if self._writes is not None:
            self._writes.close()

    @property
    def writes(self) -> WriteConnection:
        assert self._writes is not None, "the screen is not mounted"
        return self._writes

    def poll(self) -> None:
        """Another process (a colleague, an indexer) committed: re-read, update rows in place. Asked on the
        connection this screen writes on, whose data_version its own writes leave alone. A read error (a locked or
        vanished file) is shown once and retried at the next tick, never raised out of the timer."""

        async def poll() -> None:
            if self._write_order.locked():
                return  # a write may wait out another's lock for seconds: ask at a tick when none is running
            try:
                if await self.writes.run(lambda s: s.data_version()) != self._data_version:
                    self.refresh_data()
                self._read_error = None
            except (StoreError, sqlite3.Error) as err:
                self._say_read_error(err)

        self.in_background(poll, "poll", "asking the database for changes")

    # Every read runs in a thread on a connection of its own (the store's rule: the UI never waits on the database),
    # and what it read is drawn when it comes, if it still answers what is on the screen.
    async def read(self, job: Callable[[Store], Any]) -> Any:
        return await asyncio.to_thread(_on_own_connection, self.store, job)

    def refresh_data(self, force: bool = False) -> None:
        """Totals, topics and claims as stored now (another process committed, or the screen opened); a refresh
        not yet drawn gives way to a later one."""

        async def refresh() -> None:
            await self._refresh(force)

        self.in_background(refresh, "refresh", "reading the database")

    async def _refresh(self, force: bool) -> None:
        writes = self._writes_finished
        try:
            # before the reads: a commit made while they run is seen by the next poll (not behind a pending write,
            # which may wait for seconds: the old baseline then stands, and the poll after it refreshes once more)
            if not self._write_order.locked():
                self._data_version = await self.writes.run(lambda s: s.data_version())
            stats, topics = await self.read(lambda s: (s.stats(), s.topics()))
        except (StoreError, sqlite3.Error) as err:  # a damaged file: say so and keep the screen, never crash
            self._say_read_error(err)
            return
        if writes != self._writes_finished:
            self.refresh_data(force)  # read again, after the write
            return
        self.show_status(stats)
        self.topics_pane.show(topics, stats)
        await self._say_changes_by_others()
        await self._reload_claims(force=force)
        _freeze_what_lives_on()  # once the first screen is drawn (a no-op after)

    async def _say_changes_by_others(self) -> None:
        """A toast, and a mark on the row, when a colleague changed a claim this reviewer decided or was assigned."""
        me = self.fapp.reviewer
        if self._last_event is None:
            self._last_event = await self.read(lambda s: s.last_event_id())
            return
        since = self._last_event
        self._last_event, changes = await self.read(lambda s: s.changes_by_others(since, me))
        if not changes:
            return
        self.claims_pane.mark_changed({e.claim_id for e, _ in changes})
        if len(changes) > MAX_CHANGE_TOASTS:
            ids = ", ".join(str(c) for c in dict.fromkeys(e.claim_id for e, _ in changes))
            self.fapp.say(f"{len(changes)} changes by colleagues to your claims: {ids}", severity="warning")
            return
        for e, why in changes:
            what = {"review": "reviewed", "adjudication": "decided"}.get(e.kind, "changed")
            verdicts = f": {e.previous or 'none'} → {e.verdict or 'none'}" if e.verdict or e.previous else ""
            self.fapp.say(f"{e.reviewer} {what} claim {e.claim_id} ({why}){verdicts}", severity="warning")

    def _say_read_error(self, err: Exception) -> None:
        if str(err) != self._read_error:
            self._read_error = str(err)
            self.fapp.say(f"could not read the database: {err}", severity="error")

    def show_status(self, stats: Stats) -> None:
        self._stats = stats
        self.query_one(StatusBar).show(stats, reviewer=self.fapp.reviewer, read_only=self.store.read_only,
                                       reorder=self.fapp.text_display.reorder, roomy=self.size.width >= 100)  # fmt: skip

    def load_claims(self, force: bool = False, from_top: bool = False, group: str = "claims") -> None:
        """Read the claims in the background; a later load of the same group replaces one not yet drawn."""

        async def load() -> None:
            await self._reload_claims(force, from_top)

        self.in_background(load, group, "reading the claims")

    async def _reload_claims(self, force: bool = False, from_top: bool = False, first_evidence: bool = True) -> None:
        """The claims of the chosen topic and filter, as stored now; the evidence again when the claim under the
        cursor is another or changed (force: always), else re-read in place (new articles may have brought some).
        A read whose topic or filter the reader has left meanwhile is not drawn: the read for the new one follows."""
        wanted, order, writes = self.claim_filter(), self.claims_order, self._writes_finished
        try:
            claims, evidence_of_first = await self.read(
                lambda s: _listed_claims(s, wanted, order, from_top and first_evidence)
            )
        except (StoreError, sqlite3.Error) as err:
            self._say_read_error(err)
            return
        if wanted != self.claim_filter() or order != self.claims_order:
            return
        if writes != self._writes_finished:
            self.load_claims(force, from_top)  # read again, after the write
            return
        pane = self.claims_pane
        moved = pane.show(claims, from_top=from_top)
        self.update_claims_title()
        if evidence_of_first is not None and claims and pane.current_id == claims[0].id:
            # drawn with the list, in one layout of the screen instead of a second when its own read comes; a read
            # of it begun earlier must not draw what it read over this
            self.workers.cancel_group(self, "evidence")
            evidence, event = evidence_of_first
            self._draw_evidence(claims[0], evidence, event, keep_scroll=False)
        elif force or moved:
            self.show_evidence()
        elif pane.current_id is not None:
            self.show_evidence(keep_scroll=True)

    def update_claims_title(self) -> None:
        topic_id = self.topics_pane.topic_id
        shown = None if self.filter_choice.is_all else self.filter_choice.label
        if self.claims_order != SORT_ORDERS[0]:
            shown = f"{shown + ' · ' if shown else ''}by {self.claims_order}"
        self.claims_pane.set_title(shown, None if topic_id is None else self.topics_pane.label_of(topic_id))

    def action_sort(self) -> None:
        self.claims_order = SORT_ORDERS[(SORT_ORDERS.index(self.claims_order) + 1) % len(SORT_ORDERS)]
        self.fapp.say(f"claims sorted by {self.claims_order}")
        self.load_claims(force=True, from_top=True)

    def show_evidence(self, keep_scroll: bool = False) -> None:
        """The evidence of the claim under the cursor, read in a thread (a claim of a big story has dozens of
        links and its event's ledger) and drawn if the cursor is still on that claim when it comes."""
        claim = self.current_claim
        self.claims_pane.current_id = claim.id if claim else None
        if claim is None:
            self._draw_evidence(None, [], None, keep_scroll)
            return

        async def read() -> None:
            await self._read_evidence(claim, keep_scroll)

        self.in_background(read, "evidence", "reading the evidence")

    async def _read_evidence(self, claim: Claim, keep_scroll: bool) -> None:
        evidence, event = await asyncio.to_thread(_on_own_connection, self.store, lambda s: _evidence_of(s, claim.id))
        if self.claims_pane.current_id == claim.id:
            self._draw_evidence(self.claims_pane.claims.get(claim.id, claim), evidence, event, keep_scroll)

    def _draw_evidence(self, claim: Claim | None, evidence: list, event: Event | None, keep_scroll: bool) -> None:
        empty = (
            "Indexing… claims appear as they are read."
            if self._indexing
            else ("No claims here." + ("" if self.filter_choice.is_all else " Press f to change the filter."))
        )
        self.query_one(EvidencePane).show(claim, evidence, event, self.fapp.text_display, self.fapp.palette, empty,
                                          keep_scroll, dense=self.has_class("-focus"))  # fmt: skip

    @property
    def current_claim(self) -> Claim | None:
        return self.claims_pane.under_cursor

    # -- selection ----------------------------------------------------------------------------------------
    @on(TopicChosen)
    def _topic_chosen(self) -> None:
        self.load_claims(force=True, from_top=True)

    @on(TopicOpened)
    def _topic_opened(self) -> None:
        self.claims_pane.table.focus()

    @on(ClaimChosen)
    def _claim_chosen(self) -> None:
        self.claims_pane.seen(self.claims_pane.current_id)
        self.show_evidence()

    @on(ClaimOpened)
    def _claim_opened(self) -> None:
        self.query_one("#evidence-pane").focus()

    def select_claim(self, claim_id: int) -> bool:
        if self.claims_pane.select(claim_id):
            self.show_evidence()
            return True
        return False

    def next_unreviewed(self, after_id: int) -> None:
        if after_id not in self.claims_pane.claims:
            return
        following = self.claims_pane.next_unreviewed_after(after_id)
        if following is None:
            self.fapp.say("every claim in this list is reviewed")
        else:
            self.select_claim(following)

    # -- writing ------------------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.WRITE_ACTIONS and self.store.read_only:
            return None  # shown, dimmed, and not run
        return True

    def _writable(self) -> bool:
        if self.store.read_only:
            self.fapp.say("read-only: the database was opened with --read-only", severity="warning")
            return False
        return True

    def _selected(self) -> Claim | None:
        claim = self.current_claim
        if claim is None:
            self.fapp.say("no claim selected", severity="warning")
        return claim

    def action_verdict(self, verdict: str | None, move: bool = True) -> None:
        if not self._writable() or (claim := self._selected()) is None:
            return
        self.write_verdict(claim, verdict, move=move)

    def action_clear_verdict(self) -> None:
        self.action_verdict(None, move=False)

    def write_verdict(
        self, claim: Claim, verdict: str | None, *, note=None, move: bool = True, expected: int | None = None
    ) -> None:
        """Written (its own short transaction, off the event loop) before the row shows it; the cursor moves on at
        once. A colleague's change is never overwritten silently: VerdictConflict opens a dialog with both."""
        from factcheck_tui.store.api import KEEP

        note_arg = KEEP if note is None else note
        reviewer = self.fapp.reviewer

        def done(saved: Claim | None, error: Exception | None) -> None:
            if isinstance(error, VerdictConflict):
                self.show_conflict(claim, error, verdict, note)
            elif isinstance(error, StoreError):
                self.fapp.say(f"not saved — retry: {error}", severity="error")
            elif error is not None:
                raise error
            elif saved is not None:
                self.apply_claim(saved)
                what = saved.verdict or "cleared"
                self.fapp.say(f"claim {saved.id}: {what} — saved" if note is None else f"claim {saved.id}: note saved")

        def job() -> Callable[[Store], Claim]:
            version = self._version_now(claim) if expected is None else expected
            return lambda store: store.set_verdict(claim.id, verdict, reviewer, note=note_arg, expected_version=version)

        self.write(job, done)
        if move and verdict is not None:
            self.next_unreviewed(claim.id)

    def write(self, job: Callable[[], Callable[[Store], Any]], done: Callable[[Any, Exception | None], None]) -> None:
        """Run a write on a connection of its own in a thread, where it may wait for another writer's lock (an
        indexer's batch, a colleague's save) while this screen goes on answering keys; writes run in the order they
        were asked for (a verdict, then its undo), and done() takes each result in on the event loop. job() makes
        the write when its turn comes, so it sees what the writes before it saved (a claim's version)."""
        self.run_worker(self._write_in_order(job, done), group="write", description="saving")

    def _version_now(self, claim: Claim) -> int:
        """The version of the claim as this screen last saw it stored: the one a write expects to replace."""
        return self.claims_pane.claims.get(claim.id, claim).version

    async def _write_in_order(
        self, job: Callable[[], Callable[[Store], Any]], done: Callable[[Any, Exception | None], None]
    ) -> None:
        async with self._write_order:
            try:
                result = await self.writes.run(job())
            except Exception as err:  # noqa: BLE001 — done() says a store's error and raises any other
                done(None, err)
                return
            finally:
                self._writes_finished += 1
        done(result, None)

    def show_conflict(self, claim: Claim, conflict: VerdictConflict, verdict: str | None, note) -> None:
        current = conflict.current
        mine = {
            "verdict": verdict if note is None else current.get("verdict"),
            "note": note if note is not None else claim.note,
        }

        def chosen(which: str | None) -> None:
            if which == "mine":
                self.write_verdict(claim, mine["verdict"], note=note, move=False, expected=current.get("version", 0))
            else:
                self.fapp.say(f"kept {current.get('reviewer') or 'their'} verdict on claim {claim.id}")
                self.reload_claim(claim.id)

        self.app.push_screen(ConflictScreen(claim, current, mine, self.fapp.text_display, self.fapp.palette), chosen)

    def apply_claim(self, claim: Claim) -> None:
        """Show a claim as stored now, in place, and then the totals that depend on it (its topic's row, 'all
        claims', the status bar: read in a thread; the rows of every claim applied meanwhile are updated then)."""
        self.claims_pane.put(claim)
        # The poll does not read the screen's own writes back: the list follows the claim here. A claim the filter
        # no longer takes leaves it, unless the reviewer is on it (a verdict then goes to the claim they see).
        if not self.filter_choice.is_all and not self._still_listed(claim) and claim.id != self.claims_pane.current_id:
            self.claims_pane.drop(claim.id)
        elif self.claims_order == "disputed first":
            # its place in the list may have changed; a group of its own: it must not replace a pending load of
            # another topic or filter (which starts at the top), and a load for a list left meanwhile is not drawn
            self.load_claims(group="claims after a write")
        self.update_claims_title()
        if claim.id == self.claims_pane.current_id:
            self.show_evidence(keep_scroll=True)
        self._totals_due |= {ALL_TOPICS, topic_key(claim.topic_id)}

        async def totals() -> None:
            keys = set(self._totals_due)  # left due until read: a later verdict's read replaces this one
            ids = [int(k[1:]) for k in keys if k != ALL_TOPICS]
            stats, topics = await self.read(lambda s: (s.stats(), s.topics(only=ids)))
            self._totals_due -= keys
            self.show_status(stats)
            self.topics_pane.update_rows(topics, stats, keys)

        self.in_background(totals, "totals", "reading the totals")

    def reload_claim(self, claim_id: int) -> None:
        async def reload() -> None:
            try:
                self.apply_claim(await self.read(lambda s: s.claim(claim_id)))
            except StoreError:
                self.refresh_data()

        self.in_background(reload, "reload", "reading the claim", exclusive=False)

    def action_undo(self) -> None:
        if not self._writable():
            return
        reviewer = self.fapp.reviewer

        def done(event: VerdictEvent | None, error: Exception | None) -> None:
            if isinstance(error, VerdictConflict):
                # a colleague changed the claim after you: undo goes no further back than their change, and the
                # claim is shown as it is now (no reload key needed)
                self.reload_claim(error.claim_id)
                self.select_claim(error.claim_id)
                self.fapp.say(f"not undone: {error} since your change; shown as it is now", severity="warning")
            elif isinstance(error, StoreError):
                self.fapp.say(f"cannot undo: {error}", severity="error")
            elif error is not None:
                raise error
            elif event is None:
                self.fapp.say("nothing of yours to undo")
            else:
                self.reload_claim(event.claim_id)
                self.select_claim(event.claim_id)
                self.fapp.say(f"undone: claim {event.claim_id} is {event.verdict or 'unreviewed'} again")

        self.write(lambda: lambda store: store.undo(reviewer), done)

    def action_note(self) -> None:
        if not self._writable() or (claim := self._selected()) is None:
            return

        def done(note: str | None) -> None:
            if note is None or note == (claim.note or ""):
                return
            self.write_note(claim, note)

        self.app.push_screen(NoteScreen(claim, self.fapp.text_display), done)

    def write_note(self, claim: Claim, note: str) -> None:
        reviewer = self.fapp.reviewer

        def done(saved: Claim | None, error: Exception | None) -> None:
            if isinstance(error, VerdictConflict):
                self.show_conflict(claim, error, claim.verdict, note)
            elif isinstance(error, StoreError):
                self.fapp.say(f"note not saved: {error}", severity="error")
            elif error is not None:
                raise error
            elif saved is not None:
                self.apply_claim(saved)
                self.fapp.say(f"claim {saved.id}: note {'saved' if note else 'cleared'}")

        def job() -> Callable[[Store], Claim]:
            version = self._version_now(claim)
            return lambda store: store.set_note(claim.id, note or None, reviewer, expected_version=version)

        self.write(job, done)

    def then(self, job: Callable[[Store], Any], show: Callable[[Any], object], what: str) -> None:
        """Read job's answer in a thread, then show it (a dialog opens when its content is read); a store error is
        said. One at a time: a second key before the first read came back replaces it."""

        async def read_then_show() -> None:
            try:
                result = await self.read(job)
            except StoreError as err:
                self.fapp.say(f"{what}: {err}", severity="error")
                return
            show(result)

        self.in_background(read_then_show, "dialog", what)

    def action_assign(self) -> None:
        if not self._writable() or (claim := self._selected()) is None:
            return
        topic_id = self.topics_pane.topic_id

        def ask(members: list) -> None:
            if not members:
                self.fapp.say("this database has no team: an editor starts one with factcheck-tui team add NAME",
                              severity="warning")  # fmt: skip
                return
            topic = self.topics_pane.label_of(topic_id) if topic_id is not None else None
            screen = AssignScreen([m.name for m in members], f"claim {claim.id}", topic, self.fapp.text_display)

            def chosen(choice: tuple[str | None, bool] | None) -> None:
                if choice is not None:
                    self._assign(claim, topic_id, *choice)

            self.app.push_screen(screen, chosen)

        self.then(lambda s: s.team(), ask, "reading the team")

    def _assign(self, claim: Claim, topic_id: int | None, member: str | None, whole_topic: bool) -> None:
        account = self.fapp.account

        def job() -> Callable[[Store], int]:
            def assign(store: Store) -> int:
                ids = [c.id for c in store.claims(ClaimFilter(topic_id=topic_id))] if whole_topic else [claim.id]
                return store.assign(ids, member, account=account)

            return assign

        def done(n: int | None, error: Exception | None) -> None:
            if isinstance(error, StoreError):
                self.fapp.say(f"not assigned: {error}", severity="error")
            elif error is not None:
                raise error
            else:
                self.fapp.say(f"{n:,} claims " + (f"assigned to {member}" if member else "unassigned"))
                self.refresh_data()

        self.write(job, done)

    def action_agreement(self) -> None:
        self.then(lambda s: s.agreement(), lambda f: self.app.push_screen(AgreementScreen(f, self.fapp.text_display)),
                  "reading the agreement")  # fmt: skip

    def action_history(self) -> None:
        if (claim := self._selected()) is None:
            return
        self.then(
            lambda s: s.history(claim.id),
            lambda events: self.app.push_screen(
                HistoryScreen(claim, events, self.fapp.text_display, self.fapp.palette)
            ),
            "reading the history",
        )

    def action_article(self) -> None:
        if (claim := self._selected()) is None:
            return
        self.open_article(claim.article_id, claim.start, claim.end)

    def action_copy(self) -> None:
        if (claim := self._selected()) is None:
            return

        def read(store: Store) -> tuple[list[Evidence], dict[int, str]]:
            evidence = store.evidence(claim.id)
            wanted = {claim.article_id} | {e.article_id for e in evidence}
            return evidence, {a.id: a.url for a in store.articles() if a.id in wanted and a.url}

        def ask(found: tuple[list[Evidence], dict[int, str]]) -> None:
            self.app.push_screen(CopyScreen(claim, *found, self.fapp.text_display), copy)

        def copy(text: str | None) -> None:
            if text:
                self.app.copy_to_clipboard(text)
                self.fapp.say(f"copied {len(text):,} characters (by OSC 52: if nothing arrives, the terminal refuses "
                              "it; in tmux: set -g set-clipboard on)")  # fmt: skip

        self.then(read, ask, "reading what to copy")

    def action_log(self) -> None:
        self.app.push_screen(LogScreen(self.fapp.said))

    def action_focus_mode(self) -> None:
        focused = self.toggle_class("-focus").has_class("-focus")
        if focused:
            self.query_one(EvidencePane).focus()
        else:
            self.claims_pane.table.focus()
        self.show_evidence(keep_scroll=True)  # denser links in focus mode

    def action_step_claim(self, step: int) -> None:
        table = self.claims_pane.table
        if step > 0:
            table.action_cursor_down()
        else:
            table.action_cursor_up()

    def action_step_topic(self, step: int) -> None:
        table = self.topics_pane.table
        table.move_cursor(row=table.cursor_row + step)

    def action_mark_evidence(self) -> None:
        if not self._writable() or (claim := self._selected()) is None:
            return
        reviewer = self.fapp.reviewer

        def ask(evidence: list[Evidence]) -> None:
            if not evidence:
                self.fapp.say(f"claim {claim.id} has no evidence to mark", severity="warning")
                return
            self.app.push_screen(MarkScreen(claim, evidence, reviewer, self.fapp.text_display), chosen)

        def chosen(choice: tuple[int, str | None] | None) -> None:
            if choice is None:
                return
            sentence_id, mark = choice

            def done(_: object, error: Exception | None) -> None:
                if isinstance(error, StoreError):
                    self.fapp.say(f"mark not saved: {error}", severity="error")
                elif error is not None:
                    raise error
                else:
                    self.fapp.say(f"claim {claim.id}: link marked {mark or 'by nobody (yours taken back)'}")
                    self.refresh_data(force=True)  # the suggestion may have changed

            self.write(lambda: lambda s: s.mark_evidence(claim.id, sentence_id, mark, reviewer), done)

        self.then(lambda s: s.evidence(claim.id), ask, "reading the evidence")

    def action_adjudicate(self) -> None:
        editor = self.fapp.reviewer

        def load() -> list[Claim]:  # AdjudicationScreen calls both in a thread
            return _on_own_connection(self.store, lambda s: s.to_adjudicate())

        def decide(claim_id: int, verdict: str, note: str | None) -> Claim:
            return _on_own_connection(self.store, lambda s: s.adjudicate(claim_id, verdict, editor, note))

        def opened(role: str | None) -> None:
            if role != "editor":
                self.fapp.say("only an editor adjudicates (factcheck-tui team list)", severity="warning")
                return
            screen = AdjudicationScreen(load, decide, self.fapp.text_display, self.fapp.palette)
            self.app.push_screen(screen, lambda _: self.refresh_data())

        self.then(lambda s: s.role_of_viewer(), opened, "reading your role")

    def action_figures(self) -> None:
        if (claim := self._selected()) is None:
            return

        def show(event: Event | None) -> None:
            def load(show_all: bool) -> list:  # FiguresScreen calls it in a thread
                if event is None:
                    return []
                return _on_own_connection(self.store, lambda s: s.figures(event.id, reported_by_two=not show_all))

            self.app.push_screen(FiguresScreen(event, load, self.fapp.text_display, self.open_article))

        self.then(lambda s: _evidence_of(s, claim.id, with_links=False)[1], show, "reading the figures")

    def open_article(self, article_id: int, start: int, end: int) -> None:
        self.then(
            lambda s: s.article(article_id),
            lambda article: self.app.push_screen(
                ArticleScreen(article, start, end, self.fapp.text_display, self.fapp.palette)
            ),
            "reading the article",
        )

    def action_search(self) -> None:
        def search(query: str) -> list[SearchHit]:  # SearchScreen calls it in a thread
            try:
                return _on_own_connection(self.store, lambda s: s.search(query))
            except StoreError as err:
                self.fapp.say(f"search failed: {err}", severity="error")
                return []

        self.app.push_screen(SearchScreen(search, self.fapp.text_display), self.jump_to_hit)

    def jump_to_hit(self, hit: SearchHit | None) -> None:
        if hit is None:
            return
        if hit.claim_id is None:

            def show(article) -> None:
                start = (article.text or "").find(hit.text)
                end = start + len(hit.text) if start >= 0 else 0
                self.app.push_screen(
                    ArticleScreen(article, max(start, 0), end, self.fapp.text_display, self.fapp.palette)
                )

            self.then(lambda s: s.article(hit.article_id), show, "reading the article")
            return
        self.jump_to_claim(hit.claim_id)

    def jump_to_claim(self, claim_id: int) -> None:
        claims = self.claims_pane
        if self.select_claim(claim_id):
            claims.table.focus()
            return

        async def jump() -> None:
            claim = await self.read(lambda s: s.claim(claim_id))
            if not self.filter_choice.is_all and not self._matches(claim):
                self.filter_choice = ALL
                self.fapp.say("filter cleared to show the claim")
            # the list's first claim's evidence is not wanted: the cursor goes to the claim found
            self.topics_pane.choose(claim.topic_id)
            await self._reload_claims(force=True, from_top=True, first_evidence=False)
            if not self.select_claim(claim_id):
                self.topics_pane.choose(None)
                await self._reload_claims(force=True, from_top=True, first_evidence=False)
                self.select_claim(claim_id)
            claims.table.focus()

        self.in_background(jump, "claims", "finding the claim")

    def _matches(self, claim: Claim) -> bool:
        return self._still_listed(claim) and not self.filter_choice.assigned_to  # an assignee is not on the row

    def _still_listed(self, claim: Claim) -> bool:
        """Whether the filter takes the claim, an assignment aside (a verdict does not change it)."""
        f = self.filter_choice
        return (
            (not f.unreviewed or claim.verdict is None)
            and (not f.suggested or claim.suggested_verdict == f.suggested)
            and (not f.verdict or claim.verdict == f.verdict)
            and (not f.outlet or (claim.outlet or claim.article) == f.outlet)
            and (not f.stale or claim.stale)
            and (not f.day_from or (claim.date or "")[:10] >= f.day_from)
            and (not f.day_to or (claim.date or "")[:10] <= f.day_to)
        )

    def action_clear_filters(self) -> None:
        if self.filter_choice.is_all:
            return
        self.filter_choice = ALL
        self.fapp.say("filters cleared")
        self.load_claims(force=True, from_top=True)

    def action_filter(self) -> None:
        self.then(lambda s: (s.outlets(), bool(s.team()), s.days()), self._choose_filter, "reading the outlets")

    def _choose_filter(self, read: tuple[list[str], bool, list[str]]) -> None:
        outlets, on_a_team, days = read
        choices = filter_choices(outlets, self.fapp.reviewer if on_a_team else None, days)

        def chosen(choice: FilterChoice | None) -> None:
            if choice is None:
                return
            self.filter_choice = choice = self.filter_choice.with_choice(choice)

            async def show() -> None:
                await self._reload_claims(force=True, from_top=True)
                if self.filter_choice == choice:
                    self.fapp.say(f"showing: {choice.label} ({len(self.claims_pane.claims)})")

            self.in_background(show, "claims", "reading the claims")

        self.app.push_screen(FilterScreen(choices, self.filter_choice, self.fapp.text_display), chosen)

    def action_export(self) -> None:
        def chosen(result) -> None:
            if result is None:
                return
            fmt, path, excel = result
            if not Path(path).exists():
                self.export(fmt, path, excel, self.claim_filter())
                return

            def replace(yes: bool | None) -> None:
                if yes:
                    self.export(fmt, path, excel, self.claim_filter(), force=True)

            self.app.push_screen(ConfirmScreen(f"{path} exists. Replace it?"), replace)

        folder = self.fapp.export_dir
        if folder is not None:
            try:
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            except OSError as err:
                self.fapp.say(f"cannot create the export folder {folder}: {err.strerror}", severity="error")
                return
        self.app.push_screen(ExportScreen(folder, confined=folder is not None), chosen)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def export(self, fmt: str, path: str, excel: bool, only: ClaimFilter, force: bool = False) -> str:
        """What the claims list shows (its topic and filter), as the reader asked."""
        with self.store.reopen() as store:
            store.export(fmt, path, excel=excel, force=force, only=only)
            claims = len(store.claims(only))
        self.fapp.say(f"exported {claims:,} claims to {path} ({fmt})")
        return path

    def action_toggle_bidi(self) -> None:
        self.fapp.set_reorder(not self.fapp.text_display.reorder)

    def redraw_text(self) -> None:
        """The display mode changed: rebuild every cell that holds text (a user action, not a live refresh)."""
        self.set_class(not self.fapp.text_display.reorder, "-terminal-bidi")
        self.topics_pane.table.forget_rows()
        self.claims_pane.table.forget_rows()
        self.refresh_data(force=True)

    def action_help(self) -> None:
        """The review keys as bound now (a keymap may have changed them), then moving around."""
        keys_for: dict[str, list[str]] = {}
        for active in self.app.active_bindings.values():
            if active.binding.action in self.DESCRIPTIONS:
                keys_for.setdefault(active.binding.action, []).append(self.app.get_key_display(active.binding))
        rows = [
            (", ".join(keys_for[action]), description)
            for action, description in self.DESCRIPTIONS.items()
            if action in keys_for
        ]
        rows += [
            ("j k ↑ ↓", "Move in the focused list (g / G: first / last, pgup / pgdn: a page)"),
            ("tab", "Next pane: topics → claims → evidence (shift+tab: back)"),
            ("enter", "Topic → its claims → the claim's evidence"),
            ("esc", "Close a dialog or the article"),
            ("ctrl+p", "Command palette: the same actions by name, and the theme"),
            ("ctrl+q", "Quit"),
        ]
        notes = [f"reviewer: {self.fapp.reviewer}", f"right-to-left: {self.fapp.bidi_reason}"]
        self.app.push_screen(HelpScreen(rows, notes))

    def action_quit(self) -> None:
        self.app.exit()

    # -- background work: indexing ------------------------------------------------------------------------
    def start_indexing(self, paths: list[str], label: str) -> None:
        if self.store.read_only:
            self.fapp.say("read-only: not indexing " + ", ".join(paths), severity="warning")
            return
        self._indexing += 1
        row = self.query_one("#progress-row")
        row.display = True
        self.query_one("#progress-label", Label).update(plain(f"{label}…"))
        self.query_one("#progress", ProgressBar).update(total=None, progress=0)
        self.index_worker(paths, label)
        self.show_evidence()

    @work(thread=True, group="index", exit_on_error=False, description="indexing")
    def index_worker(self, paths: list[str], label: str) -> IndexReport:
        worker = get_current_worker()

        def progress(p: IndexProgress) -> None:
            now = time.monotonic()
            if now - self._progress_sent > 0.05 or p.done >= p.total:
                self._progress_sent = now
                self.post_message(IndexingProgress(p, label))

        with self.store.reopen() as store:
            report = store.index(paths, progress=progress, should_stop=lambda: worker.is_cancelled)
        self.post_message(Indexed(report, label))
        return report

    def on_indexing_progress(self, message: IndexingProgress) -> None:
        p = message.progress
        self.query_one("#progress", ProgressBar).update(total=max(p.total, 1), progress=p.done)
        name = f" · {p.current}" if p.current else ""
        self.query_one("#progress-label", Label).update(plain(f"{message.label}: {p.stage} {p.done}/{p.total}{name}"))
        self.poll()

    def on_indexed(self, message: Indexed) -> None:
        report = message.report
        self.fapp.say(f"{message.label}: {report.summary()}")
        for path, reason in report.skipped[:5]:
            self.fapp.say(f"skipped {Path(path).name}: {reason}", severity="warning")

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        """The end of an index run (the App says any worker's error, this one's included)."""
        if event.worker.group != "index" or event.worker.node is not self:
            return
        if event.state in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            self._indexing = max(0, self._indexing - 1)
            if not self._indexing:
                self.query_one("#progress-row").display = False
            self.refresh_data()


def _evidence_of(store: Store, claim_id: int, with_links: bool = True) -> tuple[list[Evidence], Event | None]:
    """The claim's evidence links (with_links) and its article's event."""
    event_id = store.event_of_claim(claim_id)
    return store.evidence(claim_id) if with_links else [], store.event(event_id) if event_id is not None else None


_frozen = False


def _freeze_what_lives_on() -> None:
    """What the app holds once its first screen is drawn (modules, widgets, styles) lives as long as the app: kept
    out of the garbage collector's full passes, which otherwise walk it all in the middle of a key's answer. On the
    10k benchmark database the UI actions met 15 full passes over 131,000 objects, up to 84 ms each (935 ms in
    all); with these frozen, 14 passes, up to 46 ms (251 ms in all). Garbage is collected first, and it is done
    once a process (an app is one process; a test session runs many apps, whose objects would never be freed)."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()


def _listed_claims(
    store: Store, wanted: ClaimFilter, order: str, from_top: bool
) -> tuple[list[Claim], tuple[list[Evidence], Event | None] | None]:
    """The claims in this order (sorted by agreeing origins: Store.agreeing_origins), and for a list shown from the
    top, the first one's evidence (_evidence_of), else None."""
    claims = store.claims(wanted)
    origins = store.agreeing_origins(c.id for c in claims) if order == "agreeing origins" else {}
    claims = sorted_claims(claims, order, origins)
    return claims, _evidence_of(store, claims[0].id) if from_top and claims else None


def _on_own_connection(store: Store, job: Callable[[Store], Any]) -> Any:
    """job on a connection opened in this thread (a connection belongs to the thread that opened it; 0.35 ms)."""
    with store.reopen() as own:
        return job(own)
