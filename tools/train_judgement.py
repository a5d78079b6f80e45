"""Fit the learned pair judgement (store/text/judging/judgement.py) and write store/text/judging/judgement_model.json.

    python tools/train_judgement.py            # cross-validate, fit on everything allowed, write the model
    python tools/train_judgement.py --grid     # also the table that chose C and the news weight
    python tools/train_judgement.py --check    # fit and compare with the shipped file, write nothing

Training data: ANS train (../shared/data/ans/train.csv: agree -> same, disagree -> contradicts, other -> neither)
and the fit split of the labelled news pairs (eval/labelled/sentence_labels.jsonl: same, contradicts, related and
unrelated -> neither). Never ANS dev nor the labelled test split: ANS dev is reported, the test split is scored by
tools/labelled_pairs.py --split test once the work is done.

The news pairs weigh NEWS_WEIGHT each: there are 1,000 of them against 2,652 headline pairs, and they are what the
product meets. The report: 5-fold cross-validation on the fit split (each fold's model fitted on ANS train and the
other folds) through the engine's decision (judgement.stance_of, with the articles' events as the indexer groups
the labelled days), the reliability of the out-of-fold probabilities, and ANS dev through the decision.
Needs scikit-learn (the `train` extra) and the SaudiNewsNet corpus for the events (SNN_CORPUS); deterministic."""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools" / "editable"))  # factcheck_tui from this checkout
sys.path.insert(0, str(ROOT / "tools"))

from altered import altered
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from factcheck_tui.store.text.grouping.blocking import CandidateIndex
from factcheck_tui.store.text.judging import judgement
from factcheck_tui.store.text.judging.match import prepare_pairs
from factcheck_tui.store.text.judging.stance import classify_views
from factcheck_tui.store.text.judging.stance_features import view

ANS = ROOT.parent / "shared" / "data" / "ans"
LABELLED = ROOT / "eval" / "labelled" / "sentence_labels.jsonl"
MINED = ROOT / "eval" / "labelled" / "mined_labels.jsonl"
TO_CLASS = {"agree": "same", "disagree": "contradicts", "other": "neither", "same": "same",
            "contradicts": "contradicts", "related": "neither", "unrelated": "neither"}  # fmt: skip
# Chosen with --grid among C 1, 3, 10 and news weights 1, 2, 3 (README, "The learned judgement").
C = 1.0
NEWS_WEIGHT = 2.0
# How much one made contradiction (tools/altered.py: the fit split's retellings with a figure, a count in words or
# the statement altered) weighs. Measured with --made-weights 0,0.5,1,2 (README, sixth session): the altered mined
# retellings (never trained on) disputed 59, 79, 81, 81 of 160; fit CV conflict P 0.60, 0.57, 0.57, 0.52 at R 0.46,
# 0.50, 0.50, 0.50; agree R 0.81, 0.82, 0.83, 0.82; ANS dev 0.781, 0.782, 0.784, 0.784. But with weight 1 (and the
# conflict check refitted on it) the five held-out days kept 87 conflicts, 33 real (P 0.38, R 0.61) against 90, 38
# (0.42, 0.69): not shipped.
MADE_WEIGHT = 0.0
# A feature seen in one training pair (most word pairs "pair:x|y") teaches nothing that carries to another pair;
# left out, the file shrinks from 3.7 MB and the cross-validated figures stay (see the commit).
MIN_PAIRS = 2
MIN_WEIGHT = 1e-4
# Refits differ in the 6th decimal of some weights (the solver's floating-point order): --check allows this much.
CHECK_TOLERANCE = 1e-3  # smaller weights are left out of the file: they move no probability by more than ~0.1%


def ans_pairs(split: str) -> list[dict]:
    with (ANS / f"{split}.csv").open(encoding="utf-8", newline="") as fh:
        return [
            {"a": r["s1"], "b": r["s2"], "label": r["stance"], "date_a": None, "date_b": None}
            for r in csv.DictReader(fh)
        ]


