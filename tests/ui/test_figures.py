"""The figures view (v): the ledger of the selected claim's event, its conflict marked, enter opens the article at
the figure, o shows the counts of one outlet too."""

from tests_support import write_day
from textual.widgets import DataTable

from factcheck_tui.store.api import Store
from factcheck_tui.tui.screens.article import ArticleScreen
from factcheck_tui.tui.screens.figures import FiguresScreen
from factcheck_tui.tui.screens.main import MainScreen

SIZE = (120, 32)


def cells(table: DataTable) -> list[list[str]]:
    return [[str(getattr(c, "plain", c)) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_v_shows_the_events_figures_with_the_conflict_and_opens_the_article(app_factory, tmp_path):
    db = tmp_path / "day.db"
    with Store(db) as store:
        store.index([write_day(tmp_path / "articles")])
        claim = next(c for c in store.claims() if c.text.startswith("قتل 12 شخصا"))
    app = app_factory(db, bidi="off")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.main_screen
        screen.select_claim(claim.id)
        await pilot.press("v")
        await pilot.pause()
        figures = app.screen
        assert isinstance(figures, FiguresScreen)
        assert figures.event is not None and len(figures.event.outlets) == 3
        rows = cells(figures.query_one(DataTable))
        assert [r[3] for r in rows] == ["sabq", "okaz", "alriyadh"]  # in time order
        assert "conflict" in rows[0][1] and rows[1][4].startswith("✘") and rows[2][4].startswith("↗")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        article = app.screen.article
        assert article.outlet == "sabq" and article.text[app.screen.start : app.screen.end] == "12 شخصا"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FiguresScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_v_on_an_event_whose_counts_one_article_gives_says_so_and_o_lists_them(app_factory):
    app = app_factory(bidi="off")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        figures = app.screen
        assert isinstance(figures, FiguresScreen)
        assert "No figures" in str(figures.query_one("#figures-empty").render())
        await pilot.press("o")
        await pilot.pause()
        rows = cells(figures.query_one(DataTable))
        assert rows and all("one article" in r[1] for r in rows if r[1])
