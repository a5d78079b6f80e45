"""The `factcheck-tui` command: opens the dashboard, or runs one headless subcommand (DESIGN §7).

Exit codes: 0 ok, 1 user error (one line on stderr, no traceback), 2 usage.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from factcheck_tui.store.models import EXPORT_FORMATS, VERDICTS, ClaimFilter
from factcheck_tui.tui import __version__

SUBCOMMANDS = (
    "index", "export", "report", "verdict", "team", "assign", "agreement", "adjudicate", "stance", "events",
    "figures", "serve",
)  # fmt: skip
VERDICT_CHOICES = (*VERDICTS, "clear")


def os_account() -> str:
    from factcheck_tui.store.api import os_account as account

    return account()


def _check_reviewer_name(name: str) -> None:
    from factcheck_tui.store.api import check_reviewer

    check_reviewer(name)


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="FILE", help="database file (default: $FACTCHECK_DB or the user data folder)")


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck-tui",
        description="Review the claims of several news articles against each other. "
        "Subcommands: " + ", ".join(SUBCOMMANDS) + " (each has --help).",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders of articles to index first")
    _add_db(parser)
    parser.add_argument("--reviewer", help="your name on verdicts (default: your OS account)")
    parser.add_argument("--read-only", action="store_true", help="open the database read-only")
    parser.add_argument(
        "--bidi",
        choices=("auto", "on", "off"),
        default=os.environ.get("FACTCHECK_BIDI", "auto"),
        help="reorder right-to-left text for terminals without bidi (default: auto)",
    )
    parser.add_argument("--watch", metavar="DIR", help="index files dropped into DIR as they arrive")
    parser.add_argument("--export-dir", metavar="DIR", help="export only into DIR, by file name (what serve uses)")
    parser.add_argument(
        "--ask-reviewer",
        action="store_true",
        help="ask who is reviewing on a first screen (what serve uses: a browser session's OS account is the server's)",
    )
    parser.add_argument("--version", action="version", version=f"factcheck-tui {__version__}")
    return parser


def _sub_parser(name: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=f"factcheck-tui {name}")
    if name == "index":
        p.description = "Index articles headless: progress on stderr, summary on stdout."
        p.add_argument("--verbose", action="store_true", help="list every file or record skipped, one a line")
        p.add_argument("paths", nargs="+", metavar="PATH")
        p.add_argument("--outlet", metavar="NAME", help="the outlet of articles whose metadata names none")
        _add_db(p)
    elif name == "export":
        p.description = "Export claims, evidence and verdicts."
        _add_db(p)
        p.add_argument("--format", choices=EXPORT_FORMATS, default="csv")
        _add_filter(p)
        p.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of stdout")
        p.add_argument("--excel", action="store_true", help="CSV with a UTF-8 BOM, so Excel reads Arabic right")
        p.add_argument(
            "--base-url", help="ClaimReview: each review's url is BASE_URL/claim-ID (or FACTCHECK_REVIEW_BASE_URL)"
        )
        p.add_argument("--publisher", help="ClaimReview: the publishing organisation (or FACTCHECK_PUBLISHER)")
        p.add_argument("--publisher-url", help="ClaimReview: its web address (or FACTCHECK_PUBLISHER_URL)")
        p.add_argument(
            "--rating",
            action="append",
            type=_rating,
            default=[],
            metavar="VERDICT=N",
            help="ClaimReview: a 1-5 rating for a verdict, where the desk rates them (default: none, only its name)",
        )
        p.add_argument("--force", action="store_true", help="replace the output file if it exists")
        p.add_argument("--full-paths", action="store_true", help="JSON: articles' full paths (default: ~ for home)")
    elif name == "verdict":
        p.description = "Set or clear the verdict of one claim."
        p.add_argument("claim_id", type=int, metavar="CLAIM_ID")
        p.add_argument("verdict", choices=VERDICT_CHOICES)
        p.add_argument("--note", help="a note for the verdict")
        p.add_argument("--reviewer", help="your name (default: your OS account)")
        _add_db(p)
    elif name == "report":
        p.description = "An HTML page for editors: totals, coverage per outlet, each story's claims and evidence."
        _add_db(p)
        p.add_argument("-o", "--output", required=True, metavar="FILE.html")
        p.add_argument("--title", default="factcheck-tui report", help="the page's heading")
        _add_filter(p)
        p.add_argument("--force", action="store_true", help="replace an existing file")
    elif name == "team":
        p.description = (
            "The desk's team on this database: who reviews and who edits. With a team, people review as their OS "
            "account (over SSH, their login); only an editor changes the team (the first change makes you one)."
        )
        p.add_argument("action", choices=("list", "add", "remove", "policy"))
        p.add_argument("name", nargs="?", help="add/remove: the member's name (their OS account)")
        p.add_argument("--role", choices=("reviewer", "editor"), default="reviewer")
        p.add_argument("--format", choices=("text", "json"), default="text")
        p.add_argument(
            "--named-reviewers",
            action=argparse.BooleanOptionalAction,
            help="policy: let a member review under a --reviewer name (a browser session's account is the server's)",
        )
        p.add_argument(
            "--reviews-needed",
            type=int,
            metavar="N",
            help="policy: how many reviewers decide each claim (default 1); with more, each reviewer's verdict is kept "
            "and the claim's final verdict is the one they agree on, or an editor's adjudication",
        )
        p.add_argument(
            "--blind",
            action=argparse.BooleanOptionalAction,
            help="policy: a reviewer sees no colleague's verdict or note on a claim before giving their own",
        )
        _add_db(p)
    elif name == "assign":
        p.description = "Assign claims (or every claim of topics) to a member of the team, as an editor."
        p.add_argument("--to", metavar="NAME", help="the member (omit with --clear)")
        p.add_argument("--claim", type=int, action="append", default=[], metavar="ID")
        p.add_argument("--topic", type=int, action="append", default=[], metavar="ID")
        p.add_argument("--clear", action="store_true", help="take the assignment back")
        _add_db(p)
    elif name == "agreement":
        p.description = (
            "How far reviewers agree: Cohen's kappa per pair, Krippendorff's alpha for the team and per topic, and "
            "each reviewer against the suggested verdict (each reviewer's latest verdict on a claim counts)."
        )
        p.add_argument("--format", choices=("text", "json"), default="text")
        _add_db(p)
    elif name == "adjudicate":
        p.description = (
            "As an editor, decide the final verdict of a claim whose reviewers disagree (or list those claims, each "
            "with every reviewer's verdict and note)."
        )
        p.add_argument("claim_id", type=int, nargs="?", metavar="CLAIM_ID", help="omit to list the claims to decide")
        p.add_argument("verdict", nargs="?", choices=VERDICT_CHOICES, help="clear: withdraw your decision")
        p.add_argument("--note", help="why (kept in the history and exported)")
        p.add_argument("--format", choices=("text", "json"), default="text")
        _add_db(p)
    elif name == "stance":
        p.description = "Stance of s2 towards s1 for each row of a CSV with s1,s2 columns; CSV on stdout."
        p.add_argument("pairs", metavar="PAIRS.csv")
    elif name == "events":
        p.description = "The events (happenings) the articles were grouped into: label, days, articles, outlets."
        _add_db(p)
        p.add_argument("--format", choices=("text", "json"), default="text")
    elif name == "figures":
        p.description = (
            "The figure ledger: for each event, every count its articles give, with each outlet's "
            "figure and date, and whether the figures agree, were updated or conflict."
        )
        _add_db(p)
        p.add_argument("--format", choices=("text", "json"), default="text")
        p.add_argument("--event", type=int, metavar="ID", help="only this event")
        p.add_argument("--all", action="store_true", help="also counts that only one origin gives")
    elif name == "serve":
        p.description = (
            "Serve the same app in a browser (textual-serve), to whoever has the secret link it prints. "
            "For another machine, put it behind a TLS reverse proxy (README)."
        )
        p.add_argument(
            "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)"
        )
        p.add_argument("--port", type=int, default=8000)
        p.add_argument(
            "--allow-remote",
            action="store_true",
            help="kept for older scripts: a --host other than loopback needs --passphrase-file",
        )
        p.add_argument(
            "--passphrase-file",
            metavar="FILE",
            help="a file (readable by you only) whose first line is a passphrase of 12 characters or more, asked "
            "of every browser before the app opens; needed for a --host other than loopback",
        )
        p.add_argument("--read-only", action="store_true", help="browsers can read but not change verdicts")
        p.add_argument(
            "--reviewer", help="the name verdicts from the browser are recorded under (default: your OS account)"
        )
        p.add_argument(
            "--export-dir",
            metavar="DIR",
            help="the only folder browser exports go to (default: exports/ beside the database)",
        )
        _add_db(p)
    p.add_argument("--version", action="version", version=f"factcheck-tui {__version__}")
    return p


class UserError(Exception):
    """A problem with what the user asked for: printed as one line, exit status 1."""


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            name = argv[0]
            args = _sub_parser(name).parse_args(argv[1:])
            return globals()[f"_run_{name}"](args)
        return _run_app(_app_parser().parse_args(argv))
    except KeyboardInterrupt:
        print("factcheck-tui: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of our output went away (`| head`): nothing more to say, and nothing to say it to
        sys.stderr.close()
        return 0
    except Exception as err:
        from factcheck_tui.store.api import IngestError, StoreError

        if isinstance(err, (StoreError, IngestError, UserError)):
            print(f"factcheck-tui: error: {_printable(str(err))}", file=sys.stderr)
            return 1
        if isinstance(err, sqlite3.Error):  # a query outside the store's own translation: still one line
            print(f"factcheck-tui: error: database: {_printable(str(err))}", file=sys.stderr)
            return 1
        if isinstance(err, OSError):  # disk full, permission denied, ... while writing
            print(
                f"factcheck-tui: error: {_printable(err.strerror or str(err))}"
                f"{': ' + _printable(str(err.filename)) if err.filename else ''}",
                file=sys.stderr,
            )
            return 1
        raise


def _open_store(args, *, read_only: bool = False):
    from factcheck_tui.store.api import Store

    return Store(args.db, read_only=read_only)


def _check_paths(paths: Sequence[str]) -> None:
    for p in paths:
        if not Path(p).exists():
            raise UserError(f"no such file or folder: {p}")


SKIPS_LISTED = 3  # more files or records skipped for one reason are said in one line (--verbose lists them)


def _say_skipped(skipped: list[tuple[str, str]], verbose: bool) -> None:
    """What was skipped, grouped by why: a day's JSON file had 41 records with no text, 41 lines of the same."""
    by_reason: dict[str, list[str]] = {}
    for path, reason in skipped:
        by_reason.setdefault(reason, []).append(str(path))
    for reason, paths in by_reason.items():
        if verbose or len(paths) <= SKIPS_LISTED:
            for path in paths:
                print(f"factcheck-tui: skipped {_printable(path)}: {_printable(reason)}", file=sys.stderr)
        else:
            print(f"factcheck-tui: {len(paths):,} skipped: {_printable(reason)} — first: {_printable(paths[0])} "
                  "(--verbose lists them all)", file=sys.stderr)  # fmt: skip


