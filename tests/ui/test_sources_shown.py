"""Who said it and when: the evidence lines name the outlet and the day, the article view its outlet, date and URL,
and a search hit its outlet, day and title (issue 13: an editor reads outlets, not file names)."""

import json

from factcheck_tui.store.api import Store, bundled_seeds
from factcheck_tui.tui.screens.article import ArticleScreen


def _as_records(folder, seeds) -> None:
    """The seeds as JSON records of two outlets, with dates, titles and URLs."""
    for n, seed in enumerate(seeds):
        record = {"content": seed.read_text(encoding="utf-8"), "title": f"عنوان {n}", "source": f"outlet{n}",
                  "date": f"2025-08-0{n + 1} 09:00:00", "url": f"https://news{n}.example/a/{n}"}  # fmt: skip
        (folder / f"{n}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def _text(static) -> str:
    """The plain text a Static draws (Arabic reordered or not, the Latin runs are intact)."""
    from rich.console import Console

    console = Console(width=300, record=True, file=open("/dev/null", "w"))  # noqa: SIM115 — closed with the console
    console.print(static.content)
    return console.export_text()


async def test_evidence_article_and_search_show_outlet_date_title_and_url(app_factory, tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    _as_records(folder, sorted(bundled_seeds().glob("*.txt"))[:2])
    db = tmp_path / "records.db"
    with Store(db) as store:
        store.index([folder])
        claim = next(c for c in store.claims() if store.evidence(c.id))
        other = store.evidence(claim.id)[0]
        word = claim.text.split()[1]
    app = app_factory(db)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        screen = app.main_screen
        screen.select_claim(claim.id)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert f"{other.outlet} · {other.date[:10]}" in _text(screen.query_one("#evidence-body"))  # not the file
        await pilot.press("a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        title = _text(app.screen.query_one("#article-title"))
        assert "https://news" in title and "2025-08-0" in title and "outlet" in title
        await pilot.press("escape", "slash", *word)
        await pilot.pause(0.4)
        await app.workers.wait_for_complete()
        await pilot.pause()
        hits = app.screen.hits
        assert hits and [h.claim_id is None for h in hits] == sorted(h.claim_id is None for h in hits)  # claims first
        assert {h.outlet for h in hits} <= {"outlet0", "outlet1"} and all(h.title and h.date for h in hits)
