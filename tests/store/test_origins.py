"""Independent origins, on a real SQLite file: the claim's own outlet is never evidence, a copy of the claim's
text confirms nothing, and wire copy reprinted by several outlets is one origin."""

from __future__ import annotations

import json
from pathlib import Path

from factcheck_tui.store.api import Store

CLAIM = "أوضحت المديرية العامة للجوازات أن عدد المصحح وضعهم من اليمنيين في كل مراكز التصحيح بلغ 354863 شخصا."
RETOLD = "قالت الجوازات إن عدد اليمنيين المصحح وضعهم في كل مراكز التصحيح بالمملكة بلغ 354863 شخصا حتى أمس."
LATER = "أوضحت المديرية العامة للجوازات أن عدد المصحح وضعهم من اليمنيين في كل مراكز التصحيح بلغ 363378 شخصا."


def _article(folder: Path, name: str, outlet: str, date: str, *sentences: str) -> None:
    # each outlet ends the story its own way: identical bodies would be one article, not two reprints
    body = " ".join(sentences) + f" ونشرت {outlet} الخبر في موقعها."
    record = {"source": outlet, "title": name, "date": date, "url": f"https://{outlet}.example/{name}", "content": body}
    (folder / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def _claim(store: Store, article: str):
    return next(c for c in store.claims() if c.article == f"{article}#0" and "354863" in c.text)


def test_own_outlet_never_counts_and_a_copy_of_the_claim_confirms_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    _article(folder, "a", "sabq", "2015-07-22 09:00:00", CLAIM)
    _article(folder, "b", "sabq", "2015-07-22 11:00:00", RETOLD)  # the claim's own outlet
    _article(folder, "c", "alriyadh", "2015-07-22 12:00:00", CLAIM)  # the same text reprinted elsewhere
    with Store(tmp_path / "f.db") as store:
        store.index([str(folder)])
        claim = _claim(store, "a.json")
        evidence = store.evidence(claim.id)
        assert all(e.outlet != "sabq" for e in evidence)
        copies = [e for e in evidence if e.article == "c.json#0"]
        assert copies and all(e.own_origin for e in copies)
        assert claim.suggested_verdict == "single-source"


def test_wire_copy_of_several_outlets_is_one_origin_and_a_retelling_confirms(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    _article(folder, "a", "sabq", "2015-07-22 09:00:00", CLAIM)
    _article(folder, "b", "okaz", "2015-07-22 11:00:00", RETOLD)
    _article(folder, "c", "alyaum", "2015-07-22 12:00:00", RETOLD)  # okaz's text reprinted
    with Store(tmp_path / "f.db") as store:
        store.index([str(folder)])
        claim = _claim(store, "a.json")
        evidence = [e for e in store.evidence(claim.id) if e.stance == "agree"]
        assert {e.article for e in evidence} == {"b.json#0", "c.json#0"}
        assert len({e.origin for e in evidence}) == 1 and not any(e.own_origin for e in evidence)
        assert claim.suggested_verdict == "confirmed"


def test_a_later_count_of_the_same_thing_is_an_update_not_a_dispute(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    _article(folder, "a", "sabq", "2015-07-22 09:00:00", CLAIM)
    _article(folder, "b", "okaz", "2015-07-24 09:00:00", LATER)
    with Store(tmp_path / "f.db") as store:
        store.index([str(folder)])
        claim = _claim(store, "a.json")
        (update,) = [e for e in store.evidence(claim.id) if e.article == "b.json#0"]
        assert update.stance == "update" and "later report" in update.reason and update.date.startswith("2015-07-24")
        assert claim.suggested_verdict != "disputed"


def test_agreeing_origins_of_some_claims_are_those_of_all_claims_for_them(store: Store) -> None:
    every = store.agreeing_origins()
    assert every  # the seeds' claims have agreeing evidence
    some = sorted(every)[::2] + [max(c.id for c in store.claims()) + 1000]  # and an id with none
    assert store.agreeing_origins(some) == {cid: every[cid] for cid in some if cid in every}
    assert store.agreeing_origins([]) == {}


def test_the_topics_asked_for_are_those_of_all_topics(store: Store) -> None:
    every = store.topics()
    some = [t.id for t in every[1::2]]
    assert store.topics(only=some) == [t for t in every if t.id in some]
    assert store.topics(only=[]) == []
