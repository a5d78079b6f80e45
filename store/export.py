"""Verdict exports: CSV for spreadsheets, JSON for tools (field names are a contract, DESIGN §7),
schema.org ClaimReview JSON-LD, and an XLSX workbook an editor opens as it is (claims, evidence, history).
Files are written to a temporary file and renamed into place."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck_tui.store.db import StoreError
from factcheck_tui.store.models import EXPORT_FORMATS, ClaimFilter
from factcheck_tui.store.printable import printable

if TYPE_CHECKING:
    from factcheck_tui.store.api import Store

FORMATS = EXPORT_FORMATS
BINARY_FORMATS = ("xlsx",)  # written to a file only, never to the terminal
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
    # team review (store.reviews), added after the columns readers already address by position
    "adjudicated_by",
    "reviews",
]
# A cell starting with one of these is run as a formula by Excel/LibreOffice (CSV injection). Tab and CR too.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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


def build_json(store: Store, *, full_paths: bool = False, only: ClaimFilter | None = None) -> dict:
    articles = store.articles()
    names = {a.id: a.name for a in articles}
    by_id = {a.id: a for a in articles}
    claims = store.final_claims(only)
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
                # where the desk keeps each reviewer's verdict apart (store.reviews): theirs, and the editor who
                # decided the final verdict
                "reviews": [r.exported() for r in c.reviews],
                "adjudicated_by": c.adjudicated_by,
                "evidence": [
                    {
                        "article_id": e.article_id,
                        "article": names.get(e.article_id, e.article),
                        "outlet": src.outlet if (src := by_id.get(e.article_id)) else None,
                        "date": src.date if src else None,
                        "url": src.url if src else None,
                        "source": e.source or None,
                        "sentence": e.sentence,
                        "score": e.score,
                        "stance": e.stance,
                        "reason": e.reason,
                        "feedback": [m.exported() for m in e.marks],
                    }
                    for e in store.evidence(c.id)
                ],
            }
            for c in claims
        ],
    }


def build_feedback(store: Store, only: ClaimFilter | None = None) -> list[dict]:
    """The desk's own labelled data: one pair per reviewer's standing mark on an evidence link, the claim and the
    sentence with their outlets and dates, what the engine said of the pair, and the reviewer's label
    (models.EVIDENCE_MARKS: right, wrong_stance, other_event, not_independent)."""
    articles = {a.id: a for a in store.articles()}
    rows = []
    for c in store.final_claims(only):
        claim_article = articles.get(c.article_id)
        for e in store.evidence(c.id):
            source = articles.get(e.article_id)
            for m in e.marks:
                rows.append({
                    "claim_id": c.id, "claim": c.text, "claim_outlet": c.outlet,
                    "claim_date": claim_article.date if claim_article else None,
                    "sentence_id": e.sentence_id, "sentence": e.sentence,
                    "outlet": source.outlet if source else e.outlet, "date": source.date if source else None,
                    "engine_stance": e.stance, "engine_reason": e.reason,
                    "label": m.mark, "reviewer": m.reviewer, "note": m.note, "marked_at": m.at,
                })  # fmt: skip
    return rows


def build_csv(store: Store, only: ClaimFilter | None = None) -> str:
    """One row per claim. The evidence column holds one line per link (EVIDENCE_LINE): stance, outlet, date, the
    sentence, its URL and the engine's reason, so a spreadsheet shows each link on a line of its own."""
    articles = {a.id: a for a in store.articles()}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(CSV_COLUMNS)
    for c in store.final_claims(only):
        evidence = store.evidence(c.id)
        agreeing = sorted({e.article for e in evidence if e.stance == "agree"})
        disagreeing = sorted({e.article for e in evidence if e.stance == "disagree"})
        summary = "\n".join(evidence_line(e, articles.get(e.article_id)) for e in evidence)
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
            c.adjudicated_by,
            "\n".join(review_line(r) for r in c.reviews),
        ]
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()


