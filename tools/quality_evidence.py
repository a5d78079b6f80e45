"""Evidence quality on real news, through the real indexer: the two labelled evidence panels and baly-dev.

For each data set it writes the articles (../shared/eval/panel_articles.py, score_baly.py prepare), indexes them
with `factcheck-tui index` into a fresh database, exports JSON and scores the export with the shared scorers,
whose semantics are the issue's. Nothing here is tuned: it only measures.

    python tools/quality_evidence.py [--shared ../shared] [--full] [--work DIR]

--full indexes every record of the panels' days (4,675 and 9,823 articles: minutes) instead of only the articles
the pairs come from (about a minute in all).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PANELS = ("evidence_panel_dev.jsonl", "evidence_panel_dev_conflicts.jsonl")


def _run(*cmd: str) -> str:
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):  # the scorers exit 1 when a target is not met
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr}")
    return done.stdout.strip()


def _index_and_export(folder: Path, db: Path, export: Path) -> float:
    started = time.perf_counter()
    cli = [sys.executable, "-m", "factcheck_tui.tui.cli"]
    _run(*cli, "index", str(folder), "--db", str(db))
    seconds = time.perf_counter() - started
    _run(*cli, "export", "--db", str(db), "--format", "json", "-o", str(export))
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--full", action="store_true", help="every record of the panels' days")
    parser.add_argument("--work", help="keep the articles, databases and exports here")
    args = parser.parse_args()
    shared = Path(args.shared)
    evaluation = shared / "eval"
    if not (evaluation / PANELS[0]).is_file():
        raise SystemExit(f"no evidence panels in {evaluation}; pass --shared")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.work or tmp)
        work.mkdir(parents=True, exist_ok=True)
        for panel in PANELS:
            folder = work / panel.replace(".jsonl", "")
            flags = [] if args.full else ["--only-panel"]
            _run(sys.executable, str(evaluation / "panel_articles.py"), str(evaluation / panel), str(folder), *flags)
            db, export = work / f"{folder.name}.db", work / f"{folder.name}.json"
            seconds = _index_and_export(folder, db, export)
            scores = _run(sys.executable, str(evaluation / "score_panel.py"), str(evaluation / panel), str(export))
            print(f"{panel} ({'all records' if args.full else 'panel articles'}, index {seconds:.0f} s)\n  {scores}")
        baly = shared / "data" / "baly-dev"
        if baly.is_dir():
            folder = work / "baly"
            _run(sys.executable, str(evaluation / "score_baly.py"), "prepare", str(baly), str(folder))
            db, export = work / "baly.db", work / "baly.json"
            seconds = _index_and_export(folder, db, export)
            scores = _run(sys.executable, str(evaluation / "score_baly.py"), "score", str(export))
            print(f"baly-dev (claims with a disagreeing page, index {seconds:.0f} s)\n  {scores}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
