"""Draws evidence links of one news day at random for a reader to judge (the issue's 20 'disagree/update' and 20
'agree' links read in Arabic), from a database the indexer made of the labelled days.

Usage: python tools/sample_links.py DB DAY N SEED > links.jsonl    (DAY: article names start with it, e.g. 2015-08-04)"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools" / "editable"))  # factcheck_tui from this checkout

from factcheck_tui.store.api import Store


def main(db: str, day: str, n: int, seed: int) -> None:
    with Store(db, read_only=True) as store:
        articles = {a.id: a for a in store.articles()}
        links = {"conflict": [], "agree": []}
        for claim in store.claims():
            if not articles[claim.article_id].name.startswith(day):
                continue
            for e in store.evidence(claim.id):
                kind = "conflict" if e.stance in ("disagree", "update") else e.stance
                if kind in links:
                    links[kind].append((claim, e))
        rng = random.Random(seed)
        for kind, found in links.items():
            print(f"{kind}: {len(found)} links on {day}", file=sys.stderr)
            for claim, e in rng.sample(found, min(n, len(found))):
                a, b = articles[claim.article_id], articles[e.article_id]
                print(
                    json.dumps(
                        {
                            "kind": kind,
                            "stance": e.stance,
                            "reason": e.reason,
                            "source": e.source,
                            "claim": {"outlet": a.outlet, "date": a.date, "title": a.title, "sentence": claim.text},
                            "evidence": {"outlet": b.outlet, "date": b.date, "title": b.title, "sentence": e.sentence},
                        },
                        ensure_ascii=False,
                    )
                )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
