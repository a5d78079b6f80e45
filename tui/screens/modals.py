"""Dialogs: note, history, conflict, filter, search, export, help. All keyboard-driven; escape closes."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.console import Group
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import (
    Button,
    Checkbox,
    DataTable,
    Input,
    Label,
    OptionList,
    Select,
    Static,
)
from textual.widgets.option_list import Option

from factcheck_tui.store.api import StoreError
from factcheck_tui.store.models import (
    EVIDENCE_MARKS,
    EXPORT_FORMATS,
    EXPORT_SUFFIXES,
    Claim,
    Evidence,
    SearchHit,
    VerdictEvent,
)
from factcheck_tui.tui import bidi
from factcheck_tui.tui.bidi import has_rtl
from factcheck_tui.tui.messages import Said
from factcheck_tui.tui.widgets.evidence import MARK_WORDS
from factcheck_tui.tui.widgets.text import (
    BidiText,
    Display,
    Palette,
    RenderedOnce,
    plain,
    symbols,
    verdict_text,
)
from factcheck_tui.tui.workers import BackgroundWork


class Dialog(BackgroundWork, ModalScreen):
    """A modal with a bordered box and an escape binding."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Close", id="dialog.close")]
    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > .box {
        width: 90%; max-width: 110; height: auto; max-height: 90%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    Dialog .hint { color: $text-muted; }
    Dialog .buttons { height: auto; margin-top: 1; }
    Dialog .buttons Button { margin-right: 1; }
    """

    def action_cancel(self) -> None:
        self.dismiss(None)


def _claim_summary(claim: Claim, display: Display) -> Static:
    return Static(
        Group(Text(f"#{claim.id} · {claim.article}", style="dim"), BidiText(claim.text, display)), classes="claim"
    )


class NoteScreen(Dialog):
    """Returns the new note ('' clears it) or None when cancelled. The Input shows logical text (no reordering
    inside inputs); a preview line below shows how the note will read."""

    def __init__(self, claim: Claim, display: Display) -> None:
        super().__init__()
        self.claim = claim
        self.text_display = display

    def compose(self) -> ComposeResult:
        with Vertical(classes="box") as box:
            box.border_title = f"Note for claim {self.claim.id}"
            yield _claim_summary(self.claim, self.text_display)
            yield Input(self.claim.note or "", placeholder="note (enter saves, empty clears)", id="note-input")
            yield Static(id="note-preview", classes="hint")
            yield Label("enter save · escape cancel · an empty note clears it", classes="hint")

    def on_mount(self) -> None:
        self._preview(self.claim.note or "")

    @on(Input.Changed, "#note-input")
    def _changed(self, event: Input.Changed) -> None:
        self._preview(event.value)

    def _preview(self, value: str) -> None:
        preview = self.query_one("#note-preview", Static)
        preview.update(BidiText(value, self.text_display) if value else Text(""))
        preview.display = self.text_display.reorder and has_rtl(value)

    @on(Input.Submitted, "#note-input")
    def _submit(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())


def _verdict_word(verdict: str | None) -> str:
    return verdict or "—"


class AgreementScreen(Dialog):
    """How far the reviewers agree (Store.agreement): the team's alpha, each pair's kappa, each reviewer against
    the suggested verdict, per topic."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("t,q", "cancel", "Close", show=False, id="agreement.close")]

    def __init__(self, figures: dict, display: Display) -> None:
        super().__init__()
        self.figures = figures
        self.text_display = display

    def compose(self) -> ComposeResult:
        f = self.figures
        with Vertical(classes="box") as box:
            box.border_title = "Agreement between reviewers"
            team = f["team"]
            yield Label(plain(f"{team['reviewers']} reviewers · Krippendorff's alpha {_figure(team['alpha'])}"))
            yield Label("1 = they always agree, 0 = no more than chance", classes="hint")
            table: DataTable[str] = DataTable(id="agreement-table", cursor_type="row")
            yield table
            if not f["pairs"]:
                yield Label("No claim has verdicts from two reviewers yet.", classes="hint")
            yield Label("escape close", classes="hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in ("who", "claims", "agreement"):
            table.add_column(Text(label, end=""), key=label)
        f = self.figures
        for p in f["pairs"]:
            who = " / ".join(p["reviewers"])
            table.add_row(plain(who), plain(str(p["claims"])), plain(f"Cohen's kappa {_figure(p['kappa'])}"))
        for r in f["with_suggested"]:
            table.add_row(plain(f"{r['reviewer']} vs suggested"), plain(str(r["claims"])),
                          plain(f"same {_figure(r['same_share'])} · kappa {_figure(r['kappa'])}"))  # fmt: skip
        for t in f["topics"]:
            label = bidi.visual(" ".join(t["label"].split()), self.text_display.reorder, self.text_display.shaping)
            table.add_row(plain(label), plain(str(t["claims_judged_twice"])), plain(f"alpha {_figure(t['alpha'])}"))
        table.styles.height = table_height(table.row_count, 16)
        table.focus()


def table_height(rows: int, most: int) -> int:
    """A dialog's table: its header and rows up to most, and a line for the sideways scrollbar a narrow terminal
    gives it (at 80 columns the history's only row hid under it)."""
    return min(rows + 2, most) if rows else 1


def _figure(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


KIND_WORDS = {"review": "review", "final": "final", "adjudication": "decided"}


class HistoryScreen(Dialog):
    """Who changed the claim's verdict or note, when, from what to what."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("h,q", "cancel", "Close", show=False, id="history.close")]

    def __init__(self, claim: Claim, events: Sequence[VerdictEvent], display: Display, palette: Palette) -> None:
        super().__init__()
        self.claim = claim
        self.events = list(events)
        self.text_display = display
        self.palette = palette

    def compose(self) -> ComposeResult:
        with Vertical(classes="box") as box:
            box.border_title = f"History of claim {self.claim.id}"
            yield _claim_summary(self.claim, self.text_display)
            table: DataTable[str] = DataTable(id="history-table", cursor_type="row")
            table.display = bool(self.events)
            yield table
            if not self.events:
                yield Label("No verdict or note yet.", classes="hint")
            yield Label("escape close", classes="hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.styles.height = table_height(len(self.events), 14)
        for label in ("when (UTC)", "who", "change", "note"):
            table.add_column(Text(label, end=""), key=label)
        for e in self.events:
            change = Text(end="")
            if e.kind != "verdict":  # a desk that keeps reviews apart: whose review, the final, an editor's decision
                change.append(f"{KIND_WORDS.get(e.kind, e.kind)}: ", style="dim")
            change.append_text(verdict_text(e.previous, self.palette, long=True))
            change.append(" → ")
            change.append_text(verdict_text(e.verdict, self.palette, long=True))
            if e.undoes:
                change.append(f"  (undo of #{e.undoes})", style="dim")
            when = e.at.replace("T", " ")[:19]
            note = BidiText(e.note or "", self.text_display, single=True) if e.note else Text("", end="")
            table.add_row(plain(when), plain(e.reviewer), change, note, key=str(e.id))
        table.focus()


class ConflictScreen(Dialog):
    """Someone else changed the claim since it was loaded: show both, let the reviewer choose.
    Returns 'theirs' (keep the stored verdict) or 'mine' (overwrite)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "choose('theirs')", "Keep theirs", id="conflict.theirs"),
        Binding("o", "choose('mine')", "Overwrite with mine", id="conflict.mine"),
    ]

    def __init__(self, claim: Claim, current: dict, mine: dict, display: Display, palette: Palette) -> None:
        super().__init__()
        self.claim = claim
        self.current = current
        self.mine = mine
        self.text_display = display
        self.palette = palette

    def _side(self, title: str, verdict: str | None, who: str | None, note: str | None) -> Static:
        head = Text(f"{title}\n", style="bold")
        head.append_text(verdict_text(verdict, self.palette, long=True))
        if who:
            head.append(f"  by {who}")
        parts: list[Text | BidiText] = [head]
        if note:
            parts.append(BidiText(note, self.text_display))
        return Static(Group(*parts), classes="side")

    def compose(self) -> ComposeResult:
        with Vertical(classes="box") as box:
            box.border_title = "Changed by someone else"
            who = self.current.get("reviewer") or "someone"
            yield Label(plain(f"{who} changed claim {self.claim.id} after you loaded it. Nothing was overwritten."))
            yield _claim_summary(self.claim, self.text_display)
            with Horizontal(classes="sides"):
                yield self._side(
                    "Theirs (stored now)",
                    self.current.get("verdict"),
                    self.current.get("reviewer"),
                    self.current.get("note"),
                )
                yield self._side("Yours", self.mine.get("verdict"), None, self.mine.get("note"))
            with Horizontal(classes="buttons"):
                yield Button(Text("Keep theirs (t)"), id="theirs", variant="primary")
                yield Button(Text("Overwrite with mine (o)"), id="mine", variant="warning")

    DEFAULT_CSS = """
    ConflictScreen .sides { height: auto; }
    ConflictScreen .side { width: 1fr; border: tall $panel-lighten-2; padding: 0 1; height: auto; }
    """

    def on_mount(self) -> None:
        self.query_one("#theirs", Button).focus()

    def action_choose(self, which: str) -> None:
        self.dismiss(which)

    def action_cancel(self) -> None:
        self.dismiss("theirs")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)


