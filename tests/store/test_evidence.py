"""Evidence across outlets on a real SQLite file: incremental updates, stale verdicts, copies as one origin."""

import shutil

from factcheck_tui.store.api import Store, bundled_seeds

G60 = "فشلت ثلاث جولات من المحادثات بين أوكرانيا وروسيا في اسطنبول"
TWO_ROUNDS = (
    "جولة جديدة من المحادثات\n"
    "وكانت جولتان من المحادثات بين أوكرانيا وروسيا في اسطنبول قد فشلتا في تحقيق أي تقدم نحو إنهاء الحرب.\n"
)


def claim_with(store, quote):
    return next(c for c in store.claims() if quote in c.text)


def test_evidence_comes_only_from_other_articles(store):
    for claim in store.claims():
        assert all(e.article_id != claim.article_id for e in store.evidence(claim.id))


def test_a_number_in_words_confirms_the_same_figure_in_digits(store):
    claim = claim_with(store, "استمرت المحادثات ثلاث ساعات")
    agreeing = [e for e in store.evidence(claim.id) if e.stance == "agree"]
    assert any("3 ساعات" in e.sentence for e in agreeing)
    assert claim.suggested_verdict == "confirmed"


def test_adding_one_article_rechecks_only_what_it_touches_and_marks_stale_verdicts(seeded_db, tmp_path):
    with Store(seeded_db) as store:
        claim = claim_with(store, G60)
        untouched = claim_with(store, "تسعة أكواخ صغيرة")
        untouched_evidence = store.evidence(untouched.id)
        assert claim.suggested_verdict == "confirmed"
        store.set_verdict(claim.id, "confirmed", "amal")
        total = store.stats().claims

        new = tmp_path / "two_rounds.txt"
        new.write_text(TWO_ROUNDS, encoding="utf-8")
        report = store.index([new])

        assert report.added == 1
        assert 0 < report.claims_rechecked < total / 3
        after = store.claim(claim.id)
        assert after.suggested_verdict == "disputed"
        assert after.stale and after.verdict == "confirmed"
        [dispute] = [e for e in store.evidence(claim.id) if e.stance == "disagree"]
        assert "جولتان" in dispute.reason and dispute.sentence_spans
        assert store.evidence(untouched.id) == untouched_evidence
        assert store.stats().stale == 1


def test_syndicated_copies_count_as_one_origin(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    original = bundled_seeds() / "003_e02a900941bde77c.txt"
    shutil.copy(original, folder / "003.txt")
    text = original.read_text(encoding="utf-8")
    (folder / "wire_copy.txt").write_text(text.replace("محادثات بناءة", "محادثات مفيدة"), encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        store.index([folder])
        copy = next(a for a in store.articles() if a.name == "wire_copy.txt")
        first = next(a for a in store.articles() if a.name == "003.txt")
        assert copy.origin_id == first.id
        claim = claim_with(store, "تسعة أكواخ صغيرة")
        evidence = store.evidence(claim.id)
        assert evidence and all(e.copy_of is not None or e.article_id == first.id for e in evidence)
        # the copy repeats the claim word for word, yet nobody else reports it
        assert claim.suggested_verdict == "single-source"


def test_an_article_on_another_story_rechecks_only_its_own_claims(seeded_db, tmp_path):
    with Store(seeded_db) as store:
        new = tmp_path / "football.txt"
        new.write_text("فاز نادي الهلال على النصر بهدفين مقابل هدف في مباراة الدوري بالرياض.\n", encoding="utf-8")
        report = store.index([new])
        article = next(a for a in store.articles() if a.name == "football.txt")
        own = [c for c in store.claims() if c.article_id == article.id]
        assert own and report.claims_rechecked == len(own)


def test_candidates_read_from_the_full_text_index_are_those_of_the_whole_index_in_memory(store):
    from factcheck_tui.store import evidence

    conn = store.conn
    in_memory = evidence._Corpus(conn, claims=evidence.LOAD_ALL_FROM)
    stored = evidence._Corpus(conn, claims=0)
    assert isinstance(stored.index, evidence.StoredCandidateIndex)
    rows = conn.execute(
        "SELECT c.id, c.article_id, s.terms FROM claims c JOIN sentences s ON s.id = c.sentence_id"
    ).fetchall()
    assert rows
    for claim_id, article_id, terms in rows:
        assert evidence._most_covered(stored, terms, article_id) == evidence._most_covered(in_memory, terms, article_id)
        assert evidence._evidence_for(stored, claim_id) == evidence._evidence_for(in_memory, claim_id)
