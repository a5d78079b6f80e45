"""How a desk reviews (DESIGN: team review). With the default policy, one review and not blind, a claim has one
verdict that anyone on the team may change (store.review). Where the team asks for more than one review of each
claim, or for blind review, every reviewer's verdict is kept apart: one row per reviewer and claim with its own
history, and the claim's **final** verdict is the one the reviews agree on once enough are given, or an editor's
adjudication. Every change appends to the one history (verdict_events), saying what kind of change it was."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from factcheck_tui.store import review
from factcheck_tui.store.db import StoreError
from factcheck_tui.store.models import Review, VerdictEvent
from factcheck_tui.store.review import (
    KEEP,
    VerdictConflict,
    append_event,
    check_reviewer,
    check_verdict,
    history,
    note_to_store,
    now,
    set_verdict,
    write_transaction,
)
from factcheck_tui.store.team import must_edit, role_of

REVIEWS_NEEDED = "reviews_needed"  # team_policy key: how many reviewers must decide each claim
BLIND = "blind"  # team_policy key: "1" when a reviewer sees no colleague's verdict on a claim before giving theirs
MAX_REVIEWS_NEEDED = 10  # a desk of 2-10 people


@dataclass(frozen=True)
class Policy:
    reviews_needed: int = 1
    blind: bool = False

    @property
    def per_reviewer(self) -> bool:
        """Each reviewer's verdict kept apart, the claim's verdict settled from them."""
        return self.reviews_needed > 1 or self.blind


def policy(conn: sqlite3.Connection) -> Policy:
    values = dict(conn.execute("SELECT key, value FROM team_policy WHERE key IN (?, ?)", (REVIEWS_NEEDED, BLIND)))
    return Policy(int(values.get(REVIEWS_NEEDED, "1")), values.get(BLIND) == "1")


def set_policy(conn: sqlite3.Connection, account: str, reviews_needed: int | None, blind: bool | None) -> Policy:
    """Change how the desk reviews, as an editor (None: leave it as it is). Turning per-reviewer review on keeps the
    verdicts already given as their reviewers' reviews, and settles every claim under the new policy."""
    if reviews_needed is not None and not 1 <= reviews_needed <= MAX_REVIEWS_NEEDED:
        raise StoreError(f"reviews needed is a number from 1 to {MAX_REVIEWS_NEEDED}")
    with write_transaction(conn):
        must_edit(conn, account)
        for key, value in ((REVIEWS_NEEDED, reviews_needed), (BLIND, blind)):
            if value is not None:
                conn.execute(
                    "INSERT INTO team_policy VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, str(int(value))),
                )
        now_policy = policy(conn)
        if now_policy.per_reviewer:
            conn.execute(
                "INSERT OR IGNORE INTO reviews(claim_id, reviewer, verdict, note, decided_at, version, evidence_sig) "
                "SELECT claim_id, reviewer, verdict, note, decided_at, 1, evidence_sig FROM verdicts "
                "WHERE verdict IS NOT NULL AND reviewer IS NOT NULL AND adjudicated_by IS NULL"
            )
            for (claim_id,) in conn.execute("SELECT DISTINCT claim_id FROM reviews").fetchall():
                _settle(conn, claim_id, now_policy, account)
    return now_policy


# -- one reviewer's review ------------------------------------------------------------------------------------
def own_review(conn: sqlite3.Connection, claim_id: int, reviewer: str) -> dict:
    """The reviewer's review of the claim as stored (verdict, note, decided_at, version; version 0: none yet)."""
    if conn.execute("SELECT 1 FROM claims WHERE id = ?", (claim_id,)).fetchone() is None:
        raise StoreError(f"no claim with id {claim_id}")
    row = conn.execute(
        "SELECT verdict, note, decided_at, version FROM reviews WHERE claim_id = ? AND reviewer = ?",
        (claim_id, reviewer),
    ).fetchone()
    state = dict(zip(("verdict", "note", "decided_at", "version"), row or (None, None, None, 0)))
    state["reviewer"] = reviewer
    return state


