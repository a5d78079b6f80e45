"""Fit the stance model on ANS train, export it as plain JSON, and report train/dev scores and latency.

    /work/venv/bin/python tools/train_stance.py                       # fit, write store/text/judging/stance_model.json
    /work/venv/bin/python tools/train_stance.py --check               # fit, compare with the shipped file
    /work/venv/bin/python tools/train_stance.py --data DIR --out FILE

Needs scikit-learn (the `train` extra); the product does not: store.text.stance scores the exported weights in
pure Python. Deterministic: rows in file order, features sorted by name (DictVectorizer), lbfgs has no
randomness, weights rounded to 6 decimals; the same data and code give the same file byte for byte.

Protocol (the corpus README): fit on train.csv only; C values, the "other" threshold and the product's
"related" margin were chosen on dev.csv. Two models, because "other" has 63 training pairs: fitted on
everything, the sparse lexical features overfit them; a small model on similarity features alone separates
unrelated pairs (P(other)), and a second model on all features separates agree from disagree on the rest.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools" / "editable"))  # factcheck_tui from this checkout

from factcheck_tui.store.text.judging import stance as runtime
from factcheck_tui.store.text.judging.stance_features import pair_features, view

DEFAULT_DATA = Path("/work/shared/data/ans")
DEFAULT_OUT = ROOT / "store" / "text" / "stance_model.json"
LABELS = ("agree", "disagree", "other")
# Features the "other" model sees: similarity and shared facts, no vocabulary.
OTHER_PREFIXES = ("sim:", "len:", "place:", "person:", "num:", "day:", "date:", "bias")
C_OTHER = 10.0  # chosen on dev (1, 10, 100 give the same dev scores; 10 is the middle)
C_DISAGREE = 2.0  # chosen on dev among 0.5, 1, 2, 4
OTHER_THRESHOLD = 0.5
MIN_WEIGHT = 1e-4  # smaller weights are dropped from the file: no change to any decision on train or dev


def read_pairs(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [(r["s1"], r["s2"], r["stance"]) for r in csv.DictReader(fh)]


def featurize(pairs: list[tuple[str, str, str]]) -> list[dict[str, float]]:
    return [pair_features(view(s1), view(s2)) for s1, s2, _ in pairs]


def fit_linear(features: list[dict[str, float]], targets: list[bool], c: float) -> tuple[dict[str, float], float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer(sort=True)
    x = vectorizer.fit_transform(features)
    model = LogisticRegression(C=c, max_iter=10000, solver="lbfgs").fit(x, targets)
    weights = {
        name: round(float(w), 6)
        for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0])
        if abs(w) >= MIN_WEIGHT
    }
    return weights, round(float(model.intercept_[0]), 6)


def train(pairs: list[tuple[str, str, str]], features: list[dict[str, float]]) -> dict:
    only_dense = [{k: v for k, v in f.items() if k.startswith(OTHER_PREFIXES)} for f in features]
    other_w, other_b = fit_linear(only_dense, [label == "other" for _, _, label in pairs], C_OTHER)
    related = [i for i, (_, _, label) in enumerate(pairs) if label != "other"]
    dis_w, dis_b = fit_linear([features[i] for i in related], [pairs[i][2] == "disagree" for i in related], C_DISAGREE)
    return {
        "format": 1,
        "other": {"weights": other_w, "bias": other_b, "prefixes": list(OTHER_PREFIXES)},
        "disagree": {"weights": dis_w, "bias": dis_b},
        "other_threshold": OTHER_THRESHOLD,
    }


# ---------------------------------------------------------------------------------------------------------------
def scores(gold: list[str], predicted: list[str]) -> dict[str, tuple[float, float, float, int]]:
    out = {}
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        n_pred = sum(p == label for p in predicted)
        n_gold = sum(g == label for g in gold)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = (precision, recall, f1, n_gold)
    return out


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    return sum(f1 for _, _, f1, _ in scores(gold, predicted).values()) / len(LABELS)


def report(name: str, gold: list[str], predicted: list[str]) -> None:
    print(f"\n{name}: macro-F1 {macro_f1(gold, predicted):.4f}")
    print(f"  {'class':9} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
    for label, (p, r, f1, n) in scores(gold, predicted).items():
        print(f"  {label:9} {p:6.3f} {r:6.3f} {f1:6.3f} {n:5d}")


def predict(model: runtime.StanceModel, pairs: list[tuple[str, str, str]], features: list[dict[str, float]],
            rules: bool = True) -> list[runtime.StanceResult]:  # fmt: skip
    out = []
    for (s1, s2, _), f in zip(pairs, features):
        if rules:
            out.append(runtime.decide(view(s1), view(s2), f, model))
        else:
            p_other = model.other.probability(f)
            p_dis = model.disagree.probability(f)
            label = "other" if p_other >= model.other_threshold else ("disagree" if p_dis >= 0.5 else "agree")
            out.append(runtime.StanceResult(label, 0.0, ans_label=label))
    return out


def product_table(gold: list[str], results: list[runtime.StanceResult]) -> None:
    """How the product's four labels fall on dev, and how often agree/disagree are right when said."""
    print("\nproduct labels on dev (rows: gold, columns: product stance)")
    cols = ("agree", "disagree", "related", "other")
    print(f"  {'':9}" + "".join(f"{c:>9}" for c in cols))
    for g in LABELS:
        print(
            f"  {g:9}"
            + "".join(f"{sum(1 for x, r in zip(gold, results) if x == g and r.stance == c):9d}" for c in cols)
        )
    for c in ("agree", "disagree"):
        said = [x for x, r in zip(gold, results) if r.stance == c]
        if said:
            print(f"  precision of product '{c}': {sum(x == c for x in said) / len(said):.3f} ({len(said)} pairs)")


