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
from factcheck_tui.tui.widgets.tables import FlexTable
from factcheck_tui.tui.widgets.text import BidiText, symbols

if TYPE_CHECKING:
    from factcheck_tui.tui.app import FactcheckApp

ALL_TOPICS = "all"
BIG_LIST = 3000  # more claims than this: start on the largest topic, not on every claim at once
DONE_WIDTH, DISPUTED_WIDTH = 7, 2  # the columns' least widths; wider where the counts need it


def topic_key(topic_id: int | None) -> str:
    return ALL_TOPICS if topic_id is None else f"t{topic_id}"


class TopicsPane(Vertical):
    """Shows the topics it is given and which one is chosen (topic_id, None for all claims); says TopicChosen when
    the cursor comes to another one and TopicOpened on enter."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.topic_id: int | None = None
        self.topics: list[Topic] = []
        self._total: Stats | None = None
        self._user_chose = False

    @property
    def fapp(self) -> FactcheckApp:
        return cast("FactcheckApp", self.app)

    def compose(self) -> ComposeResult:
        yield FlexTable([("done", "rev/n", DONE_WIDTH), ("disp", symbols()["disputed"], DISPUTED_WIDTH)],
                        ("label", "topic"), min_flex=8, cells_of=self.cells, id="topics")  # fmt: skip
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
        label_cell = BidiText(label, self.fapp.text_display, single=True)
        return [done, disp, label_cell]

    def _all_row(self) -> tuple[str, int, int, int]:
        total = cast(Stats, self._total)
        disputed = sum(t.disputed_count for t in self.topics) if self.topics else total.disputed
        return "all claims", total.claims, total.reviewed, disputed

    @staticmethod
    def _row(t: Topic) -> tuple[str, int, int, int]:
        return t.label, t.claim_count, t.reviewed_count, t.disputed_count

    def show(self, topics: list[Topic], total: Stats) -> None:
        """All the rows, as stored now. On a big corpus the first topic is chosen until the reader chooses one."""
        table = self.table
        if topics == self.topics and total == self._total and table.row_count == len(topics) + 1:
            return  # a refresh after another process's commit that left every topic as it was (7,343 rows at 10k)
        self.topics, self._total = topics, total
        all_row = self._all_row()
        self._fit_counts(all_row)
        table.put_rows([(ALL_TOPICS, all_row)] + [(topic_key(t.id), self._row(t)) for t in topics])
        if not self._user_chose and self.topic_id is None and topics and total.claims > BIG_LIST:
            self.topic_id = topics[0].id  # a big corpus: one topic at a time keeps the screen quick
        if not table.select_key(topic_key(self.topic_id), scroll=True):
            self.topic_id = None
            table.select_key(ALL_TOPICS)
        self.show_label()

    def _fit_counts(self, all_row: tuple[str, int, int, int]) -> None:
        """Counts are never cut ("✘ 17" stood for 1,772 on a news day): the columns take the width of the "all
        claims" row's, which holds the largest."""
        all_cells = self.cells(*all_row)
        self.table.set_fixed_width("done", max(DONE_WIDTH, all_cells[0].cell_len))
        self.table.set_fixed_width("disp", max(DISPUTED_WIDTH, all_cells[1].cell_len))

    def update_rows(self, changed: list[Topic], total: Stats, keys: set[str]) -> None:
        """After one verdict only its topic and 'all claims' change: update those rows, not the list. changed: the
        topics as stored now (at least those of keys); a verdict changes no topic's size, so none moves."""
        fresh = {t.id: t for t in changed}
        self.topics, self._total = [fresh.get(t.id, t) for t in self.topics], total
        table = self.table
        if ALL_TOPICS in keys and table.has_row(ALL_TOPICS):
            all_row = self._all_row()
            self._fit_counts(all_row)
            table.put_row(ALL_TOPICS, all_row)
        for t in changed:
            key = topic_key(t.id)
            if key in keys and table.has_row(key):
                table.put_row(key, self._row(t))

    def choose(self, topic_id: int | None) -> None:
        """The screen chose a topic (a jump to a claim): show its row."""
        self._user_chose = True
        self.topic_id = topic_id
        self.table.select_key(topic_key(topic_id))
        self.show_label()

    @on(FlexTable.RowHighlighted)
    def _highlighted(self, event: FlexTable.RowHighlighted) -> None:
        event.stop()
        key = event.key
        if key != self.table.current_key:
            return  # a stale event from a refill (the cursor has moved on since)
        topic_id = None if key in (None, ALL_TOPICS) else int(key[1:])
        if topic_id != self.topic_id:
            self._user_chose = True
            self.topic_id = topic_id
            self.show_label()
            self.post_message(TopicChosen(topic_id))

    @on(FlexTable.RowSelected)
    def _selected(self, event: FlexTable.RowSelected) -> None:
        event.stop()
        self.post_message(TopicOpened())
