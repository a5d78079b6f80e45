"""Measure the text engine (sentences → claims → topics) against the reviewer's reading of the seeds.

    python tools/quality_text.py [--seeds DIR] [--gold FILE] [--corpus-day ZIP] [--show-claims]

``evaluate(seeds_dir, gold_path)`` returns the figures as a dict so the indexer or the CLI can run the same
evaluation; ``corpus_day(zip_path)`` runs the pipeline on one day of the SaudiNewsNet corpus and returns its
largest topics. Only the pure functions of store.text are used: no database, no UI.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools" / "editable"))  # factcheck_tui from this checkout

from factcheck_tui.store.text.grouping.topics import TopicGroup, TopicItem, group_topics
from factcheck_tui.store.text.reading.claims import ClaimCandidate, select_claims
from factcheck_tui.store.text.reading.sentences import Sentence, split_sentences

DEFAULT_SEEDS = REPO / "seeds"
DEFAULT_GOLD = REPO / ".." / "shared" / "eval" / "seeds_gold.json"
TARGET_TOGETHER = 0.80
TARGET_APART = 0.95


@dataclass
class ExtractedClaim:
    key: tuple[str, int]  # (article name, sentence idx)
    article: str
    text: str
    score: float
    candidate: ClaimCandidate


@dataclass
class PipelineRun:
    sentences: dict[str, list[Sentence]]
    claims: list[ExtractedClaim]
    topics: list[TopicGroup]
    seconds: float  # the whole pipeline
    seconds_claims: float  # split_sentences + select_claims (which runs extract_facts on every sentence)
    seconds_topics: float  # group_topics

    def topic_of(self) -> dict[tuple[str, int], int]:
        return {key: index for index, topic in enumerate(self.topics) for key in topic.keys}


def run_pipeline(articles: dict[str, str]) -> PipelineRun:
    """split_sentences → select_claims for each article, then group_topics over all claims."""
    started = time.perf_counter()
    sentences: dict[str, list[Sentence]] = {}
    claims: list[ExtractedClaim] = []
    for name, text in articles.items():
        sentences[name] = split_sentences(text)
        for candidate in select_claims(sentences[name]):
            key = (name, candidate.sentence.idx)
            claims.append(ExtractedClaim(key, name, candidate.sentence.text, candidate.score, candidate))
    claims_done = time.perf_counter()
    topics = group_topics([TopicItem(c.key, c.text, c.candidate.facts, c.article, c.key[1]) for c in claims])
    finished = time.perf_counter()
    return PipelineRun(sentences, claims, topics, finished - started, claims_done - started, finished - claims_done)


def read_seeds(seeds_dir: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(Path(seeds_dir).glob("*.txt"))}


def _claims_of(run: PipelineRun, article: str) -> list[ExtractedClaim]:
    return [c for c in run.claims if c.article == article]


def _matching_claim(run: PipelineRun, article: str, quote: str) -> ExtractedClaim | None:
    return next((c for c in _claims_of(run, article) if quote in c.text), None)


def _non_claim_extracted(run: PipelineRun, article: str, quote: str) -> ExtractedClaim | None:
    """A non-claim line counts as extracted when a claim is essentially that line: the claim contains the quote
    and the quote makes up at least half of it (so "قصف" inside a long sentence about shelling does not count)."""
    for claim in _claims_of(run, article):
        if quote in claim.text and len(quote) * 2 >= len(claim.text.strip(" .:!؟?")):
            return claim
    return None


def _pair_figures(found: dict[str, ExtractedClaim], gold_topic: dict[str, str], run: PipelineRun) -> dict:
    topic_of = run.topic_of()
    together = apart = same_pairs = different_pairs = 0
    split_pairs: list[tuple[str, str]] = []
    merged_pairs: list[tuple[str, str]] = []
    for a, b in itertools.combinations(sorted(found), 2):
        grouped = topic_of[found[a].key] == topic_of[found[b].key]
        if gold_topic[a] == gold_topic[b]:
            same_pairs += 1
            together += grouped
            if not grouped:
                split_pairs.append((a, b))
        else:
            different_pairs += 1
            apart += not grouped
            if grouped:
                merged_pairs.append((a, b))
    return {
        "same_topic_pairs": same_pairs,
        "same_topic_pairs_together": together,
        "together_share": together / same_pairs if same_pairs else 1.0,
        "different_topic_pairs": different_pairs,
        "different_topic_pairs_apart": apart,
        "apart_share": apart / different_pairs if different_pairs else 1.0,
        "split_pairs": split_pairs,
        "merged_pairs": merged_pairs,
    }


def evaluate(seeds_dir: Path = DEFAULT_SEEDS, gold_path: Path = DEFAULT_GOLD) -> dict:
    """Run the pure pipeline on the seeds and score it against the gold reading."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    run = run_pipeline(read_seeds(seeds_dir))
    found: dict[str, ExtractedClaim] = {}
    missing: list[dict] = []
    for claim in gold["claims"]:
        match = _matching_claim(run, claim["article"], claim["quote"])
        if match:
            found[claim["id"]] = match
        else:
            missing.append(claim)
    wrongly_extracted = [
        {**non_claim, "claim": hit.text}
        for non_claim in gold.get("non_claims", [])
        if (hit := _non_claim_extracted(run, non_claim["article"], non_claim["quote"]))
    ]
    topic_of = run.topic_of()
    gold_topic = {claim["id"]: claim["topic"] for claim in gold["claims"]}
    return {
        "articles": len(run.sentences),
        "sentences": sum(len(s) for s in run.sentences.values()),
        "claims_extracted": len(run.claims),
        "topics": len(run.topics),
        "gold_claims_expected": len(gold["claims"]),
        "gold_claims_found": len(found),
        "gold_claims_missing": [{"id": c["id"], "article": c["article"], "quote": c["quote"]} for c in missing],
        "non_claims_expected": len(gold.get("non_claims", [])),
        "non_claims_extracted": wrongly_extracted,
        "gold_topics": {
            claim_id: {"gold": gold_topic[claim_id], "label": run.topics[topic_of[c.key]].label}
            for claim_id, c in sorted(found.items())
        },
        **_pair_figures(found, gold_topic, run),
        "seconds": run.seconds,
        "seconds_claims": run.seconds_claims,
        "seconds_topics": run.seconds_topics,
        "run": run,
    }


