"""Double and blind review (store.reviews) on a real SQLite file: each reviewer's verdict kept apart, the final
verdict agreed or adjudicated, blind reads, undo and the history row by row; real processes for concurrency."""

import csv
import io
import json
import subprocess
import sys
import textwrap

import pytest

from factcheck_tui.store.api import Store, StoreError
from factcheck_tui.store.reviews import agreed_verdict


@pytest.fixture
def desk(seeded_db):
    """The seeds with a team (editor "ed", reviewers amal and omar), two blind reviews needed."""
    with Store(seeded_db) as store:
        store.team_add("amal", account="ed")
        store.team_add("omar", account="ed")
        store.set_review_policy(reviews_needed=2, blind=True, account="ed")
    return seeded_db


def as_(db, viewer):
    return Store(db, viewer=viewer)


def test_the_reviews_settle_on_a_verdict_only_when_enough_agree():
    assert agreed_verdict([], 2) is None
    assert agreed_verdict(["confirmed"], 2) is None
    assert agreed_verdict(["confirmed", "confirmed"], 2) == "confirmed"
    assert agreed_verdict(["confirmed", "disputed"], 2) is None
    assert agreed_verdict(["disputed"], 1) == "disputed"


def test_only_an_editor_changes_the_policy_and_the_default_is_one_open_review(seeded_db):
    with Store(seeded_db) as store:
        assert (store.review_policy().reviews_needed, store.review_policy().blind) == (1, False)
        store.team_add("amal", account="ed")
        with pytest.raises(StoreError, match="editor"):
            store.set_review_policy(reviews_needed=2, account="amal")
        with pytest.raises(StoreError, match="1 to 10"):
            store.set_review_policy(reviews_needed=0, account="ed")
        assert store.set_review_policy(blind=True, account="ed").per_reviewer


def test_two_blind_reviewers_then_the_final_verdict_row_by_row(desk):
    with as_(desk, "amal") as amal, as_(desk, "omar") as omar:
        claim_id = amal.claims()[0].id
        mine = amal.set_verdict(claim_id, "confirmed", "amal", note="two outlets")
        assert (mine.verdict, mine.final_verdict, mine.reviews_given) == ("confirmed", None, 1)

        seen = omar.claim(claim_id)  # blind: omar sees that one review was given, not which
        assert seen.hidden and seen.verdict is None and seen.reviews == () and seen.reviews_given == 1
        assert omar.history(claim_id) == []
        assert [c.id for c in omar.claims()] == [c.id for c in amal.claims()]

        after = omar.set_verdict(claim_id, "confirmed", "omar")
        assert not after.hidden and after.final_verdict == "confirmed"
        assert [(r.reviewer, r.verdict, r.note) for r in after.reviews] == [
            ("amal", "confirmed", "two outlets"), ("omar", "confirmed", None)]  # fmt: skip
        rows = [(e.kind, e.reviewer, e.verdict, e.previous) for e in omar.history(claim_id)]
        assert rows == [("review", "amal", "confirmed", None), ("review", "omar", "confirmed", None),
                        ("final", "omar", "confirmed", None)]  # fmt: skip
    with Store(desk) as anyone:  # no viewer: the claim's final verdict (what exports carry)
        assert anyone.claim(claim_id).verdict == "confirmed"


def test_reviewers_who_disagree_go_to_an_editor_whose_decision_stands(desk):
    with as_(desk, "amal") as amal, as_(desk, "omar") as omar, as_(desk, "ed") as ed:
        claim_id = amal.claims()[1].id
        amal.set_verdict(claim_id, "confirmed", "amal")
        omar.set_verdict(claim_id, "disputed", "omar", note="Kremlin denies")
        assert ed.claim(claim_id).final_verdict is None
        queue = ed.to_adjudicate()
        assert [c.id for c in queue] == [claim_id]
        assert {r.reviewer: r.verdict for r in queue[0].reviews} == {"amal": "confirmed", "omar": "disputed"}
        with pytest.raises(StoreError, match="only an editor"):
            amal.adjudicate(claim_id, "confirmed", "amal")
        with pytest.raises(StoreError, match="only an editor"):
            amal.to_adjudicate()

        decided = ed.adjudicate(claim_id, "disputed", "ed", note="the denial is on record")
        assert (decided.final_verdict, decided.adjudicated_by) == ("disputed", "ed")
        assert ed.to_adjudicate() == []
        amal.set_verdict(claim_id, "single-source", "amal")  # a review changed later: the editor's decision stands
        assert amal.claim(claim_id).final_verdict == "disputed"
        kinds = [(e.kind, e.reviewer, e.verdict) for e in ed.history(claim_id)]
        assert kinds[-2:] == [("adjudication", "ed", "disputed"), ("review", "amal", "single-source")]

        ed.undo("ed")  # withdrawing the decision: the reviews settle it again (they disagree: none)
        assert ed.claim(claim_id).final_verdict is None and ed.claim(claim_id).adjudicated_by is None