@dataclass(frozen=True)
class FilterChoice:
    """What the claims list shows: one choice of the filter dialog, or several combined (one per dimension: the
    reviewer's verdict, the suggestion, the outlet, changed evidence)."""

    label: str
    unreviewed: bool = False
    suggested: str | None = None
    verdict: str | None = None
    outlet: str | None = None
    stale: bool = False
    assigned_to: str | None = None
    day_from: str | None = None
    day_to: str | None = None
    parts: tuple[FilterChoice, ...] = ()  # the single choices this one combines (none: it is a single one)

    @property
    def is_all(self) -> bool:
        return not self.facets()

    def facets(self) -> dict[str, tuple]:
        """The dimensions this choice sets, each with its value: "unreviewed" and "verdict" are one (yours)."""
        out: dict[str, tuple] = {}
        if self.unreviewed or self.verdict or self.assigned_to:
            out["yours"] = (self.unreviewed, self.verdict, self.assigned_to)
        if self.suggested:
            out["suggested"] = (self.suggested,)
        if self.outlet:
            out["outlet"] = (self.outlet,)
        if self.stale:
            out["stale"] = (True,)
        if self.day_from:
            out["from"] = (self.day_from,)
        if self.day_to:
            out["to"] = (self.day_to,)
        return out

    def holds(self, choice: FilterChoice) -> bool:
        """Whether every facet of the (single) choice is one of this combination's."""
        mine = self.facets()
        return not choice.is_all and all(mine.get(k) == v for k, v in choice.facets().items())

    def with_choice(self, choice: FilterChoice) -> FilterChoice:
        """This combination with the choice added (replacing what it had in the choice's dimensions), or taken
        out where it held it already; "all claims" clears everything."""
        if choice.is_all:
            return ALL
        dims = set(choice.facets())
        kept = [p for p in self._singles() if not dims & set(p.facets())]
        if not self.holds(choice):
            kept.append(choice)
        if len(kept) <= 1:
            return kept[0] if kept else ALL
        merged: dict = {}
        for part in kept:
            merged.update({k: v for k, v in vars(part).items() if k not in ("label", "parts") and v})
        return FilterChoice(COMBINED.join(p.label for p in kept), parts=tuple(kept), **merged)

    def _singles(self) -> list[FilterChoice]:
        return list(self.parts) if self.parts else ([] if self.is_all else [self])


