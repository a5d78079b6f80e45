"""Freezes the split of the drawn pairs and cuts them into chunks for the two readers.

The split is by article, not by pair: articles joined by any drawn pair (sentence or article pair) form one
group, and whole groups go to test until it holds about a third of the sentence pairs, in an order fixed by the
seed (a group joins test only while both the sentence pairs and the article pairs stay within a third). Nothing is fitted before this runs; split.json is committed before any label is read.
Usage: python prepare.py SENTENCE_PAIRS.jsonl ARTICLE_PAIRS.jsonl SEED"""

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SENTENCE_CHUNK = 150
ARTICLE_CHUNK = 200
READER_FIELDS = ("pair", "a", "b")  # what a reader sees: no stratum, no BM25 score, no engine output


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def groups(pairs: list[tuple[str, str]]) -> dict[str, str]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    return {x: find(x) for x in parent}


def main(sentence_file: str, article_file: str, seed: int) -> None:
    sentences, articles = read_jsonl(Path(sentence_file)), read_jsonl(Path(article_file))
    edges = [(p["a"]["article"], p["b"]["article"]) for p in sentences + articles]
    root = groups(edges)
    weight: dict[str, list[int]] = {}
    for k, kind in enumerate((sentences, articles)):
        for p in kind:
            weight.setdefault(root[p["a"]["article"]], [0, 0])[k] += 1
    members = sorted(set(root.values()))
    random.Random(seed).shuffle(members)
    test, held = set(), [0, 0]
    for g in members:
        w = weight.get(g, [0, 0])
        if held[0] + w[0] <= len(sentences) / 3 and held[1] + w[1] <= len(articles) / 3:
            test.add(g)
            held = [held[0] + w[0], held[1] + w[1]]
    split = {name: ("test" if r in test else "fit") for name, r in sorted(root.items())}
    (HERE / "split.json").write_text(json.dumps(split, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    for kind, pairs, size in (("sentence", sentences, SENTENCE_CHUNK), ("article", articles, ARTICLE_CHUNK)):
        with open(HERE / f"{kind}_pairs.jsonl", "w", encoding="utf-8") as f:
            for p in pairs:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
        folder = HERE / "to_label"
        folder.mkdir(exist_ok=True)
        for k in range(0, len(pairs), size):
            with open(folder / f"{kind}_{k // size:02d}.jsonl", "w", encoding="utf-8") as f:
                for p in pairs[k : k + size]:
                    f.write(json.dumps({x: p[x] for x in READER_FIELDS}, ensure_ascii=False) + "\n")
        in_test = sum(split[p["a"]["article"]] == "test" for p in pairs)
        print(f"{kind} pairs: {len(pairs)}, test {in_test}, groups {len(members)}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
