import shutil

import pytest

from factcheck_tui.store.api import Store, bundled_seeds
from factcheck_tui.store.models import ClaimFilter

ARTICLE = (
    "قال المتحدث باسم الوزارة إن المحادثات استمرت ثلاث ساعات في موسكو يوم الأربعاء.\n"
    "وأضاف أن الجانبين اتفقا على عقد جولة جديدة من المفاوضات الشهر المقبل في جنيف.\n"
)


def test_reindex_of_unchanged_files_changes_nothing(seeded_db):
    with Store(seeded_db) as store:
        before = store.stats()
        report = store.index([bundled_seeds()])
        assert (report.added, report.updated, report.unchanged) == (0, 0, 5)
        assert store.stats() == before


def test_changed_file_keeps_verdicts_of_unchanged_claims(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    shutil.copy(bundled_seeds() / "000_42f8bc07242eb304.txt", folder)
    with Store(tmp_path / "x.db") as store:
        store.index([folder])
        mine = next(a.id for a in store.articles() if a.name == "a.txt")
        claims = store.claims(ClaimFilter(article_id=mine))
        assert len(claims) == 2
        kept, changed = claims[0], claims[1]
        store.set_verdict(kept.id, "confirmed", "amal", note="checked")
        store.set_verdict(changed.id, "disputed", "amal")

        article.write_text(ARTICLE.replace("الشهر المقبل في جنيف", "الأسبوع المقبل في فيينا"), encoding="utf-8")
        report = store.index([folder])
        assert (report.added, report.updated, report.unchanged) == (0, 1, 1)
        assert store.stats().articles == 2
        survivor = store.claim(kept.id)
        assert (survivor.verdict, survivor.note, survivor.text) == ("confirmed", "checked", kept.text)
        texts = [c.text for c in store.claims(ClaimFilter(verdict="disputed"))]
        assert texts == []  # the changed claim is a new claim; its old verdict stays in the history only
        assert [e.verdict for e in store.history(changed.id)] == ["disputed"]


def test_skipped_files_are_reported_and_the_rest_indexed(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        report = store.index([folder])
    assert report.added == 1
    assert sorted(reason for _, reason in report.skipped) == ["binary file", "empty file"]


def test_article_text_is_kept_as_data(tmp_path):
    text = "قال الرئيس \x1b[31m“كنا نظن أن لدينا [the war] استقر” [bold red]عدة مرات[/bold red]\x07.\n"
    path = tmp_path / "markup.txt"
    path.write_text(text, encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        store.index([path])
        stored = store.article(store.articles()[0].id).text
    assert "[the war]" in stored and "[bold red]عدة مرات[/bold red]" in stored
    assert "\x1b" not in stored and "\x07" not in stored


def test_search_finds_sentences_across_spelling_and_clitics(store):
    hits = store.search("زابوريجيا")
    spellings = {"زابوريجيا", "زابوريزيا", "زابوريزفيا"}  # one place: a known name is searched by its key
    assert hits and all(any(s in h.text for s in spellings) for h in hits)
    assert {s for s in spellings if any(s in h.text for h in hits)} >= {"زابوريجيا", "زابوريزيا"}
    assert {h.sentence_id for h in store.search("Putin")} == {h.sentence_id for h in store.search("بوتين")}
    assert store.search("المحادثات ثلاث ساعات")
    assert store.search('"; DROP TABLE claims; --') == []


def test_topics_grouped_in_a_child_process_are_the_same(tmp_path, monkeypatch):
    from factcheck_tui.store import indexer

    def topics_of(db):
        with Store(db) as store:
            store.index([bundled_seeds()])
            return sorted((c.text, c.topic) for c in store.claims())

    in_process = topics_of(tmp_path / "a.db")
    monkeypatch.setattr(indexer, "TOPICS_IN_PROCESS_UNDER", 1)  # what a large run does
    assert topics_of(tmp_path / "b.db") == in_process


def test_events_and_ledgers_built_in_a_child_process_are_the_same(tmp_path, monkeypatch):
    from factcheck_tui.store import indexer

    def events_and_figures(db):
        with Store(db) as store:
            store.index([bundled_seeds()])
            names = {a.id: a.name for a in store.articles()}
            events = sorted(sorted(names[a] for a in e.article_ids) for e in store.events())
            figures = sorted((r.counted, r.status, len(r.values)) for r in store.figures())
            return events, figures

    in_process = events_and_figures(tmp_path / "a.db")
    assert in_process[0] and in_process[1]
    monkeypatch.setattr(indexer, "EVENTS_IN_PROCESS_FROM", 1)  # what a large run does
    assert events_and_figures(tmp_path / "b.db") == in_process


def test_a_reader_pinning_the_write_ahead_log_is_reported(tmp_path, monkeypatch):
    import sqlite3
    import subprocess
    import sys

    from factcheck_tui.store import indexer

    monkeypatch.setattr(indexer, "PINNED_LOG_PAGES", 5)
    db = tmp_path / "pinned.db"
    Store(db).close()
    reader = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, time\n"
        f"c = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
        "c.execute('BEGIN'); c.execute('SELECT count(*) FROM articles').fetchone(); print('reading', flush=True)\n"
        "time.sleep(60)\n")], stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert reader.stdout.readline().strip() == "reading"
        with Store(db) as store:
            report = store.index([bundled_seeds()])
    finally:
        reader.kill()
        reader.wait()
    assert any("old snapshot" in warning for _, warning in report.warnings), report.warnings
    with Store(db) as store:  # once the reader has gone, the next batch's checkpoint catches up
        store.index([bundled_seeds()])
        assert sqlite3.connect(db).execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[0] == 0


def test_reading_progress_counts_every_record_of_a_json_file(tmp_path):
    """A day's file of 3,218 records read as 'reading 1/1': the bar counts records, the total growing as files open."""
    import json

    records = [
        {"source": "okaz", "content": f"قال المتحدث إن {n + 2} مشاريع افتتحت في المدينة اليوم."} for n in range(5)
    ]
    (tmp_path / "day.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "a.txt").write_text("أعلنت الوزارة افتتاح ثلاثة مستشفيات جديدة في الرياض.", encoding="utf-8")
    seen = []
    with Store(tmp_path / "p.db") as store:
        store.index([tmp_path], progress=lambda e: seen.append((e.done, e.total)) if e.stage == "reading" else None)
    assert seen[-1] == (6, 6)
    assert all(done <= total for done, total in seen)
    assert [done for done, _ in seen] == list(range(1, 7))


@pytest.mark.parametrize("in_child", [False, True])
def test_events_figures_and_topics_progress_count_real_work(tmp_path, monkeypatch, in_child):
    """'topics 0/1' with only a timer for over a minute: each stage counts what it is through, up to its total."""
    from collections import defaultdict

    from factcheck_tui.store import indexer

    if in_child:  # what a large run does
        monkeypatch.setattr(indexer, "TOPICS_IN_PROCESS_UNDER", 1)
        monkeypatch.setattr(indexer, "EVENTS_IN_PROCESS_FROM", 1)
    seen: dict[str, list[tuple[int, int]]] = defaultdict(list)
    with Store(tmp_path / "p.db") as store:
        store.index([bundled_seeds()], progress=lambda e: seen[e.stage].append((e.done, e.total)))
        articles, claims, events = len(store.articles()), len(store.claims()), len(store.events())
    assert seen["events"][-1] == (articles, articles)
    assert seen["figures"][-1] == (events, events)
    assert seen["topics"][-1] == (claims, claims)
    for stage in ("events", "figures", "topics"):
        dones = [done for done, _ in seen[stage]]
        assert dones == sorted(dones) and all(done <= total for done, total in seen[stage]), stage


def test_the_topics_child_counts_the_claims_it_is_through_in_shared_memory(tmp_path):
    """What the bar reads while the topics child works: the child's own count, not the parent's final report."""
    import sqlite3
    from multiprocessing import get_context

    from factcheck_tui.store import indexer

    db = tmp_path / "c.db"
    with Store(db) as store:
        store.index([bundled_seeds()])
        claim_ids = [c.id for c in store.claims()]
    with sqlite3.connect(db) as conn:  # as claims are before grouping
        conn.execute("UPDATE claims SET topic_id = NULL")
    through = get_context("spawn").Value("i", 0)
    indexer._share_counts(through)
    try:
        groups = indexer._group_in_child(str(db), claim_ids)
    finally:
        indexer._share_counts(None)
    assert groups and through.value == len(claim_ids)
