import pytest

from factcheck_tui.store.api import Store, VerdictConflict
from factcheck_tui.store.db import StoreError


def first_claim(store):
    return store.claims()[0]


def test_verdict_is_stored_with_an_event(store):
    claim = first_claim(store)
    after = store.set_verdict(claim.id, "confirmed", "amal", note="seen in 3 outlets")
    assert (after.verdict, after.reviewer, after.note, after.version) == ("confirmed", "amal", "seen in 3 outlets", 1)
    [event] = store.history(claim.id)
    assert (event.verdict, event.previous, event.reviewer, event.note) == (
        "confirmed",
        None,
        "amal",
        "seen in 3 outlets",
    )


def test_every_change_appends_and_clear_keeps_history(store):
    claim = first_claim(store)
    store.set_verdict(claim.id, "confirmed", "amal")
    store.set_verdict(claim.id, "disputed", "omar")
    store.set_verdict(claim.id, None, "amal")
    events = store.history(claim.id)
    assert [(e.previous, e.verdict, e.reviewer) for e in events] == [
        (None, "confirmed", "amal"),
        ("confirmed", "disputed", "omar"),
        ("disputed", None, "amal"),
    ]
    assert store.claim(claim.id).verdict is None


def test_note_keeps_verdict(store):
    claim = first_claim(store)
    store.set_verdict(claim.id, "disputed", "amal")
    after = store.set_note(claim.id, "figures differ", "amal")
    assert (after.verdict, after.note) == ("disputed", "figures differ")


def test_stale_version_is_refused_and_nothing_written(store):
    claim = first_claim(store)
    store.set_verdict(claim.id, "confirmed", "omar", expected_version=0)
    with pytest.raises(VerdictConflict) as info:
        store.set_verdict(claim.id, "disputed", "amal", expected_version=0)
    assert info.value.current["reviewer"] == "omar"
    assert store.claim(claim.id).verdict == "confirmed"
    assert len(store.history(claim.id)) == 1


def test_undo_restores_previous_verdict_and_note_step_by_step(store):
    claim = first_claim(store)
    store.set_verdict(claim.id, "confirmed", "amal", note="a")
    store.set_verdict(claim.id, "disputed", "amal", note="b")
    store.undo("amal")
    assert (store.claim(claim.id).verdict, store.claim(claim.id).note) == ("confirmed", "a")
    store.undo("amal")
    assert store.claim(claim.id).verdict is None
    assert store.undo("amal") is None
    assert len(store.history(claim.id)) == 4  # undo is recorded, never erased


def test_undo_is_per_reviewer_and_refuses_to_wipe_someone_elses_change(store):
    claim = first_claim(store)
    store.set_verdict(claim.id, "confirmed", "amal")
    store.set_verdict(claim.id, "disputed", "omar")
    with pytest.raises(VerdictConflict):
        store.undo("amal")
    assert store.claim(claim.id).verdict == "disputed"


def test_unknown_claim_and_unknown_verdict_are_user_errors(store):
    with pytest.raises(StoreError, match="no claim with id 999999"):
        store.set_verdict(999999, "confirmed", "amal")
    with pytest.raises(StoreError, match="unknown verdict"):
        store.set_verdict(first_claim(store).id, "true", "amal")


def test_another_connection_sees_the_change_through_data_version(seeded_db):
    with Store(seeded_db) as a, Store(seeded_db) as b:
        before = b.data_version()
        claim = a.claims()[0]
        a.set_verdict(claim.id, "confirmed", "amal")
        assert b.data_version() != before
        assert b.claim(claim.id).verdict == "confirmed"


def test_clearing_an_unreviewed_claim_writes_no_history_and_undo_skips_nothing(store):
    a, b = (c.id for c in store.claims()[:2])
    store.set_verdict(a, "confirmed", "amal")
    store.set_verdict(b, None, "amal")  # x on an unreviewed claim
    assert store.history(b) == []
    event = store.undo("amal")
    assert event is not None and event.claim_id == a  # the real change is undone, not a no-op
