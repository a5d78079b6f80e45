"""The evidence pane: the selected claim in full, then what the other outlets say about it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from factcheck_tui.store.models import Claim, Event, Evidence
from factcheck_tui.tui import bidi
from factcheck_tui.tui.bidi import is_rtl
from factcheck_tui.tui.widgets.text import (
    STANCE_SYMBOL,
    BidiText,
    Display,
    Palette,
    RenderedOnce,
    symbols,
    verdict_text,
)


def _line(text: str = "", style="") -> Text:
    return Text(text, style=style)


def span_texts(text: str, spans: Sequence[Sequence[int]]) -> str:
    parts = [text[a:b].strip() for a, b in spans if 0 <= a < b <= len(text)]
    return " … ".join(p for p in parts if p)


EVENT_LABEL_CELLS = 48  # the event's label beside its outlets and days on one line of the pane


def event_line(event: Event, display: Display, palette: Palette) -> Text:
    """The happening the claim's article reports: its label, outlets and days (v lists its figures)."""
    days = event.start[:10] if event.start else ""
    if event.end and event.start and event.end[:10] != event.start[:10]:
        days += f" → {event.end[:10]}"
    n = len(event.outlets)
    line = Text("event ", style=palette.muted, end="", no_wrap=True, overflow="ellipsis")
    label = bidi.single_line(event.label, EVENT_LABEL_CELLS, display.reorder, display.shaping).text
    line.append(label, style=palette.title)
    line.append(f" · {n} outlet{'s' if n != 1 else ''}" + (f" · {days}" if days else ""), style=palette.muted)
    return line


def claim_block(claim: Claim, evidence: Sequence[Evidence], display: Display, palette: Palette) -> list[RenderableType]:
    head = Text()
    head.append(f"#{claim.id} ", style=palette.title)
    # the outlet, else the file: one or the other, never both on one line, where an Arabic outlet would reorder
    # the file's name around it
    head.append(_inline(claim.outlet or claim.article, display), style=palette.muted)
    # the parts of the claim that some other outlet contradicts
    spans: list[tuple[int, int, Style]] = []
    for e in evidence:
        if e.stance == "disagree":
            spans.extend((a, b, palette.highlight) for a, b in e.claim_spans)
    verdicts = Text()
    verdicts.append("suggested ", style=palette.muted)
    verdicts.append_text(verdict_text(claim.suggested_verdict, palette, long=True))
    verdicts.append("   your review " if claim.reviews_needed else "   verdict ", style=palette.muted)
    verdicts.append_text(verdict_text(claim.verdict, palette, long=True))
    if claim.verdict and claim.reviewer and not claim.reviews_needed:
        verdicts.append(" by ", style=palette.muted)
        verdicts.append(claim.reviewer)
    out: list[RenderableType] = [head, BidiText(claim.text, display, spans=spans, style=palette.title), verdicts]
    if claim.reviews_needed:
        out.extend(_reviews_block(claim, display, palette))
    if claim.stale:
        out.append(
            Text(
                f"{symbols()['stale']} the evidence changed since this verdict was given", style=palette.accent, end=""
            )
        )
    if claim.note:
        note = Text("note: ", style=palette.muted)
        out.append(Group(note, BidiText(claim.note, display, indent=2)))
    return out