def set_review(
    conn: sqlite3.Connection,
    claim_id: int,
    verdict: str | None,
    reviewer: str,
    note: object = KEEP,
    expected_version: int | None = None,
    undoes: int | None = None,
) -> dict:
    """Set (or clear, with None) this reviewer's own verdict and/or note on the claim, then settle the claim's final
    verdict. Returns the review as stored. expected_version is the review's own: only the same reviewer in another
    session can have changed it (VerdictConflict)."""
    check_verdict(verdict)
    reviewer = check_reviewer(reviewer)
    with write_transaction(conn):
        mine = own_review(conn, claim_id, reviewer)
        if expected_version is not None and expected_version != mine["version"]:
            raise VerdictConflict(claim_id, expected_version, mine)
        new_note = note_to_store(note, mine["note"])
        if undoes is None and verdict is None and mine["verdict"] is None and new_note == mine["note"]:
            return mine  # clearing a review never given changes nothing, and leaves no history row to undo
        at = now()
        version = mine["version"] + 1
        conn.execute(
            "INSERT INTO reviews(claim_id, reviewer, verdict, note, decided_at, version, evidence_sig) "
            "VALUES (?, ?, ?, ?, ?, ?, (SELECT evidence_sig FROM claims WHERE id = ?)) "
            "ON CONFLICT(claim_id, reviewer) DO UPDATE SET verdict = excluded.verdict, note = excluded.note, "
            "decided_at = excluded.decided_at, version = excluded.version, evidence_sig = excluded.evidence_sig",
            (claim_id, reviewer, verdict, new_note, at, version, claim_id),
        )
        append_event(conn, "review", claim_id, verdict, mine["verdict"], reviewer, new_note, mine["note"], at, undoes)
        _settle(conn, claim_id, policy(conn), reviewer)
    return {"verdict": verdict, "reviewer": reviewer, "note": new_note, "decided_at": at, "version": version}


# -- the claim's final verdict ---------------------------------------------------------------------------------
def _final(conn: sqlite3.Connection, claim_id: int) -> dict:
    row = conn.execute(
        "SELECT verdict, reviewer, note, decided_at, version, adjudicated_by FROM verdicts WHERE claim_id = ?",
        (claim_id,),
    ).fetchone()
    keys = ("verdict", "reviewer", "note", "decided_at", "version", "adjudicated_by")
    return dict(zip(keys, row or (None, None, None, None, 0, None)))


def _write_final(
    conn: sqlite3.Connection, claim_id: int, verdict: str | None, by: str, note: str | None, adjudicated_by: str | None
) -> str:
    at = now()
    version = _final(conn, claim_id)["version"] + 1
    conn.execute(
        "INSERT INTO verdicts(claim_id, verdict, reviewer, note, decided_at, version, evidence_sig, adjudicated_by) "
        "VALUES (?, ?, ?, ?, ?, ?, (SELECT evidence_sig FROM claims WHERE id = ?), ?) ON CONFLICT(claim_id) DO UPDATE "
        "SET verdict = excluded.verdict, reviewer = excluded.reviewer, note = excluded.note, "
        "decided_at = excluded.decided_at, version = excluded.version, evidence_sig = excluded.evidence_sig, "
        "adjudicated_by = excluded.adjudicated_by",
        (claim_id, verdict, by, note, at, version, claim_id, adjudicated_by),
    )
    return at


def agreed_verdict(given: list[str], reviews_needed: int) -> str | None:
    """The verdict the reviews settle on: enough of them, all the same; else none yet (missing or disagreeing)."""
    return given[0] if len(given) >= reviews_needed and len(set(given)) == 1 else None


def _settle(conn: sqlite3.Connection, claim_id: int, desk: Policy, by: str) -> None:
    """Set the claim's final verdict from its reviews, unless an editor adjudicated it (their decision stands until
    they withdraw it). A change is a 'final' event in the history, made by whoever's review brought it."""
    final = _final(conn, claim_id)
    if final["adjudicated_by"]:
        return
    given = [v for (v,) in conn.execute(
        "SELECT verdict FROM reviews WHERE claim_id = ? AND verdict IS NOT NULL ORDER BY reviewer", (claim_id,))]  # fmt: skip
    agreed = agreed_verdict(given, desk.reviews_needed)
    if agreed == final["verdict"]:
        return
    at = _write_final(conn, claim_id, agreed, by, None, None)
    append_event(conn, "final", claim_id, agreed, final["verdict"], by, None, final["note"], at, None)


