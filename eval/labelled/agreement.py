"""Agreement of the two readers, the items for adjudication, and the final labels.

  python agreement.py KIND            kappa and counts; writes to_label/adjudicate_KIND.jsonl
  python agreement.py KIND --final    merges the readings and readings/KIND.adjudicated.jsonl into KIND_labels.jsonl
                                      (the labelled set, with its split)
KIND: article, sentence, mined (the rules' conflicts), links (the engine's conflict links of ten other days) or
agree (the engine's agree links of the five training days);
the drawn pairs are KIND_pairs.jsonl.
A reader's file is readings/KIND_NN.rR.jsonl; items both readers gave the same label keep it, the others take the
adjudicator's. Needs scikit-learn (pip install -e '.[train]') for Cohen's kappa."""

import json
import sys
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

HERE = Path(__file__).resolve().parent
FIELD = {"article": "same_event"}  # sentence pairs of every other kind are labelled by "label"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def readings(kind: str) -> tuple[dict[int, dict], dict[int, dict]]:
    """Both readers' labels by pair id, over the chunks that both have finished."""
    r1, r2 = {}, {}
    for chunk in sorted((HERE / "to_label").glob(f"{kind}_*.jsonl")):
        one, two = (HERE / "readings" / f"{chunk.stem}.r{n}.jsonl" for n in (1, 2))
        if not (one.exists() and two.exists()):
            continue
        wanted = [p["pair"] for p in read_jsonl(chunk)]
        a, b = ({x["pair"]: x for x in read_jsonl(f)} for f in (one, two))
        if sorted(a) != sorted(wanted) or sorted(b) != sorted(wanted):
            print(f"{chunk.stem}: a reading does not cover exactly the chunk's pairs; left out", file=sys.stderr)
            continue
        r1.update(a)
        r2.update(b)
    return r1, r2


def main(kind: str, final: bool) -> None:
    field = FIELD.get(kind, "label")
    r1, r2 = readings(kind)
    ids = sorted(r1)
    x, y = [str(r1[i][field]) for i in ids], [str(r2[i][field]) for i in ids]
    split = json.loads((HERE / "split.json").read_text())
    pairs = {p["pair"]: p for p in read_jsonl(HERE / f"{kind}_pairs.jsonl")}
    print(
        f"{kind} pairs read twice: {len(ids)}; raw agreement {sum(a == b for a, b in zip(x, y)) / max(1, len(ids)):.3f}; "
        f"Cohen's kappa {cohen_kappa_score(x, y):.3f}"
    )
    disputed = [i for i in ids if r1[i][field] != r2[i][field]]
    with open(HERE / "to_label" / f"adjudicate_{kind}.jsonl", "w", encoding="utf-8") as f:
        for i in disputed:
            item = {k: pairs[i][k] for k in ("pair", "a", "b")}
            item["readings"] = [{k: v for k, v in r.items() if k != "pair"} for r in (r1[i], r2[i])]
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(disputed)} to adjudicate: to_label/adjudicate_{kind}.jsonl")
    if not final:
        return
    adjudicated = {x["pair"]: x for x in read_jsonl(HERE / "readings" / f"{kind}.adjudicated.jsonl")}
    missing = [i for i in disputed if i not in adjudicated]
    if missing:
        sys.exit(f"not adjudicated yet: {missing[:10]} ...")
    with open(HERE / f"{kind}_labels.jsonl", "w", encoding="utf-8") as f:
        for i in ids:
            chosen = adjudicated[i] if i in adjudicated else r1[i]
            p = pairs[i]
            row = {
                "pair": i,
                "split": split.get(p["a"]["article"], "fit"),  # pairs drawn outside the four days only train
                **{k: p[k] for k in p if k not in ("pair",)},
                **{k: v for k, v in chosen.items() if k != "pair"},
                "readers_agreed": i not in adjudicated,
            }
            if kind != "article" and i not in adjudicated:
                # flags: set when either reader set them (copy, update), sure only when both were sure
                row["copy"] = bool(r1[i].get("copy") or r2[i].get("copy")) and row["label"] == "same"
                row["update"] = bool(r1[i].get("update") or r2[i].get("update")) and row["label"] == "contradicts"
                row["sure"] = bool(r1[i].get("sure") and r2[i].get("sure"))
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {kind}_labels.jsonl ({len(ids)} pairs)")


if __name__ == "__main__":
    main(sys.argv[1], "--final" in sys.argv)