def _run_index(args) -> int:
    from factcheck_tui.tui.progress import StderrProgress

    # SIGTERM ends the run at once, as SIGKILL would (each batch is its own transaction: what was committed
    # stays, the rest is redone next time), and the worker processes die with it (store.workers).
    signal.signal(signal.SIGTERM, _terminated)

    _check_paths(args.paths)
    from factcheck_tui.store.models import WAITING

    with _open_store(args) as store, StderrProgress() as progress:

        def update(event) -> None:
            if event.stage == WAITING:
                print(f"factcheck-tui: {WAITING} on {_printable(str(store.path))}", file=sys.stderr)
            progress.update(event)

        report = store.index(args.paths, progress=update, outlet=args.outlet)
    _say_skipped(report.skipped, args.verbose)
    for path, warning in report.warnings:
        print(f"factcheck-tui: warning: {_printable(str(path))}: {_printable(warning)}", file=sys.stderr)
    print(report.summary())
    return 0


def _run_report(args) -> int:
    only = ClaimFilter.parse(args.filter) if args.filter else None
    with _open_store(args, read_only=_exists(args.db)) as store:
        store.report(args.output, only=only, title=args.title, force=args.force)
        claims = len(store.claims(only))
    print(f"reported {claims:,} claims to {_printable(str(args.output))} (html)")
    return 0


