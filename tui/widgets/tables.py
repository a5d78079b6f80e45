"""A keyed table drawn line by line: fixed-width columns, then one flex column of (bidi) text; rows updated in place.

Textual's DataTable measures every cell it is given and renders a cell through rich's padding and wrapping,
keying its caches by a counter that any change advances: one verdict, a focus change or a new topic's 400 rows
drew the whole visible table again cell by cell, and measured every new row (10,000 articles: a topic change
spent 150 ms drawing the table and 60 ms measuring it). Here a row is drawn once into a strip per width, cursor
and focus, and drawn again only when its cells change; columns have the widths they are given, nothing is
measured; only the rows on screen are ever drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from factcheck_tui.tui.widgets.text import BidiText

CELL_PADDING = 1  # blank cells either side of every cell's content
HEADER_LINES = 1
ROW_STRIPS_KEPT = 2_000  # drawn rows remembered: a few screens of rows in each of the few states a row is drawn in


@dataclass
class Row:
    key: str
    source: Any  # what the row shows: its cells, or the arguments FlexTable's cells_of makes them from
    cells: list[Any] | None = None  # made when the row is first drawn or asked for
    strips: dict[tuple, Strip] = field(default_factory=dict)  # the row drawn, by width, cursor and styles
    segments: dict[tuple, list[list[Segment]]] = field(default_factory=dict)  # its cells unstyled, by column widths


class FlexTable(ScrollView, can_focus=True):
    """Rows keyed by stable ids, a row cursor, fixed-width columns and one flex column sized to what is left (no
    horizontal scrolling): text in it is cut in logical order by BidiText at exactly that width.

    Rows are given as (key, cells), or with cells_of as (key, source), a tuple of cells_of's arguments from which the
    cells are made when the row is first drawn: listing 20,000 claims costs a row object each, and only the rows on screen are ever made.
    A row is compared by its source (or cells) to tell whether it changed.

    Says FlexTable.RowHighlighted when the row under the cursor becomes another (by key), and FlexTable.RowSelected
    on enter or a click on the cursor's row."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"flextable--header", "flextable--cursor"}

    DEFAULT_CSS = """
    FlexTable {
        background: $surface;
        color: $foreground;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        overflow-y: auto;
        &:focus {
            background-tint: $foreground 5%;
            & > .flextable--header { background-tint: $foreground 5%; }
            & > .flextable--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        & > .flextable--header { text-style: bold; background: $panel; color: $foreground; }
        &:ansi > .flextable--header { background: ansi_bright_blue; color: ansi_default; }
        & > .flextable--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    # The ids are those a keymap remaps (as before, when the table was a DataTable): j and k, not the arrows.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("j", "cursor_down", "Down", show=False, id="table.down"),
        Binding("k", "cursor_up", "Up", show=False, id="table.up"),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("ctrl+home", "scroll_top", "First", show=False),
        Binding("ctrl+end", "scroll_bottom", "Last", show=False),
        Binding("g,home", "scroll_top", "First", show=False, id="table.first"),
        Binding("G,end", "scroll_bottom", "Last", show=False, id="table.last"),
    ]

    class RowMessage(Message):
        """About the row with this key."""

        def __init__(self, table: FlexTable, key: str) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> FlexTable:
            return self.table

    class RowHighlighted(RowMessage):
        """The cursor came to another row (key), or the table's rows changed under it."""

    class RowSelected(RowMessage):
        """Enter on the cursor's row, or a click on it."""

    def __init__(
        self,
        columns: Sequence[tuple[str, str, int]],
        flex: tuple[str, str],
        *,
        min_flex: int = 10,
        cells_of: Callable[..., Sequence[Any]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self._cells_of = cells_of
        self._fixed_columns = list(columns)
        self._flex = flex
        self._min_flex = min_flex
        self._flex_width = min_flex
        self._rows: dict[str, Row] = {}
        self._order: list[str] = []
        self._index: dict[str, int] | None = {}  # row key -> position; None until asked for after a removal
        self.cursor_row = 0
        self._highlighted: str | None = None  # the key the last RowHighlighted named
        self._restore: str | None = None  # the cursor's key when the rows were forgotten (forget_rows)
        self._drawn_rows = 0
        self._styles_generation = 0
        self._header: tuple[tuple, Strip] | None = None  # (what it was drawn for, the line)

    # -- columns ------------------------------------------------------------------------------------------
    @property
    def column_keys(self) -> list[str]:
        return [key for key, _, _ in self._fixed_columns] + [self._flex[0]]

    def column_width(self, key: str) -> int:
        if key == self._flex[0]:
            return self._flex_width
        return next(width for column_key, _, width in self._fixed_columns if column_key == key)

    def _widths(self) -> list[int]:
        return [width for _, _, width in self._fixed_columns] + [self._flex_width]

    def _wanted_flex_width(self) -> int:
        available = self.scrollable_content_region.width
        used = sum(width + 2 * CELL_PADDING for _, _, width in self._fixed_columns)
        return max(self._min_flex, available - used - 2 * CELL_PADDING)

    def on_mount(self) -> None:
        self._flex_width = self._wanted_flex_width()
        self._update_virtual_size()
        # the size is not known yet at mount (and a resize may already have gone by): fit after the first layout
        self.call_after_refresh(self.fit_columns)

    def on_resize(self) -> None:
        self.fit_columns()

    def fit_columns(self) -> None:
        """Give the flex column the width that is left. Rows draw themselves again at the new width."""
        wanted = self._wanted_flex_width()
        if wanted != self._flex_width:
            self._flex_width = wanted
            self._update_virtual_size()
            self.refresh()

    @property
    def flex_width(self) -> int:
        return self._flex_width

    def set_fixed_width(self, key: str, width: int) -> None:
        """Resize a fixed column (ids that gained a digit); the flex column takes what is left."""
        for i, (column_key, label, old) in enumerate(self._fixed_columns):
            if column_key == key and old != width:
                self._fixed_columns[i] = (column_key, label, width)
                for row in self._rows.values():
                    row.cells = None  # made again, padded to the new width
                    row.segments.clear()
                self._flex_width = self._wanted_flex_width()
                self._update_virtual_size()
                self.refresh()

    def _update_virtual_size(self) -> None:
        width = sum(w + 2 * CELL_PADDING for w in self._widths())
        self.virtual_size = Size(width, len(self._order) + HEADER_LINES)

    # -- rows ---------------------------------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        return len(self._order)

    def has_row(self, key: str) -> bool:
        return key in self._rows

    def row(self, key: str) -> Row:
        return self._rows[key]

    def get_row(self, key: str) -> list[Any]:
        return list(self._cells(self._rows[key]))

    def _cells(self, row: Row) -> list[Any]:
        if row.cells is None:  # (padded again after a column's width changed: _fixed pads only what is short)
            row.cells = self._fixed(self._cells_of(*row.source) if self._cells_of is not None else row.source)
        return row.cells

    def _source(self, given: Any) -> Any:
        return given if self._cells_of is not None else self._fixed(given)

    def _update(self, row: Row, source: Any) -> bool:
        if source == row.source:
            return False
        row.source, row.cells = source, None  # drawn again: what was drawn of it goes
        row.strips.clear()
        row.segments.clear()
        return True

    def row_key_at(self, index: int) -> str | None:
        return self._order[index] if 0 <= index < len(self._order) else None

    def row_index(self, key: str) -> int:
        if self._index is None:
            self._index = {k: i for i, k in enumerate(self._order)}
        return self._index[key]

    @property
    def current_key(self) -> str | None:
        return self.row_key_at(self.cursor_row)

    def keys_in_order(self) -> list[str]:
        return list(self._order)

    def _fixed(self, cells: Sequence[Any]) -> list[Any]:
        """Text cells padded to their column's width on their justified side (right-justified counts line up). The
        Text cells are padded in place: callers hand over fresh cells."""
        out = list(cells)
        for i, (_, _, width) in enumerate(self._fixed_columns):
            if i < len(out) and isinstance(out[i], Text) and out[i].cell_len < width:
                text = out[i]
                pad = width - text.cell_len
                if text.justify == "right":
                    text.pad_left(pad)
                else:
                    text.pad_right(pad)
        return out

    def put_row(self, key: str, given: Any) -> bool:
        """Add the row at the end, or update it in place. Returns True when it was added."""
        if key not in self._rows:
            self._append(Row(key, self._source(given)))
            self._rows_changed()
            return True
        if self._update(self._rows[key], self._source(given)):
            self._refresh_row(key)
        return False

    def put_rows(self, rows: list[tuple[str, Any]]) -> None:
        """Show exactly these rows in this order, each updated in place by key. The cursor stays on its row if that
        row stays."""
        restored = self._restore is not None
        cursor = self.current_key if self._restore is None else self._restore
        self._restore = None
        old = self._rows
        self._rows = {}
        self._order = []
        self._index = {}
        for key, given in rows:
            source = self._source(given)
            row = old.get(key)
            if row is None:
                row = Row(key, source)
            else:
                self._update(row, source)
            self._append(row)
        if cursor in self._rows:
            self.cursor_row = self._index[cursor]
        self._rows_changed()
        if restored:  # the rows were all forgotten, the scroll with them: show the cursor's row again
            self.call_after_refresh(self.scroll_to_cursor)

    def _append(self, row: Row) -> None:
        self._rows[row.key] = row
        if self._index is not None:
            self._index[row.key] = len(self._order)
        self._order.append(row.key)

    def clear(self) -> None:
        self._rows, self._order, self._index = {}, [], {}
        self.cursor_row = 0
        self._rows_changed()

    def forget_rows(self) -> None:
        """Drop every row, the cursor to return to its row when the rows are put again (the text display changed:
        every cell that holds text must be made anew)."""
        cursor = self.current_key
        self.clear()
        self._restore = cursor

    def drop_row(self, key: str) -> None:
        if key not in self._rows:
            return
        position = self.row_index(key)
        del self._rows[key]
        del self._order[position]
        self._index = None
        if position < self.cursor_row:
            self.cursor_row -= 1
        self._rows_changed()

    def _rows_changed(self) -> None:
        """Rows came or went: the cursor stays within them, the size follows, and a new key under the cursor is
        said."""
        self.cursor_row = max(0, min(self.cursor_row, len(self._order) - 1))
        self._update_virtual_size()
        self.refresh()
        self._say_highlighted()

    def _say_highlighted(self) -> None:
        key = self.current_key
        if key is not None and key != self._highlighted:
            self._highlighted = key
            self.post_message(self.RowHighlighted(self, key))
        elif key is None:
            self._highlighted = None

    # -- the cursor ---------------------------------------------------------------------------------------
    def select_key(self, key: str | None, *, scroll: bool = True) -> bool:
        if key is None or key not in self._rows:
            return False
        self.move_cursor(row=self.row_index(key), scroll=scroll)
        return True

    def move_cursor(self, *, row: int, animate: bool = False, scroll: bool = True) -> None:
        if not self._order:
            return
        row = max(0, min(row, len(self._order) - 1))
        before = self.current_key
        self.cursor_row = row
        if before is not None and before in self._rows:
            self._refresh_row(before)
        self._refresh_row(self._order[row])
        if scroll:
            self.scroll_to_cursor()
        self._say_highlighted()

    def scroll_to_cursor(self) -> None:
        """Scroll as little as shows the cursor's row below the header."""
        visible = max(1, self.scrollable_content_region.height - HEADER_LINES)
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, immediate=True)

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - HEADER_LINES)

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self.cursor_row - 1)

    def action_page_down(self) -> None:
        self._turn_page(self._page())

    def action_page_up(self) -> None:
        self._turn_page(-self._page())

    def _turn_page(self, rows: int) -> None:
        """The rows move by a page and the cursor with them, keeping its place on the screen (as far as the list
        goes)."""
        self.scroll_to(y=round(self.scroll_y) + rows, animate=False, immediate=True)
        self.move_cursor(row=self.cursor_row + rows)

    def action_scroll_top(self) -> None:
        self.move_cursor(row=0)

    def action_scroll_bottom(self) -> None:
        self.move_cursor(row=len(self._order) - 1)

    def action_select_cursor(self) -> None:
        if (key := self.current_key) is not None:
            self.post_message(self.RowSelected(self, key))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < HEADER_LINES:
            return
        row = offset.y - HEADER_LINES + round(self.scroll_y)
        if 0 <= row < len(self._order):
            event.stop()
            if row == self.cursor_row:
                self.action_select_cursor()
            else:
                self.move_cursor(row=row)

    # -- drawing ------------------------------------------------------------------------------------------
    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles_generation += 1  # focus, theme: every row is drawn again in the new styles

    def _refresh_row(self, key: str) -> None:
        position = self.row_index(key)
        top = round(self.scroll_y)
        if top <= position < top + self._page():
            self.refresh_line(position + HEADER_LINES)

    def render_line(self, y: int) -> Strip:
        width = self.size.width  # the stable gutter too, blank or under the scrollbar
        base = self.rich_style
        if y < HEADER_LINES:
            drawn_for: tuple = (width, tuple(self._widths()), self._styles_generation)
            if self._header is None or self._header[0] != drawn_for:
                labels = [Text(label, end="") for _, label, _ in self._fixed_columns] + [Text(self._flex[1], end="")]
                style = base + self.get_component_rich_style("flextable--header")
                drawn = [self._cell_segments(c, w) for c, w in zip(labels, self._widths())]
                self._header = (drawn_for, self._styled(drawn, style, width))
            return self._header[1]
        position = y - HEADER_LINES + round(self.scroll_y)
        key = self.row_key_at(position)
        if key is None:
            return Strip.blank(width, base)
        row = self._rows[key]
        cursor = position == self.cursor_row
        widths = tuple(self._widths())
        state = (width, widths, cursor, self._styles_generation)  # a changed row has no strips left (_update)
        strip = row.strips.get(state)
        if strip is None:
            if self._drawn_rows >= ROW_STRIPS_KEPT:
                for other in self._rows.values():
                    other.strips.clear()
                    other.segments.clear()
                self._drawn_rows = 0
            if widths not in row.segments:
                row.segments[widths] = [self._cell_segments(c, w) for c, w in zip(self._cells(row), widths)]
            if cursor:
                # the cursor's colour above the cells' own, as DataTable draws its cursor
                cursor_style = self.get_component_rich_style("flextable--cursor")
                strip = self._styled(
                    row.segments[widths], base + cursor_style, width, Style.from_color(cursor_style.color)
                )
            else:
                strip = self._styled(row.segments[widths], base, width)
            row.strips[state] = strip
            self._drawn_rows += 1
        return strip

    def _styled(self, cells: list[list[Segment]], style: Style, width: int, over: Style | None = None) -> Strip:
        """One line of drawn cells, each between blanks, the rest of the width blank. The row's style goes under each
        cell's own, `over` above them. A focus or theme change styles the drawn cells again, drawing nothing."""
        pad = Segment(" " * CELL_PADDING, style)
        segments: list[Segment] = []
        for cell in cells:
            segments.append(pad)
            segments.extend(Segment.apply_style(cell, style, over))
            segments.append(pad)
        strip = Strip(segments)
        return strip.crop_extend(0, width, style)

    def _cell_segments(self, cell: RenderableType, width: int) -> list[Segment]:
        """A cell's content at exactly its column's width, in its own styles."""
        if isinstance(cell, BidiText):
            return cell.render_line(cell.lines(width, single=True)[0], width)
        if isinstance(cell, Text):
            text = cell.copy()
            text.truncate(width, overflow="ellipsis", pad=True)
            console = self.app.console
            # Text.render leaves out the Text's own style (its __rich_console__ adds it)
            return list(Segment.apply_style(text.render(console), console.get_style(text.style)))
        options = self.app.console.options.update(width=width, height=1, no_wrap=True)
        return self.app.console.render_lines(cell, options, pad=True)[0]
