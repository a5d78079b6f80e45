"""SQLite connection, schema and forward migrations. The only module that knows table layouts by heart
(along with the query helpers in store.api, store.review and store.indexer, which import from here)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from factcheck_tui.store.text.arabic.terms import content_terms

BUSY_TIMEOUT_MS = 10_000
APP_ID = 0x46435455  # "FCTU", written to the header so we can tell our databases from others


class StoreError(Exception):
    """A problem the user can act on (bad path, not a database, read-only, locked). Its message is one line."""


def _v1(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            path TEXT NOT NULL,
            name TEXT NOT NULL,
            title TEXT,
            outlet TEXT,
            url TEXT,
            date TEXT,
            sha256 TEXT NOT NULL UNIQUE,
            added_at TEXT NOT NULL,
            text TEXT NOT NULL,
            origin_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            -- 0 until evidence and topics have been computed for its claims: a killed run is finished later
            analysed INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX articles_pending ON articles(analysed);
        CREATE INDEX articles_path ON articles(path);
        CREATE TABLE sentences (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            norm TEXT NOT NULL,
            terms TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX sentences_article ON sentences(article_id, idx);
        CREATE INDEX sentences_norm ON sentences(norm);
        CREATE TABLE topics (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            label TEXT NOT NULL,
            terms_json TEXT NOT NULL DEFAULT '[]'
        );
        -- AUTOINCREMENT: a claim id is never reused, so history and verdicts never attach to another claim.
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            norm TEXT NOT NULL,
            checkworthiness REAL NOT NULL,
            topic_id INTEGER REFERENCES topics(id) ON DELETE SET NULL,
            suggested_verdict TEXT,
            facts_json TEXT NOT NULL DEFAULT '{}',
            evidence_sig TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX claims_article ON claims(article_id);
        CREATE INDEX claims_topic ON claims(topic_id);
        CREATE INDEX claims_sentence ON claims(sentence_id);
        CREATE TABLE evidence (
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            score REAL NOT NULL,
            stance TEXT NOT NULL CHECK (stance IN ('agree', 'disagree', 'related')),
            reason TEXT NOT NULL DEFAULT '',
            claim_spans TEXT NOT NULL DEFAULT '[]',
            sentence_spans TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (claim_id, sentence_id)
        );
        CREATE INDEX evidence_sentence ON evidence(sentence_id);
        CREATE TABLE verdicts (
            claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
            verdict TEXT CHECK (verdict IN ('confirmed', 'disputed', 'single-source')),
            reviewer TEXT,
            note TEXT,
            decided_at TEXT,
            version INTEGER NOT NULL DEFAULT 0,
            evidence_sig TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX verdicts_verdict ON verdicts(verdict);
        -- Append-only: no foreign key, so the history of a claim outlives the claim itself.
        CREATE TABLE verdict_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            claim_id INTEGER NOT NULL,
            verdict TEXT,
            previous TEXT,
            reviewer TEXT NOT NULL,
            note TEXT,
            previous_note TEXT,
            at TEXT NOT NULL,
            undoes INTEGER
        );
        CREATE INDEX verdict_events_claim ON verdict_events(claim_id, id);
        CREATE INDEX verdict_events_reviewer ON verdict_events(reviewer, id);
        -- Full-text index over the light-stemmed terms of each sentence: Arabic clitics (و، ال، ب) would
        -- otherwise keep the same word apart. Used for search and for evidence candidates.
        CREATE VIRTUAL TABLE sentences_fts USING fts5(terms, content='sentences', content_rowid='id');
        CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
            INSERT INTO sentences_fts(rowid, terms) VALUES (new.id, new.terms);
        END;
        CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
            INSERT INTO sentences_fts(sentences_fts, rowid, terms) VALUES ('delete', old.id, old.terms);
        END;
        CREATE TRIGGER sentences_au AFTER UPDATE OF terms ON sentences BEGIN
            INSERT INTO sentences_fts(sentences_fts, rowid, terms) VALUES ('delete', old.id, old.terms);
            INSERT INTO sentences_fts(rowid, terms) VALUES (new.id, new.terms);
        END;
        """
    )


