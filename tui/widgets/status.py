"""The status bar: the database's totals on the left, who is reviewing and how on the right."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from factcheck_tui.store.models import Stats
from factcheck_tui.tui.widgets.text import symbols


class StatusBar(Horizontal):
    """'factcheck-tui — 5 articles · 104 claims · 1 reviewed · 0 disputed' and 'read-only · rtl: app  reviewer: amal'.
    A line is redrawn only when its text changed: the screen asks for it after every refresh and poll."""

    def compose(self) -> ComposeResult:
        yield Label(id="totals")
        yield Label(id="who")

    def show(self, stats: Stats, *, reviewer: str, read_only: bool, reorder: bool, roomy: bool) -> None:
        """roomy: the screen is wide enough for the product's name and the rtl mode too."""
        totals = Text(end="")
        if roomy:
            totals.append("factcheck-tui", style="bold")
            totals.append(" — ")
        totals.append(f"{stats.articles} articles · {stats.claims} claims · {stats.reviewed} reviewed · ")
        totals.append(f"{stats.disputed} disputed", style="bold" if stats.disputed else "")
        if stats.stale:
            totals.append(f" · {stats.stale} {symbols()['stale']} changed")
        self._set("#totals", totals)
        who = Text(end="")
        if read_only:
            who.append("read-only · ", style="bold")
        if roomy:
            who.append("rtl: app  " if reorder else "rtl: terminal  ", style="dim")
        who.append("reviewer: ")
        who.append(reviewer, style="bold")
        self._set("#who", who)

    def _set(self, selector: str, text: Text) -> None:
        label = self.query_one(selector, Label)
        if getattr(label, "_shown", None) != text:
            label._shown = text  # type: ignore[attr-defined]
            label.update(text)
