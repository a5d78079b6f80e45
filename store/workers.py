"""Worker processes that never outlive the process that started them.

A killed `index` (SIGKILL, SIGTERM, a closed terminal) used to leave its workers running for over a minute,
holding the database and some 200 MB each. Each worker asks the kernel to kill it when its parent goes
(Linux prctl PR_SET_PDEATHSIG; elsewhere it checks at start only) and leaves Ctrl+C to the parent."""

from __future__ import annotations

import atexit
import ctypes
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import Any

_PR_SET_PDEATHSIG = 1


def process_pool(
    workers: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> ProcessPoolExecutor:
    """A pool of spawned processes (spawn, not fork: the UI indexes from a thread, and forking a threaded process
    can deadlock) that die with this process."""
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=get_context("spawn"), initializer=_start,
        initargs=(os.getpid(), initializer, initargs),
    )  # fmt: skip


def _start(parent: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the request above took effect
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the whole group: the parent decides
    # A worker's results are sent by the time it is told to stop, and it holds nothing to save: ending it without
    # freeing its caches object by object takes the pool's shutdown from 1.7 s (an evidence pool after 3,000
    # claims) to a moment. atexit runs before the interpreter starts freeing.
    atexit.register(_end_without_freeing)
    if initializer is not None:
        initializer(*initargs)


def _end_without_freeing() -> None:
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(0)
