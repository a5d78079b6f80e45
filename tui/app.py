"""The Textual app: `make_app` is the one factory the CLI and the tests share."""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Iterable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.worker import Worker, WorkerState, get_current_worker

from factcheck_tui.store.api import Store, bundled_seeds, check_reviewer, os_account
from factcheck_tui.store.printable import printable
from factcheck_tui.tui import bidi
from factcheck_tui.tui.messages import Said
from factcheck_tui.tui.screens.main import MainScreen
from factcheck_tui.tui.screens.modals import IdentityScreen
from factcheck_tui.tui.widgets.text import Display, Palette


class ReviewCommands(Provider):
    """The main screen's actions by name in the command palette (ctrl+p), for the selected claim."""

    def _commands(self) -> list[tuple[str, str, str]]:
        screen = self.screen
        if not isinstance(screen, MainScreen):
            return []
        claim = screen.current_claim
        keys: dict[str, list[str]] = {}  # as bound now: a keymap may have changed them
        for active in self.app.active_bindings.values():
            keys.setdefault(active.binding.action, []).append(self.app.get_key_display(active.binding))
        out = []
        for action, description in MainScreen.DESCRIPTIONS.items():
            name = action.split("(")[0]
            if name == "quit" or (screen.store.read_only and name in MainScreen.WRITE_ACTIONS):
                continue
            subject = f" (claim {claim.id})" if claim and name in MainScreen.ABOUT_THE_CLAIM else ""
            # the action by name first, as one searches for it: "verdict('disputed')" -> "Verdict disputed"
            label = action.replace("('", " ").replace("')", "").replace("_", " ").capitalize()
            title = f"{label}: {description}{subject}"
            out.append((title, "key: " + ", ".join(keys[action]) if action in keys else "", action))
        return out

    async def discover(self) -> Hits:
        for title, help_text, action in self._commands():
            yield DiscoveryHit(title, partial(self.screen.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in self._commands():
            score = max(matcher.match(title), matcher.match(help_text) * 0.8)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self.screen.run_action, action), help=help_text)


