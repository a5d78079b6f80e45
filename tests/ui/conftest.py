"""UI fixtures: an app on a private copy of the indexed seeds, and a second connection that plays a colleague."""

from __future__ import annotations

import pytest

from factcheck_tui.store.api import Store
from factcheck_tui.tui.app import make_app

REVIEWER = "amal"


@pytest.fixture(autouse=True)
def _stable_terminal(monkeypatch):
    """Symbols depend on TERM (ASCII on the Linux console); tests pin an ordinary terminal."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("COLORTERM", raising=False)
    monkeypatch.delenv("FACTCHECK_SHAPING", raising=False)


@pytest.fixture
def app_factory(seeded_db):
    """make(db=..., read_only=..., **make_app kwargs) -> app. Stores opened here are closed afterwards."""
    stores: list[Store] = []

    def make(db=None, *, read_only: bool = False, reviewer: str = REVIEWER, **kwargs):
        store = Store(db or seeded_db, read_only=read_only)
        stores.append(store)
        kwargs.setdefault("bidi", "on")
        kwargs.setdefault("keymap", {})
        kwargs.setdefault("poll_interval", 0.2)
        return make_app(store, reviewer, **kwargs)

    yield make
    for store in stores:
        store.close()


@pytest.fixture
def other(seeded_db):
    """Another connection to the same file: what a second process sees and writes."""
    with Store(seeded_db) as store:
        yield store