def news_pairs(made: bool = False) -> list[dict]:
    """The fit split's pairs; made: the deliberate contradictions made of them (tools/altered.py), each with the
    index of the pair it was made from ("source")."""
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]
    rows = [{**x, "source": n} for n, x in enumerate(x for x in rows if x["split"] == "fit")]
    if made:
        rows = altered(rows)
    return [{"a": x["a"]["sentence"], "b": x["b"]["sentence"], "label": x["label"], "date_a": x["a"]["date"],
             "date_b": x["b"]["date"], "articles": (x["a"]["article"], x["b"]["article"]), "source": x["source"]}
            for x in rows]  # fmt: skip


def corpus_index(database: Path) -> CandidateIndex:
    """The candidate index the evidence engine builds over a database's sentences (store.evidence._Corpus): its
    document frequencies weigh the shared words of the labelled pairs as the indexer weighs them."""
    conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    index = CandidateIndex()
    index.add_all([(sid, aid, tuple(terms.split())) for sid, aid, terms in
                   conn.execute("SELECT id, article_id, terms FROM sentences")])  # fmt: skip
    conn.close()
    return index


def featurize(
    pairs: list[dict], corpus: CandidateIndex | None = None
) -> tuple[list[dict[str, float]], list[tuple[str, int, bool]]]:
    """Each pair's judgement features, and the rules' stance ("other" pairs are never judged by the model) with
    its shared words beyond names, which the decision reads."""
    prepared = prepare_pairs([(p["a"], p["b"]) for p in pairs], corpus)
    features, rules = [], []
    for p, q in zip(pairs, prepared):
        a, b = view(p["a"], q.claim_facts), view(p["b"], q.other_facts)
        result = classify_views(a, b, p["date_a"], p["date_b"])
        rule = result.stance
        features.append(judgement.judgement_features(a, b, q.shorter_covered, q.shared_beyond_names, rule,
                                                     result.reading))  # fmt: skip
        rules.append((rule, q.shared_beyond_names, bool(features[-1].get("same_statement")),
                      bool(features[-1].get("conf:place"))))  # fmt: skip
    return features, rules


def fit(features: list[dict[str, float]], classes: list[str], weights: list[float], c: float):
    seen = Counter(name for f in features for name in f)
    features = [{n: x for n, x in f.items() if seen[n] >= MIN_PAIRS} for f in features]
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(vectorizer.fit_transform(features), classes, sample_weight=weights)
    return vectorizer, model


def predict(vectorizer, model, features: list[dict[str, float]]) -> list[dict[str, float]]:
    return [dict(zip(model.classes_, map(float, row))) for row in model.predict_proba(vectorizer.transform(features))]


def engine_stances(
    probs: list[dict[str, float]], rules: list[tuple[str, int, bool, bool]], one_happening: list[bool]
) -> list[str]:
    return [
        "other" if rule == "other" else judgement.stance_of(p, rule, known, shared, retold, places)
        for p, (rule, shared, retold, places), known in zip(probs, rules, one_happening)
    ]


def precision_recall(gold: list[str], said: list[str], gold_label: str, said_labels: tuple[str, ...]) -> str:
    hits = sum(g == gold_label and s in said_labels for g, s in zip(gold, said))
    n_said, n_gold = sum(s in said_labels for s in said), sum(g == gold_label for g in gold)
    return f"P {hits / max(1, n_said):.2f} (of {n_said}) R {hits / max(1, n_gold):.2f} (of {n_gold})"


def cross_validate(ans, news, made, c: float, weight: float, made_weight: float) -> list[dict[str, float]]:
    """Out-of-fold probabilities of the news pairs; a made pair trains only in the folds its source pair does."""
    (ans_x, ans_y), (news_x, news_y), (made_x, made_source) = ans, news, made
    out: list[dict[str, float]] = [{} for _ in news_x]
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(news_x, news_y):
        in_train = set(train)
        made_in = [x for x, src in zip(made_x, made_source) if src in in_train] if made_weight else []
        vectorizer, model = fit(ans_x + [news_x[i] for i in train] + made_in,
                                ans_y + [news_y[i] for i in train] + ["contradicts"] * len(made_in),
                                [1.0] * len(ans_x) + [weight] * len(train) + [made_weight] * len(made_in), c)  # fmt: skip
        for i, p in zip(test, predict(vectorizer, model, [news_x[i] for i in test])):
            out[i] = p
    return out


