"""The Store API: the one door through which the CLI and the UI read and write. No SQL outside store/."""

from __future__ import annotations

import importlib
import json
import os
import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Self

import platformdirs

from factcheck_tui.store import feedback, review, reviews
from factcheck_tui.store.db import StoreError, connect, database_errors, index_lock
from factcheck_tui.store.models import (
    WAITING,
    Article,
    Claim,
    ClaimFilter,
    Event,
    Evidence,
    FigureRow,
    FigureValue,
    IndexProgress,
    IndexReport,
    SearchHit,
    Stats,
    Topic,
    VerdictEvent,
)
from factcheck_tui.store.review import KEEP, VerdictConflict, check_reviewer, os_account
from factcheck_tui.store.reviews import Policy
from factcheck_tui.store.text import OTHER_LABEL
from factcheck_tui.store.text.arabic.normalize import normalize
from factcheck_tui.store.text.arabic.terms import content_terms

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # a date the day filters offer (Store.days)

# What the UI and the CLI use besides Store: the errors they turn into one line, who the reviewer is, the pair
# judgement the `stance` command prints, and the folder watch.
__all__ = [
    "KEEP",
    "FolderWatch",
    "IngestError",
    "Store",
    "StoreError",
    "VerdictConflict",
    "bundled_seeds",
    "check_reviewer",
    "default_db_path",
    "judge_pairs",
    "os_account",
]

if TYPE_CHECKING:
    from factcheck_tui.store.export import ReviewDesk
    from factcheck_tui.store.ingest import IngestError
    from factcheck_tui.store.team import Member
    from factcheck_tui.store.text.judging.match import judge_pairs
    from factcheck_tui.store.watch import FolderWatch

# Imported when first asked for: the pair judgement, the file readers and the watch would double the time it takes
# to import this module, which the app does at launch (0.6 s -> 1.35 s).
_ON_DEMAND = {
    "FolderWatch": ("factcheck_tui.store.watch", "FolderWatch"),
    "IngestError": ("factcheck_tui.store.ingest", "IngestError"),
    "judge_pairs": ("factcheck_tui.store.text.judging.match", "judge_pairs"),
    "ReviewDesk": ("factcheck_tui.store.export", "ReviewDesk"),
}


def __getattr__(name: str):
    if name in _ON_DEMAND:
        module, attribute = _ON_DEMAND[name]
        return getattr(importlib.import_module(module), attribute)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


ENV_DB = "FACTCHECK_DB"


def default_db_path() -> Path:
    """FACTCHECK_DB if set, else factcheck.db in the user's data directory."""
    if os.environ.get(ENV_DB):
        return Path(os.environ[ENV_DB]).expanduser()
    return Path(platformdirs.user_data_dir("factcheck-tui", appauthor=False)) / "factcheck.db"


def bundled_seeds() -> Path:
    """The sample articles shipped with the package: `seeds/` sits beside `store/`, in the checkout and in
    the installed wheel alike."""
    return Path(__file__).resolve().parent.parent / "seeds"


# The claim's (final) verdict, and the viewer's own review where the desk keeps reviews apart (the first parameter:
# the viewer's name, or None).
_CLAIM_SELECT = """
    SELECT c.id, c.article_id, a.name, a.outlet, c.sentence_id, c.text, c.topic_id, t.label, c.checkworthiness,
           c.suggested_verdict, v.verdict, v.reviewer, v.note, v.decided_at, COALESCE(v.version, 0),
           CASE WHEN v.verdict IS NOT NULL AND v.evidence_sig != c.evidence_sig THEN 1 ELSE 0 END,
           s.start, s."end", a.date, v.adjudicated_by,
           r.verdict, r.note, r.decided_at, COALESCE(r.version, 0),
           CASE WHEN r.verdict IS NOT NULL AND r.evidence_sig != c.evidence_sig THEN 1 ELSE 0 END
    FROM claims c
    JOIN articles a ON a.id = c.article_id
    JOIN sentences s ON s.id = c.sentence_id
    LEFT JOIN topics t ON t.id = c.topic_id
    LEFT JOIN verdicts v ON v.claim_id = c.id
    LEFT JOIN reviews r ON r.claim_id = c.id AND r.reviewer = ?
"""


