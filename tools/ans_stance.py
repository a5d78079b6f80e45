"""ANS through the `stance` command's decision (what the evidence engine stores), not the model's 3-way answer:
agree -> agree, disagree and update -> disagree, related and other -> other; macro-F1 over the three.
Usage: python tools/ans_stance.py [../shared/data/ans/dev.csv] [--detail N]"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools" / "editable"))  # factcheck_tui from this checkout

from sklearn.metrics import classification_report, f1_score

from factcheck_tui.store.text.judging.match import judge_pairs

TO_ANS = {"agree": "agree", "disagree": "disagree", "update": "disagree", "related": "other"}


def main() -> None:
    args = [a for a in sys.argv[1:] if a.endswith(".csv")]
    path = Path(args[0]) if args else ROOT.parent / "shared" / "data" / "ans" / "dev.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    results = judge_pairs([(r["s1"], r["s2"], None, None) for r in rows])
    said = [TO_ANS.get(r.stance, "other") if r is not None else "other" for r in results]
    gold = [r["stance"] for r in rows]
    print(f"{path.name}: {len(rows)} pairs; stance macro-F1 {f1_score(gold, said, average='macro'):.3f}")
    print(classification_report(gold, said, digits=3, zero_division=0))
    confusion = Counter(zip(gold, said))
    print("gold -> said:", dict(sorted(confusion.items())))
    if "--detail" in sys.argv:
        n = int(sys.argv[sys.argv.index("--detail") + 1])
        wrong = [(g, s, r, x) for g, s, r, x in zip(gold, said, rows, results) if g == "disagree" and s == "agree"]
        for g, s, r, x in wrong[:n]:
            print(f"\n{g} -> {s}: {x.reason if x else ''}\n  {r['s1']}\n  {r['s2']}")


if __name__ == "__main__":
    main()
