"""Rich renderables for article text: never parsed as markup, reordered for display only (tui.bidi)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from factcheck_tui.tui import bidi

Span = tuple[int, int, Style]


@dataclass(frozen=True)
class Display:
    """How RTL text goes to the screen: reorder=True when the app does the bidi (terminal does none)."""

    reorder: bool = True
    shaping: bool = True


class BidiText:
    """Logical text laid out at the width it is given: wrapped (or cut, single=True) in logical order, then each
    visual line reordered. `spans` are (start, end, style) in logical offsets and are applied after reordering,
    cell by cell. RTL lines are right-aligned when the app reorders."""

    def __init__(
        self,
        text: str,
        display: Display,
        *,
        style: Style | str = "",
        spans: Sequence[Span] = (),
        single: bool = False,
        align_rtl: bool = True,
        end: str = "\n",
        indent: int = 0,
    ) -> None:
        self.text = text or ""
        self.display = display
        self.style = Style.parse(style) if isinstance(style, str) else style
        self.spans = tuple(spans)
        self.single = single
        self.align_rtl = align_rtl
        self.end = end
        self.indent = indent
        self._covered = self._covering() if self.spans else None
        self._styles: dict[tuple[int, ...], Style] = {}  # by the spans covering a character

    def __repr__(self) -> str:
        return f"BidiText({self.text[:30]!r})"

    def _key(self) -> tuple:
        return (self.text, self.display, self.style, self.spans, self.single, self.align_rtl, self.end, self.indent)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BidiText) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __str__(self) -> str:  # what tests and logs see: the logical text
        return self.text

    def lines(self, width: int, single: bool | None = None) -> tuple[bidi.VisualLine, ...]:
        d = self.display
        if self.single if single is None else single:
            return (bidi.single_line(self.text, width, d.reorder, d.shaping),)
        return bidi.layout(self.text, width, d.reorder, d.shaping)

    def _style_at(self, src: tuple[int, int]) -> Style:
        style = self.style
        a, b = src
        for s0, s1, span_style in self.spans:
            if a < s1 and s0 < max(b, a + 1):
                style = style + span_style
        return style

    def _covering(self) -> list[tuple[int, ...]] | None:
        """For each logical offset, the spans (their indexes) covering it; None when a span is empty or inverted
        (_style_at applies one to a ligature standing for the offsets around it, which no offset says)."""
        n = len(self.text)
        covering: list[tuple[int, ...]] = [()] * n
        for k, (s0, s1, _) in enumerate(self.spans):
            if s1 <= s0:
                return None
            for i in range(max(0, s0), min(n, s1)):
                covering[i] = (*covering[i], k)
        return covering

    def _style_by_covering(self, src: tuple[int, int]) -> Style:
        """_style_at from the spans covering each offset, worked out once (self._covered): a search hit's sentence
        had its spans tried for each of its hundreds of characters."""
        covering = self._covered
        a, b = src
        if not covering or not 0 <= a < b <= len(covering):
            return self._style_at(src)
        which = covering[a] if b - a == 1 else tuple(sorted(set().union(*covering[a:b])))
        style = self._styles.get(which)
        if style is None:
            style = self.style
            for k in which:
                style = style + self.spans[k][2]
            self._styles[which] = style
        return style

    def render_line(self, line: bidi.VisualLine, width: int) -> list[Segment]:
        """One visual line padded to width; the indent goes on the line's starting side (right for RTL)."""
        segments: list[Segment] = []
        pad = width - line.width
        right_to_left = self.align_rtl and self.display.reorder and line.rtl and bidi.has_rtl(line.text)
        if right_to_left:
            if pad > 0:
                segments.append(Segment(" " * pad, self.style))
            pad = self.indent
        elif self.indent:
            segments.append(Segment(" " * self.indent, self.style))
        run: list[str] = []
        run_style: Style | None = None
        style_at = self._style_by_covering if self.spans else None
        for ch, src in zip(line.text, line.src):
            style = style_at(src) if style_at else self.style
            if style is not run_style and style != run_style and run:
                segments.append(Segment("".join(run), run_style))
                run = []
            run_style = style
            run.append(ch)
        if run:
            segments.append(Segment("".join(run), run_style))
        if pad > 0:
            segments.append(Segment(" " * pad, self.style))
        return segments

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width - self.indent)
        lines = self.lines(width, single=self.single or bool(options.no_wrap and options.height == 1))
        if options.height:
            lines = lines[: options.height]
        for i, line in enumerate(lines):
            yield from self.render_line(line, width)
            if i < len(lines) - 1 or self.end:
                yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        text = bidi.one_line(self.text)
        longest_word = max((cell_len(w) for w in text.split()), default=1)
        return Measurement(min(longest_word, options.max_width), min(cell_len(text), options.max_width))


