"""A later count of the same thing shows as an update in the evidence pane, dated, not as a dispute."""

from __future__ import annotations

import json
from pathlib import Path

from factcheck_tui.store.api import Store
from tests.ui.test_live import screen_text

EARLIER = "أوضحت المديرية العامة للجوازات أن عدد المصحح وضعهم من اليمنيين في كل مراكز التصحيح بلغ 354863 شخصا."
LATER = "أوضحت المديرية العامة للجوازات أن عدد المصحح وضعهم من اليمنيين في كل مراكز التصحيح بلغ 363378 شخصا."


def _write(folder: Path, name: str, outlet: str, date: str, sentence: str) -> None:
    record = {"source": outlet, "title": name, "date": date, "content": f"{sentence} ونشرت {outlet} الخبر."}
    (folder / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


async def test_a_later_count_shows_as_an_update_with_its_date(app_factory, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    _write(folder, "early", "sabq", "2015-07-22 09:00:00", EARLIER)
    _write(folder, "late", "okaz", "2015-07-24 09:00:00", LATER)
    db = tmp_path / "update.db"
    with Store(db) as store:
        store.index([str(folder)])
        claim = next(c for c in store.claims() if "354863" in c.text)
    app = app_factory(db=db, bidi="off")
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        screen = app.main_screen
        assert screen.select_claim(claim.id)
        await pilot.pause()
        text = screen_text(app)
        assert "Other outlets: 1 update" in text and "> update" in text and "2015-07-24" in text
        assert "later report" in text and "363378" in text
        assert "disagree" not in text