def _run_assign(args) -> int:
    if not args.claim and not args.topic:
        raise UserError("assign needs --claim ID or --topic ID")
    if bool(args.to) == bool(args.clear):
        raise UserError("assign needs --to NAME, or --clear")
    with _open_store(args) as store:
        ids = list(args.claim)
        for topic in args.topic:
            ids += [c.id for c in store.claims(ClaimFilter(topic_id=topic))]
        n = store.assign(ids, None if args.clear else args.to)
    print(f"{n:,} claims " + ("unassigned" if args.clear else f"assigned to {_printable(args.to)}"))
    return 0


def _run_agreement(args) -> int:
    with _open_store(args, read_only=_exists(args.db)) as store:
        figures = store.agreement()
    if args.format == "json":
        print(json.dumps(figures, ensure_ascii=False, indent=1))
        return 0

    def shown(x: float | None) -> str:
        return "  n/a" if x is None else f"{x:5.2f}"

    team = figures["team"]
    print(f"team: {team['reviewers']} reviewers, Krippendorff's alpha {shown(team['alpha'])}")
    for p in figures["pairs"]:
        a, b = (_printable(r) for r in p["reviewers"])
        print(f"  {a} / {b}: Cohen's kappa {shown(p['kappa'])} over {p['claims']} claims")
    for t in figures["topics"]:
        print(f"  topic {t['topic']}: alpha {shown(t['alpha'])} over {t['claims_judged_twice']} claims judged twice")
    for r in figures["with_suggested"]:
        print(f"  {_printable(r['reviewer'])} vs suggested: same {shown(r['same_share'])}, kappa {shown(r['kappa'])}"
              f" over {r['claims']} claims")  # fmt: skip
    if not figures["pairs"]:
        print("  no claim has verdicts from two reviewers yet")
    return 0