# The CSV reviews column: one line per reviewer (README, "Exports").
REVIEW_LINE = "{reviewer} | {verdict} | {decided_at} | {note}"


def review_line(r) -> str:
    return REVIEW_LINE.format(reviewer=r.reviewer, verdict=r.verdict or "cleared", decided_at=r.decided_at,
                              note=" ".join((r.note or "").split()))  # fmt: skip


# The CSV evidence column: one line per link, its fields separated by " | " (README, "Exports").
EVIDENCE_LINE = "{stance} | {outlet} | {date} | {sentence} | {url} | {reason}"


def evidence_line(e, article) -> str:
    return EVIDENCE_LINE.format(
        stance=e.stance,
        outlet=(article.outlet if article else None) or e.article,
        date=_day(article.date if article else None) or "",
        sentence=" ".join(e.sentence.split()),
        url=(article.url if article else None) or "",
        reason=e.reason,
    )


@dataclass(frozen=True)
class ReviewDesk:
    """Who publishes the reviews and how its ratings read (factcheck-tui export --base-url/--publisher/--rating,
    or FACTCHECK_REVIEW_BASE_URL / FACTCHECK_PUBLISHER / FACTCHECK_PUBLISHER_URL). Confirmed, disputed and
    single-source are sourcing states, not truth ratings: a number goes out only where the desk gives one."""

    base_url: str | None = None  # a review's url is base_url + the claim id
    publisher: str | None = None
    publisher_url: str | None = None
    ratings: tuple[tuple[str, int], ...] = ()  # (verdict, rating on 1..5)

    @classmethod
    def from_environment(
        cls,
        base_url: str | None = None,
        publisher: str | None = None,
        publisher_url: str | None = None,
        ratings: tuple[tuple[str, int], ...] = (),
    ) -> ReviewDesk:
        """What is given, else the environment's settings."""
        env = os.environ
        return cls(
            base_url=base_url or env.get("FACTCHECK_REVIEW_BASE_URL"),
            publisher=publisher or env.get("FACTCHECK_PUBLISHER"),
            publisher_url=publisher_url or env.get("FACTCHECK_PUBLISHER_URL"),
            ratings=ratings,
        )


def language_of(text: str) -> str:
    """BCP 47 code of a claim's language, by its letters: "ar" when most are Arabic, else "en"."""
    arabic = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "ar" if arabic >= latin else "en"


def build_claimreview(store: Store, only: ClaimFilter | None = None, desk: ReviewDesk | None = None) -> list[dict]:
    """One schema.org ClaimReview per claim that a reviewer has decided: the review's url (from the desk's base
    URL), publisher and language; the claim with where it appeared (the article's URL, date and outlet); the
    deciding reviewer as author; the verdict as the rating's alternateName, with a number only where the desk
    rates verdicts."""
    desk = desk or ReviewDesk()
    ratings = dict(desk.ratings)
    reviews = []
    for c in store.final_claims(only):
        if c.verdict is None:
            continue
        article = store.article(c.article_id)
        rating: dict = {"@type": "Rating", "alternateName": c.verdict}
        if c.verdict in ratings:
            rating.update(ratingValue=ratings[c.verdict], bestRating=5, worstRating=1)
        appearance: dict = {"@type": "CreativeWork", "name": article.title or article.name}
        if article.url:
            appearance["url"] = article.url
        if article.date:
            appearance["datePublished"] = article.date[:10]
        if article.outlet:
            appearance["publisher"] = {"@type": "Organization", "name": article.outlet}
        review: dict = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": f"factcheck-tui:claim:{c.id}",
            "datePublished": (c.decided_at or "")[:10],
            "dateModified": c.decided_at,
            "inLanguage": language_of(c.text),
            "claimReviewed": c.text,
            "author": {"@type": "Person", "name": c.reviewer},
            "reviewRating": rating,
            "itemReviewed": {
                "@type": "Claim",
                "appearance": appearance,
                **({"datePublished": article.date[:10]} if article.date else {}),
                **({"author": {"@type": "Organization", "name": article.outlet}} if article.outlet else {}),
            },
        }
        if desk.base_url:
            review["url"] = desk.base_url.rstrip("/") + f"/claim-{c.id}"
        if desk.publisher:
            review["publisher"] = {"@type": "Organization", "name": desk.publisher,
                                   **({"url": desk.publisher_url} if desk.publisher_url else {})}  # fmt: skip
        if c.note:
            review["reviewBody"] = c.note
        reviews.append(review)
    return reviews


