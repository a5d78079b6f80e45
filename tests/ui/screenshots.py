"""Regenerate the PNG screenshots in docs/ (not a test): python tests/ui/screenshots.py

SVG renderers apply their own bidi to each run of text, so the app's own reordering would come out reversed in a
picture. The screenshots therefore use `--bidi off` (what a bidi-capable terminal shows), which also shows the
stacked layout the app uses in that mode. Needs rsvg-convert (apt-get install librsvg2-bin)."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools" / "editable"))  # factcheck_tui from this checkout

from factcheck_tui.store.api import Store, bundled_seeds
from factcheck_tui.tui.app import make_app

SHOTS = [
    ("main-120x32", (120, 32), ["j"], "textual-dark"),
    ("main-80x24", (80, 24), ["j"], "textual-dark"),
    ("article", (120, 32), ["j", "j", "j", "j", "j", "j", "a"], "textual-dark"),
    ("main-light", (120, 32), ["j", "j"], "textual-light"),
]


def prepare(db: Path) -> None:
    with Store(db) as store:
        store.index([bundled_seeds()])
        ids = [c.id for c in store.claims()]
        store.set_verdict(ids[0], "confirmed", "amal")
        store.set_verdict(ids[1], "disputed", "amal", note="الرقم مختلف في مصدر آخر")
        store.set_verdict(ids[2], "single-source", "omar")


async def shoot(db: Path, name: str, size, keys, theme: str, out: Path) -> Path:
    with Store(db) as store:
        app = make_app(store, "amal", bidi="off", keymap={}, poll_interval=60)
        async with app.run_test(size=size) as pilot:
            app.theme = theme
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause(0.3)
            app.clear_notifications()
            await pilot.pause()
            svg = out / f"{name}.svg"
            svg.write_text(app.export_screenshot(title="factcheck-tui"), encoding="utf-8")
    return svg


def main() -> None:
    os.environ["COLORTERM"] = "truecolor"  # the theme's colours, as on most terminals
    os.environ.setdefault("TERM", "xterm-256color")
    docs = REPO / "docs"
    docs.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        db = tmp_path / "shots.db"
        prepare(db)
        for name, size, keys, theme in SHOTS:
            copy = tmp_path / f"{name}.db"
            shutil.copy(db, copy)
            svg = asyncio.run(shoot(copy, name, size, keys, theme, tmp_path))
            png = docs / f"{name}.png"
            subprocess.run(["rsvg-convert", "-w", str(size[0] * 11), str(svg), "-o", str(png)], check=True)
            print(png)


if __name__ == "__main__":
    main()
