"""Background work of a screen, and its errors reaching the reader. Textual tells only a worker's own node that it
failed (Worker.StateChanged does not bubble), so every screen that runs workers says it through the app's one
sentence for it (App.say_failed)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.worker import Worker, WorkerState


class BackgroundWork:
    """Mixed into a screen: in_background runs its reads and writes as workers, and their failures are said, never
    lost (a read in a dialog, an index run, a write)."""

    def in_background(
        self, work: Callable[[], Awaitable[None]], group: str, what: str, *, exclusive: bool = True
    ) -> None:
        """Run work as a worker: an async function, not a coroutine, so work cancelled before it starts
        (exclusive: a later one of its group replaced it) is never made."""
        # Textual's signature wants Coroutine[None, None, R]; every async def is Coroutine[Any, Any, R]
        self.run_worker(work, group=group, exclusive=exclusive, exit_on_error=False,  # type: ignore[attr-defined]
                        description=what)  # fmt: skip

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.app.say_failed(event.worker)  # type: ignore[attr-defined]  # a Screen's app is the FactcheckApp
