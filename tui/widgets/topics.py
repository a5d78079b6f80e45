"""The topics pane: each story's review progress and disputed count, "all claims" first, the largest topics next."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from factcheck_tui.store.models import Stats, Topic
from factcheck_tui.tui.messages import TopicChosen, TopicOpened
from factcheck_tui.tui.widgets.tables import FLEX_MEASURE, FlexTable, more_row
from factcheck_tui.tui.widgets.text import BidiText, symbols

if TYPE_CHECKING:
    from factcheck_tui.tui.app import FactcheckApp

ALL_TOPICS = "all"
MORE_TOPICS = "more"
# Topics listed before a "more topics" row: thousands of small topics (10,000 articles make ~7,000) take seconds
# to lay out and no one scrolls through them; the row lists them all on demand.
TOPICS_SHOWN = 300
BIG_LIST = 3000  # more claims than this: start on the largest topic, not on every claim at once
DONE_WIDTH, DISPUTED_WIDTH = 7, 2  # the columns' least widths; wider where the counts need it


def topic_key(topic_id: int | None) -> str:
    return ALL_TOPICS if topic_id is None else f"t{topic_id}"


def first_and(items: list, limit: int, keep: set) -> list:
    """The first ``limit`` items, and those whose id is in ``keep`` wherever they are, in their order."""
    return [x for i, x in enumerate(items) if i < limit or x.id in keep]


class TopicsPane(Vertical):
    """Shows the topics it is given and which one is chosen (topic_id, None for all claims); says TopicChosen when
    the cursor comes to another one and TopicOpened on enter."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.topic_id: int | None = None
        self.topics: list[Topic] = []
        self._total: Stats | None = None
        self._all_shown = False
        self._user_chose = False

    @property
    def fapp(self) -> FactcheckApp:
        return cast("FactcheckApp", self.app)

    def compose(self) -> ComposeResult:
        yield FlexTable([("done", "rev/n", DONE_WIDTH), ("disp", symbols()["disputed"], DISPUTED_WIDTH)],
                        ("label", "topic"), min_flex=8, id="topics")  # fmt: skip
        # the chosen topic's whole label, wrapped: a row holds two or three of its words
        yield Static(id="topic-label")

    def show_label(self) -> None:
        label = "" if self.topic_id is None else self.label_of(self.topic_id)
        static = self.query_one("#topic-label", Static)
        static.set_class(not label, "-empty")
        static.update(BidiText(label, self.fapp.text_display) if label else Text(""))

    @property
    def table(self) -> FlexTable:
        return self.query_one(FlexTable)

    def label_of(self, topic_id: int) -> str:
        return next((t.label for t in self.topics if t.id == topic_id), "topic")

    def cells(self, label: str, count: int, reviewed: int, disputed: int) -> list:
        """Review progress (reviewed/claims, ✔ when all are), disputed claims (by a reviewer or suggested), label."""
        palette = self.fapp.palette
        if count and reviewed == count:
            done = Text(f"{symbols()['confirmed']} {count}", style=palette.confirmed, justify="right", end="")
        else:
            done = Text(f"{reviewed}/{count}", justify="right", end="")
        disp = Text(f"{disputed}" if disputed else "", style=palette.disputed, justify="right", end="")
        label_cell = BidiText(label, self.fapp.text_display, single=True, measure=FLEX_MEASURE)
        return [done, disp, label_cell]

    def _all_cells(self) -> list:
        total = cast(Stats, self._total)
        disputed = sum(t.disputed_count for t in self.topics) if self.topics else total.disputed
        return self.cells("all claims", total.claims, total.reviewed, disputed)

    def show(self, topics: list[Topic], total: Stats) -> None:
        """All the rows, as stored now. On a big corpus the first topic is chosen until the reader chooses one."""
        self.topics, self._total = topics, total
        table = self.table
        rows = [(ALL_TOPICS, self._all_cells())]
        shown = topics
        if not self._all_shown and shown:
            # the largest topics, the one being read, and the catch-all (listed last) stay in view
            shown = first_and(shown, TOPICS_SHOWN, {self.topic_id, shown[-1].id})
        rows += [(topic_key(t.id), self.cells(t.label, t.claim_count, t.reviewed_count, t.disputed_count))
                 for t in shown]  # fmt: skip
        self._fit_counts(rows[0][1])
        if len(shown) < len(topics):
            rows.append(more_row(MORE_TOPICS, len(topics) - len(shown), len(table.column_keys)))
        table.put_rows(rows)
        if not self._user_chose and self.topic_id is None and topics and total.claims > BIG_LIST:
            self.topic_id = topics[0].id  # a big corpus: one topic at a time keeps the screen quick
        if not table.select_key(topic_key(self.topic_id), scroll=True):
            self.topic_id = None
            table.select_key(ALL_TOPICS)
        self.show_label()

    def _fit_counts(self, all_cells: list) -> None:
        """Counts are never cut ("✘ 17" stood for 1,772 on a news day): the columns take the width of the "all
        claims" row's, which holds the largest."""
        self.table.set_fixed_width("done", max(DONE_WIDTH, all_cells[0].cell_len))
        self.table.set_fixed_width("disp", max(DISPUTED_WIDTH, all_cells[1].cell_len))

    def update_rows(self, topics: list[Topic], total: Stats, keys: set[str]) -> None:
        """After one verdict only its topic and 'all claims' change: update those rows, not the list."""
        self.topics, self._total = topics, total
        table = self.table
        if ALL_TOPICS in keys:
            cells = self._all_cells()
            self._fit_counts(cells)
            table.put_row(ALL_TOPICS, cells)
        for t in topics:
            key = topic_key(t.id)
            if key in keys and table.has_row(key):
                table.put_row(key, self.cells(t.label, t.claim_count, t.reviewed_count, t.disputed_count))

    def choose(self, topic_id: int | None) -> None:
        """The screen chose a topic (a jump to a claim): show its row, listing every topic if it is not listed."""
        self._user_chose = True
        self.topic_id = topic_id
        if not self.table.select_key(topic_key(topic_id)):
            self.show_all()
        self.show_label()

    def show_all(self) -> None:
        self._all_shown = True
        if self._total is not None:
            self.show(self.topics, self._total)

    @on(FlexTable.RowHighlighted)
    def _highlighted(self, event: FlexTable.RowHighlighted) -> None:
        event.stop()
        key = event.key
        if key != self.table.current_key or key == MORE_TOPICS:
            return  # a stale event from a refill (the cursor has moved on since), or the "more topics" row
        topic_id = None if key in (None, ALL_TOPICS) else int(key[1:])
        if topic_id != self.topic_id:
            self._user_chose = True
            self.topic_id = topic_id
            self.show_label()
            self.post_message(TopicChosen(topic_id))

    @on(FlexTable.RowSelected)
    def _selected(self, event: FlexTable.RowSelected) -> None:
        event.stop()
        if event.key == MORE_TOPICS:
            self.show_all()
        else:
            self.post_message(TopicOpened())
