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
