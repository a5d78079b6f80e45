import sqlite3

import pytest

from factcheck_tui.store.api import Store
from factcheck_tui.store.db import LOOKUP_INDEXES, SCHEMA_VERSION, StoreError, connect, schema_version


def test_new_database_has_current_schema_wal_and_foreign_keys(tmp_path):
    db = connect(tmp_path / "new.db")
    assert schema_version(db.conn) == SCHEMA_VERSION
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert {"articles", "sentences", "claims", "topics", "evidence", "verdicts", "verdict_events", "meta"} <= set(
        db.table_names()
    )


def test_reopening_does_not_migrate_again(tmp_path):
    path = tmp_path / "x.db"
    connect(path).conn.close()
    db = connect(path)
    assert db.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)


def test_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "x.db"
    conn = connect(path).conn
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        connect(path)


def test_a_text_file_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite at all " * 100)
    with pytest.raises(StoreError, match="not a factcheck-tui database"):
        Store(path)


def test_another_programs_sqlite_file_is_left_alone(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="another program"):
        Store(path)
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["customers"]


def test_read_only_refuses_writes_and_missing_files(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.db", read_only=True)
    Store(tmp_path / "x.db").close()
    store = Store(tmp_path / "x.db", read_only=True)
    with pytest.raises(StoreError, match="read-only"):
        store.set_verdict(1, "confirmed", "amal")


def test_folder_as_database_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="folder"):
        Store(tmp_path)


def test_forward_migration_keeps_rows_of_an_older_schema(tmp_path):
    import sqlite_utils

    from factcheck_tui.store.db import MIGRATIONS

    path = tmp_path / "v1.db"
    old = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))
    MIGRATIONS[0](old)
    old.execute("INSERT INTO meta(key, value) VALUES ('schema_version', '1')")
    old.execute("INSERT INTO articles(path, name, sha256, added_at, text) VALUES ('a', 'a', 'x', 'now', 'نص')")
    old.execute("INSERT INTO sentences(article_id, idx, start, \"end\", text, norm) VALUES (1, 0, 0, 2, 'نص', 'نص')")
    old.execute(
        'INSERT INTO sentences(article_id, idx, start, "end", text, norm, terms) '
        "VALUES (1, 1, 3, 8, 'بوتين', 'بوتين', 'وتين')"  # a v1/v2 term: the stemmer cut the name
    )
    old.conn.close()
    db = connect(path)
    assert schema_version(db.conn) == SCHEMA_VERSION
    assert db.conn.execute("SELECT text, facts_json FROM sentences WHERE idx = 0").fetchall() == [("نص", "")]
    # v3 reads the terms again: the name is indexed by its key, and the full-text index follows
    assert db.conn.execute("SELECT terms FROM sentences WHERE idx = 1").fetchone()[0] == "@putin"
    assert db.conn.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH '\"@putin\"'").fetchall()
    # v4: the full-text index keeps each term whole ("@putin", not "putin"), so its vocabulary is the terms'
    db.conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, sentences_fts, 'row')")
    assert {r[0] for r in db.conn.execute("SELECT term FROM temp.vocab")} == {"نص", "@putin"}


def test_the_filters_outlets_and_days_are_read_off_their_indexes(tmp_path):
    """Store.outlets and Store.days (what the filter dialog offers) come from the indexes db.LOOKUP_INDEXES makes,
    and days are only dates written YYYY-MM-DD (a time after them is left out; other spellings are no day). A
    database without those indexes (written before them) opens read-only and gives the same answers."""
    path = tmp_path / "x.db"
    conn = connect(path).conn
    rows = [("a", "okaz", "2015-07-21T10:00:00"), ("b", "okaz", "2015-07-21"), ("c", None, "July 3"),
            ("d", "sabq", None), ("e", "sabq", "2015-7-2"), ("f", "عكاظ", "2015-07-20 09:00")]  # fmt: skip
    for name, outlet, date in rows:
        conn.execute("INSERT INTO articles(path, name, outlet, date, sha256, added_at, text) VALUES (?,?,?,?,?,?,?)",
                     (name, name, outlet, date, name, "now", "text"))  # fmt: skip
    conn.commit()
    for query in ("SELECT DISTINCT COALESCE(outlet, name) FROM articles ORDER BY 1",
                  "SELECT DISTINCT substr(date, 1, 10) FROM articles ORDER BY 1"):  # fmt: skip
        plan = " ".join(r[-1] for r in conn.execute(f"EXPLAIN QUERY PLAN {query}"))
        assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, plan
    for name in LOOKUP_INDEXES:
        conn.execute(f"DROP INDEX {name}")
    conn.close()
    with Store(path, read_only=True) as store:
        assert store.days() == ["2015-07-20", "2015-07-21"]
        assert store.outlets() == ["c", "okaz", "sabq", "عكاظ"]
    with Store(path) as store:  # opened for writing: the indexes come back
        assert store.days() == ["2015-07-20", "2015-07-21"]
        assert store.outlets() == ["c", "okaz", "sabq", "عكاظ"]
        assert set(LOOKUP_INDEXES) <= {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