def _v2(db: sqlite_utils.Database) -> None:
    """Facts of every sentence, read once in the (parallel) analysis stage instead of again for each claim
    the sentence is a candidate for. Older rows keep '' and are read on demand."""
    db.execute("ALTER TABLE sentences ADD COLUMN facts_json TEXT NOT NULL DEFAULT ''")


def _v3(db: sqlite_utils.Database) -> None:
    """Index terms name known people, places and organisations by their gazetteer key ("@putin"), so search
    and evidence meet a name across spellings: terms of older rows are read again from their normalized text
    (the update trigger refreshes the full-text index). And the topic list's counts come from an index alone,
    without reading the claims' rows (0.2 s -> 0.03 s on 87,000 claims)."""
    db.execute("DROP INDEX IF EXISTS claims_topic")
    db.execute("CREATE INDEX claims_topic_verdict ON claims(topic_id, suggested_verdict)")
    rows = db.execute("SELECT id, norm FROM sentences").fetchall()
    db.conn.executemany(
        "UPDATE sentences SET terms = ? WHERE id = ?", [(" ".join(content_terms(norm)), sid) for sid, norm in rows]
    )


# Index terms are one token each in the full-text index: "@putin", "@new_york", "18.6" (FTS5's default tokenizer
# splits them at "@", "_" and "."), with Arabic letters kept as they are.
FTS_TOKENIZER = "unicode61 remove_diacritics 0 tokenchars '@._,'"


def _v4(db: sqlite_utils.Database) -> None:
    """The full-text index holds each index term whole, so its vocabulary and postings are exactly the terms'
    (store.evidence reads candidates from it when only a few claims are scored, instead of loading every
    sentence's terms). The triggers of _v1 keep feeding it."""
    db.execute("DROP TABLE sentences_fts")
    db.execute(
        "CREATE VIRTUAL TABLE sentences_fts USING fts5(terms, content='sentences', content_rowid='id', "
        f'tokenize="{FTS_TOKENIZER}")'
    )
    db.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')")


def _v5(db: sqlite_utils.Database) -> None:
    """Evidence may be an 'update': another figure for the same count in a later article (a rising toll), shown
    as such and never a dispute. SQLite cannot alter a CHECK constraint, so the table is rebuilt; the stored
    evidence was judged by the engine before statements were compared, so its claims are queued again
    (analysed = 0): the next index or open recomputes them."""
    db.executescript(
        """
        CREATE TABLE evidence_v5 (
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            score REAL NOT NULL,
            stance TEXT NOT NULL CHECK (stance IN ('agree', 'disagree', 'update', 'related')),
            reason TEXT NOT NULL DEFAULT '',
            claim_spans TEXT NOT NULL DEFAULT '[]',
            sentence_spans TEXT NOT NULL DEFAULT '[]',
            -- the independent origin this sentence stands for: near-verbatim sentences of several outlets (wire
            -- copy) share one; the claim's own origin when it is a copy of the claim
            origin_id INTEGER,
            PRIMARY KEY (claim_id, sentence_id)
        );
        INSERT INTO evidence_v5 SELECT claim_id, sentence_id, article_id, score, stance, reason, claim_spans,
            sentence_spans, NULL FROM evidence;
        DROP TABLE evidence;
        ALTER TABLE evidence_v5 RENAME TO evidence;
        CREATE INDEX evidence_sentence ON evidence(sentence_id);
        UPDATE articles SET analysed = 0;
        """
    )