# The workbook's sheets: (header, width in characters, wrapped) per column. Arabic sheets read right to left.
CLAIM_SHEET = (
    ("claim", 7, False), ("topic", 24, True), ("outlet", 14, False), ("date", 11, False), ("claim text", 60, True),
    ("suggested", 13, False), ("verdict", 13, False), ("reviewer", 12, False), ("decided", 17, False),
    ("note", 30, True), ("agreeing origins", 10, False), ("disputing origins", 10, False), ("article", 24, True),
    ("url", 30, True), ("adjudicated by", 12, False), ("reviews", 40, True),
)  # fmt: skip
EVIDENCE_SHEET = (
    ("claim", 7, False), ("stance", 10, False), ("outlet", 14, False), ("date", 11, False), ("sentence", 70, True),
    ("reason", 30, True), ("source", 16, True), ("url", 30, True),
)  # fmt: skip
HISTORY_SHEET = (
    ("claim", 7, False), ("when", 17, False), ("reviewer", 12, False), ("from", 13, False), ("to", 13, False),
    ("note", 40, True), ("undo of", 8, False), ("kind", 12, False),
)  # fmt: skip


def build_xlsx(store: Store, only: ClaimFilter | None = None) -> bytes:
    """The workbook: one row per claim (verdicts, who, when, note, suggested, how many independent origins agree
    and dispute), one per evidence link (outlet, date, URL, sentence, stance, reason), one per verdict change.
    Right-to-left sheets, wrapped text, a frozen header with filters, fixed column widths; every cell a string or a
    number, never a formula (XlsxWriter is told so)."""
    import xlsxwriter  # imported here: only this format needs it, and the rest of the store starts faster

    articles = {a.id: a for a in store.articles()}
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                     "strings_to_numbers": False})  # fmt: skip
    head = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bottom": 1, "reading_order": 2})
    wrap = book.add_format({"text_wrap": True, "valign": "top", "reading_order": 2})
    plain = book.add_format({"valign": "top", "reading_order": 2})
    claims_sheet = _sheet(book, "Claims", CLAIM_SHEET, head, wrap, plain)
    evidence_sheet = _sheet(book, "Evidence", EVIDENCE_SHEET, head, wrap, plain)
    history_sheet = _sheet(book, "History", HISTORY_SHEET, head, wrap, plain)
    rows = {"claims": 0, "evidence": 0, "history": 0}
    for c in store.final_claims(only):
        article = articles.get(c.article_id)
        evidence = store.evidence(c.id)
        agreeing = {e.independent_origin for e in evidence if e.stance == "agree"} - {None}
        disputing = {e.independent_origin for e in evidence if e.stance in ("disagree", "update")} - {None}
        rows["claims"] += 1
        _row(claims_sheet, rows["claims"], CLAIM_SHEET, wrap, plain, [
            c.id, c.topic, c.outlet, _day(article.date if article else None),
            c.text, c.suggested_verdict, c.verdict, c.reviewer, c.decided_at, c.note,
            len(agreeing), len(disputing), c.article,
            article.url if article else None, c.adjudicated_by, "\n".join(review_line(r) for r in c.reviews),
        ])  # fmt: skip
        for e in evidence:
            source = articles.get(e.article_id)
            rows["evidence"] += 1
            _row(evidence_sheet, rows["evidence"], EVIDENCE_SHEET, wrap, plain, [
                c.id, e.stance, source.outlet if source else e.article, _day(source.date if source else None),
                e.sentence, e.reason, e.source, source.url if source else None,
            ])  # fmt: skip
        for h in store.history(c.id):
            rows["history"] += 1
            _row(history_sheet, rows["history"], HISTORY_SHEET, wrap, plain,
                 [c.id, h.at, h.reviewer, h.previous, h.verdict, h.note, h.undoes, h.kind])  # fmt: skip
    for sheet, columns, n in ((claims_sheet, CLAIM_SHEET, rows["claims"]), (evidence_sheet, EVIDENCE_SHEET,
                              rows["evidence"]), (history_sheet, HISTORY_SHEET, rows["history"])):  # fmt: skip
        sheet.autofilter(0, 0, max(n, 1), len(columns) - 1)
    book.close()
    return out.getvalue()


