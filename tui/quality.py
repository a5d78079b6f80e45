"""`factcheck-tui quality`: prints the figures of the README's Quality section."""

from __future__ import annotations

from pathlib import Path

from factcheck_tui.store.quality import evaluate_gold, evaluate_stance


def _shared() -> Path:
    # The repository sits beside ../shared in the workplace; fall back to the current folder's parent.
    here = Path(__file__).resolve().parents[2] / "shared"
    return here if here.is_dir() else Path.cwd().parent / "shared"


def run_quality(args) -> int:
    gold_dir = Path(args.gold) if args.gold else _shared() / "eval"
    ans_dir = Path(args.ans) if args.ans else _shared() / "data" / "ans"
    gold_file = gold_dir / "seeds_gold.json"
    if not gold_file.is_file():
        from factcheck_tui.tui.cli import UserError

        raise UserError(f"no gold file at {gold_file}; pass --gold DIR")
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