def test_undoing_a_review_takes_back_the_agreement_it_made(desk):
    with as_(desk, "amal") as amal, as_(desk, "omar") as omar:
        claim_id = amal.claims()[2].id
        amal.set_verdict(claim_id, "disputed", "amal")
        omar.set_verdict(claim_id, "disputed", "omar")
        assert omar.claim(claim_id).final_verdict == "disputed"
        omar.undo("omar")
        assert omar.claim(claim_id).verdict is None
        assert amal.claim(claim_id).final_verdict is None
        assert [e.kind for e in amal.history(claim_id)][-2:] == ["review", "final"]


def test_a_filter_reads_the_viewers_own_review(desk):
    with as_(desk, "amal") as amal, as_(desk, "omar") as omar:
        claim_id = amal.claims()[0].id
        amal.set_verdict(claim_id, "confirmed", "amal")
        from factcheck_tui.store.models import ClaimFilter

        assert claim_id not in [c.id for c in amal.claims(ClaimFilter(unreviewed=True))]
        assert claim_id in [c.id for c in omar.claims(ClaimFilter(unreviewed=True))]


def test_turning_double_review_on_keeps_the_verdicts_given_as_reviews(seeded_db):
    with Store(seeded_db) as store:
        store.team_add("amal", account="ed")
        claim_id = store.claims()[0].id
        store.set_verdict(claim_id, "confirmed", "amal")
        store.set_review_policy(reviews_needed=2, account="ed")
        claim = store.claim(claim_id)
        assert [(r.reviewer, r.verdict) for r in claim.reviews] == [("amal", "confirmed")]
        assert claim.final_verdict is None  # one review of two: not final any more
        assert store.history(claim_id)[-1].kind == "final"


REVIEWER = textwrap.dedent(
    """
    import random, sys
    from factcheck_tui.store.api import Store
    db, reviewer, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(seed)
    with Store(db, viewer=reviewer) as store:
        ids = [c.id for c in store.claims()][:10]
        for _ in range(30):
            store.set_verdict(rng.choice(ids), rng.choice(["confirmed", "disputed"]), reviewer)
    """
)


def test_four_processes_of_two_reviewers_each_lose_nothing_and_settle_right(desk):
    """Two processes per reviewer (two terminals each) on the same ten claims, blind, two reviews needed."""
    names = ["amal", "amal", "omar", "omar"]
    procs = [subprocess.Popen([sys.executable, "-c", REVIEWER, str(desk), n, str(i)]) for i, n in enumerate(names)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    with Store(desk) as store:
        events = store.events_since(0)
        assert sum(e.kind == "review" for e in events) == 120
        last: dict[tuple[int, str], str] = {}
        for e in events:
            if e.kind == "review":
                last[(e.claim_id, e.reviewer)] = e.verdict
        for claim in store.claims()[:10]:
            given = {r.reviewer: r.verdict for r in claim.reviews}
            assert given == {who: v for (c, who), v in last.items() if c == claim.id}
            both = set(given.values())
            expected = given["amal"] if len(given) == 2 and len(both) == 1 else None
            assert claim.final_verdict == expected
            finals = [e.verdict for e in events if e.claim_id == claim.id and e.kind == "final"]
            assert (finals[-1] if finals else None) == expected


def test_exports_carry_each_review_the_final_verdict_and_who_decided_it(desk):
    with as_(desk, "amal") as amal, as_(desk, "omar") as omar, as_(desk, "ed") as ed:
        agreed, split = [c.id for c in amal.claims()[:2]]
        amal.set_verdict(agreed, "confirmed", "amal")
        omar.set_verdict(agreed, "confirmed", "omar")
        amal.set_verdict(split, "confirmed", "amal", note="two outlets")
        omar.set_verdict(split, "disputed", "omar")
        claims = {c["id"]: c for c in json.loads(ed.export("json"))["claims"]}
        assert claims[agreed]["verdict"] == "confirmed"
        assert (claims[split]["verdict"], claims[split]["adjudicated_by"]) == (None, None)
        assert [(r["reviewer"], r["verdict"], r["note"]) for r in claims[split]["reviews"]] == [
            ("amal", "confirmed", "two outlets"), ("omar", "disputed", None)]  # fmt: skip

        ed.adjudicate(split, "disputed", "ed", note="the denial stands")
        claims = {c["id"]: c for c in json.loads(ed.export("json"))["claims"]}
        assert (claims[split]["verdict"], claims[split]["adjudicated_by"], claims[split]["note"]) == (
            "disputed", "ed", "the denial stands")  # fmt: skip
        rows = {int(r["claim_id"]): r for r in csv.DictReader(io.StringIO(ed.export("csv")))}
        assert rows[split]["adjudicated_by"] == "ed"
        assert [line.split(" | ")[:2] for line in rows[split]["reviews"].splitlines()] == [
            ["amal", "confirmed"], ["omar", "disputed"]]  # fmt: skip
    with Store(desk) as store:
        store.team_add("zaid", account="ed")
    with as_(desk, "zaid") as zaid:  # blind, no review of their own yet: their export shows no colleague's
        claims = {c["id"]: c for c in json.loads(zaid.export("json"))["claims"]}
        assert claims[agreed]["verdict"] is None and claims[agreed]["reviews"] == []
