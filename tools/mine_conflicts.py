"""Draws the pairs the hand rules call a conflict (another figure, a negation, another day) among the evidence a
database's index retrieved, for readers to label: the training data the judgement needs to learn which of the
rules' conflicts are real on whole news days, where most of them are not (README, "The learned judgement").

The labelled set's pairs were drawn independently of the engine and hold 26 contradictions in its fit split;
the rules raise hundreds of conflicts a day on pairs of a kind that set barely holds (two statements of one
story that share a phrase). These pairs are drawn *from* the engine, so they only ever train and never measure:
the frozen test split's articles are left out on both sides, and so is every claim of the day kept for reading
links at the end (--skip-day).

With --engine it draws instead the conflict links the engine itself stored (its judgement passed them), each
sentence pair once: the links a desk sees as 'disagree'/'update', which the conflict check
(store/text/judging/conflict_check.py) learns to sort. Drawn from days outside the four labelled days, they are
whole days of the engine's conflicts, and the check is measured by leaving each day out in turn.

With --agree it draws the agree links the engine stored, each sentence pair once: what a desk sees as a second
source, of which the labelled sets hold none drawn as a whole day holds them (a day's agreements are mostly
copies and, among the rest, one story's sentences told alike of different actors, days or sessions).

Usage: python tools/mine_conflicts.py DB OUT.jsonl [--skip-day 2015-08-09] [--limit N] [--seed S] [--engine]
                                                [--agree] [--prefix P]"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools" / "editable"))  # factcheck_tui from this checkout
sys.path.insert(0, str(ROOT / "tools"))

from train_judgement import corpus_index

from factcheck_tui.store.api import Store
from factcheck_tui.store.text.judging.match import prepare_pairs
from factcheck_tui.store.text.judging.stance import classify_views
from factcheck_tui.store.text.judging.stance_features import view

SPLIT = ROOT / "eval" / "labelled" / "split.json"
CONFLICT = ("disagree", "update")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--skip-day", default="2015-08-09")
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--engine", action="store_true", help="the engine's stored conflict links, not the rules'")
    parser.add_argument("--agree", action="store_true", help="the engine's stored agree links (implies --engine)")
    parser.add_argument("--prefix", default="m", help="pair ids are PREFIX0, PREFIX1, ...")
    args = parser.parse_args()
    args.engine = args.engine or args.agree
    stored = ("agree",) if args.agree else CONFLICT
    test = {name for name, split in json.loads(SPLIT.read_text()).items() if split == "test"}
    rows = []
    with Store(args.db, read_only=True) as store:
        articles = {a.id: a for a in store.articles()}

        def usable(article_id: int) -> bool:
            return Path(articles[article_id].name).stem not in test

        for claim in store.claims():
            mine = articles[claim.article_id]
            if mine.name.startswith(args.skip_day) or not usable(claim.article_id):
                continue
            for e in store.evidence(claim.id):
                if usable(e.article_id) and e.stance in (stored if args.engine else ("related", *CONFLICT)):
                    rows.append((claim, e))
    print(f"{len(rows)} related or conflicting links to read", file=sys.stderr)
    found = engine_links(rows) if args.engine else rule_conflicts(args.db, rows, articles)
    rng = random.Random(args.seed)
    drawn = rng.sample(found, min(args.limit, len(found)))
    write(args.out, drawn, articles, args.prefix)
    print(
        f"{len(found)} {'agree links' if args.agree else 'conflicts'}, {len(drawn)} drawn to {args.out}",
        file=sys.stderr,
    )


def engine_links(rows: list) -> list:
    """One link per sentence pair (a claim's link to a sentence and that sentence's claim's link back are one
    pair), in the order of the rows."""
    seen, found = set(), []
    for claim, e in rows:
        key = frozenset((claim.sentence_id, e.sentence_id))
        if key not in seen:
            seen.add(key)
            found.append((claim, e, e.stance))
    return found


def rule_conflicts(db: Path, rows: list, articles: dict) -> list:
    corpus = corpus_index(db)
    found = []
    step = 2000
    for start in range(0, len(rows), step):
        chunk = rows[start : start + step]
        prepared = prepare_pairs([(c.text, e.sentence) for c, e in chunk], corpus)
        for (claim, e), q in zip(chunk, prepared):
            a, b = articles[claim.article_id], articles[e.article_id]
            result = classify_views(view(claim.text, q.claim_facts), view(e.sentence, q.other_facts), a.date, b.date)
            if result.stance in CONFLICT:
                found.append((claim, e, result.stance))
        print(f"  {start + len(chunk)}: {len(found)} rule conflicts", file=sys.stderr)
    return found


def write(path: Path, drawn: list, articles: dict, prefix: str) -> None:
    with path.open("w", encoding="utf-8") as out:
        for n, (claim, e, rule) in enumerate(drawn):
            a, b = articles[claim.article_id], articles[e.article_id]
            out.write(
                json.dumps(
                    {
                        "pair": f"{prefix}{n}",
                        "rule": rule,
                        "engine": e.stance,
                        "a": {
                            "article": Path(a.name).stem,
                            "outlet": a.outlet,
                            "date": a.date,
                            "title": a.title,
                            "sentence": claim.text,
                        },
                        "b": {
                            "article": Path(b.name).stem,
                            "outlet": b.outlet,
                            "date": b.date,
                            "title": b.title,
                            "sentence": e.sentence,
                        },
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )


if __name__ == "__main__":
    main()