COMBINED = " + "  # between the labels of combined choices (the claims pane's title)


ALL = FilterChoice("all claims")


def filter_choices(outlets: Sequence[str], me: str | None = None, days: Sequence[str] = ()) -> list[FilterChoice]:
    """me: the reviewer, on a team database (the claims an editor assigned to them); days: those of the articles,
    for a date range (from one, to another)."""
    choices = [
        ALL,
        *([FilterChoice("assigned to me, unreviewed", unreviewed=True, assigned_to=me)] if me else []),
        FilterChoice("unreviewed", unreviewed=True),
        FilterChoice("suggested disputed", suggested="disputed"),
        FilterChoice("suggested confirmed", suggested="confirmed"),
        FilterChoice("verdict: confirmed", verdict="confirmed"),
        FilterChoice("verdict: disputed", verdict="disputed"),
        FilterChoice("verdict: single-source", verdict="single-source"),
        FilterChoice("evidence changed since the verdict", stale=True),
    ]
    choices += [FilterChoice(f"outlet: {o}", outlet=o) for o in outlets]
    if len(days) > 1:
        choices += [FilterChoice(f"from {d}", day_from=d) for d in days]
        choices += [FilterChoice(f"to {d}", day_to=d) for d in days]
    return choices


class FilterScreen(Dialog):
    """Pick what the claims list shows (within the selected topic)."""

    def __init__(self, choices: Sequence[FilterChoice], current: FilterChoice, display: Display) -> None:
        super().__init__()
        self.choices = list(choices)
        self.current = current
        self.text_display = display

    def compose(self) -> ComposeResult:
        with Vertical(classes="box") as box:
            box.border_title = "Filter claims"
            options = []
            for i, choice in enumerate(self.choices):
                held = choice == self.current if choice.is_all else self.current.holds(choice)
                mark = "● " if held else "  "
                label = Text(mark, end="")
                if choice.outlet:
                    label.append("outlet: ")
                    label.append(_visual(choice.outlet, self.text_display))
                else:
                    label.append(choice.label)
                options.append(Option(label, id=str(i)))
            yield OptionList(*options, id="filter-list")
            yield Label("enter add or take out (● shown) · all claims clears · escape cancel", classes="hint")

    def on_mount(self) -> None:
        olist = self.query_one(OptionList)
        olist.styles.max_height = 20
        if self.current in self.choices:
            olist.highlighted = self.choices.index(self.current)
        olist.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[int(event.option.id or 0)])  # every option is made with its index as id