def _reviews_block(claim: Claim, display: Display, palette: Palette) -> list[RenderableType]:
    """Where the desk keeps reviews apart: the final verdict and every review the viewer may see, with its note.
    Under blind review, before one's own verdict, only how many were given."""
    line = Text("final ", style=palette.muted)
    if claim.hidden:
        line.append(f"hidden until you give your verdict ({claim.reviews_given} of {claim.reviews_needed} reviews "
                    "given)", style=palette.muted)  # fmt: skip
        return [line]
    if claim.final_verdict:
        line.append_text(verdict_text(claim.final_verdict, palette, long=True))
    else:
        line.append("none yet")
    if claim.adjudicated_by:
        line.append(f" decided by {claim.adjudicated_by}", style=palette.muted)
    elif claim.final_verdict:
        line.append(" (the reviews agree)", style=palette.muted)
    elif len({r.verdict for r in claim.reviews if r.verdict}) > 1:
        line.append(" (the reviewers disagree: an editor decides)", style=palette.accent)
    else:
        line.append(f" ({claim.reviews_given} of {claim.reviews_needed} reviews given)", style=palette.muted)
    out: list[RenderableType] = [line]
    for r in claim.reviews:
        if r.reviewer == claim.reviewer:
            continue  # the viewer's own is the line above
        who = Text(f"  {r.reviewer} ")
        who.append_text(verdict_text(r.verdict, palette, long=True))
        out.append(who)
        if r.note:
            out.append(BidiText(r.note, display, indent=4))
    return out


def _inline(name: str, display: Display) -> str:
    """A name inside a line of English labels, in display order (an Arabic outlet or source reads right)."""
    return bidi.visual(name, display.reorder, display.shaping)


def evidence_item(
    e: Evidence, claim_text: str, display: Display, palette: Palette, dense: bool = False
) -> RenderableType:
    """One link: who said it and when, the sentence, why the engine linked it, what differs, reviewers' marks.
    dense (focus mode): the reason on the head line, so a small screen holds more links."""
    sym = symbols()
    verdict_like = STANCE_SYMBOL.get(e.stance)
    head = Text()
    mark = {"related": "~", "update": ">"}.get(e.stance) or sym.get(verdict_like, "~")
    head.append(f"{mark} {e.stance:<8}", style=palette.verdict(verdict_like))
    head.append(f" {e.score:3.0f}  ", style=palette.title)
    # who said it and when: the outlet and the article's day (updates are listed in date order); the file name
    # only where no outlet is known
    head.append(_inline(e.outlet or e.article, display), style=palette.muted)
    if e.date:
        head.append(f" · {e.date[:10]}", style=palette.title)
    if e.copy_of:
        head.append(f"  (copy of article {e.copy_of})", style=palette.muted)
    elif e.own_origin and e.source:
        head.append(f"  (quotes the claim's source, {_inline(e.source, display)}: not a second source)",
                    style=palette.muted)  # fmt: skip
    elif e.own_origin:
        head.append("  (copy of the claim's text: not a second source)", style=palette.muted)
    elif e.source:
        head.append(f"  source: {_inline(e.source, display)}", style=palette.muted)
    if dense and e.reason:
        head.append(
            "  " + _inline(e.reason, display), style=palette.accent if e.stance == "disagree" else palette.muted
        )
    parts: list[RenderableType] = [head]
    spans = [(a, b, palette.highlight) for a, b in e.sentence_spans]
    parts.append(BidiText(e.sentence, display, spans=spans, indent=2))
    if e.reason and not dense:
        style = palette.accent if e.stance == "disagree" else palette.muted
        parts.append(BidiText(e.reason, display, style=style, indent=2))
    ours, theirs = span_texts(claim_text, e.claim_spans), span_texts(e.sentence, e.sentence_spans)
    already_said = e.stance == "agree" and ours and ours in e.reason  # "same figure: ثلاث ساعات"
    if (ours or theirs) and not already_said:
        if e.stance == "agree":
            label, link = "  same:", "="  # the spans mark what both say, e.g. ثلاث ساعات = 3 ساعات
        else:
            # "claim → here"; in a right-to-left line the arrow must point left to read the same way
            label, link = "  differs:", "←" if is_rtl(f"{ours} {theirs}") else "→"
        diff = f"{ours or '—'} {link} {theirs or '—'}"
        parts.append(Group(Text(label, style=palette.muted), BidiText(diff, display, indent=4)))
    for m in e.marks:  # reviewers' marks on the link (store.feedback): the latest decides whether it counts
        line = Text(f"  marked {MARK_WORDS.get(m.mark, m.mark)} by {m.reviewer}",
                    style=palette.accent if m.wrong else palette.muted)  # fmt: skip
        parts.append(line)
        if m.note:
            parts.append(BidiText(m.note, display, indent=4))
    return Group(*parts)


