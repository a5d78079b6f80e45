"""The figure ledger of the selected claim's event: every count its articles give, each outlet's figure and date,
and whether the figures agree, were updated later or conflict (DESIGN §4)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from factcheck_tui.store.models import Event, FigureRow
from factcheck_tui.tui import bidi
from factcheck_tui.tui.widgets.text import Display, plain
from factcheck_tui.tui.workers import BackgroundWork

STATUS = {"conflict": ("✘ conflict", "bold red"), "update": ("↗ update", "yellow"), "consistent": ("✔ agree", "green")}
RELATION = {"conflict": ("✘", "bold red"), "update": ("↗", "yellow"), "same": ("=", "green"), "": ("", "")}


class FiguresScreen(BackgroundWork, Screen):
    """A table of counted thing × outlet × date × figure, one ledger row after another, conflicts first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,v", "close", "Back", id="figures.close"),
        Binding("o", "toggle_all", "Counts of one outlet too", id="figures.all"),
    ]

    DEFAULT_CSS = """
    FiguresScreen #figures-title { height: auto; padding: 0 1; background: $panel; }
    FiguresScreen DataTable { height: 1fr; border: round $primary; }
    FiguresScreen #figures-empty { padding: 1 2; }
    """

    def __init__(
        self,
        event: Event | None,
        load: Callable[[bool], list[FigureRow]],
        display: Display,
        open_article: Callable[[int, int, int], None],
    ) -> None:
        super().__init__()
        self.event = event
        self.load = load
        self.text_display = display
        self.open_article = open_article
        self.show_all = False
        self.rows: list[FigureRow] = []

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="figures-title")
        yield DataTable(id="figures-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="figures-empty")
        yield Footer()

    def _title(self) -> Text:
        title = Text(end="")
        if self.event is None:
            title.append("This claim's article is in no event yet (index it to group it).")
            return title
        e = self.event
        title.append(f"Figures of event {e.id}", style="bold")
        days = e.start if e.start == e.end else f"{e.start} – {e.end}"
        title.append(f" · {days or 'undated'} · {len(e.article_ids)} articles · {len(e.outlets)} outlets · ")
        title.append(self._visual(e.label))
        return title

    def _visual(self, text: str) -> str:
        """One line of logical text in the order this terminal shows it (the cell stays one line)."""
        d = self.text_display
        return bidi.visual(" ".join(text.split()), d.reorder, d.shaping)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in ("counted", "status", "date", "outlet", "figure"):
            table.add_column(Text(label, end=""), key=label)
        table.border_title = "Figure ledger"
        table.border_subtitle = "enter: the figure in its article"
        self.fill()
        table.focus()

    def fill(self) -> None:
        """The ledger's rows, read in a thread (a big event's ledger has hundreds of figures)."""

        async def read() -> None:
            rows = await asyncio.to_thread(self.load, self.show_all)
            self.show_rows(rows)

        self.in_background(read, "figures", "reading the figure ledger")

    def show_rows(self, rows: list[FigureRow]) -> None:
        table = self.query_one(DataTable)
        table.clear()
        self.rows = sorted(rows, key=lambda r: (r.status != "conflict", r.status != "update"))
        for n, row in enumerate(self.rows):
            status, style = (
                STATUS[row.status] if len({v.article_id for v in row.values}) > 1 else ("· one article", "dim")
            )
            for k, v in enumerate(row.values):
                mark, mark_style = RELATION[v.relation]
                figure = Text(end="")
                if mark:
                    figure.append(mark + " ", style=mark_style)
                figure.append(self._visual(v.written))
                table.add_row(
                    plain(self._visual(row.counted)) if k == 0 else plain(""),
                    Text(status, style=style, end="") if k == 0 else plain(""),
                    plain((v.date or "undated")[:16]),
                    plain(v.outlet),
                    figure,
                    key=f"{n}:{k}",
                )
        empty = self.query_one("#figures-empty", Static)
        empty.display = not self.rows
        hint = "" if self.show_all else " that two origins give (o: show every count)"
        empty.update(plain(f"No figures{hint}."))
        table.display = bool(self.rows)

    def _value_at_cursor(self):
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row < 0:
            return None
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value or ""
        n, k = (int(x) for x in key.split(":"))
        return self.rows[n].values[k]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """enter on a figure opens its article there."""
        event.stop()
        value = self._value_at_cursor()
        if value is not None:
            self.open_article(value.article_id, value.start, value.end)

    def action_toggle_all(self) -> None:
        self.show_all = not self.show_all
        self.fill()

    def action_close(self) -> None:
        self.dismiss(None)