class AssignScreen(Dialog):
    """An editor hands the selected claim, or its whole topic, to a member of the team. Returns (member or None
    to take the assignment back, whole topic) or None."""

    def __init__(self, members: Sequence[str], what: str, topic: str | None, display: Display) -> None:
        super().__init__()
        self.members = list(members)
        self.what = what
        self.topic = topic
        self.text_display = display

    def compose(self) -> ComposeResult:
        with Vertical(classes="box") as box:
            box.border_title = f"Assign {self.what}"
            options = [Option(Text(f"to {m}", end=""), id=f"m{i}") for i, m in enumerate(self.members)]
            options.append(Option(Text("take the assignment back", end=""), id="none"))
            yield OptionList(*options, id="assign-list")
            if self.topic is not None:
                yield Checkbox(Text(f"every claim of the topic: {_visual(self.topic, self.text_display)}"),
                               id="assign-topic")  # fmt: skip
            yield Label("enter choose · tab the topic box · escape cancel", classes="hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id or "none"
        member = None if key == "none" else self.members[int(key[1:])]
        whole = self.topic is not None and self.query_one("#assign-topic", Checkbox).value
        self.dismiss((member, whole))


class LogScreen(Dialog):
    """What the session said, oldest first (toasts go after a few seconds; here they stay until the app quits)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("l,q", "cancel", "Close", show=False, id="log.close")]

    def __init__(self, said: Sequence[Said]) -> None:
        super().__init__()
        self.said = list(said)

    def compose(self) -> ComposeResult:
        with Vertical(classes="box") as box:
            box.border_title = "What this session said"
            table: DataTable[str] = DataTable(id="log-table", cursor_type="row")
            table.display = bool(self.said)
            yield table
            if not self.said:
                yield Label("Nothing yet.", classes="hint")
            yield Label("escape close", classes="hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.styles.height = table_height(len(self.said), 20)
        for label in ("time", "", "message"):
            table.add_column(Text(label, end=""), key=label or "severity")
        for said in self.said:
            mark = {"error": "✘", "warning": "!"}.get(said.severity, "·")
            table.add_row(plain(said.at), plain(mark), plain(said.text))
        table.move_cursor(row=max(0, table.row_count - 1))
        table.focus()


class CopyScreen(Dialog):
    """What to copy to the clipboard: the claim, its article's URL, or an evidence sentence (with its outlet's URL
    when the article has one). Returns the text, in logical order as stored (never as displayed), or None."""

    def __init__(self, claim: Claim, evidence: Sequence[Evidence], urls: dict[int, str], display: Display) -> None:
        super().__init__()
        self.choices: list[tuple[str, str]] = [("the claim", claim.text)]
        if url := urls.get(claim.article_id):
            self.choices.append(("the claim's article URL", url))
        for e in evidence:
            snippet = _visual(" ".join(e.sentence.split())[:70], display)
            self.choices.append((f"{e.stance} · {_visual(e.outlet or e.article, display)}: {snippet}", e.sentence))
            if url := urls.get(e.article_id):
                self.choices.append((f"  its URL: {url}", url))
        self.claim = claim
        self.text_display = display

    def compose(self) -> ComposeResult:
        with Vertical(classes="box") as box:
            box.border_title = f"Copy from claim {self.claim.id}"
            yield OptionList(*[Option(Text(label, end=""), id=f"c{i}") for i, (label, _) in enumerate(self.choices)],
                             id="copy-list")  # fmt: skip
            yield Label("enter copy · escape cancel", classes="hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[int((event.option.id or "c0")[1:])][1])


class IdentityScreen(Dialog):
    """Who is reviewing, asked first in a browser session (factcheck-tui serve), whose OS account is the server's.
    check(name) runs in a thread and returns the name verdicts are recorded under, or raises with why not (not on
    the team, names not allowed). Escape leaves the app."""

    def __init__(self, check: Callable[[str], str]) -> None:
        super().__init__()
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="box") as box:
            box.border_title = "Who is reviewing?"
            yield Label("Your name, as your desk's team lists it: every verdict and note is recorded under it.")
            yield Input(placeholder="your name (enter)", id="identity-name")
            yield Static("", id="identity-error")
            yield Label("enter continue · escape leave", classes="hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#identity-name")
    def _submitted(self, event: Input.Submitted) -> None:
        name = event.value.strip()

        async def check() -> None:
            try:
                checked = await asyncio.to_thread(self.check, name)
            except StoreError as err:  # a refusal (not on the team, names not allowed): said here, the dialog stays
                self.query_one("#identity-error", Static).update(plain(str(err), "bold red"))
                return
            self.dismiss(checked)

        self.in_background(check, "identity", "checking your name")

    def action_cancel(self) -> None:
        self.app.exit()


class MarkScreen(Dialog):
    """A reviewer marks one link of the claim's evidence right, or wrong and why. Returns (sentence id, mark or
    None to take one's mark back) or None."""

    def __init__(self, claim: Claim, evidence: Sequence[Evidence], reviewer: str, display: Display) -> None:
        super().__init__()
        self.claim = claim
        self.evidence = list(evidence)
        self.reviewer = reviewer
        self.text_display = display
        self.link: Evidence | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="box") as box:
            box.border_title = f"Mark a link of claim {self.claim.id}'s evidence"
            yield _claim_summary(self.claim, self.text_display)
            options = []
            for i, e in enumerate(self.evidence):
                mine = next((m.mark for m in e.marks if m.reviewer == self.reviewer), None)
                line = Text(f"{e.stance:<8} {_visual(e.outlet or e.article, self.text_display)}  ", end="")
                line.append(_visual(" ".join(e.sentence.split())[:90], self.text_display))
                if mine:
                    line.append(f"  [you: {MARK_WORDS.get(mine, mine)}]", style="dim")
                options.append(Option(line, id=f"e{i}"))
            yield OptionList(*options, id="mark-links")
            yield OptionList(*[Option(Text(MARK_WORDS[m], end=""), id=m) for m in EVIDENCE_MARKS],
                             Option(Text("take my mark back", end=""), id="none"), id="mark-kinds")  # fmt: skip
            yield Label("enter choose the link, then what is wrong with it · escape cancel", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#mark-kinds").display = False
        self.query_one("#mark-links", OptionList).focus()

    @on(OptionList.OptionSelected, "#mark-links")
    def _link_chosen(self, event: OptionList.OptionSelected) -> None:
        self.link = self.evidence[int((event.option.id or "e0")[1:])]
        kinds = self.query_one("#mark-kinds", OptionList)
        self.query_one("#mark-links").display = False
        kinds.display = True
        kinds.focus()

    @on(OptionList.OptionSelected, "#mark-kinds")
    def _kind_chosen(self, event: OptionList.OptionSelected) -> None:
        if self.link is not None:
            kind = event.option.id
            self.dismiss((self.link.sentence_id, None if kind == "none" else kind))


def _visual(text: str, display: Display) -> str:
    from factcheck_tui.tui import bidi

    return bidi.visual(text, display.reorder, display.shaping)


class SearchScreen(Dialog):
    """Full-text search over every sentence; enter jumps to the claim (or opens the article at that sentence)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "focus_results", "Results", show=False, id="search.results")
    ]

    def __init__(self, search: Callable[[str], list[SearchHit]], display: Display, query: str = "") -> None:
        super().__init__()
        self.search = search
        self.text_display = display
        self.query_text = query
        self.hits: list[SearchHit] = []
        self._timer: Timer | None = None
        self._to_results = False  # enter was pressed: the results take the focus when they come

    def compose(self) -> ComposeResult:
        with Vertical(classes="box") as box:
            box.border_title = "Search all sentences"
            yield Input(self.query_text, placeholder="words to find (any spelling; enter to search)", id="search-input")
            yield Static(id="search-preview", classes="hint")
            yield OptionList(id="search-results")
            yield Label("type, then ↓ to the results · enter jump · escape close", classes="hint", id="search-status")

    def on_mount(self) -> None:
        results = self.query_one("#search-results", OptionList)
        results.styles.max_height = RESULT_LINES
        # The scroll bar's column kept from the start: hits that outgrow the height are laid out (their heights
        # measured) before the scroll bar comes, and would be laid out again a column narrower
        results.styles.scrollbar_gutter = "stable"
        self.query_one("#search-input", Input).focus()
        if self.query_text:
            self.run_search(self.query_text)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        preview = self.query_one("#search-preview", Static)
        preview.update(BidiText(event.value, self.text_display) if event.value else Text(""))
        preview.display = self.text_display.reorder and has_rtl(event.value)
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(0.2, lambda: self.run_search(event.value))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self._to_results = True  # once the hits are shown
        if self._timer is not None:
            self._timer.stop()  # the search typed is this one: not once more when the typing pause ends
        self.run_search(event.value)

    def run_search(self, query: str) -> None:
        """Search in a thread (a big database's full-text search takes a while); a search typed over gives way."""

        async def search() -> None:
            hits = await asyncio.to_thread(self.search, query) if query.strip() else []
            self.show_hits(query, hits)

        self.in_background(search, "search", "searching")

    def show_hits(self, query: str, hits: list[SearchHit]) -> None:
        self.hits = hits
        if self._to_results and hits:
            self._to_results = False
            self.call_after_refresh(self.action_focus_results)
        olist = self.query_one("#search-results", OptionList)
        olist.clear_options()
        words = [w for w in query.split() if len(w) > 1]
        options = []
        for i, hit in enumerate(self.hits):
            tag = f"claim {hit.claim_id}" if hit.claim_id else "sentence"
            spans = [(m, m + len(w), HIT_STYLE) for w in words for m in _find_all(hit.text, w)]
            shown = Group(
                _hit_source(hit, tag, self.text_display),
                *([BidiText(hit.title, self.text_display, single=True, style="dim")] if hit.title else []),
                BidiText(hit.text, self.text_display, spans=spans),
            )
            # drawn once per width: the list measures every option's height, then draws the ones on screen
            options.append(Option(RenderedOnce(shown), id=str(i)))
        # Enough hits fill the list's height whatever they say (two lines each at least: where, then the sentence):
        # the height is then set, not measured (Textual measures an auto height a scroll bar's width wider than it
        # lays the hits out at: search enter at 10k laid out its 50 hits twice)
        olist.styles.height = RESULT_LINES if len(options) * 2 >= RESULT_LINES else "auto"
        olist.add_options(options)  # one by one, each addition measured every option again
        status = self.query_one("#search-status", Label)
        if query.strip():
            status.update(f"{len(self.hits)} found · ↓ results · enter jump · escape close")
        if self.hits:
            olist.highlighted = 0

    def action_focus_results(self) -> None:
        if self.hits:
            self.query_one("#search-results", OptionList).focus()

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[int(event.option.id or 0)])  # every option is made with its index as id


HIT_STYLE = Style(bold=True, underline=True)
RESULT_LINES = 16  # the search results' height at most


def _find_all(text: str, word: str) -> list[int]:
    """Where the query word occurs as typed (case-insensitive); the store's search also matches other spellings,
    which are not marked."""
    out, low, needle = [], text.lower(), word.lower()
    start = low.find(needle)
    while start >= 0:
        out.append(start)
        start = low.find(needle, start + len(needle))
    return out


def _hit_source(hit: SearchHit, tag: str, display: Display) -> Text:
    """'okaz · 2015-08-09 · claim 12': the outlet (an Arabic one reordered on its own, as the evidence pane does),
    then the day and what the hit is, left to right: one bidi run for all of it would turn the date round."""
    d = display
    line = Text(bidi.visual(hit.outlet or hit.article, d.reorder, d.shaping), style="dim")
    for part in ((hit.date or "")[:10], tag):
        if part:
            line.append(f" · {part}", style="dim")
    return line


class ConfirmScreen(Dialog):
    """A yes/no question: returns True (y, enter) or False (n, escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="box") as box:
            box.border_title = "Confirm"
            yield Label(Text(self.question))
            yield Label("y / enter yes · n / escape no", classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ExportScreen(Dialog):
    """Returns (format, path, excel) or None. Confined to a folder (served sessions), it takes a file name only."""

    def __init__(self, default_dir: Path | None = None, *, confined: bool = False) -> None:
        super().__init__()
        self.default_dir = default_dir or Path.cwd()
        self.confined = confined

    def _path_for(self, fmt: str) -> str:
        ext = EXPORT_SUFFIXES[fmt]
        name = "factcheck-claimreview" if fmt == "claimreview" else "factcheck-export"
        return f"{name}.{ext}" if self.confined else str(self.default_dir / f"{name}.{ext}")

    def compose(self) -> ComposeResult:
        with Vertical(classes="box") as box:
            box.border_title = "Export verdicts"
            yield Select([(f, f) for f in EXPORT_FORMATS], value="csv", allow_blank=False, id="export-format")
            yield Input(self._path_for("csv"), placeholder="file to write", id="export-path")
            yield Checkbox("CSV for Excel (UTF-8 with BOM)", id="export-excel")
            yield Label("tab next field · enter (in the path) export · escape cancel", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(Select.Changed, "#export-format")
    def _format(self, event: Select.Changed) -> None:
        path = self.query_one("#export-path", Input)
        if Path(path.value).stem in ("factcheck-export", "factcheck-claimreview"):
            path.value = self._path_for(str(event.value))

    @on(Input.Submitted, "#export-path")
    def _submit(self, event: Input.Submitted) -> None:
        fmt = str(self.query_one("#export-format", Select).value)
        path = event.value.strip()
        if not path:
            self.notify("give a file name", severity="warning")
            return
        if self.confined:
            if not confined_name(path):
                self.notify(f"this session exports only into {self.default_dir}: give a file name, no folders",
                            severity="warning", markup=False)  # fmt: skip
                return
            target = self.default_dir / path
        else:
            target = Path(path).expanduser()
        self.dismiss((fmt, str(target), self.query_one("#export-excel", Checkbox).value))


def confined_name(name: str) -> bool:
    """A plain file name: no folder, no parent, not hidden, no control characters."""
    return (
        name not in ("", ".", "..")
        and not name.startswith(".")
        and "/" not in name
        and "\\" not in name
        and name.isprintable()
    )


class HelpScreen(Dialog):
    """Every key of the main screen, as currently bound (remapped keys included)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("question_mark,q", "cancel", "Close", show=False, id="help.close")]

    def __init__(self, rows: Sequence[tuple[str, str]], notes: Sequence[str] = ()) -> None:
        super().__init__()
        self.rows = list(rows)
        self.notes = list(notes)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="box") as box:
            box.border_title = "Keys"
            table = Text(end="")
            width = max((len(k) for k, _ in self.rows), default=4) + 2
            for i, (keys, description) in enumerate(self.rows):
                if i:
                    table.append("\n")
                table.append(f"{keys:<{width}}", style="bold")
                table.append(description)
            yield Static(table, id="help-keys")
            for note in self.notes:
                yield Label(plain(note), classes="hint")
            sym = symbols()
            legend = (
                f"{sym['confirmed']} confirmed  {sym['disputed']} disputed  {sym['single-source']} single-source  "
                f"{sym[None]} unreviewed  {sym['stale']} evidence changed since the verdict  {sym['note']} note"
            )
            yield Label(plain(legend), classes="hint")
            yield Label("escape close", classes="hint")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()
