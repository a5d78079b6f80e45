"""The claims pane: the claims of the chosen topic and filter, with the suggested and the reviewer's verdict."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical

from factcheck_tui.store.models import Claim
from factcheck_tui.tui import bidi
from factcheck_tui.tui.messages import ClaimChosen, ClaimOpened
from factcheck_tui.tui.widgets.tables import FlexTable
from factcheck_tui.tui.widgets.text import BidiText, symbols, team_mark, verdict_text

if TYPE_CHECKING:
    from factcheck_tui.tui.app import FactcheckApp

ID_WIDTH = 4  # digits of a claim id shown at the least; the column widens for larger ids (69,744 claims at 10k)


def claim_id_of(key: str | None) -> int | None:
    """The claim of a row key (None for no row)."""
    return int(key) if key else None


class ClaimsPane(Vertical):
    """Shows the claims it is given, in their order (every one: the table makes the cells of the rows it draws), and
    which one the evidence is shown for (current_id); says ClaimChosen when the cursor comes to another claim and
    ClaimOpened on enter."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.claims: dict[int, Claim] = {}
        self.current_id: int | None = None
        self.changed: set[int] = set()  # claims a colleague changed that the reviewer has not looked at since

    @property
    def fapp(self) -> FactcheckApp:
        return cast("FactcheckApp", self.app)

    def compose(self) -> ComposeResult:
        yield FlexTable([("id", "#", ID_WIDTH), ("sug", "suggest", 8), ("you", "verdict", 9)], ("claim", "claim"),
                        min_flex=12, cells_of=self.cells, id="claims")  # fmt: skip

    @property
    def table(self) -> FlexTable:
        return self.query_one(FlexTable)

    @property
    def under_cursor(self) -> Claim | None:
        """The claim under the cursor now (not as of the last highlight message: keys can run ahead of those)."""
        cid = claim_id_of(self.table.current_key)
        return self.claims.get(cid) if cid is not None else None

    def _row(self, claim: Claim) -> tuple[Claim, bool]:
        """What a claim's row shows (the arguments of cells): the claim, and whether a colleague changed it."""
        return claim, claim.id in self.changed

    def cells(self, claim: Claim, changed: bool = False) -> list:
        palette = self.fapp.palette
        sug = verdict_text(claim.suggested_verdict, palette) if claim.suggested_verdict else Text("", end="")
        you = verdict_text(claim.verdict, palette, stale=claim.stale, note=bool(claim.note))
        if (mark := team_mark(claim)) is not None:
            you.append(symbols()[mark], style=palette.accent if mark == "split" else palette.muted)
        text = BidiText(
            claim.text,
            self.fapp.text_display,
            single=True,
            style="bold" if claim.verdict is None and claim.suggested_verdict == "disputed" else "",
        )
        number = Text(str(claim.id), justify="right", end="")
        if changed:  # by a colleague: marked until the cursor lands on it
            number = Text(symbols()["changed"] + str(claim.id), justify="right", style=palette.accent, end="")
        return [number, sug, you, text]

    def mark_changed(self, claim_ids: set[int]) -> None:
        self.changed |= claim_ids
        for cid in claim_ids:
            if cid in self.claims:
                self.put(self.claims[cid])

    def seen(self, claim_id: int | None) -> None:
        if claim_id is not None and claim_id in self.changed:
            self.changed.discard(claim_id)
            if claim_id in self.claims:
                self.put(self.claims[claim_id])

    def show(self, claims: list[Claim], *, from_top: bool = False) -> bool:
        """These claims, in this order; from_top: a new list (another topic or filter), the cursor on the first.
        Returns whether the claim under the cursor is another claim than before, or changed (then current_id
        follows it and its evidence must be shown again)."""
        table = self.table
        old = self.claims
        self.claims = {c.id: c for c in claims}
        table.set_fixed_width("id", max(ID_WIDTH, len(str(max(self.claims, default=0)))))
        table.put_rows([(str(c.id), self._row(c)) for c in claims])
        if from_top and table.row_count:
            table.move_cursor(row=0)
        cid = claim_id_of(table.current_key)
        moved = cid != self.current_id or (cid is not None and old.get(cid) != self.claims.get(cid))
        self.current_id = cid
        return moved

    def put(self, claim: Claim) -> None:
        """One claim as stored now, in place."""
        if claim.id in self.claims:
            self.claims[claim.id] = claim
            if self.table.has_row(str(claim.id)):  # not while the rows are being made again (forget_rows)
                self.table.put_row(str(claim.id), self._row(claim))

    def drop(self, claim_id: int) -> None:
        """A claim that left the list (a verdict under a filter it no longer meets)."""
        if self.claims.pop(claim_id, None) is not None:
            self.table.drop_row(str(claim_id))

    def select(self, claim_id: int) -> bool:
        """Put the cursor on the claim; False when it is not in the list."""
        if self.table.select_key(str(claim_id)):
            self.current_id = claim_id
            return True
        return False

    def next_unreviewed_after(self, claim_id: int) -> int | None:
        """The next claim of the list without a verdict after this one, wrapping round (None: every one has one)."""
        order = list(self.claims)
        if claim_id not in self.claims:
            return None
        i = order.index(claim_id)
        return next((cid for cid in order[i + 1 :] + order[:i] if self.claims[cid].verdict is None), None)

    def set_title(self, filter_label: str | None, topic_label: str | None) -> None:
        """'Claims 3/14 reviewed · filter · topic': the (maybe Arabic) topic goes last, where reordering it
        disturbs nothing else on the line. topic_label None: all topics."""
        reviewed = sum(1 for c in self.claims.values() if c.verdict)
        title = f"Claims {reviewed}/{len(self.claims)} reviewed"
        if filter_label:
            title += f" · {filter_label}"
        if topic_label is None:
            title += " · all topics"
        else:
            display = self.fapp.text_display
            title += " · " + bidi.visual(topic_label, display.reorder, display.shaping)
        self.border_title = Text(title, end="")

    @on(FlexTable.RowHighlighted)
    def _highlighted(self, event: FlexTable.RowHighlighted) -> None:
        event.stop()
        if event.key != self.table.current_key:
            return
        cid = claim_id_of(event.key)
        if cid != self.current_id:
            self.current_id = cid
            self.post_message(ClaimChosen(cid))

    @on(FlexTable.RowSelected)
    def _selected(self, event: FlexTable.RowSelected) -> None:
        event.stop()
        self.post_message(ClaimOpened())
