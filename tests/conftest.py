"""Shared fixtures: a database indexed from the bundled seeds, made once per session and copied per test."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from factcheck_tui.store.api import Store, bundled_seeds

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests_support: test data shared across folders
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def seeded_db_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "seeds.db"
    with Store(path) as store:
        store.index([bundled_seeds()])
    return path


@pytest.fixture
def seeded_db(seeded_db_template, tmp_path) -> Path:
    """A private copy of the indexed seeds (WAL is checkpointed on close, so the single file is complete)."""
    path = tmp_path / "seeds.db"
    shutil.copy(seeded_db_template, path)
    return path


@pytest.fixture
def store(seeded_db):
    with Store(seeded_db) as s:
        yield s
