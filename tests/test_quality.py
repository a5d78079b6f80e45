"""The engine's figures on the reviewer's gold reading of the seeds, kept from slipping back.

Needs ../shared/eval beside the repository (as in the workplace and CI); skipped elsewhere."""

import sys
from pathlib import Path

import pytest

# the evaluation harness lives in tools/, outside the wheel
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from quality import evaluate_gold

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "seeds_gold.json"
pytestmark = pytest.mark.skipif(not GOLD.is_file(), reason="../shared/eval/seeds_gold.json is not beside the repo")


@pytest.fixture(scope="module")
def report():
    return evaluate_gold(GOLD)


def test_every_gold_claim_is_extracted_and_no_non_claim(report):
    assert report.missing == []
    assert report.non_claims_extracted == []


def test_suggested_verdicts_and_links(report):
    # Lowered from 15/16 and 12/14 when agreement became a statement both sentences make (store.text.statements):
    # the seeds' reworded retellings with no figure in common (G05, G34, G40, G42, G70) share too few of their
    # distinctive words to be read as one statement, where on real news the same looseness made a quarter to a
    # third of the 'agree' links wrong. Raise these again as the statement reading learns paraphrase.
    assert report.verdicts_right >= 11, report.verdict_errors
    assert report.support_links >= 7, report.support_missing


def test_added_contradicting_article_flips_the_verdicts_it_should(report):
    assert report.scenario_right == report.scenario_expected, report.scenario_errors


def test_unrelated_topics_stay_apart(report):
    assert report.different_topics_apart >= 0.95
