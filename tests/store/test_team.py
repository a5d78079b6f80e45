"""The desk's team on a real database file: who may review, who may change the team, and the identity a
person reviews under (issue 12, first part)."""

import pytest

from factcheck_tui.store.api import Store, StoreError


def test_no_team_reviews_as_before(store):
    assert store.team() == []
    assert store.identity(None, account="amal") == "amal"
    assert store.identity("omar", account="amal") == "omar"  # --reviewer, as today


def test_the_first_change_makes_its_account_an_editor_and_only_editors_change_the_team(seeded_db):
    with Store(seeded_db) as store:
        added = store.team_add("omar", "reviewer", account="amal")
        assert [(m.name, m.role) for m in added] == [("amal", "editor"), ("omar", "reviewer")]
        with pytest.raises(StoreError, match="only an editor changes the team"):
            store.team_add("sara", "reviewer", account="omar")
        store.team_add("omar", "editor", account="amal")  # a new role for a member
        assert {m.name: m.role for m in store.team()} == {"amal": "editor", "omar": "editor"}
        store.team_remove("amal", account="omar")
        store.team_add("sara", "reviewer", account="omar")
        with pytest.raises(StoreError, match="the team's only editor"):
            store.team_remove("omar", account="omar")
    with Store(seeded_db) as again:  # kept in the file
        assert [m.name for m in again.team()] == ["omar", "sara"]


def test_on_a_team_people_review_as_their_account_or_a_members_name_where_allowed(seeded_db):
    with Store(seeded_db) as store:
        store.team_add("omar", account="amal")
        assert store.identity(None, account="omar") == "omar"
        with pytest.raises(StoreError, match="zaid is not on this database's team: an editor adds you"):
            store.identity(None, account="zaid")
        with pytest.raises(StoreError, match="--reviewer names are not allowed"):
            store.identity("omar", account="www-data")
        store.team_allow_named_reviewers(True, account="amal")
        assert store.identity("omar", account="www-data") == "omar"  # a browser session names its member
        with pytest.raises(StoreError, match="nobody is not on this database's team"):
            store.identity("nobody", account="www-data")
        with pytest.raises(StoreError, match="only an editor"):
            store.team_allow_named_reviewers(False, account="omar")


def test_an_editor_assigns_claims_and_the_list_filters_to_a_reviewers_queue(seeded_db):
    from factcheck_tui.store.models import ClaimFilter

    with Store(seeded_db) as store:
        store.team_add("omar", account="amal")
        ids = [c.id for c in store.claims()[:4]]
        assert store.assign(ids[:3], "omar", account="amal") == 3
        with pytest.raises(StoreError, match="only an editor"):
            store.assign(ids[3:], "omar", account="omar")
        with pytest.raises(StoreError, match="zaid is not on this database's team"):
            store.assign(ids[3:], "zaid", account="amal")
        with pytest.raises(StoreError, match="no claim with id 999999"):
            store.assign([999999], "omar", account="amal")
        assert [c.id for c in store.claims(ClaimFilter(assigned_to="omar"))] == ids[:3]
        store.set_verdict(ids[0], "confirmed", "omar")
        assert [c.id for c in store.claims(ClaimFilter(assigned_to="omar", unreviewed=True))] == ids[1:3]
        store.assign(ids[1:2], None, account="amal")
        assert [c.id for c in store.claims(ClaimFilter(assigned_to="omar"))] == [ids[0], ids[2]]


def test_adding_oneself_to_an_empty_team_makes_one_its_editor(seeded_db):
    with Store(seeded_db) as store:
        assert [(m.name, m.role) for m in store.team_add("amal", "reviewer", account="amal")] == [("amal", "editor")]
