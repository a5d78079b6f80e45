"""A new database is its owner's alone unless a desk asks for a shared group (issue 14): real files, and another
OS account trying to read them."""

import os
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

from factcheck_tui.store.api import Store


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_database_and_its_new_folder_are_private(tmp_path, monkeypatch):
    monkeypatch.delenv("FACTCHECK_SHARE", raising=False)
    db = tmp_path / "desk" / "factcheck.db"
    with Store(db):  # open: migrated in WAL mode, its side files exist
        assert mode(db.parent) == 0o700
        assert mode(db) == 0o600
        for side in ("-wal", "-shm"):
            assert mode(f"{db}{side}") & 0o077 == 0


def test_a_desk_shares_by_group_when_it_asks(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_SHARE", "group")
    db = tmp_path / "desk" / "factcheck.db"
    Store(db).close()
    assert mode(db.parent) == 0o770
    assert mode(db) == 0o660


def test_the_index_lock_is_shared_as_the_database_is(tmp_path, monkeypatch):
    """Another member of the desk indexing must be able to take the lock (it was 0600 whatever the database)."""
    monkeypatch.setenv("FACTCHECK_SHARE", "group")
    db = tmp_path / "desk" / "factcheck.db"
    (tmp_path / "a.txt").write_text("قال المتحدث إن الاجتماع عقد يوم الخميس بحضور ثلاثة وزراء.", encoding="utf-8")
    with Store(db) as store:
        store.index([tmp_path / "a.txt"])
    assert mode(f"{db}.index-lock") == 0o660


def test_an_existing_database_keeps_its_mode(tmp_path):
    db = tmp_path / "kept.db"
    Store(db).close()
    os.chmod(db, 0o640)
    Store(db).close()
    assert mode(db) == 0o640


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("runuser"), reason="needs root to act as another account")
def test_another_account_cannot_read_the_notes():
    # a folder the other account can reach (pytest's own is private to us), so only the database's modes decide
    home = Path(tempfile.mkdtemp(dir="/tmp"))
    try:
        os.chmod(home, 0o755)
        db = home / "factcheck.db"
        Store(db).close()
        result = subprocess.run(["runuser", "-u", "nobody", "--", "cat", str(db)], capture_output=True, check=False)
        assert result.returncode != 0 and b"Permission denied" in result.stderr
    finally:
        shutil.rmtree(home)