def _v6(db: sqlite_utils.Database) -> None:
    """Events (one happening inside a story) and the figure ledger (DESIGN §3, §4): agree, disagree and update are
    decided only inside one event, so every article is queued again (analysed = 0) to be grouped into events and
    have its evidence recomputed on the next index or open."""
    db.executescript(
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            topic_id INTEGER REFERENCES topics(id) ON DELETE SET NULL,
            label TEXT NOT NULL,
            start TEXT,
            "end" TEXT,
            -- the strongest terms of the members' summed title-and-lead vectors (store.text.events)
            centroid_json TEXT NOT NULL DEFAULT '{}'
        );
        ALTER TABLE articles ADD COLUMN event_id INTEGER REFERENCES events(id) ON DELETE SET NULL;
        CREATE INDEX articles_event ON articles(event_id);
        CREATE TABLE figures (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
            -- what the figure counts (store.text.ledger.LedgerEntry): roots of the counted noun and the act, the
            -- places or bodies and the period it is of, and the noun as read
            counted TEXT NOT NULL,
            act TEXT NOT NULL DEFAULT '',
            scope TEXT NOT NULL DEFAULT '',
            period TEXT NOT NULL DEFAULT '',
            noun TEXT NOT NULL DEFAULT '',
            value REAL NOT NULL,
            low REAL,
            high REAL,
            qualifier TEXT NOT NULL DEFAULT '',
            written TEXT NOT NULL DEFAULT '',
            start INTEGER NOT NULL DEFAULT 0,
            "end" INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX figures_event ON figures(event_id, counted);
        -- the source an evidence sentence attributes its statement to ("وزارة الصحة", "واس"), as written
        ALTER TABLE evidence ADD COLUMN source TEXT NOT NULL DEFAULT '';
        CREATE INDEX figures_article ON figures(article_id);
        UPDATE articles SET analysed = 0;
        """
    )


def _v7(db: sqlite_utils.Database) -> None:
    """Every verdict event records the OS account that made it beside the reviewer name typed (--reviewer): undo
    acts only on one's own account's changes. Older events have none."""
    db.execute("ALTER TABLE verdict_events ADD COLUMN account TEXT")


def _v8(db: sqlite_utils.Database) -> None:
    """A desk's team: who may review this database and in which role (store.team). Empty: no team, anyone
    reviews under their account or a name they give, as before."""
    db.execute(
        "CREATE TABLE team (name TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN ('reviewer', 'editor')), "
        "added_at TEXT NOT NULL, added_by TEXT NOT NULL)"
    )
    db.execute("CREATE TABLE team_policy (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _v9(db: sqlite_utils.Database) -> None:
    """Who a claim is assigned to (store.team.assign): one reviewer per claim, set by an editor."""
    db.execute(
        "CREATE TABLE assignments (claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE, "
        "reviewer TEXT NOT NULL, assigned_by TEXT NOT NULL, assigned_at TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX assignments_reviewer ON assignments(reviewer)")


def _v10(db: sqlite_utils.Database) -> None:
    """Double review (store.reviews): each reviewer's own verdict on a claim where the team's policy asks for more
    than one review or for blind review; the claims' verdicts row is then the final one, agreed or adjudicated
    (adjudicated_by: the editor). Every history event says what kind of change it was."""
    db.executescript(
        """
        CREATE TABLE reviews (
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            reviewer TEXT NOT NULL,
            verdict TEXT CHECK (verdict IN ('confirmed', 'disputed', 'single-source')),
            note TEXT,
            decided_at TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            evidence_sig TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (claim_id, reviewer)
        );
        ALTER TABLE verdicts ADD COLUMN adjudicated_by TEXT;
        -- 'verdict': the claim's one verdict (a single review, not blind); 'review': one reviewer's own verdict;
        -- 'final': the verdict the reviews agreed on (or none left to agree); 'adjudication': an editor's decision
        ALTER TABLE verdict_events ADD COLUMN kind TEXT NOT NULL DEFAULT 'verdict';
        """
    )


def _v11(db: sqlite_utils.Database) -> None:
    """Reviewers' marks on evidence links (store.feedback): right, or wrong and why. Append-only, keyed by claim and
    sentence (no foreign keys: the desk's labelled data outlives a re-index); the latest mark on a link counts."""
    db.executescript(
        """
        CREATE TABLE evidence_feedback (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            claim_id INTEGER NOT NULL,
            sentence_id INTEGER NOT NULL,
            reviewer TEXT NOT NULL,
            -- NULL: the reviewer took their mark back
            mark TEXT CHECK (mark IN ('right', 'wrong_stance', 'other_event', 'not_independent')),
            note TEXT,
            at TEXT NOT NULL,
            account TEXT
        );
        CREATE INDEX evidence_feedback_link ON evidence_feedback(claim_id, sentence_id, id);
        """
    )


# Forward migrations: MIGRATIONS[n] takes a database at schema version n to n + 1. Append, never edit.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9, _v10, _v11,
]  # fmt: skip
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if not has_meta:
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    if row is None:
        return 0
    try:
        return int(row[0])
    except (TypeError, ValueError):
        raise StoreError(f"{db_path(conn)} is damaged: its schema version reads {row[0]!r}") from None


def migrate(db: sqlite_utils.Database) -> int:
    """Bring the schema up to SCHEMA_VERSION; each step in its own transaction. Returns the new version."""
    conn = db.conn
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{db_path(conn)} was written by a newer factcheck-tui (schema {version} > {SCHEMA_VERSION}); upgrade"
        )
    while version < SCHEMA_VERSION:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the write lock.
            version = schema_version(conn)
            if version >= SCHEMA_VERSION:
                conn.execute("COMMIT")
                break
            MIGRATIONS[version](db)
            version += 1
            conn.execute(
                "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (str(version),),
            )
            conn.execute(f"PRAGMA application_id = {APP_ID}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return version


def sentence_document_frequencies(conn: sqlite3.Connection) -> dict[str, int]:
    """How many sentences hold each index term, read off the full-text index's vocabulary all at once (0.2 s at
    10,000 articles, where looking terms up one query at a time cost more)."""
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.sentences_vocab USING fts5vocab(main, sentences_fts, 'row')")
    return dict(conn.execute("SELECT term, doc FROM temp.sentences_vocab"))


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just made (sqlite3 says None only when a statement inserted nothing)."""
    if cursor.lastrowid is None:
        raise StoreError("an insert made no row")
    return cursor.lastrowid


def db_path(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return row[2] if row else "?"


def connect(path: str | os.PathLike, *, read_only: bool = False) -> sqlite_utils.Database:
    """Open (creating if needed, unless read-only) a factcheck-tui database, checked and migrated."""
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(f"cannot open {path} read-only: no such database")
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    if path.exists() and not path.is_file():
        raise StoreError(f"{path} is not a regular file (a pipe, a device?); give a database file")
    if not read_only:
        _create_private(path)
    try:
        if read_only:
            conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
            )
        else:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _check_is_ours(conn, path)
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as err:
        raise StoreError(_explain(err, path)) from None
    db = sqlite_utils.Database(conn)
    try:
        if read_only:
            version = schema_version(conn)
            if version != SCHEMA_VERSION:
                raise StoreError(
                    f"{path} has schema {version}, this version needs {SCHEMA_VERSION}; open it once without --read-only"
                )
        else:
            migrate(db)
            _add_lookup_indexes(conn)
    except sqlite3.DatabaseError as err:
        raise StoreError(_explain(err, path)) from None
    return db


# Indexes that only make reads faster: made when a database is opened for writing, not a schema version, so a
# database written before them still opens read-only (the reads give the same answers without them, slower).
LOOKUP_INDEXES = {
    # what the filter dialog offers, read off these instead of every article's row with its text (Store.outlets,
    # Store.days): at 10,000 articles 23 and 11 ms, then 0.7 and 0.6 ms
    "articles_outlet": "articles(COALESCE(outlet, name))",
    "articles_day": "articles(substr(date, 1, 10))",
}


def _add_lookup_indexes(conn: sqlite3.Connection) -> None:
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    for name, on in LOOKUP_INDEXES.items():
        if name not in have:
            conn.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {on}")


# Notes and verdicts are a desk's unpublished work: a new database is readable by its owner only (0600, in a 0700
# folder when the folder is new), unless FACTCHECK_SHARE=group asks for a desk's shared group (0660 / 0770; give
# the folder to the group with chgrp and chmod g+s, README). Existing files keep their mode.
SHARE_ENV = "FACTCHECK_SHARE"


def _create_private(path: Path) -> None:
    shared = os.environ.get(SHARE_ENV, "").strip().lower() == "group"
    folder_mode, file_mode = (0o770, 0o660) if shared else (0o700, 0o600)
    try:
        if not path.parent.exists():
            path.parent.mkdir(mode=folder_mode, parents=True, exist_ok=True)
            os.chmod(path.parent, folder_mode)  # mkdir's mode passes through the umask
    except OSError as err:
        raise StoreError(f"cannot create the folder for {path}: {err.strerror}") from None
    try:
        if not path.exists():
            # SQLite gives its -wal and -shm files the mode of the database file
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, file_mode))
            os.chmod(path, file_mode)
    except FileExistsError:
        pass  # another process created it first
    except OSError as err:
        raise StoreError(f"cannot create {path}: {err.strerror}") from None


@contextmanager
def index_lock(path: Path, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """One index run per database at a time: two runs on the same files redid each other's work and reported
    unchanged files as updated. A second run waits for the first (on_wait is told once) and then finds the work
    done. An advisory lock on a file beside the database, released by the kernel if the holder is killed."""
    try:
        import fcntl
    except ImportError:  # not POSIX: SQLite's own locking still keeps the data whole
        yield
        return
    fd = _open_lock(Path(f"{path}.index-lock"), path)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _open_lock(lock: Path, database: Path) -> int:
    """The lock file, made with the database's own mode (as SQLite makes its -wal and -shm files), so every member of
    a desk sharing the database (FACTCHECK_SHARE=group) can take it; one made private by an older version is
    opened for reading, which is enough for the lock."""
    try:
        mode = database.stat().st_mode & 0o666
    except OSError:
        mode = 0o600
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, mode)
    except PermissionError:
        try:
            return os.open(lock, os.O_RDONLY)
        except PermissionError:
            raise StoreError(
                f"cannot take the index lock {lock}: it is not shared with you; its owner can run chmod g+rw on it"
            ) from None
    if os.fstat(fd).st_uid == os.getuid():
        os.fchmod(fd, mode)  # os.open's mode passes through the umask
    return fd


@contextmanager
def database_errors(path: Path) -> Iterator[None]:
    """SQLite's errors (locked, disk full, damaged, read-only) as one StoreError line, so that a writer says "not
    saved" and can retry instead of crashing."""
    try:
        yield
    except sqlite3.Error as err:
        raise StoreError(_explain(err, path)) from None
    except OverflowError:
        raise StoreError("a number too large for the database (no such id)") from None


def _check_is_ours(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse SQLite files written by other programs rather than adding our tables to them."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if app_id not in (0, APP_ID) or (app_id == 0 and tables and "meta" not in tables):
        raise StoreError(f"{path} is an SQLite database of another program, not a factcheck-tui database")


def _explain(err: sqlite3.Error, path: Path) -> str:
    text = str(err)
    if "file is not a database" in text or "malformed" in text:
        return f"{path} is not a factcheck-tui database or is damaged ({text})"
    if "readonly" in text or "read-only" in text:
        return f"{path} is read-only here ({text}); use --read-only or another --db"
    if "unable to open" in text:
        return f"cannot open {path} ({text})"
    if "locked" in text or "busy" in text:
        return f"{path} is locked by another process; try again ({text})"
    return f"{path}: {text}"
