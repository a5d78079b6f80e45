"""A progress bar on stderr for headless indexing (shown only on a terminal; logs get the summary only)."""

from __future__ import annotations

import sys
from typing import Self

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from factcheck_tui.store.models import IndexProgress


class StderrProgress:
    def __init__(self) -> None:
        self.console = Console(file=sys.stderr)
        self.enabled = self.console.is_terminal
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        self.tasks: dict[str, TaskID] = {}

    def __enter__(self) -> Self:
        if self.enabled:
            self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self.progress.stop()

    def update(self, event: IndexProgress) -> None:
        if not self.enabled:
            return
        if event.stage not in self.tasks:
            self.tasks[event.stage] = self.progress.add_task(event.stage, total=event.total)
        self.progress.update(self.tasks[event.stage], completed=event.done, total=event.total)
