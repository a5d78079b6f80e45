"""Reviewers' marks on evidence links (store.feedback) on a real SQLite file: kept with who and when, out of the
suggestion at once and after the evidence is computed again, shown and exported as labelled pairs."""

import json

import pytest

from factcheck_tui.store import evidence as evidence_stage
from factcheck_tui.store import feedback
from factcheck_tui.store.api import Store, StoreError
from factcheck_tui.store.review import write_transaction


def test_suggesting_again_from_the_stored_evidence_gives_the_indexers_suggestions(store):
    before = {c.id: c.suggested_verdict for c in store.claims()}
    with write_transaction(store.conn):
        feedback.suggest_again(store.conn, list(before))
    assert {c.id: c.suggested_verdict for c in store.claims()} == before


def confirmed_claim(store):
    return next(c for c in store.claims() if c.suggested_verdict == "confirmed"
                and not any(e.stance in ("disagree", "update") for e in store.evidence(c.id)))  # fmt: skip


def test_links_marked_wrong_leave_the_suggestion_at_once_and_after_a_recompute(store):
    claim = confirmed_claim(store)
    agreeing = [e.sentence_id for e in store.evidence(claim.id) if e.stance == "agree"]
    for sid in agreeing:
        shown = store.mark_evidence(claim.id, sid, "other_event", "amal", note="another meeting")
    assert store.claim(claim.id).suggested_verdict == "single-source"
    marked = next(e for e in shown if e.sentence_id == agreeing[0])
    assert [(m.reviewer, m.mark, m.note) for m in marked.marks] == [("amal", "other_event", "another meeting")]

    evidence_stage.compute_for_claims(store.conn, [claim.id])  # the evidence computed again: the marks still count
    assert store.claim(claim.id).suggested_verdict == "single-source"

    store.mark_evidence(claim.id, agreeing[0], "right", "omar")  # the latest mark on a link decides
    assert store.claim(claim.id).suggested_verdict == "confirmed"
    assert {m.reviewer: m.mark for m in next(e for e in store.evidence(claim.id)
                                             if e.sentence_id == agreeing[0]).marks} == {"amal": "other_event",
                                                                                          "omar": "right"}  # fmt: skip


def test_a_mark_taken_back_counts_no_more_and_bad_marks_are_refused(store):
    claim = confirmed_claim(store)
    sid = next(e.sentence_id for e in store.evidence(claim.id) if e.stance == "agree")
    store.mark_evidence(claim.id, sid, "wrong_stance", "amal")
    store.mark_evidence(claim.id, sid, None, "amal")
    assert next(e for e in store.evidence(claim.id) if e.sentence_id == sid).marks == ()
    assert store.claim(claim.id).suggested_verdict == "confirmed"
    with pytest.raises(StoreError, match="unknown mark"):
        store.mark_evidence(claim.id, sid, "meh", "amal")
    with pytest.raises(StoreError, match="has no evidence sentence"):
        store.mark_evidence(claim.id, 10**9, "right", "amal")


def test_the_marks_are_exported_as_labelled_pairs_and_beside_each_link(seeded_db):
    with Store(seeded_db) as store:
        claim = confirmed_claim(store)
        link = next(e for e in store.evidence(claim.id) if e.stance == "agree")
        store.mark_evidence(claim.id, link.sentence_id, "not_independent", "amal", note="same wire")
        pairs = [json.loads(line) for line in store.export("feedback").splitlines()]
        assert len(pairs) == 1
        pair = pairs[0]
        assert (pair["claim_id"], pair["sentence_id"], pair["label"], pair["reviewer"], pair["note"]) == (
            claim.id, link.sentence_id, "not_independent", "amal", "same wire")  # fmt: skip
        assert pair["claim"] == claim.text and pair["sentence"] == link.sentence and pair["engine_stance"] == "agree"
        data = json.loads(store.export("json"))
        exported = next(e for c in data["claims"] if c["id"] == claim.id for e in c["evidence"]
                        if e["sentence"] == link.sentence)  # fmt: skip
        assert [(f["reviewer"], f["mark"]) for f in exported["feedback"]] == [("amal", "not_independent")]


def test_a_mark_taken_back_gives_the_link_back_to_the_marks_still_standing(store):
    """amal says wrong, omar says right, omar takes his back: amal's mark stands again."""
    claim = confirmed_claim(store)
    agreeing = [e.sentence_id for e in store.evidence(claim.id) if e.stance == "agree"]
    for sid in agreeing:
        store.mark_evidence(claim.id, sid, "other_event", "amal")
    store.mark_evidence(claim.id, agreeing[0], "right", "omar")
    assert store.claim(claim.id).suggested_verdict == "confirmed"
    store.mark_evidence(claim.id, agreeing[0], None, "omar")
    assert store.claim(claim.id).suggested_verdict == "single-source"
