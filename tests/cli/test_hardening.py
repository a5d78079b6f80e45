"""Hardening (issue 14): exports never destroy, names never reach the terminal raw, identity is the OS account,
bad databases and bad files give one line. Real processes and real files."""

import os
import sqlite3
import stat

import pytest
from tests_support import run_cli as run

from factcheck_tui.store.api import Store, bundled_seeds
from factcheck_tui.store.db import StoreError


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    path = tmp_path_factory.mktemp("hard") / "seeds.db"
    result = run("index", bundled_seeds(), "--db", path)
    assert result.returncode == 0, result.stderr
    return path


def one_line_error(result) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("factcheck-tui: error:"), result.stderr
    return lines[0]


def intact(db) -> bool:
    with Store(db, read_only=True) as store:
        return store.stats().claims > 0


# -- exports never destroy ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("extra", [[], ["--force"], ["--format", "json", "--force"]])
def test_an_export_onto_the_open_database_is_refused_and_the_database_survives(seeded, extra):
    message = one_line_error(run("export", "--db", seeded, "-o", seeded, *extra))
    assert "database" in message
    assert intact(seeded)


def test_an_export_onto_the_databases_write_ahead_log_is_refused(seeded):
    one_line_error(run("export", "--db", seeded, "-o", f"{seeded}-wal", "--force"))
    assert intact(seeded)


def test_an_export_onto_another_sqlite_file_is_refused(seeded, tmp_path):
    other = tmp_path / "someone.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    message = one_line_error(run("export", "--db", seeded, "-o", other, "--force"))
    assert "SQLite" in message
    assert sqlite3.connect(other).execute("SELECT count(*) FROM t").fetchone() == (0,)


def test_an_existing_file_is_replaced_only_with_force_and_keeps_its_mode(seeded, tmp_path):
    target = tmp_path / "shared.csv"
    target.write_text("keep me", encoding="utf-8")
    os.chmod(target, 0o664)
    assert "--force" in one_line_error(run("export", "--db", seeded, "-o", target))
    assert target.read_text(encoding="utf-8") == "keep me"
    result = run("export", "--db", seeded, "-o", target, "--force")
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("claim_id,")
    assert stat.S_IMODE(target.stat().st_mode) == 0o664


def test_an_export_onto_a_folder_or_a_fifo_is_refused(seeded, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    one_line_error(run("export", "--db", seeded, "-o", fifo, "--force"))
    one_line_error(run("export", "--db", seeded, "-o", tmp_path, "--force"))


# -- identity -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["   ", "amal\x1b]0;owned\x07", "amal\u202e", "two\nlines"])
def test_a_blank_or_control_character_reviewer_name_is_refused(seeded, name):
    claim_id = Store(seeded, read_only=True).claims()[0].id
    one_line_error(run("verdict", claim_id, "confirmed", "--reviewer", name, "--db", seeded))


def test_every_change_records_the_os_account_and_undo_is_only_for_that_account(tmp_path, monkeypatch):
    from factcheck_tui.store import review

    db = tmp_path / "who.db"
    with Store(db) as store:
        store.index([bundled_seeds()])
        claim = store.claims()[0]
        monkeypatch.setattr(review, "os_account", lambda: "amal")
        store.set_verdict(claim.id, "confirmed", "amal")
        assert store.history(claim.id)[-1].account == "amal"
        # another account typing the same reviewer name cannot undo amal's change
        monkeypatch.setattr(review, "os_account", lambda: "omar")
        assert store.undo("amal") is None
        assert store.claim(claim.id).verdict == "confirmed"
        monkeypatch.setattr(review, "os_account", lambda: "amal")
        assert store.undo("amal") is not None
        assert store.claim(claim.id).verdict is None


# -- bad databases -------------------------------------------------------------------------------------------------
def test_a_damaged_schema_version_is_one_line(tmp_path):
    db = tmp_path / "four.db"
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value = 'four' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    assert "schema version" in one_line_error(run("export", "--db", db))
    with pytest.raises(StoreError):
        Store(db)


# -- names never reach the terminal raw ------------------------------------------------------------------------------
HOSTILE = "evil\x1b]0;owned\x07\x1b]52;c;aGk=\x07\x1b[2J\u202e\nforged.txt"
RAW = ("\x1b", "\x07", "\u202e")


def hostile_folder(tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    seed = min(bundled_seeds().glob("*.txt"))
    (folder / HOSTILE).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / ("empty\x1b[2J\u202e.txt")).write_text("", encoding="utf-8")  # skipped, with a warning naming it
    return folder


def test_a_hostile_file_name_is_shown_and_exported_with_its_controls_made_visible(tmp_path):
    db = tmp_path / "names.db"
    indexed = run("index", hostile_folder(tmp_path), "--db", db)
    assert indexed.returncode == 0, indexed.stderr
    assert "skipped" in indexed.stderr
    for output in (
        indexed.stdout,
        indexed.stderr,
        run("export", "--db", db).stdout,
        run("export", "--db", db, "--format", "json").stdout,
        run("events", "--db", db).stdout,
    ):
        assert not any(ch in output for ch in RAW), output[:300]
    names = [a.name for a in Store(db, read_only=True).articles()]
    assert names == ["evil␛]0;owned␇␛]52;c;aGk=␇␛[2J\ufffd forged.txt"]


def test_a_note_keeps_its_lines_but_not_its_escapes(seeded):
    claim_id = Store(seeded, read_only=True).claims()[1].id
    result = run("verdict", claim_id, "disputed", "--note", "line one\nline two \x1b]0;x\x07", "--db", seeded)
    assert result.returncode == 0, result.stderr
    assert Store(seeded, read_only=True).claim(claim_id).note == "line one\nline two ␛]0;x␇"


def copy_of(db, tmp_path, name):
    target = tmp_path / name
    with sqlite3.connect(db) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target


def test_a_fifo_as_the_database_is_refused_at_once(tmp_path):
    fifo = tmp_path / "db.fifo"
    os.mkfifo(fifo)
    assert "regular file" in one_line_error(run("export", "--db", fifo))


def test_a_huge_claim_id_is_one_line(seeded):
    one_line_error(run("verdict", 10**30, "confirmed", "--db", seeded))


def test_a_read_only_database_file_is_one_line(seeded, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes through file modes")
    db = copy_of(seeded, tmp_path, "ro.db")
    os.chmod(db, 0o444)
    one_line_error(run("verdict", 1, "confirmed", "--db", db))


def test_a_verdict_is_never_written_into_a_damaged_database(seeded, tmp_path):
    db = copy_of(seeded, tmp_path, "damaged.db")
    page_size = sqlite3.connect(db).execute("PRAGMA page_size").fetchone()[0]
    pages = db.stat().st_size // page_size
    with open(db, "r+b") as handle:  # scribble over a few pages in the middle, leaving the header and schema
        for page in range(pages // 2, pages // 2 + 3):
            handle.seek(page * page_size)
            handle.write(b"\xff" * page_size)
    claim_id = 1
    message = one_line_error(run("verdict", claim_id, "confirmed", "--db", db))
    assert "damaged" in message or "malformed" in message


def test_a_locked_database_is_one_line_and_nothing_is_half_written(seeded, tmp_path):
    import subprocess
    import sys

    db = copy_of(seeded, tmp_path, "locked.db")
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time\n"
        f"c = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(30)\n")],
        stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "locked"
        claim_id = Store(db, read_only=True).claims()[0].id
        assert "locked" in one_line_error(run("verdict", claim_id, "confirmed", "--db", db))
    finally:
        holder.kill()
        holder.wait()
    assert Store(db, read_only=True).claim(claim_id).verdict is None
