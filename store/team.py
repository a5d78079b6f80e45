"""A desk's team on one database: who reviews and who edits (DESIGN: team review). Identity is the OS account
(over SSH, the login); a name given with --reviewer counts only where the team allows named reviewers (a browser
session, whose OS account is the server's). A database with no team members behaves as before: anyone reviews.

Only an editor's account changes the team, except on a database with no team yet, where the first change makes
the account that makes it the team's first editor."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from factcheck_tui.store.db import StoreError
from factcheck_tui.store.printable import printable
from factcheck_tui.store.review import check_reviewer, now, write_transaction

ROLES = ("reviewer", "editor")
NAMED_REVIEWERS = "named_reviewers"  # team_policy key: "1" when --reviewer names count as identities


@dataclass(frozen=True)
class Member:
    name: str
    role: str
    added_at: str
    added_by: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", printable(self.name, one_line=True))


def members(conn: sqlite3.Connection) -> list[Member]:
    return [Member(*row) for row in conn.execute("SELECT name, role, added_at, added_by FROM team ORDER BY name")]


def role_of(conn: sqlite3.Connection, name: str) -> str | None:
    row = conn.execute("SELECT role FROM team WHERE name = ?", (name,)).fetchone()
    return row[0] if row else None


def add(conn: sqlite3.Connection, name: str, role: str, account: str) -> list[Member]:
    """Add a member (or change their role). Returns who was added: on a database with no team, the account that
    adds becomes an editor too."""
    if role not in ROLES:
        raise StoreError(f"no role {role!r}: use {' or '.join(ROLES)}")
    name = check_reviewer(name)
    with write_transaction(conn):
        added = []
        if not conn.execute("SELECT 1 FROM team LIMIT 1").fetchone():
            if name != account:
                conn.execute("INSERT INTO team VALUES (?, 'editor', ?, ?)", (account, now(), account))
                added.append(account)
            else:
                role = "editor"  # the team's first member is its first editor
        else:
            must_edit(conn, account)
        conn.execute(
            "INSERT INTO team VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET role = excluded.role",
            (name, role, now(), account),
        )
        added.append(name)
    return [m for m in members(conn) if m.name in added]


def remove(conn: sqlite3.Connection, name: str, account: str) -> None:
    with write_transaction(conn):
        must_edit(conn, account)
        if role_of(conn, name) is None:
            raise StoreError(f"{name} is not on this database's team")
        editors = [m.name for m in members(conn) if m.role == "editor"]
        if editors == [name] and len(members(conn)) > 1:
            raise StoreError(f"{name} is the team's only editor: add another editor first")
        conn.execute("DELETE FROM team WHERE name = ?", (name,))


def allow_named_reviewers(conn: sqlite3.Connection, allow: bool, account: str) -> None:
    with write_transaction(conn):
        must_edit(conn, account)
        conn.execute(
            "INSERT INTO team_policy VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (NAMED_REVIEWERS, "1" if allow else "0"),
        )


def named_reviewers_allowed(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM team_policy WHERE key = ?", (NAMED_REVIEWERS,)).fetchone()
    return bool(row and row[0] == "1")


def identity(conn: sqlite3.Connection, account: str, given: str | None) -> str:
    """The name this person reviews under: with no team, the name given or the account; on a team, the account
    (a member), or a member's name given where the team allows named reviewers. A clear StoreError otherwise."""
    team = {m.name for m in members(conn)}
    if not team:
        return given or account
    if given and given != account:
        if not named_reviewers_allowed(conn):
            raise StoreError(
                f"this database has a team: you review as your account, {account}; --reviewer names are not "
                "allowed (an editor allows them: factcheck-tui team policy --named-reviewers)"
            )
        if given not in team:
            raise StoreError(f"{given} is not on this database's team (factcheck-tui team list)")
        return given
    if account not in team:
        raise StoreError(
            f"{account} is not on this database's team: an editor adds you with factcheck-tui team add {account}"
        )
    return account


def assign(conn: sqlite3.Connection, claim_ids: list[int], reviewer: str | None, account: str) -> int:
    """Assign the claims to a member (None: take the assignment back), as an editor. Returns how many changed.
    A topic is assigned by its claims as they are now; claims indexed later are unassigned until assigned."""
    with write_transaction(conn):
        must_edit(conn, account)
        if reviewer is not None and role_of(conn, reviewer) is None:
            raise StoreError(f"{reviewer} is not on this database's team (factcheck-tui team list)")
        known = {r[0] for r in conn.execute(
            f"SELECT id FROM claims WHERE id IN ({','.join('?' * len(claim_ids))})", claim_ids)}  # fmt: skip
        missing = sorted(set(claim_ids) - known)
        if missing:
            raise StoreError(f"no claim with id {missing[0]}")
        if reviewer is None:
            conn.executemany("DELETE FROM assignments WHERE claim_id = ?", [(c,) for c in claim_ids])
        else:
            conn.executemany(
                "INSERT INTO assignments VALUES (?, ?, ?, ?) ON CONFLICT(claim_id) DO UPDATE SET "
                "reviewer = excluded.reviewer, assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at",
                [(c, reviewer, account, now()) for c in claim_ids],
            )
    return len(claim_ids)


def must_edit(conn: sqlite3.Connection, account: str) -> None:
    """StoreError unless the account is one of the team's editors."""
    if role_of(conn, account) != "editor":
        raise StoreError(f"only an editor changes the team, and {account} is not one (factcheck-tui team list)")
