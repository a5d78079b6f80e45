"""Reviewers' marks on evidence links (DESIGN: team review): a link is right, or wrong because its stance is wrong,
because it reports a different event, or because it is not independent of the claim. The latest mark on a link
decides whether it counts: a link marked wrong leaves the claim's suggested verdict at once, and again whenever the
evidence is recomputed. The marks are the desk's own labelled data (`export --format feedback`)."""

from __future__ import annotations

import sqlite3

from factcheck_tui.store import review
from factcheck_tui.store.db import StoreError
from factcheck_tui.store.models import EVIDENCE_MARKS, EvidenceMark
from factcheck_tui.store.review import check_reviewer, note_to_store, now, write_transaction


def mark(
    conn: sqlite3.Connection, claim_id: int, sentence_id: int, mark: str | None, reviewer: str, note: str | None
) -> None:
    """Record the reviewer's mark on a link of the claim's evidence (None takes their mark back), then suggest the
    claim's verdict again without the links now marked wrong."""
    if mark is not None and mark not in EVIDENCE_MARKS:
        raise StoreError(f"unknown mark {mark!r}; use one of {', '.join(EVIDENCE_MARKS)}")
    reviewer = check_reviewer(reviewer)
    with write_transaction(conn):
        if not conn.execute(
            "SELECT 1 FROM evidence WHERE claim_id = ? AND sentence_id = ?", (claim_id, sentence_id)
        ).fetchone():
            raise StoreError(f"claim {claim_id} has no evidence sentence {sentence_id}")
        conn.execute(
            "INSERT INTO evidence_feedback(claim_id, sentence_id, reviewer, mark, note, at, account) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (claim_id, sentence_id, reviewer, mark, note_to_store(note, None), now(), review.os_account()),
        )
        suggest_again(conn, [claim_id])


def marks_of(conn: sqlite3.Connection, claim_ids: list[int] | None = None) -> dict[tuple[int, int], list[EvidenceMark]]:
    """Each reviewer's standing mark on each link, by (claim, sentence), oldest first."""
    sql = (
        "SELECT f.claim_id, f.sentence_id, f.reviewer, f.mark, f.note, f.at FROM evidence_feedback f "
        "WHERE f.id = (SELECT max(g.id) FROM evidence_feedback g WHERE g.claim_id = f.claim_id "
        "AND g.sentence_id = f.sentence_id AND g.reviewer = f.reviewer) AND f.mark IS NOT NULL"
    )
    params: list[int] = []
    if claim_ids is not None:
        sql += f" AND f.claim_id IN ({','.join('?' * len(claim_ids))})"
        params = claim_ids
    out: dict[tuple[int, int], list[EvidenceMark]] = {}
    for claim_id, sentence_id, *rest in conn.execute(sql + " ORDER BY f.id", params):
        out.setdefault((claim_id, sentence_id), []).append(EvidenceMark(*rest))
    return out


def marked_wrong(conn: sqlite3.Connection, claim_ids: list[int]) -> set[tuple[int, int]]:
    """The links whose latest standing mark (marks_of: a mark taken back no longer stands) says wrong."""
    if not claim_ids:
        return set()
    return {link for link, marks in marks_of(conn, claim_ids).items() if marks[-1].wrong}


def suggest_again(conn: sqlite3.Connection, claim_ids: list[int]) -> None:
    """The suggested verdict of each claim from its stored evidence, leaving out links marked wrong (the evidence
    stage's own rule: store.text.judging.match.suggest_verdict). Runs inside the caller's transaction."""
    from factcheck_tui.store.text.judging.match import suggest_verdict  # the judging stack loads only when needed

    wrong = marked_wrong(conn, claim_ids)
    for claim_id in claim_ids:
        origin = conn.execute(
            "SELECT COALESCE(a.origin_id, a.id) FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = ?",
            (claim_id,),
        ).fetchone()
        if origin is None:
            continue
        links = conn.execute(
            "SELECT sentence_id, COALESCE(origin_id, article_id), stance FROM evidence WHERE claim_id = ?", (claim_id,)
        ).fetchall()
        kept = [(o, stance) for sid, o, stance in links if (claim_id, sid) not in wrong]
        conn.execute(
            "UPDATE claims SET suggested_verdict = ? WHERE id = ?", (suggest_verdict(origin[0], kept), claim_id)
        )


def claims_with_marks(conn: sqlite3.Connection, claim_ids: list[int]) -> list[int]:
    if not claim_ids:
        return []
    return [c for (c,) in conn.execute(
        f"SELECT DISTINCT claim_id FROM evidence_feedback WHERE claim_id IN ({','.join('?' * len(claim_ids))})",
        claim_ids)]  # fmt: skip
