"""Plain records the Store API returns. They carry no database handle, so the UI can keep them freely."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from factcheck_tui.store.printable import printable

VERDICTS = ("confirmed", "disputed", "single-source")
# What a reviewer says of one evidence link (store.feedback): right, or wrong and why
EVIDENCE_MARKS = ("right", "wrong_stance", "other_event", "not_independent")
# Export formats and the suffix of the file each is written to (the CLI's --format, the TUI's export dialog)
EXPORT_SUFFIXES = {"csv": "csv", "json": "json", "claimreview": "json", "xlsx": "xlsx", "feedback": "jsonl"}
EXPORT_FORMATS = tuple(EXPORT_SUFFIXES)


def _shown(obj: object, names: tuple[str, ...] = (), texts: tuple[str, ...] = ()) -> None:
    """Make the fields of a model that leaves the store printable (store.printable): names one line, texts with
    their line breaks. A database written by an older version, or by hand, may hold raw control characters."""
    for fields, one_line in ((names, True), (texts, False)):
        for field_name in fields:
            value = getattr(obj, field_name)
            if isinstance(value, str):
                cleaned = printable(value, one_line=one_line)
                if cleaned != value:
                    object.__setattr__(obj, field_name, cleaned)


@dataclass(frozen=True)
class Article:
    id: int
    name: str
    path: str
    title: str | None
    outlet: str | None
    sha256: str
    added_at: str
    url: str | None = None
    date: str | None = None
    origin_id: int | None = None  # the article this one is a near-duplicate copy of, if any
    event_id: int | None = None  # the happening it reports (DESIGN §4)
    text: str | None = None  # only filled by Store.article()

    def __post_init__(self) -> None:
        _shown(self, ("name", "title", "outlet"))


@dataclass
class Event:
    """One happening inside a story: its articles and outlets, and the days they span."""

    id: int
    label: str
    start: str | None
    end: str | None
    topic_id: int | None
    article_ids: list[int]
    outlets: list[str]


@dataclass
class FigureValue:
    """One figure of a ledger row, as one article gave it."""

    value: float
    low: float
    high: float | None  # None: no upper bound ("at least 12")
    qualifier: str
    written: str
    outlet: str
    article_id: int
    article: str
    date: str | None
    sentence_id: int
    sentence: str
    relation: str = ""  # to the row's first value: "same", "update" or "conflict" ("" for the first)
    start: int = 0  # offsets of the figure in its article's text
    end: int = 0

    def __post_init__(self) -> None:
        _shown(self, ("outlet", "article"))


@dataclass
class FigureRow:
    """Figures of one count in one event, in the order of their articles' dates (the figure ledger)."""

    event_id: int
    counted: str  # the counted noun as read, with the act when the noun alone says little: "شخص مقتل"
    key: tuple[str, ...]
    status: str  # "consistent" | "update" | "conflict"
    values: list[FigureValue]


@dataclass(frozen=True)
class Topic:
    id: int
    label: str
    claim_count: int
    reviewed_count: int
    disputed_count: int = 0


@dataclass(frozen=True)
class Claim:
    id: int
    article_id: int
    article: str  # article name
    outlet: str | None
    sentence_id: int
    text: str
    topic_id: int | None
    topic: str | None
    checkworthiness: float
    suggested_verdict: str | None
    verdict: str | None
    reviewer: str | None
    note: str | None
    decided_at: str | None
    version: int  # 0 when never decided; bumps on every change, used for conflict detection
    stale: bool  # decided on evidence that has changed since
    start: int = 0  # offsets of the claim's sentence in its article
    end: int = 0
    # Where the desk keeps each reviewer's verdict apart (store.reviews), verdict ... stale above are the viewer's
    # own review and these say the rest; otherwise final_verdict is verdict and there are no reviews.
    final_verdict: str | None = None  # agreed by the reviews or adjudicated; None while missing or disagreeing
    adjudicated_by: str | None = None  # the editor who decided it
    reviews: tuple[Review, ...] = ()  # the reviews the viewer may see
    reviews_given: int = 0  # how many reviewers have given a verdict (shown even under blind review)
    reviews_needed: int = 0  # the desk's policy where it keeps reviews apart; 0: one shared verdict
    date: str | None = None  # the claim's article's date, as stored
    hidden: bool = False  # blind review: colleagues' verdicts are kept from this viewer until they give theirs

    def __post_init__(self) -> None:
        _shown(self, ("article", "outlet", "reviewer", "adjudicated_by"), ("note",))


@dataclass(frozen=True)
class Evidence:
    claim_id: int
    sentence_id: int
    article_id: int
    article: str
    outlet: str | None
    sentence: str
    score: float
    stance: str
    reason: str
    claim_spans: tuple[tuple[int, int], ...] = ()
    sentence_spans: tuple[tuple[int, int], ...] = ()
    copy_of: int | None = None  # set when the evidence article is a near-duplicate of another article
    origin: int | None = None  # the independent origin it stands for (wire copies of one text share one)
    date: str | None = None  # the article's date, as stored
    own_origin: bool = False  # a copy of the claim itself: shown, never counted as a second source
    source: str = ""  # the source the sentence quotes ("وزارة الصحة", "واس"), "" when it names none
    marks: tuple[EvidenceMark, ...] = ()  # reviewers' standing marks on this link (store.feedback)

    def __post_init__(self) -> None:
        _shown(self, ("article", "outlet", "source", "reason"))

    @property
    def independent_origin(self) -> int | None:
        """The voice this link counts as (copies and outlets quoting one source share one); None for a copy of
        the claim's own text, which is no second voice."""
        if self.own_origin:
            return None
        return self.origin if self.origin is not None else self.article_id


