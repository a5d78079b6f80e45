"""Chooses OPPOSED_P and MINIMAL_EDIT_SHARE (store.text.match) on fit data only: ANS train (stance through the
engine's decision, macro-F1) and the fit split of the labelled pairs (conflict and agree precision and recall).
Usage: python tools/opposed_sweep.py"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from sklearn.metrics import f1_score  # noqa: E402

import labelled_pairs  # noqa: E402
from store.text import match  # noqa: E402
from ans_stance import TO_ANS  # noqa: E402


def main() -> None:
    ans = list(csv.DictReader((ROOT.parent / "shared" / "data" / "ans" / "train.csv").open(encoding="utf-8")))
    lab = labelled_pairs.labelled("fit")
    print("OPPOSED_P  MINIMAL_EDIT  ans-train-F1  lab conflict P/R (n)   lab agree P/R")
    for p in (0.7, 0.8, 0.9, 0.95, 1.01):
        for share in (0.3, 0.4, 0.5):
            match.OPPOSED_P, match.MINIMAL_EDIT_SHARE = p, share
            said = [TO_ANS.get(r.stance, "other") if r else "other"
                    for r in match.judge_pairs([(r["s1"], r["s2"], None, None) for r in ans])]
            f1 = f1_score([r["stance"] for r in ans], said, average="macro")
            results = match.judge_pairs([(x["a"]["sentence"], x["b"]["sentence"], x["a"]["date"], x["b"]["date"])
                                         for x in lab])
            s = labelled_pairs.score(lab, [r.stance if r else "other" for r in results])
            c, a = s["conflict"], s["agree"]
            print(f"{p:9.2f}  {share:12.1f}  {f1:12.3f}  {c[0]:.2f}/{c[1]:.2f} ({c[2]:3d})        {a[0]:.2f}/{a[1]:.2f}")
            if p > 1:
                break


if __name__ == "__main__":
    main()