def _run_team(args) -> int:
    if args.action in ("add", "remove") and not args.name:
        raise UserError(f"team {args.action} needs a NAME")
    if args.action == "policy" and args.named_reviewers is None and args.reviews_needed is None and args.blind is None:
        raise UserError("team policy needs --named-reviewers, --reviews-needed N or --blind / --no-blind")
    with _open_store(args, read_only=args.action == "list" and _exists(args.db)) as store:
        if args.action == "add":
            for m in store.team_add(args.name, args.role):
                print(f"{_printable(m.name)}: {m.role}")
        elif args.action == "remove":
            store.team_remove(args.name)
            print(f"{_printable(args.name)}: removed")
        elif args.action == "policy":
            if args.named_reviewers is not None:
                store.team_allow_named_reviewers(args.named_reviewers)
            if args.reviews_needed is not None or args.blind is not None:
                store.set_review_policy(args.reviews_needed, args.blind)
        members = store.team()
        named = store.team_named_reviewers()
        desk = store.review_policy()
    if args.action == "policy":
        print("named reviewers: " + ("allowed" if named else "not allowed"))
        print(f"reviews needed: {desk.reviews_needed}; blind: {'yes' if desk.blind else 'no'}")
    if args.action == "list":
        if args.format == "json":
            print(json.dumps({"members": [{"name": m.name, "role": m.role, "added_at": m.added_at,
                                           "added_by": m.added_by} for m in members], "named_reviewers": named,
                              "reviews_needed": desk.reviews_needed, "blind": desk.blind},
                             ensure_ascii=False, indent=1))  # fmt: skip
        elif not members:
            print("no team: anyone reviews this database under their account or --reviewer")
        else:
            for m in members:
                print(f"{m.role:<9} {_printable(m.name)}  (added {m.added_at[:10]} by {_printable(m.added_by)})")
            print(f"reviews needed: {desk.reviews_needed}; blind: {'yes' if desk.blind else 'no'}")
    return 0