def latency(pairs: list[tuple[str, str, str]]) -> None:
    """Per-pair time of store.text.stance.classify from a cold cache: reading facts off both texts, and with the
    facts given (as the evidence engine passes the stored claim facts)."""
    from factcheck_tui.store.text.judging import stance_features

    sample = pairs[:300]
    stance_features.clear_caches()
    t0 = time.perf_counter()
    for s1, s2, _ in sample:
        runtime.classify(s1, s2)
    cold = (time.perf_counter() - t0) / len(sample)
    facts = [(stance_features.view(s1).facts, stance_features.view(s2).facts) for s1, s2, _ in sample]
    stance_features.clear_caches()
    t0 = time.perf_counter()
    for (s1, s2, _), (f1, f2) in zip(sample, facts):
        runtime.classify(s1, s2, f1, f2)
    given = (time.perf_counter() - t0) / len(sample)
    print(f"\nlatency per pair: {cold * 1000:.3f} ms reading facts from text, {given * 1000:.3f} ms with facts given")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with train.csv and dev.csv")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="do not write; fail if --out differs")
    args = parser.parse_args(argv)

    train_pairs, dev_pairs = read_pairs(args.data / "train.csv"), read_pairs(args.data / "dev.csv")
    train_features, dev_features = featurize(train_pairs), featurize(dev_pairs)
    exported = train(train_pairs, train_features)
    exported["trained_on"] = {"train.csv sha256": sha256(args.data / "train.csv"), "pairs": len(train_pairs)}
    text = json.dumps(exported, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"

    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'identical' if same else 'DIFFERENT'}")
        if not same:
            return 1
    else:
        args.out.write_text(text, encoding="utf-8")
        print(
            f"wrote {args.out} ({len(text.encode()) / 1024:.0f} KiB, "
            f"{len(exported['disagree']['weights'])} + {len(exported['other']['weights'])} weights)"
        )

    model = runtime.load_model(args.out)
    for name, pairs, features in (("train", train_pairs, train_features), ("dev", dev_pairs, dev_features)):
        gold = [label for _, _, label in pairs]
        report(f"{name} (models only)", gold, [r.ans_label for r in predict(model, pairs, features, rules=False)])
        results = predict(model, pairs, features)
        report(f"{name} (shipped: models + fact rules) ", gold, [r.ans_label for r in results])
        if name == "dev":
            product_table(gold, results)
    latency(dev_pairs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
