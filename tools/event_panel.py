"""Event grouping against the labelled article pairs (eval/labelled/article_labels.jsonl): how many pairs of one
event land in one event (together) and how many of different events stay apart, for several join thresholds
and windows, on the fit split (the test split is scored once, with --split test, when the work is done).

The articles of the labelled days are read from the corpus and grouped exactly as the indexer does (title and
lead terms, idf over all the days' sentences), without a database.
Usage: python tools/event_panel.py [--split fit|test] [--thresholds 0.1,0.2,...] [--windows 1,2,3]"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval" / "labelled"))
sys.path.insert(0, str(ROOT / "tools" / "editable"))  # factcheck_tui from this checkout

from snn import load_days

from factcheck_tui.store.text.arabic.normalize import normalize
from factcheck_tui.store.text.arabic.terms import content_terms
from factcheck_tui.store.text.grouping import events as ev
from factcheck_tui.store.text.reading.sentences import split_sentences

DAYS = ["2015-08-03", "2015-08-04", "2015-08-08", "2015-08-09"]
CACHE = Path("/tmp/event_panel_sentences.pickle")


def analysed_articles() -> tuple[list[ev.EventArticle], Counter, int]:
    """The labelled days' articles as the indexer groups them (title and first LEAD_SENTENCES sentences), the
    document frequency of each term over all their sentences, and the number of sentences."""
    if CACHE.exists():
        records, df, n = pickle.loads(CACHE.read_bytes())
    else:
        df, n, records = Counter(), 0, []
        for a in load_days(DAYS):
            sentences = split_sentences(a["content"])
            terms = [tuple(content_terms(normalize(s.text))) for s in sentences]
            for t in terms:
                df.update(set(t))
            n += len(terms)
            title = tuple(content_terms(normalize(a["title"]))) if a["title"] else ()
            records.append((a["name"], title, terms, a["date"], a["title"] or (sentences[0].text if sentences else "")))
        CACHE.write_bytes(pickle.dumps((records, df, n)))
    out = [
        ev.EventArticle(
            name, title, tuple(t for ts in terms[: ev.LEAD_SENTENCES] for t in ts), ev.parse_day(date), headline
        )
        for name, title, terms, date, headline in records
    ]
    return out, df, n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="fit")
    parser.add_argument("--thresholds", default="0.1,0.15,0.2,0.25,0.3,0.35,0.4")
    parser.add_argument("--windows", default=str(ev.WINDOW_DAYS))
    parser.add_argument("--lead", type=int, default=ev.LEAD_SENTENCES, help="sentences of the lead")
    args = parser.parse_args()
    ev.LEAD_SENTENCES = args.lead
    labels = [json.loads(x) for x in (ROOT / "eval/labelled/article_labels.jsonl").read_text().splitlines()]
    labels = [x for x in labels if x["split"] == args.split]
    articles, df, n = analysed_articles()

    def idf(term: str) -> float:
        return math.log((n + 1) / (df.get(term, 0) + 1))

    same = sum(x["same_event"] for x in labels)
    print(
        f"{args.split}: {len(labels)} pairs, {same} of one event, {len(labels) - same} of two; {len(articles)} articles"
    )
    print("window threshold  together  apart   events")
    for window in map(int, args.windows.split(",")):
        ev.WINDOW_DAYS = window
        for threshold in map(float, args.thresholds.split(",")):
            event_of = {}
            events = ev.group_events(articles, idf, threshold=threshold)
            for i, e in enumerate(events):
                for k in e.keys:
                    event_of[k] = i
            together = sum(
                event_of[x["a"]["article"]] == event_of[x["b"]["article"]] for x in labels if x["same_event"]
            )
            apart = sum(
                event_of[x["a"]["article"]] != event_of[x["b"]["article"]] for x in labels if not x["same_event"]
            )
            print(
                f"{window:6d} {threshold:9.2f}  {together / max(1, same):.3f}     {apart / max(1, len(labels) - same):.3f}  {len(events)}"
            )


def sentence_report(threshold: float, split: str) -> None:
    """How the labelled sentence pairs (both readers agreeing, until adjudicated) fall into events: pairs that
    make or contradict one statement must be of one event; unrelated pairs should not be. For the pairs whose
    articles are in two events, the cosine of each sentence with the other article's event centroid."""
    here = ROOT / "eval" / "labelled"
    sys.path.insert(0, str(here))
    from agreement import readings

    r1, r2 = readings("sentence")
    split_of = json.loads((here / "split.json").read_text())
    pairs = {json.loads(x)["pair"]: json.loads(x) for x in (here / "sentence_pairs.jsonl").read_text().splitlines()}
    articles, df, n = analysed_articles()

    def idf(term: str) -> float:
        return math.log((n + 1) / (df.get(term, 0) + 1))

    events = ev.group_events(articles, idf, threshold=threshold)
    event_of = {k: i for i, e in enumerate(events) for k in e.keys}
    rows = Counter()
    cosines: dict[str, list[float]] = {}
    for i in r1:
        if r1[i]["label"] != r2[i]["label"] or split_of[pairs[i]["a"]["article"]] != split:
            continue
        label = r1[i]["label"]
        p = pairs[i]
        ea, eb = event_of[p["a"]["article"]], event_of[p["b"]["article"]]
        rows[(label, ea == eb)] += 1
        if ea != eb:
            va, vb = (
                ev.article_vector(ev.EventArticle(0, (), tuple(content_terms(normalize(p[s]["sentence"])))), idf)
                for s in ("a", "b")
            )
            # how much better each sentence fits the other article's event than its own
            margin = max(
                ev.cosine(va, events[eb].centroid) - ev.cosine(va, events[ea].centroid),
                ev.cosine(vb, events[ea].centroid) - ev.cosine(vb, events[eb].centroid),
            )
            cosines.setdefault(label, []).append(margin)
    for label in ("same", "contradicts", "related", "unrelated"):
        print(
            f"{label:12s} one event {rows[(label, True)]:4d}  two events {rows[(label, False)]:4d}  "
            f"margin: {sorted(round(c, 2) for c in cosines.get(label, []))}"
        )


if __name__ == "__main__":
    if "--sentences" in sys.argv:
        sentence_report(float(sys.argv[sys.argv.index("--sentences") + 1]), "fit")
    else:
        main()