def _rating(given: str) -> tuple[str, int]:
    """--rating VERDICT=N, read by argparse (a bad one is a usage error, exit 2)."""
    verdict, _, value = given.partition("=")
    if verdict not in VERDICTS or value not in ("1", "2", "3", "4", "5"):
        raise argparse.ArgumentTypeError(
            f"{given!r}: use VERDICT=N, VERDICT one of {', '.join(VERDICTS)}, N from 1 to 5"
        )
    return verdict, int(value)


def _add_filter(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--filter",
        action="append",
        type=_filter_word,
        default=[],
        metavar="F",
        help="only these claims, as the list's filters (repeat to combine): unreviewed, changed, "
        "suggested=V, verdict=V, outlet=NAME, topic=ID, assigned=NAME, from=YYYY-MM-DD, to=YYYY-MM-DD",
    )


def _filter_word(word: str) -> str:
    """One --filter word, checked by argparse the way ClaimFilter.parse reads it (a bad one: usage error)."""
    try:
        ClaimFilter.parse([word])
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    return word


def _run_export(args) -> int:
    from factcheck_tui.store.api import ReviewDesk

    only = ClaimFilter.parse(args.filter) if args.filter else None
    desk = ReviewDesk.from_environment(base_url=args.base_url, publisher=args.publisher,
                                       publisher_url=args.publisher_url, ratings=tuple(args.rating))  # fmt: skip
    if args.format == "claimreview" and not desk.base_url:
        print("factcheck-tui: note: no --base-url: the reviews have no url, which aggregators need", file=sys.stderr)
    with _open_store(args, read_only=_exists(args.db)) as store:
        text = store.export(
            args.format,
            args.output,
            excel=args.excel,
            force=args.force,
            full_paths=args.full_paths,
            only=only,
            desk=desk,
        )
        claims = len(store.claims(only))
    if text is not None:
        sys.stdout.write(text)
    else:  # written to a file: say so, in one line (a quiet success looks like nothing happened)
        print(f"exported {claims:,} claims to {_printable(str(args.output))} ({args.format})")
    return 0


def _terminated(signum: int, frame: object) -> None:
    sys.stderr.write("factcheck-tui: terminated; what was committed is kept, the next index finishes the rest\n")
    os._exit(128 + signum)


def _exists(db: str | None) -> bool:
    from factcheck_tui.store.api import default_db_path

    return Path(db).exists() if db else default_db_path().exists()


def _run_verdict(args) -> int:
    verdict = None if args.verdict == "clear" else args.verdict
    note = args.note if args.note is not None else _keep()
    with _open_store(args) as store:
        store.check_integrity()
        reviewer = store.identity(args.reviewer)  # on a team database: a member, as the team allows
        claim = store.set_verdict(args.claim_id, verdict, reviewer, note=note)
        per_reviewer = store.review_policy().per_reviewer
    if per_reviewer:  # the reviewer's own review, and where the claim stands
        final = claim.final_verdict or ("hidden until you decide" if claim.hidden else "none yet")
        print(f"claim {claim.id}: your review {claim.verdict or 'cleared'} ({claim.reviews_given} given); "
              f"final verdict {final}")  # fmt: skip
    else:
        print(f"claim {claim.id}: {claim.verdict or 'cleared'} by {claim.reviewer} at {claim.decided_at}")
    return 0