def adjudicate(
    conn: sqlite3.Connection,
    claim_id: int,
    verdict: str | None,
    editor: str,
    note: str | None = None,
    expected_version: int | None = None,
    undoes: int | None = None,
) -> dict:
    """An editor decides the claim's final verdict (None withdraws their decision: the reviews settle it again).
    expected_version is the final verdict's, as the editor last read it."""
    check_verdict(verdict)
    if role_of(conn, editor) != "editor":
        raise StoreError(f"only an editor adjudicates, and {editor} is not one (factcheck-tui team list)")
    with write_transaction(conn):
        final = _final(conn, claim_id)
        own_review(conn, claim_id, editor)  # raises for an unknown claim
        if expected_version is not None and expected_version != final["version"]:
            raise VerdictConflict(claim_id, expected_version, final)
        kept_note = note_to_store(note, None)
        at = _write_final(conn, claim_id, verdict, editor, kept_note, editor if verdict else None)
        append_event(
            conn, "adjudication", claim_id, verdict, final["verdict"], editor, kept_note, final["note"], at, undoes
        )
        if verdict is None:
            _settle(conn, claim_id, policy(conn), editor)
    return _final(conn, claim_id)


def to_adjudicate(conn: sqlite3.Connection) -> list[int]:
    """Claims whose reviewers disagree and no editor has decided, in claim order."""
    return [c for (c,) in conn.execute(
        "SELECT r.claim_id FROM reviews r LEFT JOIN verdicts v ON v.claim_id = r.claim_id "
        "WHERE r.verdict IS NOT NULL AND v.adjudicated_by IS NULL "
        "GROUP BY r.claim_id HAVING count(DISTINCT r.verdict) > 1 ORDER BY r.claim_id")]  # fmt: skip


def reviews_of(conn: sqlite3.Connection, claim_ids: list[int] | None = None) -> dict[int, list[Review]]:
    """Every review given (or cleared) of the claims, by claim, in reviewer order."""
    sql = "SELECT claim_id, reviewer, verdict, note, decided_at, version FROM reviews"
    params: list[int] = []
    if claim_ids is not None:
        sql += f" WHERE claim_id IN ({','.join('?' * len(claim_ids))})"
        params = claim_ids
    out: dict[int, list[Review]] = {}
    for claim_id, *rest in conn.execute(sql + " ORDER BY claim_id, reviewer", params):
        out.setdefault(claim_id, []).append(Review(*rest))
    return out


# -- undo ------------------------------------------------------------------------------------------------------
def undo_last(conn: sqlite3.Connection, reviewer: str) -> VerdictEvent | None:
    """Revert this reviewer's most recent change, made from this OS account, that has not been undone yet: a
    verdict, their own review, or an adjudication. None when there is nothing. (Events from before accounts were
    recorded match on the reviewer name alone.)

    Refuses (VerdictConflict) when what the change wrote has changed since: undo must not wipe someone's work."""
    row = conn.execute(
        "SELECT id, claim_id, verdict, previous, note, previous_note, kind FROM verdict_events e "
        # the kinds of change a person makes; 'final' events follow from reviews
        "WHERE reviewer = ? AND (account = ? OR account IS NULL) AND undoes IS NULL "
        "AND kind IN ('verdict', 'review', 'adjudication') "
        "AND NOT EXISTS (SELECT 1 FROM verdict_events u WHERE u.undoes = e.id) "
        "ORDER BY id DESC LIMIT 1",
        (reviewer, review.os_account()),
    ).fetchone()
    if row is None:
        return None
    event_id, claim_id, verdict, previous, note, previous_note, kind = row
    if kind == "review":
        mine = own_review(conn, claim_id, reviewer)
        if mine["verdict"] != verdict or mine["note"] != note:
            raise VerdictConflict(claim_id, -1, mine)
        set_review(conn, claim_id, previous, reviewer, previous_note, mine["version"], undoes=event_id)
    elif kind == "adjudication":
        final = _final(conn, claim_id)
        if final["verdict"] != verdict or final["note"] != note:
            raise VerdictConflict(claim_id, -1, final)
        restored = previous if _was_adjudicated(conn, claim_id, event_id) else None
        adjudicate(conn, claim_id, restored, reviewer, previous_note, final["version"], undoes=event_id)
    else:
        state = _final(conn, claim_id)
        if state["verdict"] != verdict or state["note"] != note:
            raise VerdictConflict(claim_id, -1, state)
        set_verdict(conn, claim_id, previous, reviewer, previous_note, state["version"], undoes=event_id)
    return history(conn, claim_id)[-1]


def _was_adjudicated(conn: sqlite3.Connection, claim_id: int, before_event: int) -> bool:
    """Whether the final verdict an adjudication replaced was itself an editor's decision."""
    row = conn.execute(
        "SELECT kind, verdict FROM verdict_events WHERE claim_id = ? AND id < ? AND kind IN ('final', "
        "'adjudication', 'verdict') ORDER BY id DESC LIMIT 1",
        (claim_id, before_event),
    ).fetchone()
    return bool(row and row[0] == "adjudication" and row[1] is not None)