class FactcheckApp(App):
    TITLE = "factcheck-tui"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ReviewCommands}
    ENABLE_COMMAND_PALETTE = True

    # How text reaches the screen (who reorders right-to-left text; the theme's verdict colours): reactive, so a
    # change redraws every pane that holds text, wherever it was made (the b key, the palette, a theme change).
    text_display: reactive[Display] = reactive(Display(), init=False)
    palette: reactive[Palette] = reactive(Palette.default, init=False)

    def __init__(
        self,
        store: Store,
        reviewer: str,
        paths: Iterable[str] = (),
        detection: bidi.Detection | None = None,
        watch: str | None = None,
        poll_interval: float = 1.0,
        shaping: bool = True,
        keymap: dict[str, str] | None = None,
        index_seeds: bool = True,
        export_dir: str | None = None,
        ask_identity: bool = False,
    ) -> None:
        super().__init__()
        # a browser session (serve) asks who is reviewing before anything can be changed: its OS account is the
        # server's
        self.ask_identity = ask_identity
        # Served sessions (factcheck-tui serve) export only into this folder, by file name: a browser user must not
        # choose where on the server's disk a file is written.
        self.export_dir = Path(export_dir) if export_dir else None
        self.store = store
        self.said: deque[Said] = deque(maxlen=SAID_KEPT)  # what the session said, for the log (l)
        self.reviewer = reviewer
        store.viewer = reviewer  # the screen shows this reviewer's own reviews where the desk keeps them apart
        self.account = os_account()  # who changes the team or assigns: the OS account, whatever name one reviews as
        self.paths = [str(p) for p in paths]
        self.detection = detection or bidi.detect("auto")
        self.text_display = Display(reorder=self.detection.reorder, shaping=shaping)
        self.bidi_reason = self.detection.reason
        self.watch_dir = watch
        self.poll_interval = poll_interval
        self.index_seeds = index_seeds
        self.palette = Palette.default()
        self._keymap_file = keymap

    def get_default_screen(self) -> MainScreen:
        return MainScreen()

    def make_palette(self, variables: dict[str, str], dark: bool) -> Palette:
        if self.console.color_system in ("standard", "windows"):
            return Palette.ansi(dark)
        return Palette.from_variables(variables, dark)

    def on_mount(self) -> None:
        self.palette = self.make_palette(self.theme_variables, self.current_theme.dark)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self._keymap_file:
            self.set_keymap(self._keymap_file)
        if self.ask_identity:
            self.push_screen(IdentityScreen(self._identity_of), self._identified)

    def _identity_of(self, name: str) -> str:
        """The name this browser session reviews under (Store.identity: a member where the database has a team, as
        the team allows), checked on a connection of its own (IdentityScreen calls it in a thread)."""
        with self.store.reopen() as store:
            return store.identity(check_reviewer(name))

    def _identified(self, name: str | None) -> None:
        if not name:
            return
        self.reviewer = name
        self.store.viewer = name
        if (screen := self.main_screen) is not None:
            screen.refresh_data(force=True)

    def _theme_changed(self, theme) -> None:
        self.palette = self.make_palette(self.get_css_variables(), theme.dark)

    def watch_text_display(self) -> None:
        self._redraw_text()

    def watch_palette(self) -> None:
        self._redraw_text()

    def _redraw_text(self) -> None:
        screen = self.main_screen
        if screen is not None and screen.is_mounted:
            screen.redraw_text()

    @property
    def main_screen(self) -> MainScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None

    def say(self, message: str, severity: SeverityLevel = "information") -> None:
        """A notification, kept in the session's log (l); the text is never parsed as markup (it may quote
        articles or paths)."""
        text = printable(message, one_line=True)
        self.said.append(Said(datetime.now().strftime("%H:%M:%S"), severity, text))
        self.notify(text, severity=severity, markup=False, timeout=3 if severity == "information" else 8)

    def set_reorder(self, reorder: bool) -> None:
        self.text_display = Display(reorder=reorder, shaping=self.text_display.shaping)
        self.bidi_reason = "app reorders (b)" if reorder else "terminal reorders (b)"
        self.say("right-to-left text: " + ("reordered by the app" if reorder else "left to the terminal"))

    # -- background work ----------------------------------------------------------------------------------
    def start_background_work(self, screen: MainScreen) -> None:
        """Check the file, index what was asked (or the bundled seeds on an empty database), and watch a folder."""
        self.check_database()
        if self.paths:
            screen.start_indexing(self.paths, "indexing " + ", ".join(Path(p).name for p in self.paths))
        elif self.index_seeds and self.store.is_empty():
            if self.store.read_only:
                self.say("the database is empty and open read-only: nothing to show", severity="warning")
            else:
                screen.start_indexing([str(bundled_seeds())], "indexing the bundled sample")
        elif not self.store.read_only and self.store.pending_articles():
            self.finish_pending()
        if self.watch_dir:
            if self.store.read_only:
                self.say("read-only: not watching " + self.watch_dir, severity="warning")
            else:
                self.watch_folder(self.watch_dir)

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        """The App's own workers' errors (finishing an index run, watching a folder) are said, never lost; the
        screens say theirs through say_failed too (tui/workers.py)."""
        if event.state == WorkerState.ERROR and event.worker.node is self:
            self.say_failed(event.worker)

    def say_failed(self, worker: Worker) -> None:
        """The one sentence for a failed worker, wherever it ran."""
        self.say(f"{worker.description or worker.name} failed: {worker.error}", severity="error")

    @work(thread=True, group="check", exit_on_error=False, description="checking the database")
    def check_database(self) -> None:
        """SQLite's quick check, off the event loop: a damaged file is said at once, before anyone's work goes
        into it (each verdict written into it would spread the damage)."""
        with self.store.reopen() as store:
            store.check_integrity()

    @work(thread=True, group="index", exit_on_error=False, description="finishing an interrupted index run")
    def finish_pending(self) -> None:
        with self.store.reopen() as store:
            store.finish_pending()

    @work(thread=True, group="watch", exit_on_error=False, description="watching a folder")
    def watch_folder(self, folder: str, interval: float = 1.0) -> None:
        """Poll the folder; index files that are new or changed once they are completely written
        (store.watch.FolderWatch)."""
        from factcheck_tui.store.api import FolderWatch

        worker = get_current_worker()
        watch = FolderWatch(folder)
        with self.store.reopen() as store:
            while not worker.is_cancelled:
                changed = watch.look()
                if changed:
                    report = store.index(changed, should_stop=lambda: worker.is_cancelled)
                    if report.added or report.updated:
                        self.call_from_thread(self.say, f"watch: {report.summary()}")
                deadline = time.monotonic() + interval
                while time.monotonic() < deadline and not worker.is_cancelled:
                    time.sleep(0.05)

    # -- terminal bidi ------------------------------------------------------------------------------------
    def run(self, *args: Any, **kwargs: Any):
        """Turn the terminal's own bidi off before the first frame when we reorder (VTE, tmux passthrough)."""
        out = sys.__stderr__
        interactive = (
            out is not None and out.isatty() and not os.environ.get("TEXTUAL_DRIVER") and not kwargs.get("headless")
        )
        if out is not None and interactive and self.detection.prefix:
            out.write(self.detection.prefix)
            out.flush()
        try:
            return super().run(*args, **kwargs)
        finally:
            if out is not None and interactive and self.detection.suffix:
                out.write(self.detection.suffix)
                out.flush()


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """Remapped keys: `binding-id = "key"` lines in keymap.toml in the user config folder
    (e.g. `"review.confirm" = "y"`). Binding ids are listed in `?` help's source, tui/screens/main.py."""
    import tomllib

    import platformdirs

    if path is None:
        env = os.environ.get("FACTCHECK_KEYMAP")
        path = (
            Path(env) if env else Path(platformdirs.user_config_dir("factcheck-tui", appauthor=False)) / "keymap.toml"
        )
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    table = data.get("keymap", data)
    return {str(k): str(v) for k, v in table.items() if isinstance(v, str)}


SAID_KEPT = 1000  # messages the session's log keeps


def make_app(
    store: Store,
    reviewer: str,
    paths: list[str] = [],  # noqa: B006 — the CLI contract; never mutated
    bidi: str = "auto",
    watch: str | None = None,
    poll_interval: float = 1.0,
    *,
    shaping: bool | None = None,
    keymap: dict[str, str] | None = None,
    environ: dict[str, str] | None = None,
    index_seeds: bool = True,
    export_dir: str | None = None,
    ask_identity: bool = False,
) -> FactcheckApp:
    """The dashboard on an open Store (the UI thread's connection). `bidi` is auto, on or off."""
    from factcheck_tui.tui import bidi as bidi_module

    if shaping is None:
        shaping = os.environ.get("FACTCHECK_SHAPING", "1") not in ("0", "off", "no")
    detection = bidi_module.detect(bidi, environ)
    if keymap is None:
        try:
            keymap = load_keymap()
        except (OSError, ValueError) as err:
            print(f"factcheck-tui: ignoring the keymap file: {err}", file=sys.stderr)
            keymap = {}
    return FactcheckApp(
        store,
        reviewer,
        paths=list(paths),
        detection=detection,
        watch=watch,
        poll_interval=poll_interval,
        shaping=shaping,
        keymap=keymap,
        index_seeds=index_seeds,
        export_dir=export_dir,
        ask_identity=ask_identity,
    )
