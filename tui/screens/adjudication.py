"""The editor's adjudication queue (store.reviews): the claims whose reviewers disagree, each with every reviewer's
verdict and note side by side; c / d / s decide the final verdict, with a note saying why."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from factcheck_tui.store.models import Claim
from factcheck_tui.tui.widgets.text import BidiText, Display, Palette, plain, verdict_text
from factcheck_tui.tui.workers import BackgroundWork


class AdjudicationScreen(BackgroundWork, Screen):
    """Reads the queue with load() and decides with decide(claim id, verdict, note), both called in a thread."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Back", id="adjudication.close"),
        Binding("c", "decide('confirmed')", "confirmed", id="adjudication.confirm"),
        Binding("d", "decide('disputed')", "disputed", id="adjudication.dispute"),
        Binding("s", "decide('single-source')", "single-source", id="adjudication.single"),
    ]

    DEFAULT_CSS = """
    AdjudicationScreen #adjudication-title { height: auto; padding: 0 1; background: $panel; }
    AdjudicationScreen DataTable { height: auto; max-height: 50%; border: round $primary; }
    AdjudicationScreen #adjudication-claim { height: 1fr; padding: 0 1; border: round $accent; }
    AdjudicationScreen #adjudication-note { display: none; }
    AdjudicationScreen #adjudication-note.asking { display: block; }
    """

    def __init__(
        self,
        load: Callable[[], list[Claim]],
        decide: Callable[[int, str, str | None], Claim],
        display: Display,
        palette: Palette,
    ) -> None:
        super().__init__()
        self.load = load
        self.decide = decide
        self.text_display = display
        self.palette = palette
        self.claims: dict[int, Claim] = {}
        self.pending: tuple[int, str] | None = None  # (claim, verdict) waiting for its note

    def compose(self) -> ComposeResult:
        yield Static("Claims whose reviewers disagree", id="adjudication-title")
        yield DataTable(id="adjudication-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="adjudication-claim")
        yield Input(placeholder="why (enter decides, escape cancels)", id="adjudication-note")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in ("#", "reviews", "claim"):
            table.add_column(Text(label, end=""), key=label)
        self.reload()

    def reload(self) -> None:
        async def read() -> None:
            self.show(await asyncio.to_thread(self.load))

        self.in_background(read, "adjudication", "reading the claims to adjudicate")

    def show(self, claims: list[Claim]) -> None:
        self.claims = {c.id: c for c in claims}
        table = self.query_one(DataTable)
        table.clear()
        for c in claims:
            table.add_row(plain(str(c.id)), self._reviews_line(c), BidiText(c.text, self.text_display, single=True),
                          key=str(c.id))  # fmt: skip
        self.query_one("#adjudication-title", Static).update(
            f"{len(claims)} claim{'s' if len(claims) != 1 else ''} whose reviewers disagree · c / d / s decide the "
            "final verdict, with a note"
            if claims
            else "No claim waits for an editor."
        )
        self._show_claim()
        table.focus()

    def _reviews_line(self, claim: Claim) -> Text:
        line = Text(end="")
        for i, r in enumerate(claim.reviews):
            if i:
                line.append(" · ", style=self.palette.muted)
            line.append(f"{r.reviewer} ")
            line.append_text(verdict_text(r.verdict, self.palette))
        return line

    def _current(self) -> Claim | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.claims.get(int(key)) if key else None

    @on(DataTable.RowHighlighted)
    def _show_claim(self) -> None:
        claim = self._current()
        panel = self.query_one("#adjudication-claim", Static)
        if claim is None:
            panel.update("")
            return
        parts: list = [Text(f"#{claim.id} · {claim.outlet or claim.article}", style=self.palette.muted),
                       BidiText(claim.text, self.text_display, style=self.palette.title)]  # fmt: skip
        suggested = Text("suggested ", style=self.palette.muted)
        parts.append(suggested.append_text(verdict_text(claim.suggested_verdict, self.palette, long=True)))
        for r in claim.reviews:  # side by side: one line per reviewer, their note under it
            who = Text(f"{r.reviewer}: ")
            who.append_text(verdict_text(r.verdict, self.palette, long=True))
            who.append(f"  {r.decided_at.replace('T', ' ')[:16]}", style=self.palette.muted)
            parts.append(who)
            if r.note:
                parts.append(BidiText(r.note, self.text_display, indent=2))
        panel.update(Group(*parts))

    def action_decide(self, verdict: str) -> None:
        claim = self._current()
        if claim is None:
            return
        self.pending = (claim.id, verdict)
        note = self.query_one("#adjudication-note", Input)
        note.add_class("asking")
        note.placeholder = f"why {verdict} (enter decides, escape cancels)"
        note.value = ""
        note.focus()

    @on(Input.Submitted, "#adjudication-note")
    def _submitted(self, event: Input.Submitted) -> None:
        if self.pending is None:
            return
        claim_id, verdict = self.pending
        note = event.value.strip() or None
        self._stop_asking()

        async def decide() -> None:
            await asyncio.to_thread(self.decide, claim_id, verdict, note)
            self.app.say(f"claim {claim_id}: final verdict {verdict}")  # type: ignore[attr-defined]
            self.reload()

        self.in_background(decide, "adjudication-decide", f"deciding claim {claim_id}", exclusive=False)

    def _stop_asking(self) -> None:
        self.pending = None
        note = self.query_one("#adjudication-note", Input)
        note.remove_class("asking")
        self.query_one(DataTable).focus()

    def action_close(self) -> None:
        if self.pending is not None:
            self._stop_asking()
            return
        self.dismiss(None)
