"""The engine's pair judgement on the labelled sentence pairs (eval/labelled/sentence_labels.jsonl), scored as a
desk would feel it: conflict (disagree + update) and agree precision and recall, with the articles' events as
the indexer groups the labelled days (tools/event_panel.py). Only the fit split unless --split test (scored once,
when the work is done).

With --ledger the two sentences' figures are also compared as the figure ledger compares them (store.text.ledger),
inside one event of their articles, and a conflict or update found there is the pair's stance, as the evidence
engine joins them (store.evidence._with_ledger).

Usage: python tools/labelled_pairs.py [--split fit|test] [--gate] [--ledger] [--detail]"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools" / "editable"))  # factcheck_tui from this checkout
sys.path.insert(0, str(ROOT / "tools"))

import event_panel

from factcheck_tui.store.text.grouping import events as ev
from factcheck_tui.store.text.judging.ledger import Said, ledger_entries, ledger_rows, relation
from factcheck_tui.store.text.judging.match import judge_pairs
from factcheck_tui.store.text.reading.facts import extract_facts

CONFLICT = ("disagree", "update")


def labelled(split: str) -> list[dict]:
    path = ROOT / "eval" / "labelled" / "sentence_labels.jsonl"
    return [x for x in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if x["split"] == split]


def event_of_articles() -> dict[str, int]:
    articles, df, n = event_panel.analysed_articles()

    def idf(term: str) -> float:
        return math.log((n + 1) / (df.get(term, 0) + 1))

    return {k: i for i, e in enumerate(ev.group_events(articles, idf)) for k in e.keys}


def ledger_stance(pair: dict) -> str | None:
    """'disagree' or 'update' when the two sentences' figures conflict in one ledger row, else None."""
    said = []
    for k, side in enumerate(("a", "b")):
        text = pair[side]["sentence"]
        said += [Said(e, k, k, k, pair[side]["date"]) for e in ledger_entries(text, extract_facts(text))]
    found = set()
    for row in ledger_rows(said):
        for mine in (s for s in row.said if s.sentence == 0):
            for other in (s for s in row.said if s.sentence == 1):
                found.add(relation(*sorted((mine, other), key=lambda s: (s.when or "", s.sentence))))
    return "disagree" if "conflict" in found else "update" if "update" in found else None


def score(pairs: list[dict], stances: list[str]) -> dict[str, float]:
    gold_conflict = [p["label"] == "contradicts" for p in pairs]
    gold_agree = [p["label"] == "same" for p in pairs]
    said_conflict = [s in CONFLICT for s in stances]
    said_agree = [s == "agree" for s in stances]

    def pr(gold: list[bool], said: list[bool]) -> tuple[float, float, int, int]:
        hits = sum(g and s for g, s in zip(gold, said))
        return hits / max(1, sum(said)), hits / max(1, sum(gold)), sum(said), sum(gold)

    return {"conflict": pr(gold_conflict, said_conflict), "agree": pr(gold_agree, said_agree)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="fit")
    parser.add_argument("--gate", action="store_true", help="conflicts only inside one event of the articles")
    parser.add_argument("--ledger", action="store_true", help="figures compared by the ledger inside one event too")
    parser.add_argument("--detail", action="store_true")
    args = parser.parse_args()
    pairs = labelled(args.split)
    events = event_of_articles() if args.gate or args.ledger else {}
    rows = [(p["a"]["sentence"], p["b"]["sentence"], p["a"]["date"], p["b"]["date"]) for p in pairs]
    results = judge_pairs(rows, one_happening=False)  # as the evidence engine judges what it retrieved
    stances = [r.stance if r is not None else "other" for r in results]
    if args.gate:
        # what the engine would say if conflicts across events were at most related
        stances = [
            s if s not in CONFLICT or events[p["a"]["article"]] == events[p["b"]["article"]] else "related"
            for s, p in zip(stances, pairs)
        ]
    if args.ledger:
        for n, p in enumerate(pairs):
            found = ledger_stance(p) if events[p["a"]["article"]] == events[p["b"]["article"]] else None
            stances[n] = found or stances[n]
    print(f"{args.split}: {len(pairs)} pairs, labels {dict(Counter(p['label'] for p in pairs))}")
    for name, (precision, recall, said, gold) in score(pairs, stances).items():
        print(f"  {name:8s} precision {precision:.2f} (of {said})  recall {recall:.2f} (of {gold})")
    if args.detail:
        for p, s, r in zip(pairs, stances, results):
            wrong_conflict = (s in CONFLICT) != (p["label"] == "contradicts")
            wrong_agree = (s == "agree") != (p["label"] == "same")
            if wrong_conflict or wrong_agree:
                print(
                    f"\n#{p['pair']} gold {p['label']} engine {s}: {r.reason if r else ''}\n  A: {p['a']['sentence'][:200]}\n"
                    f"  B: {p['b']['sentence'][:200]}"
                )


if __name__ == "__main__":
    main()