def _run_adjudicate(args) -> int:
    if args.claim_id is not None and args.verdict is None:
        raise UserError("adjudicate CLAIM_ID needs a verdict (or clear)")
    with _open_store(args, read_only=args.claim_id is None and _exists(args.db)) as store:
        editor = store.identity()
        store.viewer = editor
        if args.claim_id is not None:
            verdict = None if args.verdict == "clear" else args.verdict
            claim = store.adjudicate(args.claim_id, verdict, editor, args.note)
            print(f"claim {claim.id}: final verdict {claim.final_verdict or 'none (the reviews decide)'}"
                  + (f", decided by {_printable(claim.adjudicated_by)}" if claim.adjudicated_by else ""))  # fmt: skip
            return 0
        queue = store.to_adjudicate()
    if args.format == "json":
        print(json.dumps([{"claim": c.id, "text": c.text, "topic": c.topic,
                           "reviews": [r.exported() for r in c.reviews]} for c in queue],
                         ensure_ascii=False, indent=1))  # fmt: skip
        return 0
    if not queue:
        print("no claim waits for an editor")
    for c in queue:
        print(f"claim {c.id}: {_printable(c.text)}")
        for r in c.reviews:
            note = f" — {_printable(r.note)}" if r.note else ""
            print(f"  {_printable(r.reviewer)}: {r.verdict or 'cleared'}{note}")
    return 0


def _keep():
    from factcheck_tui.store.api import KEEP

    return KEEP


def _run_stance(args) -> int:
    """What the evidence engine would store for each pair (agree, disagree, update, related; other when it
    would not link them), with the optional columns date1, date2 (the articles' dates) and outlet1, outlet2
    (a sentence of the claim's own outlet is never evidence)."""
    from factcheck_tui.store.api import judge_pairs

    path = Path(args.pairs)
    if not path.is_file():
        raise UserError(f"no such file: {path}")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or not {"s1", "s2"} <= set(reader.fieldnames):
                raise UserError(f"{path} needs the columns s1,s2 (found: {', '.join(reader.fieldnames or [])})")
            rows = list(reader)
    except UnicodeDecodeError as err:
        raise UserError(f"{path} is not UTF-8 text ({err.reason})") from None
    pairs = [(r["s1"] or "", r["s2"] or "", r.get("date1") or None, r.get("date2") or None) for r in rows]
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["s1", "s2", "stance", "score", "reason"])
    for row, (s1, s2, _, _), result in zip(rows, pairs, judge_pairs(pairs)):
        outlets = (row.get("outlet1") or "").strip().casefold(), (row.get("outlet2") or "").strip().casefold()
        if outlets[0] and outlets[0] == outlets[1]:
            writer.writerow([s1, s2, "other", "0.0", "same outlet: not another source"])
        elif result is None:
            writer.writerow([s1, s2, "other", "0.0", "unrelated"])
        else:
            writer.writerow([s1, s2, result.stance, f"{result.score:.1f}", result.reason])
    return 0


