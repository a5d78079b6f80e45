"""DataTables whose last column takes the remaining width and holds (bidi) text; rows are refreshed in place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, cast

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import (
    CellDoesNotExist,
    ColumnKey,
    RowDoesNotExist,
    RowKey,
)

FLEX_MEASURE = 40  # what flex cells report to DataTable's measuring; their column width is set by FlexTable


def more_row(key: str, hidden: int, columns: int) -> tuple[str, list]:
    """The row that stands for the items not listed: "+N more" in the last column (enter lists them)."""
    return key, [Text("", end="") for _ in range(columns - 1)] + [Text(f"+{hidden:,} more", style="italic", end="")]


class FlexTable(DataTable):
    """Fixed-width columns, then one flex column sized to what is left (no horizontal scrolling): text in it
    is cut in logical order by BidiText at exactly that width.

    Rows are keyed by stable ids and updated with update_cell / add_row / remove_row in one batch_update."""

    DEFAULT_CSS = """
    FlexTable { scrollbar-gutter: stable; scrollbar-size-vertical: 1; overflow-x: hidden; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="table.down"),
        Binding("k", "cursor_up", "Up", show=False, id="table.up"),
        Binding("g,home", "scroll_top", "First", show=False, id="table.first"),
        Binding("G,end", "scroll_bottom", "Last", show=False, id="table.last"),
    ]

    def __init__(
        self,
        columns: Sequence[tuple[str, str, int]],
        flex: tuple[str, str],
        *,
        min_flex: int = 10,
        **kwargs: Any,
    ) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self._fixed_columns = list(columns)
        self._flex = flex
        self._min_flex = min_flex
        self._flex_width = 0

    # -- columns ------------------------------------------------------------------------------------------
    def on_mount(self) -> None:
        for key, label, width in self._fixed_columns:
            self.add_column(Text(label, end=""), width=width, key=key)
        self._flex_width = self._wanted_flex_width()
        self.add_column(Text(self._flex[1], end=""), width=self._flex_width, key=self._flex[0])
        # the size is not known yet at mount (and a resize may already have gone by): fit after the first layout
        self.call_after_refresh(self.fit_columns)

    def _wanted_flex_width(self) -> int:
        available = self.scrollable_content_region.width
        used = sum(width + 2 * self.cell_padding for _, _, width in self._fixed_columns)
        return max(self._min_flex, available - used - 2 * self.cell_padding)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit_columns)

    def fit_columns(self) -> None:
        """Give the flex column the width that is left. O(1) in the number of rows: the column's width is set
        and the render caches dropped; cells lay themselves out at the width they are given."""
        wanted = self._wanted_flex_width()
        key = self._flex[0]
        if wanted == self._flex_width or ColumnKey(key) not in self.columns:
            return
        self._flex_width = wanted
        self.columns[ColumnKey(key)].width = wanted
        width = sum(column.get_render_width(self) for column in self.columns.values())
        self.virtual_size = Size(width, self.virtual_size.height)
        self.mutate_reactive(DataTable.fixed_columns)  # its watcher clears the row and cell render caches
        self.refresh()

    @property
    def flex_width(self) -> int:
        return self._flex_width

    def set_fixed_width(self, key: str, width: int) -> None:
        """Resize a fixed column (ids that gained a digit); the flex column takes what is left."""
        for i, (column_key, label, old) in enumerate(self._fixed_columns):
            if column_key == key and old != width:
                self._fixed_columns[i] = (column_key, label, width)
                if ColumnKey(key) in self.columns:
                    self.columns[ColumnKey(key)].width = width
                    self._flex_width = -1  # fit_columns: the flex width is due again
                    self.fit_columns()

    # -- rows ---------------------------------------------------------------------------------------------
    def add_keyed_row(self, key: str, cells: Sequence[Any]) -> None:
        self.add_row(*self._fixed(cells), key=key)

    def has_row(self, key: str) -> bool:
        return RowKey(key) in self.rows

    def row_key_at(self, index: int) -> str | None:
        try:
            return self.coordinate_to_cell_key(Coordinate(index, 0)).row_key.value
        except (CellDoesNotExist, IndexError):
            return None

    @property
    def current_key(self) -> str | None:
        if not self.row_count:
            return None
        return self.row_key_at(self.cursor_row)

    def keys_in_order(self) -> list[str]:
        return [cast(str, row.key.value) for row in self.ordered_rows]  # every row is added with a key

    def _fixed(self, cells: Sequence[Any]) -> list[Any]:
        """Pad Text cells to their column's width: when every cell of a column measures the same, DataTable never
        re-measures the whole column after an update (which is O(rows) per changed cell). The Text cells are padded
        in place: callers hand over fresh cells."""
        out = list(cells)
        for i, (_, _, width) in enumerate(self._fixed_columns):
            if i < len(out) and isinstance(out[i], Text) and out[i].cell_len < width:
                text = out[i]
                pad = width - text.cell_len
                if text.justify == "right":
                    text.pad_left(pad)
                else:
                    text.pad_right(pad)
                out[i] = text
        return out

    def put_row(self, key: str, cells: Sequence[Any]) -> bool:
        """Add the row, or update its cells in place. Returns True when it was added."""
        cells = self._fixed(cells)
        if RowKey(key) not in self.rows:
            self.add_row(*cells, key=key)
            return True
        column_keys = [k for k, _, _ in self._fixed_columns] + [self._flex[0]]
        for column_key, value in zip(column_keys, cells):
            if self.get_cell(key, column_key) != value:
                self.update_cell(key, column_key, value)
        return False

    def put_rows(self, rows: list[tuple[str, list]]) -> None:
        """Show exactly these rows, updated in place by key (update_cell / add_row / remove_row in one batch). Only
        when the order of the rows that stay changes, or a new row must go between old ones, the table is refilled
        (rare). The cursor stays on its row if that row stays."""
        wanted = [key for key, _ in rows]
        wanted_set = set(wanted)
        present = self.keys_in_order()
        surviving = [k for k in present if k in wanted_set]
        cursor = self.current_key
        with self.app.batch_update():
            if wanted[: len(surviving)] != surviving:
                self.clear()
                for key, cells in rows:
                    self.add_keyed_row(key, cells)
            else:
                for key in present:
                    if key not in wanted_set:
                        self.drop_row(key)
                for key, cells in rows:
                    self.put_row(key, cells)
        if cursor in wanted_set:
            self.select_key(cursor, scroll=False)

    def forget_rows(self) -> None:
        """Drop every row, the cursor staying where it was, for the rows to be drawn again (the text display
        changed: every cell that holds text must be made anew)."""
        cursor = self.current_key
        self.clear()
        self.select_key(cursor)

    def drop_row(self, key: str) -> None:
        try:
            self.remove_row(key)
        except RowDoesNotExist:
            pass

    def select_key(self, key: str | None, *, scroll: bool = True) -> bool:
        if key is None or RowKey(key) not in self.rows:
            return False
        self.move_cursor(row=self.get_row_index(key), animate=False, scroll=scroll)
        return True