def reliability(probs: list[dict[str, float]], gold: list[str]) -> None:
    """Mean predicted probability against the observed share, per tenth, for the two classes the engine acts on."""
    for cls in ("same", "contradicts"):
        bins: dict[int, list[tuple[float, bool]]] = {}
        for p, g in zip(probs, gold):
            bins.setdefault(min(9, int(p[cls] * 10)), []).append((p[cls], g == cls))
        cells = [f"{k / 10:.1f}+: {sum(x for x, _ in v) / len(v):.2f}->{sum(y for _, y in v) / len(v):.2f} ({len(v)})"
                 for k, v in sorted(bins.items())]  # fmt: skip
        brier = sum((p[cls] - (g == cls)) ** 2 for p, g in zip(probs, gold)) / len(gold)
        print(f"  reliability {cls}: Brier {brier:.3f}; " + "; ".join(cells))


def export(vectorizer, model) -> dict:
    names = vectorizer.get_feature_names_out()
    weights = {}
    for row, cls in zip(model.coef_, model.classes_):
        weights[str(cls)] = {str(n): round(float(w), 6) for n, w in zip(names, row) if abs(w) >= MIN_WEIGHT}
    bias = {str(cls): round(float(b), 6) for cls, b in zip(model.classes_, model.intercept_)}
    return {"trained_on": "ANS train + eval/labelled fit split + its altered retellings", "C": C,
            "news_weight": NEWS_WEIGHT, "made_weight": MADE_WEIGHT,
            "classes": list(map(str, model.classes_)), "bias": bias, "weights": weights}  # fmt: skip


