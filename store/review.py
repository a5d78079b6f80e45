"""Verdicts, notes and history: every change is one short transaction that also appends an event. (Undo, and the
per-reviewer reviews of a desk that asks for them, are store.reviews.)"""

from __future__ import annotations

import os
import sqlite3
import unicodedata
from contextlib import contextmanager
from datetime import UTC, datetime

from factcheck_tui.store.db import StoreError
from factcheck_tui.store.models import VERDICTS, VerdictEvent
from factcheck_tui.store.printable import printable


class VerdictConflict(StoreError):
    """Someone else changed the claim's verdict after the caller last read it."""

    def __init__(self, claim_id: int, expected: int, current: dict):
        self.claim_id = claim_id
        self.expected_version = expected
        self.current = current  # verdict, reviewer, note, decided_at, version as stored now
        who = current.get("reviewer") or "someone"
        super().__init__(
            f"claim {claim_id} was changed by {who} at {shown_time(current.get('decided_at'))} "
            f"to {current.get('verdict') or 'no verdict'}"
        )


def shown_time(at: str | None) -> str:
    """A stored time as a person reads it: "2026-12-07 09:48 UTC" for "2026-12-07T09:48:33.123456Z"."""
    return f"{at[:10]} {at[11:16]} UTC" if at and len(at) >= 16 else (at or "an unknown time")


KEEP = object()  # sentinel: leave the note as it is
REVIEWER_NAME_MAX = 64


def os_account() -> str:
    """The login of the process owner, from the OS (an environment variable like USER is trivially spoofed)."""
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError):
        import getpass

        return getpass.getuser()


def check_reviewer(name: str) -> str:
    """The reviewer name as stored, or StoreError: names are shown in colleagues' terminals and exports, so no
    control or direction-override characters, not blank, not endless."""
    cleaned = name.strip()
    if not cleaned:
        raise StoreError("a reviewer name cannot be blank")
    if len(cleaned) > REVIEWER_NAME_MAX:
        raise StoreError(f"a reviewer name has at most {REVIEWER_NAME_MAX} characters")
    bad = [ch for ch in cleaned if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")]
    if bad:
        raise StoreError(f"a reviewer name cannot hold control characters (found U+{ord(bad[0]):04X})")
    return cleaned


def check_verdict(verdict: str | None) -> None:
    """StoreError unless a verdict the desk gives (None: cleared)."""
    if verdict is not None and verdict not in VERDICTS:
        raise StoreError(f"unknown verdict {verdict!r}; use one of {', '.join(VERDICTS)} or clear")


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@contextmanager
def write_transaction(conn: sqlite3.Connection):
    """BEGIN IMMEDIATE takes the write lock up front, so the busy timeout applies instead of a mid-way failure."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        # a COMMIT that failed (a disk error) leaves the transaction open, holding the write lock on a connection
        # that may be kept (tui.writes): nothing of it is saved, and the caller says so
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the COMMIT's error is the one to say
        raise


def _current(conn: sqlite3.Connection, claim_id: int) -> dict:
    claim = conn.execute("SELECT evidence_sig FROM claims WHERE id = ?", (claim_id,)).fetchone()
    if claim is None:
        raise StoreError(f"no claim with id {claim_id}")
    row = conn.execute(
        "SELECT verdict, reviewer, note, decided_at, version FROM verdicts WHERE claim_id = ?", (claim_id,)
    ).fetchone()
    state = (
        dict(zip(("verdict", "reviewer", "note", "decided_at", "version"), row))
        if row
        else {"verdict": None, "reviewer": None, "note": None, "decided_at": None, "version": 0}
    )
    state["evidence_sig"] = claim[0]
    return state


def note_to_store(note: object, current: str | None) -> str | None:
    """The note a change leaves: the current one for KEEP, none for an empty one; a note is shown in colleagues'
    terminals and exported, so its control characters are made visible."""
    if note is KEEP:
        return current
    return printable(str(note)) if note else None


def append_event(
    conn: sqlite3.Connection,
    kind: str,
    claim_id: int,
    verdict: str | None,
    previous: str | None,
    reviewer: str,
    note: str | None,
    previous_note: str | None,
    at: str,
    undoes: int | None,
) -> None:
    """One row of the append-only history, with the OS account that made the change (models.VerdictEvent.kind)."""
    conn.execute(
        "INSERT INTO verdict_events(claim_id, verdict, previous, reviewer, note, previous_note, at, undoes, account, "
        "kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (claim_id, verdict, previous, reviewer, note, previous_note, at, undoes, os_account(), kind),
    )


def set_verdict(
    conn: sqlite3.Connection,
    claim_id: int,
    verdict: str | None,
    reviewer: str,
    note: object = KEEP,
    expected_version: int | None = None,
    undoes: int | None = None,
) -> dict:
    """Set (or clear, with None) a claim's verdict and/or note. Returns the new stored state.

    With expected_version, refuses (VerdictConflict) when the stored version differs, so a reviewer never
    overwrites a change they have not seen."""
    check_verdict(verdict)
    reviewer = check_reviewer(reviewer)
    with write_transaction(conn):
        state = _current(conn, claim_id)
        if expected_version is not None and expected_version != state["version"]:
            raise VerdictConflict(claim_id, expected_version, state)
        new_note = note_to_store(note, state["note"])
        if undoes is None and verdict is None and state["verdict"] is None and new_note == state["note"]:
            # clearing a claim no one decided (x on an unreviewed claim) changes nothing: no history row, which
            # the next undo would then 'undo'
            return {k: state[k] for k in ("verdict", "reviewer", "note", "decided_at", "version")}
        at = now()
        version = state["version"] + 1
        conn.execute(
            "INSERT INTO verdicts(claim_id, verdict, reviewer, note, decided_at, version, evidence_sig) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(claim_id) DO UPDATE SET verdict=excluded.verdict, "
            "reviewer=excluded.reviewer, note=excluded.note, decided_at=excluded.decided_at, "
            "version=excluded.version, evidence_sig=excluded.evidence_sig",
            (claim_id, verdict, reviewer, new_note, at, version, state["evidence_sig"]),
        )
        append_event(
            conn, "verdict", claim_id, verdict, state["verdict"], reviewer, new_note, state["note"], at, undoes
        )
    return {"verdict": verdict, "reviewer": reviewer, "note": new_note, "decided_at": at, "version": version}


_EVENT_SELECT = "SELECT id, claim_id, verdict, previous, reviewer, note, at, undoes, account, kind FROM verdict_events "


def history(conn: sqlite3.Connection, claim_id: int) -> list[VerdictEvent]:
    rows = conn.execute(_EVENT_SELECT + "WHERE claim_id = ? ORDER BY id", (claim_id,)).fetchall()
    return [VerdictEvent(*r) for r in rows]


def events_since(conn: sqlite3.Connection, event_id: int) -> list[VerdictEvent]:
    rows = conn.execute(_EVENT_SELECT + "WHERE id > ? ORDER BY id", (event_id,)).fetchall()
    return [VerdictEvent(*r) for r in rows]
