"""The statement reading pair by pair on the two labelled evidence panels: where its thresholds come from.

Indexes the panels' articles (../shared/eval/panel_articles.py --only-panel) to weigh words by how rare they are,
then judges every labelled pair (A, B) with store.text.match.judge, as the evidence engine does, and prints

- disagree / agree precision and recall on the dev split (pairs whose number is not 3 modulo 4) and on the
  held-out split (the other quarter: look at it only to check that a choice made on dev generalises);
- with --coverage, the table behind store.text.statements.SAME_STATEMENT_COVERAGE: by what the shorter
  sentence's figures find in the longer, how many 'same' and how many related/unrelated pairs reach each share
  of the shorter sentence's distinctive words (dev split only);
- with --show KIND (disagree, agree, miss-disagree, miss-agree), the dev pairs judged wrongly that way.

    python tools/statement_panel.py [--shared ../shared] [--coverage] [--show disagree]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from factcheck_tui.store.text.arabic.normalize import normalize
from factcheck_tui.store.text.arabic.terms import (
    content_terms,
    shared_words,
    without_speech_verbs,
)
from factcheck_tui.store.text.grouping.blocking import CandidateIndex
from factcheck_tui.store.text.judging.match import beyond_names, judge
from factcheck_tui.store.text.judging.stance_features import view
from factcheck_tui.store.text.judging.statements import figure_status
from factcheck_tui.store.text.reading.facts import extract_facts

PANELS = ("evidence_panel_dev.jsonl", "evidence_panel_dev_conflicts.jsonl")
WANT = {"same": "agree", "contradicts": "disagree", "related": "related", "unrelated": "none"}


def held_out(pair: dict) -> bool:
    return pair["pair"] % 4 == 3


def _index(evaluation: Path, work: Path) -> CandidateIndex:
    index = CandidateIndex()
    for n, panel in enumerate(PANELS):
        folder, db = work / f"articles{n}", work / f"panel{n}.db"
        subprocess.run([sys.executable, str(evaluation / "panel_articles.py"), str(evaluation / panel), str(folder),
                        "--only-panel"], check=True, capture_output=True)  # fmt: skip
        subprocess.run([sys.executable, "-m", "factcheck_tui.tui.cli", "index", str(folder), "--db", str(db)], check=True,
                       capture_output=True)  # fmt: skip
        offset = n * 10**7  # two databases, one index: keep their ids apart
        rows = sqlite3.connect(db).execute("SELECT id, article_id, terms FROM sentences")
        index.add_all((sid + offset, aid + offset, terms.split()) for sid, aid, terms in rows)
    return index


def _terms(text: str) -> list[str]:
    return without_speech_verbs(content_terms(normalize(text)))


def _judged(index: CandidateIndex, x: dict, y: dict) -> tuple[str, str]:
    mine, theirs = _terms(x["sentence"]), _terms(y["sentence"])
    a, b = extract_facts(x["sentence"]), extract_facts(y["sentence"])
    common = set(mine) & set(theirs)
    result = judge(x["sentence"], a, y["sentence"], b, index.shorter_coverage(mine, theirs),
                   shared_words(x["sentence"], common), len(beyond_names(common, a, b)), x["date"], y["date"])  # fmt: skip
    if result is None:
        return "none", ""
    return ("disagree" if result.stance == "update" else result.stance), result.reason


def _stance(index: CandidateIndex, pair: dict) -> tuple[str, str]:
    """As score_panel.py reads an export: A's claim with B among its evidence, or the other way round."""
    got = _judged(index, pair["a"], pair["b"])
    return got if got[0] != "none" else _judged(index, pair["b"], pair["a"])


def _rates(rows: list[tuple[dict, str]]) -> str:
    confusion = Counter((p["label"], got) for p, got in rows)
    out = []
    for stance, label in (("disagree", "contradicts"), ("agree", "same")):
        hit = confusion[(label, stance)]
        said = sum(n for (_, g), n in confusion.items() if g == stance)
        real = sum(n for (lab, _), n in confusion.items() if lab == label)
        out.append(f"{stance} P={hit / max(said, 1):.2f} ({said}) R={hit / max(real, 1):.2f} ({real})")
    return "  ".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--coverage", action="store_true")
    parser.add_argument("--show", choices=["disagree", "agree", "miss-disagree", "miss-agree"])
    args = parser.parse_args()
    evaluation = Path(args.shared) / "eval"
    pairs = [json.loads(line) for panel in PANELS for line in (evaluation / panel).open(encoding="utf-8")]
    with tempfile.TemporaryDirectory() as tmp:
        index = _index(evaluation, Path(tmp))
    judged = [(p, *_stance(index, p)) for p in pairs]
    for name, keep in (("dev", lambda p: not held_out(p)), ("held-out", held_out)):
        rows = [(p, got) for p, got, _ in judged if keep(p)]
        print(f"{name:<9} {len(rows)} pairs  {_rates(rows)}")
    if args.coverage:
        table: dict[str, list[tuple[str, float]]] = {}
        for p in pairs:
            if held_out(p):
                continue
            a, b = view(p["a"]["sentence"]), view(p["b"]["sentence"])
            share = index.shorter_coverage(_terms(p["a"]["sentence"]), _terms(p["b"]["sentence"]))
            table.setdefault(figure_status(a, b), []).append((p["label"], share))
        for status, rows in table.items():
            print(f"figures {status}: {dict(Counter(label for label, _ in rows))}")
            for edge in (0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7):
                same = sum(1 for label, s in rows if label == "same" and s >= edge)
                other = sum(1 for label, s in rows if label in ("related", "unrelated") and s >= edge)
                print(f"  >= {edge:.2f}: same {same:3d}  related/unrelated {other:3d}")
    if args.show:
        for p, got, reason in judged:
            label = p["label"]
            wrong = {
                "disagree": got == "disagree" and label != "contradicts",
                "agree": got == "agree" and label != "same",
                "miss-disagree": label == "contradicts" and got != "disagree",
                "miss-agree": label == "same" and got != "agree",
            }[args.show]
            if wrong and not held_out(p):
                print(f"pair {p['pair']} {label} -> {got} | {reason} | {p['why']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