def read_corpus_day(zip_path: Path) -> list[dict]:
    """Articles of one SaudiNewsNet day: the zip holds one JSON array of {source, url, title, content, …}."""
    with zipfile.ZipFile(zip_path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".json"))
        return json.loads(archive.read(name).decode("utf-8"))


def _typical_claim(topic: TopicGroup, claims_by_key: dict) -> str:
    """The claim that shows most of the topic's label words, to illustrate it."""
    label_words = [w for w in topic.label.replace("·", " ").split() if len(w) > 2]
    texts = [claims_by_key[key].text for key in topic.keys]
    return max(texts, key=lambda text: (sum(w in text for w in label_words), -len(text)))


def corpus_day(zip_path: Path, top: int = 15) -> dict:
    """Run the pipeline on a corpus day; return the largest topics with their labels and outlets."""
    articles = read_corpus_day(zip_path)
    texts = {f"{i:05d}": article.get("content") or "" for i, article in enumerate(articles)}
    outlet = {f"{i:05d}": article.get("source") or "?" for i, article in enumerate(articles)}
    run = run_pipeline(texts)
    claims_by_key = {c.key: c for c in run.claims}
    largest = []
    for topic in run.topics[: top + 1]:
        outlets = Counter(outlet[key[0]] for key in topic.keys)
        largest.append(
            {
                "label": topic.label,
                "claims": len(topic.keys),
                "articles": len({key[0] for key in topic.keys}),
                "outlets": len(outlets),
                "example": _typical_claim(topic, claims_by_key),
            }
        )
    return {
        "articles": len(articles),
        "sentences": sum(len(s) for s in run.sentences.values()),
        "claims": len(run.claims),
        "topics": len(run.topics),
        "singleton_claims": next((len(t.keys) for t in run.topics if not t.terms), 0),
        "largest": [t for t in largest if t["label"] != "أخرى"][:top],
        "seconds": run.seconds,
        "seconds_claims": run.seconds_claims,
        "seconds_topics": run.seconds_topics,
        "run": run,
    }


