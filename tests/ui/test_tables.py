"""FlexTable: keyed rows drawn line by line, each drawn again only when it changes; the cursor follows its row."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.app import App, ComposeResult

from factcheck_tui.tui.widgets.tables import FlexTable
from factcheck_tui.tui.widgets.text import BidiText, Display


class TableApp(App):
    def __init__(self) -> None:
        super().__init__()
        self.highlighted: list[str] = []
        self.selected: list[str] = []

    def compose(self) -> ComposeResult:
        yield FlexTable([("id", "#", 4)], ("text", "text"), id="t")

    def on_flex_table_row_highlighted(self, message: FlexTable.RowHighlighted) -> None:
        self.highlighted.append(message.key)

    def on_flex_table_row_selected(self, message: FlexTable.RowSelected) -> None:
        self.selected.append(message.key)


def rows(n: int, word: str = "row") -> list[tuple[str, list]]:
    return [(str(i), [Text(str(i), justify="right", end=""), BidiText(f"{word} {i}", Display())]) for i in range(n)]


@pytest.fixture
def drawn(monkeypatch) -> list[str]:
    """The text of every row's text cell FlexTable draws from here on."""
    cells: list[str] = []
    draw = FlexTable._cell_segments

    def counting(self, cell, width):
        if isinstance(cell, BidiText):
            cells.append(str(cell))
        return draw(self, cell, width)

    monkeypatch.setattr(FlexTable, "_cell_segments", counting)
    return cells


def screen_lines(app: App) -> list[str]:
    table = app.query_one(FlexTable)
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_rows_are_drawn_once_and_again_only_when_they_change(drawn) -> None:
    app = TableApp()
    async with app.run_test(size=(40, 8)) as pilot:
        table = app.query_one(FlexTable)
        table.put_rows(rows(100))
        await pilot.pause()
        drawn.clear()
        table.refresh()
        await pilot.pause()
        assert drawn == []  # every visible row was drawn already: nothing is drawn again
        table.put_row("3", [Text("3", end=""), BidiText("changed", Display())])
        table.refresh()
        await pilot.pause()
        assert drawn == ["changed"]
        assert any("changed" in line for line in screen_lines(app))
        table.focus()  # the cursor's and the table's colours change: the rows are styled again, not drawn
        await pilot.pause()
        table.blur()
        await pilot.pause()
        assert drawn == ["changed"]


async def test_only_the_rows_on_screen_are_drawn(drawn) -> None:
    app = TableApp()
    async with app.run_test(size=(40, 8)) as pilot:
        app.query_one(FlexTable).put_rows(rows(20_000))
        await pilot.pause()
        assert 0 < len([d for d in drawn if d.startswith("row")]) <= 8


async def test_the_cursor_stays_on_its_row_when_rows_come_and_go() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 8)) as pilot:
        table = app.query_one(FlexTable)
        table.put_rows(rows(10))
        table.select_key("5")
        await pilot.pause()
        table.put_rows([r for r in rows(10) if r[0] not in ("1", "2")])
        await pilot.pause()
        assert table.current_key == "5" and table.cursor_row == 3
        table.drop_row("5")
        await pilot.pause()
        assert table.current_key == "6"
        assert app.highlighted[-1] == "6"
        table.forget_rows()
        assert table.row_count == 0
        table.put_rows(rows(10))
        assert table.current_key == "6"  # back on its row when the rows come again


async def test_keys_move_the_cursor_and_page_keeps_its_place_on_the_screen() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 8)) as pilot:
        table = app.query_one(FlexTable)
        table.put_rows(rows(100))
        table.focus()
        await pilot.press("down", "down")
        assert table.current_key == "2" and app.highlighted[-1] == "2"
        await pilot.press("pagedown")
        page = table.size.height - 1  # the header takes a line
        assert table.cursor_row == 2 + page
        assert round(table.scroll_y) == page  # the cursor keeps its line
        await pilot.press("end")
        assert table.current_key == "99"
        assert "99" in screen_lines(app)[-1]
        await pilot.press("home")
        assert table.current_key == "0" and round(table.scroll_y) == 0
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected == ["0"]


async def test_a_click_moves_the_cursor_and_a_second_click_selects() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 8)) as pilot:
        table = app.query_one(FlexTable)
        table.put_rows(rows(10))
        await pilot.pause()
        await pilot.click(FlexTable, offset=(2, 3))  # the header, then rows 0, 1, 2
        await pilot.pause()
        assert table.current_key == "2" and app.selected == []
        await pilot.click(FlexTable, offset=(2, 3))
        await pilot.pause()
        assert app.selected == ["2"]
        await pilot.click(FlexTable, offset=(2, 0))  # the header selects nothing
        await pilot.pause()
        assert table.current_key == "2" and app.selected == ["2"]


async def test_fixed_cells_are_padded_and_the_flex_column_takes_the_rest() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 8)) as pilot:
        table = app.query_one(FlexTable)
        table.put_rows(rows(3, word="a long text that does not fit in the width that is left"))
        await pilot.pause()
        line = screen_lines(app)[1]
        assert line.startswith("    0 ")  # right-justified id in its 4 cells, between blanks
        assert len(line) == table.size.width
        assert table.flex_width == table.scrollable_content_region.width - (4 + 2) - 2
        assert "…" in line  # cut at the flex width
        table.set_fixed_width("id", 6)
        assert table.flex_width == table.scrollable_content_region.width - (6 + 2) - 2
        await pilot.pause()
        assert screen_lines(app)[1].startswith("      0 ")  # still right-justified in the wider column


async def test_a_write_connection_refuses_a_replaced_or_removed_file_and_keeps_no_failed_transaction(tmp_path) -> None:
    """A backup restored over the database (os.replace) or the file removed: nothing is written (the app's other
    connections still read the old file and its log), no empty database is made, and the reviewer is told; a
    failed write leaves no transaction open on the kept connection."""
    import os
    import shutil

    from factcheck_tui.store.api import Store, StoreError, bundled_seeds
    from factcheck_tui.tui.writes import WriteConnection

    db = tmp_path / "seeds.db"
    with Store(db) as store:
        store.index([bundled_seeds()])
    shutil.copy(db, tmp_path / "backup.db")
    with Store(db) as store:
        writes = WriteConnection(store)
        cid = store.claims()[0].id

        def fails(s: Store) -> None:
            s.conn.execute("BEGIN IMMEDIATE")
            raise StoreError("half-way")

        with pytest.raises(StoreError):
            await writes.run(fails)
        with Store(db) as fresh:  # no lock left behind
            fresh.set_verdict(cid, "disputed", "other")
        assert (await writes.run(lambda s: s.claim(cid))).verdict == "disputed"

        os.replace(tmp_path / "backup.db", db)
        with pytest.raises(StoreError, match="replaced or removed"):
            await writes.run(lambda s: s.set_verdict(cid, "confirmed", "amal", expected_version=1))
        db.unlink()
        with pytest.raises(StoreError, match="replaced or removed"):
            await writes.run(lambda s: s.data_version())
        assert not db.exists()  # no empty database made in its place
        writes.close()
        with pytest.raises(StoreError):
            await writes.run(lambda s: s.data_version())
