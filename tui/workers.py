"""Worker errors reach the reader: Textual tells only a worker's own node that it failed (Worker.StateChanged does
not bubble), so every screen that runs workers says it through the app's one sentence for it (App.say_failed)."""

from __future__ import annotations

from textual.worker import Worker, WorkerState


class SaysWorkerErrors:
    """Mixed into a screen: its failed workers are said, never lost (a read in a dialog, an index run, a write)."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.app.say_failed(event.worker)  # type: ignore[attr-defined]  # a Screen's app is the FactcheckApp