def _sheet(book, name: str, columns: tuple, head, wrap, plain):
    sheet = book.add_worksheet(name)
    sheet.right_to_left()
    sheet.freeze_panes(1, 0)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)  # printed: as many pages down as needed, never split sideways
    sheet.repeat_rows(0)
    for k, (title, width, wrapped) in enumerate(columns):
        sheet.set_column(k, k, width, wrap if wrapped else plain)
        sheet.write_string(0, k, title, head)
    return sheet


def _row(sheet, row: int, columns: tuple, wrap, plain, values: list) -> None:
    # Spreadsheets do not grow a row for wrapped text they are handed (LibreOffice kept one line and overlapped
    # them): the row is as tall as its longest wrapped cell needs, a line per column width of text.
    lines = max(
        [math.ceil(len(str(value)) / width) for (_, width, wrapped), value in zip(columns, values) if wrapped and value]
        or [1]
    )
    sheet.set_row(row, _LINE_HEIGHT * min(lines, _MOST_LINES))
    for k, ((_, _, wrapped), value) in enumerate(zip(columns, values)):
        fmt = wrap if wrapped else plain
        if isinstance(value, int) and not isinstance(value, bool):
            sheet.write_number(row, k, value, fmt)
        elif value is not None:
            sheet.write_string(row, k, printable(str(value)), fmt)


_LINE_HEIGHT = 15  # points: one line of the default 11-point font
_MOST_LINES = 12  # a cell longer than this scrolls inside its row rather than fill a printed page


def _day(date: str | None) -> str | None:
    return date[:10] if date else None


def render(
    store: Store,
    fmt: str,
    *,
    full_paths: bool = False,
    only: ClaimFilter | None = None,
    desk: ReviewDesk | None = None,
) -> str:
    if fmt == "csv":
        return build_csv(store, only)
    if fmt == "json":
        return json.dumps(build_json(store, full_paths=full_paths, only=only), ensure_ascii=False, indent=1) + "\n"
    if fmt == "claimreview":
        return json.dumps(build_claimreview(store, only, desk), ensure_ascii=False, indent=1) + "\n"
    if fmt == "feedback":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in build_feedback(store, only))
    raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def write(
    store: Store,
    fmt: str,
    target: str | os.PathLike | None,
    *,
    excel: bool = False,
    force: bool = False,
    full_paths: bool = False,
    only: ClaimFilter | None = None,
    desk: ReviewDesk | None = None,
) -> str | None:
    """The export as text (target None), or written to target; only: the claims of a filter (what a list shows);
    desk: who publishes ClaimReview and how it rates (ReviewDesk). An export never lands on the open database, nor
    on any SQLite file, and replaces another existing file only with force."""
    path = None if target is None else Path(target).expanduser()
    if path is not None:
        check_target(path, store.path, force=force)
    if fmt in BINARY_FORMATS:
        if path is None:
            raise StoreError(f"the {fmt} export goes to a file: give one with -o FILE.{fmt}")
        atomic_write(path, build_xlsx(store, only))
        return None
    text = render(store, fmt, full_paths=full_paths, only=only, desk=desk)
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
