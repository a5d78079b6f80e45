"""Verdict exports: CSV for spreadsheets, JSON for tools (field names are a contract, DESIGN §7),
schema.org ClaimReview JSON-LD. Files are written to a temporary file and renamed into place."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck_tui.store.db import StoreError
from factcheck_tui.store.printable import printable

if TYPE_CHECKING:
    from factcheck_tui.store.api import Store

FORMATS = ("csv", "json", "claimreview")
CSV_COLUMNS = [
    "claim_id",
    "topic",
    "article",
    "outlet",
    "claim",
    "suggested_verdict",
    "verdict",
    "reviewer",
    "decided_at",
    "note",
    "agreeing_articles",
    "disagreeing_articles",
    "evidence",
]
# A cell starting with one of these is run as a formula by Excel/LibreOffice (CSV injection). Tab and CR too.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
RATINGS = {"confirmed": 5, "disputed": 1, "single-source": 3}


def safe_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: never a formula, never a control character (store.printable)."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        return "'" + printable(text)
    return printable(text)


def shown_path(path: str, *, full: bool = False) -> str:
    """An article's path as exported: printable, and under the home folder written "~/..." unless full (an
    export travels to editors and tools that need not learn the indexer's account and folders)."""
    if not full:
        home = os.path.expanduser("~")
        if home not in ("", "/", "~") and (path == home or path.startswith(home.rstrip("/") + "/")):
            path = "~" + path[len(home.rstrip("/")) :]
    return printable(path, one_line=True)


def build_json(store: Store, *, full_paths: bool = False) -> dict:
    articles = store.articles()
    names = {a.id: a.name for a in articles}
    claims = store.claims()
    topic_claims: dict[int, list[int]] = {}
    for c in claims:
        if c.topic_id is not None:
            topic_claims.setdefault(c.topic_id, []).append(c.id)
    return {
        "articles": [
            {
                "id": a.id,
                "name": a.name,
                "path": shown_path(a.path, full=full_paths),
                "title": a.title,
                "outlet": a.outlet,
                "sha256": a.sha256,
                "url": a.url,
                "date": a.date,
                "copy_of": a.origin_id,
                "event": a.event_id,
            }
            for a in articles
        ],
        "topics": [{"id": t.id, "label": t.label, "claim_ids": topic_claims.get(t.id, [])} for t in store.topics()],
        "claims": [
            {
                "id": c.id,
                "article_id": c.article_id,
                "article": c.article,
                "text": c.text,
                "topic_id": c.topic_id,
                "checkworthiness": c.checkworthiness,
                "suggested_verdict": c.suggested_verdict,
                "verdict": c.verdict,
                "reviewer": c.reviewer,
                "decided_at": c.decided_at,
                "note": c.note,
                "stale": c.stale,
                "evidence": [
                    {
                        "article_id": e.article_id,
                        "article": names.get(e.article_id, e.article),
                        "sentence": e.sentence,
                        "score": e.score,
                        "stance": e.stance,
                        "reason": e.reason,
                    }
                    for e in store.evidence(c.id)
                ],
            }
            for c in claims
        ],
    }


def build_csv(store: Store) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(CSV_COLUMNS)
    for c in store.claims():
        evidence = store.evidence(c.id)
        agreeing = sorted({e.article for e in evidence if e.stance == "agree"})
        disagreeing = sorted({e.article for e in evidence if e.stance == "disagree"})
        summary = " | ".join(f"{e.article} {e.stance} {e.score:g}: {e.reason}".strip() for e in evidence)
        row = [
            c.id,
            c.topic,
            c.article,
            c.outlet,
            c.text,
            c.suggested_verdict,
            c.verdict,
            c.reviewer,
            c.decided_at,
            c.note,
            "; ".join(agreeing),
            "; ".join(disagreeing),
            summary,
        ]
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()


def build_claimreview(store: Store) -> list[dict]:
    """One schema.org ClaimReview per claim that a reviewer has decided."""
    reviews = []
    for c in store.claims():
        if c.verdict is None:
            continue
        article = store.article(c.article_id)
        reviews.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "identifier": f"factcheck-tui:claim:{c.id}",
                "datePublished": (c.decided_at or "")[:10],
                "dateModified": c.decided_at,
                "claimReviewed": c.text,
                "author": {"@type": "Person", "name": c.reviewer},
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": RATINGS[c.verdict],
                    "bestRating": 5,
                    "worstRating": 1,
                    "alternateName": c.verdict,
                },
                "itemReviewed": {
                    "@type": "Claim",
                    "appearance": {
                        "@type": "CreativeWork",
                        "name": article.title or article.name,
                        **({"url": article.url} if article.url else {}),
                        **({"publisher": {"@type": "Organization", "name": article.outlet}} if article.outlet else {}),
                    },
                },
                **({"reviewBody": c.note} if c.note else {}),
            }
        )
    return reviews


def render(store: Store, fmt: str, *, full_paths: bool = False) -> str:
    if fmt == "csv":
        return build_csv(store)
    if fmt == "json":
        return json.dumps(build_json(store, full_paths=full_paths), ensure_ascii=False, indent=1) + "\n"
    if fmt == "claimreview":
        return json.dumps(build_claimreview(store), ensure_ascii=False, indent=1) + "\n"
    raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def write(
    store: Store,
    fmt: str,
    target: str | os.PathLike | None,
    *,
    excel: bool = False,
    force: bool = False,
    full_paths: bool = False,
) -> str | None:
    """The export as text (target None), or written to target. An export never lands on the open database, nor
    on any SQLite file, and replaces another existing file only with force."""
    path = None if target is None else Path(target).expanduser()
    if path is not None:
        check_target(path, store.path, force=force)
    text = render(store, fmt, full_paths=full_paths)
    if excel and fmt == "csv":
        text = "\ufeff" + text  # the BOM makes Excel read UTF-8 Arabic correctly
    if path is None:
        return text
    atomic_write(path, text.encode("utf-8"))
    return None


SQLITE_MAGIC = b"SQLite format 3\x00"
_DATABASE_SIDE_FILES = ("", "-wal", "-shm", "-journal")


def check_target(path: Path, database: Path, *, force: bool = False) -> None:
    """Refuse an export target that would destroy data: the open database or its side files, any SQLite file,
    something that is not a regular file, or (without force) any existing file."""
    for suffix in _DATABASE_SIDE_FILES:
        side = Path(f"{database}{suffix}")
        if _same_file(path, side):
            raise StoreError(f"refusing to export onto the database itself ({path}); choose another file")
    if not path.exists() and not path.is_symlink():
        return
    if not path.is_file():
        raise StoreError(f"refusing to export onto {path}: it is not a regular file")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as err:
        raise StoreError(f"cannot write {path}: {err.strerror}") from None
    if head == SQLITE_MAGIC:
        raise StoreError(f"refusing to export onto {path}: it is an SQLite database; choose another file")
    if not force:
        raise StoreError(f"{path} exists; use --force to replace it")


def _same_file(a: Path, b: Path) -> bool:
    if a.exists() and b.exists():
        return os.path.samefile(a, b)
    return os.path.abspath(a) == os.path.abspath(b)


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, fsync, then rename: readers see the old or the new file,
    never half of one."""
    path = path.expanduser()
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise StoreError(f"cannot write {path}: no such folder {directory}")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as err:
        raise StoreError(f"cannot write {path}: {err.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file 0600: keep the mode of the file replaced (a desk's shared 0664), else what the
        # user's umask gives a new file
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException as err:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise StoreError(f"cannot write {path}: {err.strerror}") from None
        raise