def _print_evaluation(result: dict, show_claims: bool) -> None:
    print(f"seeds: {result['articles']} articles, {result['sentences']} sentences")
    print(f"gold claims found: {result['gold_claims_found']}/{result['gold_claims_expected']}")
    for claim in result["gold_claims_missing"]:
        print(f"  MISSING {claim['id']} {claim['article']}: {claim['quote']}")
    print(f"non-claims extracted: {len(result['non_claims_extracted'])}/{result['non_claims_expected']}")
    for non_claim in result["non_claims_extracted"]:
        print(f"  WRONG {non_claim['article']}: {non_claim['claim']}")
    print(f"claims extracted: {result['claims_extracted']}   topics: {result['topics']}")
    print(
        f"same-topic pairs together: {result['same_topic_pairs_together']}/{result['same_topic_pairs']}"
        f" = {result['together_share']:.2f} (target ≥ {TARGET_TOGETHER})"
    )
    print(
        f"different-topic pairs apart: {result['different_topic_pairs_apart']}/{result['different_topic_pairs']}"
        f" = {result['apart_share']:.2f} (target ≥ {TARGET_APART})"
    )
    for a, b in result["split_pairs"]:
        print(f"  split: {a} / {b}")
    for a, b in result["merged_pairs"]:
        print(f"  merged: {a} / {b}")
    for claim_id, topics in result["gold_topics"].items():
        print(f"  {claim_id} gold={topics['gold']:<13} topic={topics['label']}")
    print(
        f"time: {result['seconds'] * 1000:.0f} ms for the whole seeds pipeline"
        f" (claims {result['seconds_claims'] * 1000:.0f} ms, topics {result['seconds_topics'] * 1000:.0f} ms)"
    )
    if show_claims:
        _print_claims_by_topic(result["run"])


def _print_claims_by_topic(run: PipelineRun) -> None:
    claims = {c.key: c for c in run.claims}
    for topic in run.topics:
        print(f"\n## {topic.label}  ({len(topic.keys)})")
        for key in topic.keys:
            print(f"  {claims[key].score:.2f} {key[0][:3]}#{key[1]:<3} {claims[key].text}")


def _print_corpus_day(result: dict, zip_path: Path) -> None:
    print(f"\ncorpus day {zip_path.name}: {result['articles']} articles, {result['sentences']} sentences,")
    print(f"  {result['claims']} claims, {result['topics']} topics ({result['singleton_claims']} claims in أخرى)")
    print(
        f"  time: {result['seconds']:.1f} s (sentences + claims incl. extract_facts: {result['seconds_claims']:.1f} s,"
        f" topics: {result['seconds_topics']:.1f} s)"
    )
    for rank, topic in enumerate(result["largest"], 1):
        print(
            f"{rank:>2}. {topic['label']}  — {topic['claims']} claims, {topic['articles']} articles,"
            f" {topic['outlets']} outlets"
        )
        print(f"      e.g. {topic['example'][:150]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--corpus-day", type=Path, help="a SaudiNewsNet day (zip holding one JSON array)")
    parser.add_argument("--show-claims", action="store_true", help="list every extracted claim by topic")
    args = parser.parse_args(argv)
    _print_evaluation(evaluate(args.seeds, args.gold.resolve()), args.show_claims)
    if args.corpus_day:
        _print_corpus_day(corpus_day(args.corpus_day), args.corpus_day)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