_TOPIC_SELECT = """
    SELECT t.id, t.label, count(c.id), count(v.verdict),
           sum(CASE WHEN v.verdict = 'disputed' OR c.suggested_verdict = 'disputed' THEN 1 ELSE 0 END)
    FROM topics t JOIN claims c ON c.topic_id = t.id LEFT JOIN verdicts v ON v.claim_id = c.id
"""


def _claim(row: tuple, viewer: str | None, desk: Policy) -> Claim:
    *head, stale, start, end, published, adjudicated_by, mine, my_note, my_time, my_version, my_stale = row
    # the SELECT lists Claim's fields in order; mypy cannot count a row's columns
    claim = Claim(*head, bool(stale), start, end, final_verdict=head[10],  # type: ignore[call-arg,misc]
                  adjudicated_by=adjudicated_by, date=published)  # fmt: skip
    if desk.per_reviewer and viewer is not None:
        # the viewer works on their own review; the final verdict stays beside it
        claim = replace(claim, verdict=mine, reviewer=viewer if my_version else None, note=my_note,
                        decided_at=my_time, version=my_version, stale=bool(my_stale))  # fmt: skip
    return claim


class Store:
    """A factcheck-tui database. One instance per thread (SQLite connections are not shared across threads)."""

    def __init__(self, path: str | os.PathLike | None = None, *, read_only: bool = False, viewer: str | None = None):
        self.path = Path(path) if path is not None else default_db_path()
        self.read_only = read_only
        # whose eyes the reads are for: where the desk keeps reviews apart, a claim shows the viewer's own review,
        # and under blind review no colleague's verdict before the viewer has given theirs (store.reviews)
        self.viewer = viewer
        self.db = connect(self.path, read_only=read_only)
        self.conn: sqlite3.Connection = self.db.conn

    # -- lifecycle -------------------------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def reopen(self) -> Store:
        """A new connection to the same database, for use from another thread."""
        return Store(self.path, read_only=self.read_only, viewer=self.viewer)

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("the database is open read-only")

    # -- indexing --------------------------------------------------------------------------------------------
    def index(
        self,
        paths: Iterable[str | os.PathLike],
        progress: Callable[[IndexProgress], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
        outlet: str | None = None,
    ) -> IndexReport:
        """outlet: for articles whose metadata names none (plain text files of one outlet)."""
        self._writable()
        from factcheck_tui.store import (
            indexer,  # imported on first use: reading a database needs none of the ingest stack
        )

        with index_lock(self.path, lambda: progress and progress(IndexProgress(0, 1, "", WAITING))):
            return indexer.index_paths(self.conn, [str(p) for p in paths], progress, should_stop, outlet)

    def finish_pending(self, progress: Callable[[IndexProgress], None] | None = None) -> None:
        """Complete topics and evidence left undone by an interrupted index run."""
        self._writable()
        from factcheck_tui.store import indexer

        with index_lock(self.path, lambda: progress and progress(IndexProgress(0, 1, "", WAITING))):
            indexer.finish_pending(self.conn, progress)

    def is_empty(self) -> bool:
        return self.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None

    def pending_articles(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles WHERE analysed = 0").fetchone()[0]

    # -- reading ---------------------------------------------------------------------------------------------
    def data_version(self) -> int:
        """Changes whenever another connection commits: poll it to know when to refresh."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def stats(self) -> Stats:
        q = self.conn.execute
        return Stats(
            articles=q("SELECT count(*) FROM articles").fetchone()[0],
            claims=q("SELECT count(*) FROM claims").fetchone()[0],
            reviewed=q("SELECT count(*) FROM verdicts WHERE verdict IS NOT NULL").fetchone()[0],
            disputed=q("SELECT count(*) FROM verdicts WHERE verdict = 'disputed'").fetchone()[0],
            suggested_disputed=q("SELECT count(*) FROM claims WHERE suggested_verdict = 'disputed'").fetchone()[0],
            topics=q("SELECT count(*) FROM topics").fetchone()[0],
            stale=q(
                "SELECT count(*) FROM verdicts v JOIN claims c ON c.id = v.claim_id "
                "WHERE v.verdict IS NOT NULL AND v.evidence_sig != c.evidence_sig"
            ).fetchone()[0],
        )

    def articles(self) -> list[Article]:
        rows = self.conn.execute(
            "SELECT id, name, path, title, outlet, sha256, added_at, url, date, origin_id, event_id FROM articles "
            "ORDER BY id"
        ).fetchall()
        return [Article(*r) for r in rows]

    def article(self, article_id: int) -> Article:
        row = self.conn.execute(
            "SELECT id, name, path, title, outlet, sha256, added_at, url, date, origin_id, event_id, text FROM articles "
            "WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise StoreError(f"no article with id {article_id}")
        return Article(*row)

    def events(self) -> list[Event]:
        """Every event, the largest first (by outlets, then articles)."""
        members: dict[int, list[tuple[int, str]]] = {}
        for aid, event, outlet, name in self.conn.execute(
            "SELECT id, event_id, outlet, name FROM articles WHERE event_id IS NOT NULL ORDER BY id"
        ):
            members.setdefault(event, []).append((aid, outlet or name))
        out = [
            Event(
                eid,
                label,
                start,
                end,
                topic,
                [a for a, _ in members.get(eid, [])],
                sorted({o for _, o in members.get(eid, [])}),
            )
            for eid, label, start, end, topic in self.conn.execute(
                'SELECT id, label, start, "end", topic_id FROM events ORDER BY id'
            )
        ]
        out.sort(key=lambda e: (-len(e.outlets), -len(e.article_ids), e.id))
        return out

    def event(self, event_id: int) -> Event:
        row: tuple | None = self.conn.execute(
            'SELECT id, label, start, "end", topic_id FROM events WHERE id = ?', (event_id,)
        ).fetchone()
        if row is None:
            raise StoreError(f"no event with id {event_id}")
        members = self.conn.execute(
            "SELECT id, COALESCE(outlet, name) FROM articles WHERE event_id = ? ORDER BY id", (event_id,)
        ).fetchall()
        return Event(*row, [a for a, _ in members], sorted({o for _, o in members}))  # type: ignore[call-arg]

    def event_of_claim(self, claim_id: int) -> int | None:
        row = self.conn.execute(
            "SELECT a.event_id FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = ?", (claim_id,)
        ).fetchone()
        return row[0] if row else None

    def figures(self, event_id: int | None = None, *, reported_by_two: bool = False) -> list[FigureRow]:
        """The figure ledger: for one event or all, each count with its figures in time order and its status.
        reported_by_two keeps the rows that at least two origins give (the ones that can agree or conflict)."""
        from factcheck_tui.store.events import event_ledger
        from factcheck_tui.store.text.judging.ledger import relation

        ids = (
            [event_id]
            if event_id is not None
            else [r[0] for r in self.conn.execute("SELECT id FROM events ORDER BY id")]
        )
        articles = {
            aid: (name, outlet or name, published)
            for aid, name, outlet, published in self.conn.execute("SELECT id, name, outlet, date FROM articles")
        }
        out = []
        for eid in ids:
            for row in event_ledger(self.conn, eid):
                if reported_by_two and len({s.origin for s in row.said}) < 2:
                    continue
                sentences = {
                    sid: (text, start)
                    for sid, text, start in self.conn.execute(
                        f"SELECT id, text, start FROM sentences WHERE id IN ({','.join('?' * len(row.said))})",
                        [s.sentence for s in row.said],
                    )
                }
                values = []
                for k, s in enumerate(row.said):
                    name, outlet, published = articles[s.article]
                    e = s.entry
                    text, offset = sentences.get(s.sentence, ("", 0))
                    values.append(
                        FigureValue(
                            e.value,
                            e.low,
                            None if e.high == float("inf") else e.high,
                            e.qualifier,
                            e.written,
                            outlet,
                            s.article,
                            name,
                            published,
                            s.sentence,
                            text,
                            relation(row.said[0], s) if k else "",
                            offset + e.start,
                            offset + e.end,
                        )
                    )
                out.append(FigureRow(eid, row.counted, row.key, row.status, values))
        return out

    def days(self) -> list[str]:
        """The days the articles are of ("YYYY-MM-DD"), oldest first: what the date filters offer."""
        rows = self.conn.execute("SELECT DISTINCT substr(date, 1, 10) FROM articles ORDER BY 1")  # db.LOOKUP_INDEXES
        return [r[0] for r in rows if isinstance(r[0], str) and _DAY.fullmatch(r[0])]

    def outlets(self) -> list[str]:
        """Outlet names, or article names where the outlet is unknown: what the outlet filter offers."""
        rows = self.conn.execute("SELECT DISTINCT COALESCE(outlet, name) FROM articles ORDER BY 1").fetchall()
        return [r[0] for r in rows]

    def topics(self, only: Iterable[int] | None = None) -> list[Topic]:
        """Largest first; the catch-all topic of claims that fit no other comes last, whatever its size. only: these
        topics' (a verdict changes one topic's counts: 7,343 topics at 10k take 33 ms, one a fraction of a ms)."""
        where = "" if only is None else " WHERE t.id IN (SELECT value FROM json_each(?))"
        params = (OTHER_LABEL,) if only is None else (json.dumps(list(only)), OTHER_LABEL)
        rows = self.conn.execute(
            _TOPIC_SELECT + where + " GROUP BY t.id ORDER BY t.label = ?, count(c.id) DESC, t.id", params
        )
        return [Topic(*r) for r in rows]

    def claims(self, where: ClaimFilter | None = None) -> list[Claim]:
        where = where or ClaimFilter()
        desk = reviews.policy(self.conn)
        # the verdict a filter reads: the viewer's own review where the desk keeps reviews apart, else the claim's
        verdict = "r" if desk.per_reviewer and self.viewer is not None else "v"
        clauses: list[str] = []
        params: list[int | str | None] = [self.viewer]
        if where.topic_id is not None:
            clauses.append("c.topic_id = ?")
            params.append(where.topic_id)
        if where.unreviewed:
            clauses.append(f"{verdict}.verdict IS NULL")
        if where.suggested:
            clauses.append("c.suggested_verdict = ?")
            params.append(where.suggested)
        if where.verdict:
            clauses.append(f"{verdict}.verdict = ?")
            params.append(where.verdict)
        if where.outlet:
            clauses.append("COALESCE(a.outlet, a.name) = ?")
            params.append(where.outlet)
        if where.article_id is not None:
            clauses.append("c.article_id = ?")
            params.append(where.article_id)
        if where.assigned_to is not None:
            clauses.append("c.id IN (SELECT claim_id FROM assignments WHERE reviewer = ?)")
            params.append(where.assigned_to)
        if where.stale:
            clauses.append(f"{verdict}.verdict IS NOT NULL AND {verdict}.evidence_sig != c.evidence_sig")
        if where.day_from:  # dates are stored as written ("2015-08-09 17:39:38"): the day is their first ten
            clauses.append("substr(a.date, 1, 10) >= ?")
            params.append(where.day_from)
        if where.day_to:
            clauses.append("substr(a.date, 1, 10) <= ?")
            params.append(where.day_to)
        sql = _CLAIM_SELECT + (" WHERE " + " AND ".join(clauses) if clauses else "") + " ORDER BY c.article_id, s.idx"
        return self._with_reviews([_claim(r, self.viewer, desk) for r in self.conn.execute(sql, params)], desk)

    def claim(self, claim_id: int) -> Claim:
        desk = reviews.policy(self.conn)
        row = self.conn.execute(_CLAIM_SELECT + " WHERE c.id = ?", (self.viewer, claim_id)).fetchone()
        if row is None:
            raise StoreError(f"no claim with id {claim_id}")
        return self._with_reviews([_claim(row, self.viewer, desk)], desk)[0]

    def agreeing_origins(self, claim_ids: Iterable[int] | None = None) -> dict[int, int]:
        """For each claim with agreeing evidence (of these claims, or of all), how many independent origins agree,
        the claim's own left out (a sort of the claims list; the evidence pane counts the same way, link by link).
        All claims of a 10,000-article database take 230 ms; one topic's, its share."""
        only = "" if claim_ids is None else "AND e.claim_id IN (SELECT value FROM json_each(?)) "
        params = () if claim_ids is None else (json.dumps(list(claim_ids)),)
        return dict(self.conn.execute(
            "SELECT e.claim_id, count(DISTINCT COALESCE(e.origin_id, e.article_id)) FROM evidence e "
            "JOIN claims c ON c.id = e.claim_id JOIN articles ca ON ca.id = c.article_id WHERE e.stance = 'agree' "
            f"AND COALESCE(e.origin_id, e.article_id) != COALESCE(ca.origin_id, ca.id) {only}GROUP BY e.claim_id",
            params))  # fmt: skip

    def final_claims(self, where: ClaimFilter | None = None) -> list[Claim]:
        """The claims with their final verdicts (verdict, reviewer, note, decided_at are the final's: agreed or
        adjudicated, None while reviews are missing or disagree), as exports and reports carry them. Under blind
        review a viewer's export hides what their screen hides."""
        finals = self._as(None).claims(where)
        desk = reviews.policy(self.conn)
        if not self._kept_blind(desk):
            return finals
        seen = {c.id: c for c in self.claims()}
        return [replace(c, verdict=None, reviewer=None, note=None, decided_at=None, final_verdict=None,
                        adjudicated_by=None, reviews=seen[c.id].reviews, hidden=True)
                if seen[c.id].hidden else c for c in finals]  # fmt: skip

    def _with_reviews(self, claims: list[Claim], desk: Policy) -> list[Claim]:
        """Each claim with its reviews where the desk keeps them apart. Under blind review a viewer who has not given
        their own verdict on a claim sees no colleague's, nor the final verdict they make (an editor sees all:
        they adjudicate)."""
        if not desk.per_reviewer or not claims:
            return claims
        given = reviews.reviews_of(self.conn, [c.id for c in claims] if len(claims) < 500 else None)
        sees_all = not self._kept_blind(desk)
        out = []
        for c in claims:
            mine_given = any(r.reviewer == self.viewer and r.verdict for r in given.get(c.id, []))
            visible = sees_all or mine_given
            all_of = tuple(given.get(c.id, ()))
            out.append(replace(
                c,
                reviews=all_of if visible else tuple(r for r in all_of if r.reviewer == self.viewer),
                reviews_given=sum(1 for r in all_of if r.verdict),
                reviews_needed=desk.reviews_needed,
                final_verdict=c.final_verdict if visible else None,
                adjudicated_by=c.adjudicated_by if visible else None,
                hidden=not visible,
            ))  # fmt: skip
        return out

    def _kept_blind(self, desk: Policy) -> bool:
        """Whether blind review keeps colleagues' verdicts from this viewer until they give theirs: an editor sees
        all (they adjudicate), and so do reads for no viewer (exports of the whole desk, the command line)."""
        return desk.blind and self.viewer is not None and self.role_of_viewer() != "editor"

    def role_of_viewer(self) -> str | None:
        from factcheck_tui.store import team

        return team.role_of(self.conn, self.viewer) if self.viewer else None

    def evidence(self, claim_id: int) -> list[Evidence]:
        rows = self.conn.execute(
            "SELECT e.claim_id, e.sentence_id, e.article_id, a.name, a.outlet, s.text, e.score, e.stance, e.reason, "
            "e.claim_spans, e.sentence_spans, a.origin_id, e.origin_id, a.date, COALESCE(ca.origin_id, ca.id), e.source "
            "FROM evidence e JOIN sentences s ON s.id = e.sentence_id JOIN articles a ON a.id = e.article_id "
            "JOIN claims c ON c.id = e.claim_id JOIN articles ca ON ca.id = c.article_id WHERE e.claim_id = ? "
            # updates in date order: a reader follows the count as it was reported
            "ORDER BY CASE e.stance WHEN 'disagree' THEN 0 WHEN 'update' THEN 1 WHEN 'agree' THEN 2 ELSE 3 END, "
            "CASE e.stance WHEN 'update' THEN a.date END, e.score DESC",
            (claim_id,),
        ).fetchall()
        marks = feedback.marks_of(self.conn, [claim_id])
        out = []
        for *head, claim_spans, sentence_spans, copy_of, origin, published, claim_origin, source in rows:
            out.append(
                Evidence(  # type: ignore[call-arg]  # the SELECT lists Evidence's fields in order
                    *head,
                    tuple(tuple(s) for s in json.loads(claim_spans)),
                    tuple(tuple(s) for s in json.loads(sentence_spans)),
                    copy_of,
                    origin,
                    published,
                    origin is not None and origin == claim_origin,
                    source,
                    tuple(marks.get((claim_id, head[1]), ())),
                )
            )
        return out

    def mark_evidence(
        self, claim_id: int, sentence_id: int, mark: str | None, reviewer: str, note: str | None = None
    ) -> list[Evidence]:
        """A reviewer's mark on one link of the claim's evidence (store.feedback; None takes it back). A link
        marked wrong leaves the claim's suggested verdict at once. Returns the claim's evidence as now stored."""
        self._writable()
        with database_errors(self.path):
            feedback.mark(self.conn, claim_id, sentence_id, mark, reviewer, note)
            return self.evidence(claim_id)

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Sentences containing all the query's words (light-stemmed, so clitics and spelling don't matter), the
        claims first (statements: a byline or a dateline is never one), then by full-text rank."""
        terms = content_terms(normalize(query))
        if not terms:
            return []
        match = " AND ".join('"' + t.replace('"', '""') + '"' for t in dict.fromkeys(terms))
        rows = self.conn.execute(
            "SELECT s.id, s.article_id, a.name, s.text, c.id, a.outlet, a.title, a.date FROM sentences_fts f "
            "JOIN sentences s ON s.id = f.rowid JOIN articles a ON a.id = s.article_id "
            "LEFT JOIN claims c ON c.sentence_id = s.id "
            "WHERE sentences_fts MATCH ? ORDER BY c.id IS NULL, f.rank LIMIT ?",
            (match, limit),
        ).fetchall()
        return [SearchHit(*r) for r in rows]

    def topic(self, topic_id: int) -> Topic:
        row = self.conn.execute(_TOPIC_SELECT + " WHERE t.id = ? GROUP BY t.id", (topic_id,)).fetchone()
        if row is None:
            raise StoreError(f"no topic with id {topic_id}")
        return Topic(*row)

    def history(self, claim_id: int) -> list[VerdictEvent]:
        """Every change to the claim, oldest first; kept even after the claim itself was re-indexed away."""
        events = review.history(self.conn, claim_id)
        if not events:
            self.claim(claim_id)  # raises for an unknown id
        desk = reviews.policy(self.conn)
        if self.viewer is not None and self._kept_blind(desk) and events:
            mine = reviews.own_review(self.conn, claim_id, self.viewer)
            if mine["verdict"] is None:  # blind: only one's own changes until one has given a verdict
                events = [e for e in events if e.reviewer == self.viewer and e.kind == "review"]
        return events

    def events_since(self, event_id: int) -> list[VerdictEvent]:
        return review.events_since(self.conn, event_id)

    def last_event_id(self) -> int:
        return self.conn.execute("SELECT COALESCE(max(id), 0) FROM verdict_events").fetchone()[0]

    def changes_by_others(self, since: int, me: str) -> tuple[int, list[tuple[VerdictEvent, str]]]:
        """The changes others made after event `since` to claims this reviewer decided or was assigned, each with
        why it concerns them ("you decided it", "assigned to you"), and the last event id read. A colleague's
        review of a claim the reviewer has not judged under blind review comes without its verdict or note."""
        events = review.events_since(self.conn, since)
        if not events:
            return since, []
        decided = {c for (c,) in self.conn.execute(
            "SELECT DISTINCT claim_id FROM verdict_events WHERE reviewer = ? AND kind IN ('verdict', 'review', "
            "'adjudication')", (me,))}  # fmt: skip
        assigned = {c for (c,) in self.conn.execute("SELECT claim_id FROM assignments WHERE reviewer = ?", (me,))}
        blind = self._as(me)._kept_blind(reviews.policy(self.conn))
        out = []
        for e in events:
            # a 'final' event follows from someone's review, already listed
            if e.reviewer == me or e.kind == "final" or not (e.claim_id in decided or e.claim_id in assigned):
                continue
            if blind and e.claim_id not in decided:
                e = replace(e, verdict=None, previous=None, note=None)
            out.append((e, "you decided it" if e.claim_id in decided else "assigned to you"))
        return events[-1].id, out

    # -- writing verdicts ------------------------------------------------------------------------------------
    def set_verdict(
        self,
        claim_id: int,
        verdict: str | None,
        reviewer: str,
        note: object = KEEP,
        expected_version: int | None = None,
    ) -> Claim:
        """Write the verdict (None clears it) in its own transaction, then return the claim as now stored: the
        claim's one verdict, or where the desk keeps reviews apart this reviewer's own review (expected_version is
        then the review's), from which the final verdict settles."""
        self._writable()
        with database_errors(self.path):
            if reviews.policy(self.conn).per_reviewer:
                reviews.set_review(self.conn, claim_id, verdict, reviewer, note, expected_version)
            else:
                review.set_verdict(self.conn, claim_id, verdict, reviewer, note, expected_version)
            return self._as(reviewer).claim(claim_id)

    def set_note(self, claim_id: int, note: str | None, reviewer: str, expected_version: int | None = None) -> Claim:
        self._writable()
        with database_errors(self.path):
            if reviews.policy(self.conn).per_reviewer:
                mine = reviews.own_review(self.conn, claim_id, reviewer)["verdict"]
                reviews.set_review(self.conn, claim_id, mine, reviewer, note, expected_version)
            else:
                current = self.claim(claim_id)
                review.set_verdict(self.conn, claim_id, current.final_verdict, reviewer, note, expected_version)
            return self._as(reviewer).claim(claim_id)

    def _as(self, viewer: str | None) -> Store:
        """This store read through another viewer's eyes (the same connection)."""
        if viewer == self.viewer:
            return self
        other = object.__new__(Store)
        other.__dict__.update(self.__dict__, viewer=viewer)
        return other

    def undo(self, reviewer: str) -> VerdictEvent | None:
        """Revert this reviewer's last change not yet undone (a verdict, their review or an adjudication); returns
        the undo event, or None."""
        self._writable()
        with database_errors(self.path):
            return reviews.undo_last(self.conn, reviewer)

    def adjudicate(
        self, claim_id: int, verdict: str | None, editor: str, note: str | None = None,
        expected_version: int | None = None,
    ) -> Claim:  # fmt: skip
        """An editor decides the claim's final verdict where reviewers disagree (None withdraws the decision)."""
        self._writable()
        with database_errors(self.path):
            reviews.adjudicate(self.conn, claim_id, verdict, editor, note, expected_version)
            return self._as(editor).claim(claim_id)

    def to_adjudicate(self) -> list[Claim]:
        """The claims whose reviewers disagree and no editor has decided, with every review (for editors: under
        blind review the list would tell a reviewer how colleagues decided)."""
        desk = reviews.policy(self.conn)
        if self._kept_blind(desk):
            raise StoreError("under blind review only an editor sees where reviewers disagree")
        ids = set(reviews.to_adjudicate(self.conn))
        return [c for c in self._as(None).claims() if c.id in ids]  # the final verdicts, every review

    def review_policy(self) -> Policy:
        return reviews.policy(self.conn)

    def set_review_policy(
        self, reviews_needed: int | None = None, blind: bool | None = None, account: str | None = None
    ) -> Policy:
        """Change how the desk reviews (store.reviews.set_policy), as account (default: this OS account)."""
        self._writable()
        with database_errors(self.path):
            return reviews.set_policy(self.conn, account or os_account(), reviews_needed, blind)

    def check_integrity(self) -> None:
        """StoreError unless SQLite's quick check passes: writing into a damaged file spreads the damage."""
        with database_errors(self.path):
            problems = [row[0] for row in self.conn.execute("PRAGMA quick_check(3)")]
        if problems != ["ok"]:
            raise StoreError(f"{self.path} is damaged ({'; '.join(problems)}); restore a backup before writing")

    # -- export ----------------------------------------------------------------------------------------------
    # -- the team ----------------------------------------------------------------------------------------------
    def team(self) -> list[Member]:
        from factcheck_tui.store import team

        return team.members(self.conn)

    def team_add(self, name: str, role: str = "reviewer", account: str | None = None) -> list[Member]:
        """Add a member (or change their role) as account (default: this process's OS account)."""
        self._writable()
        from factcheck_tui.store import team

        return team.add(self.conn, name, role, account or os_account())

    def team_remove(self, name: str, account: str | None = None) -> None:
        self._writable()
        from factcheck_tui.store import team

        team.remove(self.conn, name, account or os_account())

    def team_allow_named_reviewers(self, allow: bool, account: str | None = None) -> None:
        self._writable()
        from factcheck_tui.store import team

        team.allow_named_reviewers(self.conn, allow, account or os_account())

    def team_named_reviewers(self) -> bool:
        from factcheck_tui.store import team

        return team.named_reviewers_allowed(self.conn)

    def assign(self, claim_ids: list[int], reviewer: str | None, account: str | None = None) -> int:
        """Assign claims to a team member (None: unassign), as an editor (store.team.assign)."""
        self._writable()
        from factcheck_tui.store import team

        return team.assign(self.conn, claim_ids, reviewer, account or os_account())

    def agreement(self) -> dict:
        """Agreement figures (store.agreement): Cohen's kappa per pair of reviewers, Krippendorff's alpha for the
        team and per topic, each reviewer's agreement with the suggested verdict."""
        from factcheck_tui.store import agreement

        by = agreement.reviewer_verdicts(self.conn)
        claims = {c.id: c for c in self.claims()}
        judges = Counter(cid for verdicts in by.values() for cid in verdicts)
        of_topic: dict[int | None, list[int]] = {}
        for cid, c in claims.items():
            of_topic.setdefault(c.topic_id, []).append(cid)
        per_topic = []
        for topic_id, label in ((t.id, t.label) for t in self.topics()):
            members = of_topic.get(topic_id, [])
            judged = sum(1 for cid in members if judges[cid] >= 2)
            if judged:
                per_topic.append({"topic": topic_id, "label": label, "claims_judged_twice": judged,
                                  "alpha": agreement.team_alpha(by, members)})  # fmt: skip
        with_suggested = []
        for reviewer, verdicts in sorted(by.items()):
            pairs = [(v, s) for c, v in verdicts.items() if (s := claims[c].suggested_verdict)]
            with_suggested.append({"reviewer": reviewer, "claims": len(pairs),
                                   "same_share": sum(a == b for a, b in pairs) / len(pairs) if pairs else None,
                                   "kappa": agreement.cohen_kappa(pairs)})  # fmt: skip
        return {
            "pairs": [{"reviewers": [a, b], "claims": n, "kappa": k} for a, b, n, k in agreement.pairwise(by)],
            "team": {"reviewers": len(by), "alpha": agreement.team_alpha(by)},
            "topics": per_topic,
            "with_suggested": with_suggested,
        }

    def identity(self, given: str | None = None, account: str | None = None) -> str:
        """The name this person reviews under (store.team.identity), or StoreError saying why not."""
        from factcheck_tui.store import team

        return team.identity(self.conn, account or os_account(), given)

    def report(
        self,
        target: str | os.PathLike,
        *,
        only: ClaimFilter | None = None,
        title: str = "factcheck-tui report",
        force: bool = False,
    ) -> None:
        """The HTML report (store.report) written atomically to target, under the same rules as an export."""
        from factcheck_tui.store import export, report

        path = Path(target).expanduser()
        export.check_target(path, self.path, force=force)
        export.atomic_write(path, report.build_html(self, only, title).encode("utf-8"))

    def export(
        self,
        fmt: str,
        target: str | os.PathLike | None = None,
        *,
        excel: bool = False,
        force: bool = False,
        full_paths: bool = False,
        only: ClaimFilter | None = None,
        desk: ReviewDesk | None = None,
    ) -> str | None:
        """Write the export in fmt (models.EXPORT_FORMATS) to target atomically, or return it as text (not xlsx,
        which needs a file). Never onto the database or another SQLite file; an existing file is replaced only with
        force. Paths under the home folder are written "~/..." unless full_paths. only: the claims of a filter
        (the list a reviewer sees), every claim without."""
        from factcheck_tui.store import export

        return export.write(self, fmt, target, excel=excel, force=force, full_paths=full_paths, only=only, desk=desk)
