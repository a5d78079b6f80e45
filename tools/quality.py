"""The engine's figures on the reviewer's gold reading of the seeds (../shared/eval/seeds_gold.json) and on the
ANS stance pairs, measured through the real indexer: the README's Quality section. An evaluation harness, kept out
of the wheel: it needs the workplace's ../shared beside the checkout.

Usage: python tools/quality.py [--gold DIR] [--ans DIR]"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "editable"))  # factcheck_tui from this checkout

from factcheck_tui.store.api import Store, bundled_seeds
from factcheck_tui.store.models import Claim


@dataclass
class GoldReport:
    claims_found: int = 0
    claims_expected: int = 0
    missing: list[str] = field(default_factory=list)
    non_claims_extracted: list[str] = field(default_factory=list)
    total_claims: int = 0
    same_topic_together: float = 0.0
    different_topics_apart: float = 0.0
    verdicts_right: int = 0
    verdict_errors: list[str] = field(default_factory=list)
    support_links: int = 0
    support_expected: int = 0
    support_missing: list[str] = field(default_factory=list)
    contradictions: int = 0
    contradictions_expected: int = 0
    scenario_right: int = 0
    scenario_expected: int = 0
    scenario_errors: list[str] = field(default_factory=list)
    index_seconds: float = 0.0


def _find(claims: list[Claim], article: str, quote: str) -> Claim | None:
    for c in claims:
        if c.article == article and quote in c.text:
            return c
    return None


def _index(paths: list[Path], db: Path) -> tuple[Store, float]:
    store = Store(db)
    started = time.perf_counter()
    store.index([str(p) for p in paths])
    return store, time.perf_counter() - started


def evaluate_gold(gold_path: Path, seeds: Path | None = None) -> GoldReport:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    seeds = seeds or bundled_seeds()
    report = GoldReport()
    with tempfile.TemporaryDirectory() as tmp:
        store, report.index_seconds = _index([seeds], Path(tmp) / "gold.db")
        with store:
            claims = store.claims()
            report.total_claims = len(claims)
            found: dict[str, Claim] = {}
            for g in gold["claims"]:
                report.claims_expected += 1
                claim = _find(claims, g["article"], g["quote"])
                if claim is None:
                    report.missing.append(f"{g['id']} {g['quote']}")
                    continue
                report.claims_found += 1
                found[g["id"]] = claim
                _check_verdict(store, g, claim, report)
            for n in gold.get("non_claims", []):
                for c in claims:
                    if c.article == n["article"] and c.text.strip() == n["quote"].strip():
                        report.non_claims_extracted.append(n["quote"])
            _topic_pairs(gold["claims"], found, report)
        for scenario in gold.get("scenarios", []):
            _run_scenario(gold, scenario, seeds, gold_path.parent, Path(tmp) / "scenario.db", report)
    return report


def _check_verdict(store: Store, g: dict, claim: Claim, report: GoldReport) -> None:
    if claim.suggested_verdict == g["verdict"]:
        report.verdicts_right += 1
    else:
        report.verdict_errors.append(f"{g['id']}: suggested {claim.suggested_verdict}, gold {g['verdict']}")
    evidence = store.evidence(claim.id)
    agreeing = {e.article for e in evidence if e.stance == "agree"}
    disagreeing = {e.article for e in evidence if e.stance == "disagree"}
    for article in g.get("support", []):
        report.support_expected += 1
        if article in agreeing:
            report.support_links += 1
        else:
            report.support_missing.append(f"{g['id']} ← {article}")
    if g.get("contradict_any"):
        report.contradictions_expected += 1
        if disagreeing & set(g["contradict_any"]):
            report.contradictions += 1


def _topic_pairs(gold_claims: list[dict], found: dict[str, Claim], report: GoldReport) -> None:
    same = same_ok = diff = diff_ok = 0
    items = [(g["topic"], found[g["id"]].topic_id) for g in gold_claims if g["id"] in found]
    for (topic_a, got_a), (topic_b, got_b) in combinations(items, 2):
        if topic_a == topic_b:
            same += 1
            same_ok += got_a == got_b
        else:
            diff += 1
            diff_ok += got_a != got_b
    report.same_topic_together = same_ok / same if same else 1.0
    report.different_topics_apart = diff_ok / diff if diff else 1.0


def _run_scenario(gold: dict, scenario: dict, seeds: Path, eval_dir: Path, db: Path, report: GoldReport) -> None:
    folder = db.parent / "scenario"
    shutil.copytree(seeds, folder)
    for name in scenario["add"]:
        shutil.copy(eval_dir / name, folder / name)
    store, _ = _index([folder], db)
    with store:
        claims = store.claims()
        by_id = {g["id"]: g for g in gold["claims"]}
        for gid, expected in scenario["verdicts"].items():
            report.scenario_expected += 1
            g = by_id[gid]
            claim = _find(claims, g["article"], g["quote"])
            got = claim.suggested_verdict if claim else "missing"
            if got == expected:
                report.scenario_right += 1
            else:
                report.scenario_errors.append(f"{gid}: {got}, expected {expected} ({scenario['why'].get(gid, '')})")


@dataclass
class StanceReport:
    pairs: int
    macro_f1: float
    per_class: dict[str, tuple[float, float, float, int]]  # label -> precision, recall, f1, support
    ms_per_pair: float


def evaluate_stance(csv_path: Path) -> StanceReport:
    from factcheck_tui.store.text.judging.stance import classify

    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    started = time.perf_counter()
    predicted = [classify(r["s1"], r["s2"]).ans_label for r in rows]
    elapsed = time.perf_counter() - started
    gold = [r["stance"] for r in rows]
    return StanceReport(len(rows), *_f1(gold, predicted), ms_per_pair=1000 * elapsed / max(1, len(rows)))


def _f1(gold: list[str], predicted: list[str]) -> tuple[float, dict]:
    labels = sorted(set(gold))
    per_class = {}
    tp = Counter(g for g, p in zip(gold, predicted) if g == p)
    gold_n, pred_n = Counter(gold), Counter(predicted)
    for label in labels:
        precision = tp[label] / pred_n[label] if pred_n[label] else 0.0
        recall = tp[label] / gold_n[label] if gold_n[label] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = (precision, recall, f1, gold_n[label])
    macro = sum(v[2] for v in per_class.values()) / len(per_class)
    return macro, per_class


def _shared() -> Path:
    # The repository sits beside ../shared in the workplace; fall back to the current folder's parent.
    here = Path(__file__).resolve().parents[2] / "shared"  # tools/ -> the checkout -> beside it
    return here if here.is_dir() else Path.cwd().parent / "shared"


def run_quality(args) -> int:
    gold_dir = Path(args.gold) if args.gold else _shared() / "eval"
    ans_dir = Path(args.ans) if args.ans else _shared() / "data" / "ans"
    gold_file = gold_dir / "seeds_gold.json"
    if not gold_file.is_file():
        raise SystemExit(f"quality: no gold file at {gold_file}; pass --gold DIR")
    r = evaluate_gold(gold_file)
    print("Text engine (seeds, gold sample)")
    print(f"  gold claims extracted      {r.claims_found}/{r.claims_expected}")
    for m in r.missing:
        print(f"    missing: {m}")
    print(f"  non-claims extracted       {len(r.non_claims_extracted)}  {'; '.join(r.non_claims_extracted)}")
    print(f"  claims extracted in all    {r.total_claims}")
    print(f"  same-topic pairs together  {r.same_topic_together:.0%}  (target 80%)")
    print(f"  other-topic pairs apart    {r.different_topics_apart:.0%}  (target 95%)")
    print(f"  index time (5 seeds)       {r.index_seconds:.2f}s")
    print("Evidence and verdicts (seeds, gold sample)")
    print(f"  suggested verdict = gold   {r.verdicts_right}/{r.claims_found}")
    for e in r.verdict_errors:
        print(f"    {e}")
    print(f"  support articles linked    {r.support_links}/{r.support_expected}")
    for e in r.support_missing:
        print(f"    not linked: {e}")
    print(f"  contradictions linked      {r.contradictions}/{r.contradictions_expected}")
    print(f"  scenario verdicts right    {r.scenario_right}/{r.scenario_expected}")
    for e in r.scenario_errors:
        print(f"    {e}")
    dev = ans_dir / "dev.csv"
    if dev.is_file():
        s = evaluate_stance(dev)
        print(f"Stance (ANS dev, {s.pairs} pairs)")
        print(f"  macro-F1                   {s.macro_f1:.3f}  (target 0.78)")
        for label, (p, rec, f1, n) in s.per_class.items():
            print(f"  {label:<10} P {p:.3f}  R {rec:.3f}  F1 {f1:.3f}  n={n}")
        print(f"  time per pair              {s.ms_per_pair:.3f} ms")
    else:
        print(f"Stance: no ANS dev.csv at {dev}; pass --ans DIR")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description="Measure the text engine and verdicts against the reviewer's gold "
                                     "reading of the seeds.")  # fmt: skip
    parser.add_argument("--gold", metavar="DIR", help="folder with seeds_gold.json (default: ../shared/eval)")
    parser.add_argument("--ans", metavar="DIR", help="folder with the ANS dev.csv (default: ../shared/data/ans)")
    return run_quality(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
