"""The source article, with the claim's sentence highlighted and scrolled into view."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from factcheck_tui.store.models import Article
from factcheck_tui.tui import bidi
from factcheck_tui.tui.widgets.text import BidiText, Display, Palette, line_of_offset


class ArticleBody(VerticalScroll, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False, id="article.down"),
        Binding("k", "scroll_up", "Up", show=False, id="article.up"),
        Binding("space", "page_down", "Page down", show=False, id="article.page"),
    ]


class ArticleScreen(Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,a", "close", "Back", id="article.close"),
        Binding("n", "show_sentence", "Back to the sentence", id="article.sentence"),
    ]

    DEFAULT_CSS = """
    ArticleScreen #article-title { height: auto; padding: 0 1; background: $panel; }
    ArticleScreen ArticleBody { border: round $primary; padding: 0 1; }
    ArticleScreen ArticleBody:focus { border: round $accent; }
    """

    def __init__(self, article: Article, start: int, end: int, display: Display, palette: Palette) -> None:
        super().__init__()
        self.article = article
        self.start = start
        self.end = end
        self.display_mode = display
        self.palette = palette

    def compose(self) -> ComposeResult:
        a = self.article
        title = Text(end="")
        title.append(a.name, style="bold")
        if a.outlet:
            title.append(" · ")
            title.append(bidi.visual(a.outlet, self.display_mode.reorder, self.display_mode.shaping))
        if a.date:
            title.append(f" · {a.date[:16]}")
        if a.title:
            title.append(" · ")
            title.append(bidi.visual(a.title, self.display_mode.reorder, self.display_mode.shaping))
        if a.url:
            title.append("\n")
            title.append(bidi.one_line(a.url), style="dim")  # control characters made visible; whole, to be copied
        yield Static(title, id="article-title")
        body = ArticleBody(id="article-body")
        body.border_title = "Article"
        with body:
            spans = [(self.start, self.end, self.palette.highlight)] if self.end > self.start else []
            yield Static(BidiText(a.text or "", self.display_mode, spans=spans), id="article-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ArticleBody).focus()
        self.call_after_refresh(self.action_show_sentence)

    def sentence_line(self) -> int | None:
        """The visual line where the highlighted sentence starts, at the current width."""
        width = self.query_one("#article-text", Static).content_size.width
        if width <= 0:
            return None
        d = self.display_mode
        return line_of_offset(bidi.layout(self.article.text or "", width, d.reorder, d.shaping), self.start)

    def action_show_sentence(self) -> None:
        line = self.sentence_line()
        if line is not None:
            self.query_one(ArticleBody).scroll_to(y=max(0, line - 2), animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