def max_weight_gap(a: dict, b: dict) -> float:
    gaps = [abs(a["bias"][c] - b["bias"][c]) for c in judgement.CLASSES]
    for c in judgement.CLASSES:
        x, y = a["weights"][c], b["weights"][c]
        gaps += [abs(x.get(n, 0.0) - y.get(n, 0.0)) for n in x.keys() | y.keys()]
    return max(gaps)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--grid", action="store_true")
    parser.add_argument("--check", action="store_true")
    parser.add_argument(
        "--made-weights", metavar="W,W", help="the made pairs' weights to try at the chosen C and news weight"
    )
    parser.add_argument(
        "--corpus-db",
        metavar="DB",
        type=Path,
        help=(
            "a database of the four labelled days (factcheck-tui index of their articles): the news pairs' shared words "
            "are then weighed by its sentences, as the indexer weighs them, instead of by the pairs alone"
        ),
    )
    args = parser.parse_args()
    import labelled_pairs  # the indexer's events of the labelled days (needs the corpus)

    train, dev, news, made = ans_pairs("train"), ans_pairs("dev"), news_pairs(), news_pairs(made=True)
    ans_x, _ = featurize(train)
    ans_y = [TO_CLASS[p["label"]] for p in train]
    dev_x, dev_rules = featurize(dev)
    corpus = corpus_index(args.corpus_db) if args.corpus_db else None
    news_x, news_rules = featurize(news, corpus)
    made_x, _ = featurize(made, corpus)
    made_source = [p["source"] for p in made]
    # never trained on: the mined conflicts read as one statement, and the same altered
    mined = [json.loads(line) for line in MINED.read_text(encoding="utf-8").splitlines()]
    mined_same = [{"a": x["a"]["sentence"], "b": x["b"]["sentence"], "date_a": x["a"]["date"], "date_b": x["b"]["date"]}
                  for x in mined if x["label"] == "same"]  # fmt: skip
    mined_altered = [{"a": x["a"]["sentence"], "b": x["b"]["sentence"], "date_a": x["a"]["date"],
                      "date_b": x["b"]["date"]} for x in altered(mined)]  # fmt: skip
    same_x, same_rules = featurize(mined_same, corpus)
    altered_x, altered_rules = featurize(mined_altered, corpus)
    news_y = [TO_CLASS[p["label"]] for p in news]
    events = labelled_pairs.event_of_articles()
    same_event = [events[x] == events[y] for x, y in (p["articles"] for p in news)]
    print(f"ANS train {len(train)} {dict(Counter(ans_y))}; news fit {len(news)} {dict(Counter(news_y))}")
    grid = ([(c, w, m) for c in (1.0, 3.0, 10.0) for w in (1.0, 2.0, 3.0) for m in (0.0, 0.5, 1.0, 2.0)]
            if args.grid else [(C, NEWS_WEIGHT, float(w)) for w in args.made_weights.split(",")] if args.made_weights
            else [(C, NEWS_WEIGHT, MADE_WEIGHT)])  # fmt: skip
    for c, weight, made_weight in grid:
        oof = cross_validate((ans_x, ans_y), (news_x, news_y), (made_x, made_source), c, weight, made_weight)
        said = engine_stances(oof, news_rules, [False] * len(news_x))  # as the evidence engine: retrieved pairs
        in_event = engine_stances(oof, news_rules, same_event)
        rules_only = [r if r in ("disagree", "update") else "related" for r, _, _, _ in news_rules]
        made_in = made_x if made_weight else []
        vectorizer, model = fit(ans_x + news_x + made_in, ans_y + news_y + ["contradicts"] * len(made_in),
                                [1.0] * len(ans_x) + [weight] * len(news_x) + [made_weight] * len(made_in), c)  # fmt: skip
        dev_said = engine_stances(predict(vectorizer, model, dev_x), dev_rules, [True] * len(dev_x))
        to_ans = {"agree": "agree", "disagree": "disagree", "update": "disagree"}
        ans_f1 = f1_score([p["label"] for p in dev], [to_ans.get(s, "other") for s in dev_said], average="macro")
        retrieved = [False] * max(len(same_x), len(altered_x))
        kept_same = engine_stances(predict(vectorizer, model, same_x), same_rules, retrieved)
        caught = engine_stances(predict(vectorizer, model, altered_x), altered_rules, retrieved)
        print(
            f"C {c} news weight {weight} made weight {made_weight}: fit CV conflict "
            f"{precision_recall(news_y, said, 'contradicts', ('disagree', 'update'))};"
            f" agree {precision_recall(news_y, said, 'same', ('agree',))}; ANS dev macro-F1 {ans_f1:.3f};"
            f" mined same pairs agree {sum(s == 'agree' for s in kept_same)}/{len(same_x)}, altered disputed"
            f" {sum(s in ('disagree', 'update') for s in caught)}/{len(altered_x)}"
        )
        if (c, weight, made_weight) == (C, NEWS_WEIGHT, MADE_WEIGHT):
            print(
                f"  model-only contradictions allowed inside one event of the articles: conflict "
                f"{precision_recall(news_y, in_event, 'contradicts', ('disagree', 'update'))}"
            )
            print(
                f"  the rules' conflicts alone: {precision_recall(news_y, rules_only, 'contradicts', ('disagree', 'update'))}"
            )
            reliability(oof, news_y)
            final = export(vectorizer, model)
    text = json.dumps(final, ensure_ascii=False, sort_keys=True, indent=0) + "\n"
    if args.check:
        shipped = json.loads(judgement.MODEL_PATH.read_text(encoding="utf-8"))
        gap = max_weight_gap(shipped, final)
        print(
            f"shipped model: largest weight difference from a refit {gap:.5f}",
            "(the same)" if gap <= CHECK_TOLERANCE else "(DIFFERENT)",
        )
        return 0 if gap <= CHECK_TOLERANCE else 1
    judgement.MODEL_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {judgement.MODEL_PATH.relative_to(ROOT)} ({sum(map(len, final['weights'].values()))} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
