"""Agreement figures against the published worked examples, then on a real database's history."""

import pytest

from factcheck_tui.store.agreement import cohen_kappa, krippendorff_alpha, pairwise, team_alpha


def test_cohens_kappa_on_the_fifty_proposals_example():
    # Two readers of 50 grant proposals: both yes 20, A yes B no 5, A no B yes 10, both no 15 -> p_o 0.70,
    # p_e 0.50, kappa 0.40 (the example of Cohen's kappa as usually taught, e.g. Wikipedia's).
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert cohen_kappa(pairs) == pytest.approx(0.40)
    assert cohen_kappa([]) is None and cohen_kappa([("y", "y")] * 3) is None


def test_krippendorffs_alpha_on_his_four_observers_twelve_units_example():
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", nominal data with missing values
    # ("." = not rated): alpha = 0.743.
    rows = [
        "1 2 3 3 2 1 4 1 2 . . .",
        "1 2 3 3 2 2 4 1 2 5 . 3",
        ". 3 3 3 2 3 4 2 2 5 1 .",
        "1 2 3 3 2 4 4 1 2 5 1 .",
    ]
    table = [r.split() for r in rows]
    units = [[row[u] for row in table if row[u] != "."] for u in range(12)]
    assert krippendorff_alpha(units) == pytest.approx(0.743, abs=5e-4)


def test_pairs_and_team_from_each_reviewers_verdicts():
    by = {"amal": {1: "confirmed", 2: "disputed", 3: "confirmed"}, "omar": {1: "confirmed", 2: "confirmed"},
          "sara": {3: "confirmed"}}  # fmt: skip
    assert [(a, b, n) for a, b, n, _ in pairwise(by)] == [("amal", "omar", 2), ("amal", "sara", 1)]
    assert team_alpha(by, claims=[1]) is None  # one value pair, all alike: no variation to be reliable about
    assert team_alpha(by) is not None


def test_each_reviewers_latest_verdict_comes_from_the_history_and_an_undo_is_taken_back_from_its_maker(seeded_db):
    from factcheck_tui.store.api import Store

    with Store(seeded_db) as store:
        a, b, c = (x.id for x in store.claims()[:3])
        store.set_verdict(a, "confirmed", "amal")
        store.set_verdict(a, "disputed", "omar")  # omar judged a after amal: both count
        store.set_verdict(b, "disputed", "omar")
        store.set_verdict(b, "confirmed", "amal")
        store.undo("amal")
        store.set_verdict(c, "single-source", "sara")
        from factcheck_tui.store.agreement import reviewer_verdicts

        assert reviewer_verdicts(store.conn) == {
            "amal": {a: "confirmed"},  # b's confirmation was undone: the disputed verdict it restored is omar's
            "omar": {a: "disputed", b: "disputed"},
            "sara": {c: "single-source"},
        }
        figures = store.agreement()
    assert figures["pairs"] == [{"reviewers": ["amal", "omar"], "claims": 1, "kappa": 0.0}]  # they disagree
    assert figures["team"]["reviewers"] == 3
    assert {r["reviewer"] for r in figures["with_suggested"]} == {"amal", "omar", "sara"}