def _run_events(args) -> int:

    with _open_store(args, read_only=_exists(args.db)) as store:
        events = store.events()
    if args.format == "json":
        rows = [
            {
                "id": e.id,
                "label": e.label,
                "start": e.start,
                "end": e.end,
                "topic_id": e.topic_id,
                "articles": e.article_ids,
                "outlets": e.outlets,
            }
            for e in events
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for e in events:
        days = e.start if e.start == e.end else f"{e.start or '?'} – {e.end or '?'}"
        print(
            f"{e.id:>5}  {days if e.start else 'undated':<23}  {len(e.article_ids):>3} articles  "
            f"{len(e.outlets):>2} outlets  {_printable(e.label)}"
        )
    return 0


def _run_figures(args) -> int:

    with _open_store(args, read_only=_exists(args.db)) as store:
        rows = store.figures(args.event, reported_by_two=not args.all)
    if args.format == "json":
        out = [
            {
                "event": r.event_id,
                "counted": r.counted,
                "status": r.status,
                "values": [
                    {
                        "value": v.value,
                        "low": v.low,
                        "high": v.high,
                        "qualifier": v.qualifier,
                        "written": v.written,
                        "outlet": v.outlet,
                        "article": v.article_id,
                        "date": v.date,
                        "sentence": v.sentence,
                    }
                    for v in r.values
                ],
            }
            for r in rows
        ]
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        print(f"event {r.event_id}  {_printable(r.counted)}  [{r.status}]")
        for v in r.values:
            print(f"    {v.date or 'undated':<19}  {_printable(v.outlet):<16} {_printable(v.written)}")
    return 0


def _printable(text: str) -> str:
    """Article text and names as data: no terminal control characters reach the terminal."""
    from factcheck_tui.store.printable import printable

    return printable(text, one_line=True)


def _run_serve(args) -> int:
    from factcheck_tui.store.api import default_db_path
    from factcheck_tui.tui.serve import GuardedServer, is_loopback, new_token

    passphrase = _passphrase(args.passphrase_file) if args.passphrase_file else None
    if not is_loopback(args.host) and passphrase is None:
        raise UserError(
            f"--host {args.host} listens beyond this machine; that needs --passphrase-file FILE, asked of every "
            "browser (and a TLS reverse proxy in front: README)"
        )
    if args.reviewer is not None:
        _check_reviewer_name(args.reviewer)
    database = Path(args.db).expanduser() if args.db else default_db_path()
    export_dir = Path(args.export_dir).expanduser() if args.export_dir else database.parent / "exports"
    command = [*_app_command(), "--db", str(database), "--export-dir", str(export_dir)]
    if args.read_only:
        command.append("--read-only")
    if args.reviewer:
        command += ["--reviewer", args.reviewer]
    elif not args.read_only:
        command.append("--ask-reviewer")  # each browser session says who it is: the OS account is this server's
    if not is_loopback(args.host):
        print(
            f"factcheck-tui: warning: serving on {args.host}: anyone on that network with the link can review as "
            f"{args.reviewer or os_account()}; traffic is not encrypted without a TLS proxy",
            file=sys.stderr,
        )
    server = GuardedServer(" ".join(_shell_quote(part) for part in command), args.host, args.port, new_token(),
                           allow_remote=not is_loopback(args.host), passphrase=passphrase)  # fmt: skip
    server.serve()
    return 0


def _passphrase(path: str) -> str:
    """The first line of the passphrase file, which must be readable by its owner only and long enough."""
    from factcheck_tui.tui.serve import MIN_PASSPHRASE

    file = Path(path).expanduser()
    try:
        if file.stat().st_mode & 0o077:
            raise UserError(f"{path} can be read by others: chmod 600 {path}")
        lines = file.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise UserError(f"cannot read the passphrase file {path}: {err.strerror}") from None
    passphrase = lines[0].strip() if lines else ""
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserError(f"the passphrase in {path} is shorter than {MIN_PASSPHRASE} characters")
    return passphrase


def _app_command() -> list[str]:
    """How serve starts the app in each browser session: the console script installed beside this interpreter,
    which puts no working directory on the module path, so a folder where serve was started cannot stand in for
    the app; from a checkout with no script, the module with -P (the same promise)."""
    script = Path(sys.executable).with_name("factcheck-tui")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-P", "-m", "factcheck_tui.tui.cli"]


def _shell_quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


def _run_app(args) -> int:
    from factcheck_tui.tui.app import make_app

    _check_paths(args.paths)
    if args.watch and not Path(args.watch).is_dir():
        raise UserError(f"no such folder to watch: {args.watch}")
    from factcheck_tui.store.api import Store

    # Open once here so that a bad --db is a one-line error before the screen is taken over.
    store = Store(args.db, read_only=args.read_only)
    if args.reviewer is not None:
        _check_reviewer_name(args.reviewer)
    try:
        # on a team database: a member, as the team allows; asked on the first screen in a browser session
        reviewer = "" if args.ask_reviewer and not args.reviewer else store.identity(args.reviewer)
    except BaseException:
        store.close()
        raise
    app = make_app(
        store=store,
        reviewer=reviewer,
        paths=args.paths,
        bidi=args.bidi,
        watch=args.watch,
        export_dir=args.export_dir,
        ask_identity=args.ask_reviewer and not args.reviewer,
    )
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
