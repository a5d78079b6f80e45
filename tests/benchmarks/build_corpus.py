"""Build a benchmark corpus of N real articles from SaudiNewsNet (../shared/corpus/saudinewsnet/).

Articles are taken day by day (every outlet of a day before the next day), so cross-source evidence is real.
One JSON record per file, the way a newsroom export would look:

    python tests/benchmarks/build_corpus.py 1000 /tmp/corpus-1k
"""

from __future__ import annotations

import argparse
import json
import random
import zipfile
from pathlib import Path

DEFAULT_SOURCE = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "saudinewsnet"


def iter_days(source: Path):
    for archive in sorted(source.glob("*.zip")):
        with zipfile.ZipFile(archive) as z:
            name = next(n for n in z.namelist() if n.endswith(".json"))
            yield archive.stem, json.load(z.open(name))


def build(n: int, target: Path, source: Path = DEFAULT_SOURCE, seed: int = 15) -> int:
    target.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    written = 0
    for day, records in iter_days(source):
        records = [r for r in records if len((r.get("content") or "").strip()) >= 200]
        rng.shuffle(records)
        for r in records:
            if written >= n:
                return written
            record = {k: r.get(k) for k in ("title", "source", "url", "date_extracted", "content")}
            (target / f"{day}_{written:05d}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args()
    print(f"{build(args.n, args.target, args.source)} articles in {args.target}")


if __name__ == "__main__":
    main()