@dataclass(frozen=True)
class VerdictEvent:
    id: int
    claim_id: int
    verdict: str | None  # None = cleared
    previous: str | None
    reviewer: str
    note: str | None
    at: str
    undoes: int | None = None  # the event this one reverted
    account: str | None = None  # the OS account that made the change (None before schema 7)
    # "verdict" (the claim's one verdict), "review" (one reviewer's own), "final" (what the reviews agreed on, or
    # none while they disagree), "adjudication" (an editor's decision): store.reviews
    kind: str = "verdict"

    def __post_init__(self) -> None:
        _shown(self, ("reviewer", "account"), ("note",))


@dataclass(frozen=True)
class EvidenceMark:
    """One reviewer's standing mark on an evidence link: right, or wrong and why (EVIDENCE_MARKS)."""

    reviewer: str
    mark: str
    note: str | None
    at: str

    def __post_init__(self) -> None:
        _shown(self, ("reviewer",), ("note",))

    @property
    def wrong(self) -> bool:
        return self.mark != "right"

    def exported(self) -> dict:
        return {"reviewer": self.reviewer, "mark": self.mark, "note": self.note, "at": self.at}


@dataclass(frozen=True)
class Review:
    """One reviewer's own verdict on a claim, where the desk keeps each reviewer's apart (store.reviews)."""

    reviewer: str
    verdict: str | None  # None: cleared
    note: str | None
    decided_at: str
    version: int

    def __post_init__(self) -> None:
        _shown(self, ("reviewer",), ("note",))

    def exported(self) -> dict:
        """The review as exports and `adjudicate --format json` give it."""
        return {"reviewer": self.reviewer, "verdict": self.verdict, "note": self.note, "decided_at": self.decided_at}


@dataclass(frozen=True)
class SearchHit:
    sentence_id: int
    article_id: int
    article: str
    text: str
    claim_id: int | None  # the claim made from this sentence, if it is one
    outlet: str | None = None
    title: str | None = None
    date: str | None = None

    def __post_init__(self) -> None:
        _shown(self, ("article", "outlet", "title"))


@dataclass(frozen=True)
class Stats:
    articles: int
    claims: int
    reviewed: int
    disputed: int  # reviewer verdict disputed
    suggested_disputed: int
    topics: int
    stale: int = 0


@dataclass
class IndexReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0  # same text as another file of this run
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (path, what was wrong) of files read anyway
    claims: int = 0
    sentences: int = 0
    claims_rechecked: int = 0  # claims whose evidence was (re)computed: the new ones and those they touch
    seconds: float = 0.0

    def summary(self) -> str:
        parts = [f"{self.added} added", f"{self.updated} updated", f"{self.unchanged} unchanged"]
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicates")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        if self.warnings:
            parts.append(f"{len(self.warnings)} with warnings")
        return f"{', '.join(parts)}; {self.sentences} sentences, {self.claims} claims in {self.seconds:.2f}s"


WAITING = "waiting for another index run"  # the stage while another process indexes the same database


@dataclass(frozen=True)
class IndexProgress:
    done: int
    total: int
    current: str = ""
    stage: str = "reading"  # reading | analysing | evidence | topics | done | WAITING


def _is_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


@dataclass(frozen=True)
class ClaimFilter:
    """What the claims list shows. None fields do not filter."""

    topic_id: int | None = None
    unreviewed: bool = False
    suggested: str | None = None  # e.g. "disputed"
    verdict: str | None = None
    outlet: str | None = None
    article_id: int | None = None
    stale: bool = False
    assigned_to: str | None = None  # the claims an editor assigned to this reviewer (store.team.assign)
    day_from: str | None = None  # "YYYY-MM-DD": claims of articles of that day or later
    day_to: str | None = None  # "YYYY-MM-DD": claims of articles of that day or earlier

    @classmethod
    def parse(cls, words: list[str]) -> ClaimFilter:
        """The filter the command line names, the same filters as the claims list's (f), combined: "unreviewed",
        "changed" (evidence changed since the verdict), "suggested=V", "verdict=V", "outlet=NAME", "topic=ID",
        "assigned=NAME", "from=YYYY-MM-DD", "to=YYYY-MM-DD"."""
        fields: dict = {}
        for word in words:
            key, _, value = word.partition("=")
            if key in ("unreviewed", "changed") and not value:
                fields["unreviewed" if key == "unreviewed" else "stale"] = True
            elif key in ("suggested", "verdict") and value in VERDICTS:
                fields[key] = value
            elif key == "outlet" and value:
                fields["outlet"] = value
            elif key == "topic" and value.isdigit():
                fields["topic_id"] = int(value)
            elif key == "assigned" and value:
                fields["assigned_to"] = value
            elif key in ("from", "to") and _is_day(value):
                fields["day_from" if key == "from" else "day_to"] = value
            else:
                raise ValueError(
                    f"unknown filter {word!r}: use unreviewed, changed, suggested=V, verdict=V (V one of "
                    f"{', '.join(VERDICTS)}), outlet=NAME, topic=ID, assigned=NAME, from=YYYY-MM-DD or to=YYYY-MM-DD"
                )
        return cls(**fields)