class RenderedOnce:
    """A renderable drawn once per width. A Static draws its content twice for one screen, once to learn its height
    and once to show it, and again whenever it is refreshed: the evidence of one claim, a dozen long Arabic
    sentences laid out and reordered, cost ~50 ms each time. What the content yields depends on the width and the
    wrapping options alone (a height only crops lines that the widget crops anyway), so it is kept by those."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable
        self._drawn: dict[tuple, list[Segment]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        key = (options.max_width, options.no_wrap, options.justify, options.overflow, options.highlight)
        if key not in self._drawn:
            self._drawn[key] = list(console.render(self.renderable, options))
        yield from self._drawn[key]

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.renderable)


def plain(text: str | None, style: Style | str = "") -> Text:
    """Untrusted text (names, paths, notes) for a widget: a Text, so [brackets] stay brackets."""
    return Text(bidi.one_line(text or ""), style=style, end="")


def line_of_offset(lines: Iterable[bidi.VisualLine], offset: int) -> int | None:
    for i, line in enumerate(lines):
        if line.covers(offset):
            return i
    return None


# -- verdict symbols --------------------------------------------------------------------------------------

UNICODE_SYMBOLS = {"confirmed": "✔", "disputed": "✘", "single-source": "◌", None: "·", "stale": "⚠", "note": "✎",
                   "agreed": "=", "split": "≠", "decided": "◆", "changed": "●"}  # fmt: skip
ASCII_SYMBOLS = {"confirmed": "+", "disputed": "x", "single-source": "o", None: ".", "stale": "!", "note": "*",
                 "agreed": "=", "split": "#", "decided": "E", "changed": "*"}  # fmt: skip
SHORT = {"confirmed": "conf", "disputed": "disp", "single-source": "single", None: ""}
STANCE_SYMBOL = {"agree": "confirmed", "disagree": "disputed", "update": None, "related": None}


@lru_cache(maxsize=1)
def symbols() -> dict:
    """The Linux console's fonts lack ✔ ✘ ◌ ⚠: use ASCII there (TERM is read once, never changed; reading the
    environment for each of the 1,600 cells a refresh makes took 20 ms under cProfile)."""
    return ASCII_SYMBOLS if os.environ.get("TERM") == "linux" else UNICODE_SYMBOLS


@dataclass(frozen=True)
class Palette:
    """Styles from the current theme, so verdicts read in light and dark themes; 16-colour terminals get the
    nearest ANSI colours from Textual. Colour is never the only cue: every verdict also has a symbol and a word."""

    confirmed: Style
    disputed: Style
    single: Style
    muted: Style
    accent: Style
    highlight: Style
    claim_highlight: Style
    title: Style

    def verdict(self, verdict: str | None) -> Style:
        styles: dict[str | None, Style] = {"confirmed": self.confirmed, "disputed": self.disputed,
                                           "single-source": self.single}  # fmt: skip
        return styles.get(verdict, self.muted)

    @classmethod
    def from_variables(cls, variables: dict[str, str], dark: bool = True) -> Palette:
        def color(name: str, fallback: str) -> str:
            value = variables.get(name, fallback)
            return value if value.startswith("#") and len(value) in (4, 7) else fallback

        background = color("background", "#000000" if dark else "#ffffff")
        warning = color("text-warning", "yellow")
        return cls(
            confirmed=Style(color=color("text-success", "green"), bold=True),
            disputed=Style(color=color("text-error", "red"), bold=True),
            single=Style(color=color("text-primary", "blue")),
            muted=Style(dim=True),
            accent=Style(color=color("text-accent", "yellow"), bold=True),
            highlight=Style(color=background, bgcolor=warning, bold=True),
            claim_highlight=Style(underline=True, bold=True),
            title=Style(bold=True),
        )

    @classmethod
    def ansi(cls, dark: bool = True) -> Palette:
        """16-colour terminals (the Linux console): the theme's pastel text colours all round to white there,
        so use the terminal's own colours, bright ones on dark backgrounds and plain ones on light. The values are
        truecolour that rounds to exactly that terminal colour (named ANSI colours are re-themed by Textual first
        and can come back as another colour)."""
        return cls(
            confirmed=Style(color="#55ff55" if dark else "#00c000", bold=True),
            disputed=Style(color="#ff5555" if dark else "#e00000", bold=True),
            single=Style(color="#00ffff" if dark else "#0000ee"),
            muted=Style(dim=True),
            accent=Style(color="#ffff00" if dark else "#cd00cd", bold=True),
            highlight=Style(color="#000000", bgcolor="#ffff00" if dark else "#00cdcd", bold=True),
            claim_highlight=Style(underline=True, bold=True),
            title=Style(bold=True),
        )

    @classmethod
    def default(cls) -> Palette:
        return cls.from_variables({})


def team_mark(claim) -> str | None:
    """Where the desk keeps reviews apart, where the claim stands: agreed ("="), reviewers disagree ("≠"), decided
    by an editor ("◆"); None while waiting for reviews, hidden from a blind viewer, or with one shared verdict."""
    if not claim.reviews_needed or claim.hidden:
        return None
    if claim.adjudicated_by:
        return "decided"
    if claim.final_verdict:
        return "agreed"
    if len({r.verdict for r in claim.reviews if r.verdict}) > 1:
        return "split"
    return None


def verdict_text(
    verdict: str | None, palette: Palette, *, stale: bool = False, note: bool = False, long: bool = False
) -> Text:
    sym = symbols()
    word = (verdict or "unreviewed") if long else SHORT.get(verdict, verdict or "")
    text = Text(f"{sym.get(verdict, '?')} {word}".rstrip(), style=palette.verdict(verdict), end="")
    if stale:
        text.append(sym["stale"], style=palette.accent)
    if note:
        text.append(sym["note"], style=palette.muted)
    return text
