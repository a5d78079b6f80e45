"""What the panes and workers tell the screen: the one list of messages that move between the parts of the UI.

A pane never reads the store: the screen reads, hands each pane its rows, and acts on these messages."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from factcheck_tui.store.models import IndexProgress, IndexReport


class TopicChosen(Message):
    """The cursor came to another topic (None: all claims)."""

    def __init__(self, topic_id: int | None) -> None:
        super().__init__()
        self.topic_id = topic_id


class TopicOpened(Message):
    """enter on a topic: the reader goes on to its claims."""


class ClaimChosen(Message):
    """The cursor came to another claim (None: no claim, or the "more" row)."""

    def __init__(self, claim_id: int | None) -> None:
        super().__init__()
        self.claim_id = claim_id


class ClaimOpened(Message):
    """enter on a claim: the reader goes on to its evidence."""


class IndexingProgress(Message):
    def __init__(self, progress: IndexProgress, label: str) -> None:
        super().__init__()
        self.progress = progress
        self.label = label


class Indexed(Message):
    def __init__(self, report: IndexReport, label: str) -> None:
        super().__init__()
        self.report = report
        self.label = label


@dataclass(frozen=True)
class Said:
    """One thing the session said (App.say), as the log (l) lists it."""

    at: str  # local time of day, HH:MM:SS
    severity: str
    text: str