# How a reviewer's mark on an evidence link reads (models.EVIDENCE_MARKS)
MARK_WORDS = {"right": "right", "wrong_stance": "wrong: the stance is wrong", "other_event": "wrong: another event",
              "not_independent": "wrong: not independent"}  # fmt: skip


def origins_summary(evidence: Sequence[Evidence], display: Display) -> str:
    """ "4 outlets, 2 independent origins (1 wire copy ×3)": how many voices the evidence really has. Copies of
    the claim's own text are not an independent origin."""
    outlets = {e.outlet or e.article for e in evidence}
    members: dict[int, set[str]] = {}
    for e in evidence:
        if (origin := e.independent_origin) is not None:
            members.setdefault(origin, set()).add(e.outlet or e.article)
    sources = {e.origin: e.source for e in evidence if e.source and not e.own_origin and e.origin is not None}
    quoted = [(sources[o], len(m)) for o, m in members.items() if len(m) > 1 and o in sources]
    copies = [len(m) for o, m in members.items() if len(m) > 1 and o not in sources]
    text = f"{len(outlets)} outlet{'s' if len(outlets) != 1 else ''}, {len(members)} independent origin"
    text += "s" if len(members) != 1 else ""
    notes = [f"1 source: {_inline(name, display)}, via {n} outlets" for name, n in quoted]
    if copies:
        notes.append(f"{len(copies)} wire cop{'ies' if len(copies) != 1 else 'y'} ×{max(copies)}")
    return text + (f" ({'; '.join(notes)})" if notes else "")


def evidence_renderable(
    claim: Claim | None,
    evidence: Sequence[Evidence],
    display: Display,
    palette: Palette,
    empty: str = "",
    event: Event | None = None,
    dense: bool = False,
) -> RenderableType:
    if claim is None:
        return _line(empty or "No claim selected.", palette.muted)
    parts = claim_block(claim, evidence, display, palette)
    if event is not None:
        parts.append(event_line(event, display, palette))
    parts.append(_line())
    if not evidence:
        parts.append(_line("No other outlet reports this (yet).", palette.muted))
    else:
        counts = {s: sum(1 for e in evidence if e.stance == s) for s in ("agree", "disagree", "update", "related")}
        summary = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
        parts.append(Text(f"Other outlets: {summary}", style=palette.title))
        parts.append(Text(origins_summary(evidence, display), style=palette.muted))
        for e in evidence:
            if not dense:
                parts.append(_line())
            parts.append(evidence_item(e, claim.text, display, palette, dense))
    return Group(*parts)


class EvidencePane(VerticalScroll, can_focus=True):
    """The selected claim and what other outlets say about it. Scrollable, focusable (tab), never a mouse needed:
    j/k and arrows scroll. It draws what it is given, and only when that changed (a poll re-reads the evidence
    every tick)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Scroll down", show=False, id="evidence.down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="evidence.up"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: tuple | None = None

    def compose(self):
        yield Static(id="evidence-body")

    def show(
        self,
        claim: Claim | None,
        evidence: Sequence[Evidence],
        event: Event | None,
        display: Display,
        palette: Palette,
        empty: str,
        keep_scroll: bool = False,
        dense: bool = False,
    ) -> None:
        """empty: what to say when there is no claim. keep_scroll: the same claim again, new evidence maybe.
        dense: focus mode's denser links (evidence_item)."""
        key = (claim, tuple(evidence), event, display, palette, empty, dense)
        if key == self._shown:
            return
        self._shown = key
        y = self.scroll_y
        self.query_one("#evidence-body", Static).update(
            RenderedOnce(evidence_renderable(claim, evidence, display, palette, empty, event, dense))
        )
        self.scroll_to(y=y if keep_scroll else 0, animate=False)
        self.border_title = f"Evidence · claim {claim.id}" if claim else "Evidence"
