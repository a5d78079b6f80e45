"""The learned check on conflicts between retrieved sentences (store.text.judging.conflict_check) and where the
engine applies it (store.text.judging.match)."""

import pytest

from factcheck_tui.store.text.judging import conflict_check
from factcheck_tui.store.text.judging.conflict_check import check_features, real_probability, stands
from factcheck_tui.store.text.judging.match import judge_pairs

P = {"same": 0.2, "contradicts": 0.7, "neither": 0.1}


def test_the_check_reads_kinds_of_difference_not_words():
    features = {"conf:number": 1.0, "ins:قتيلا": 1.0, "pairroot:قتل|جرح": 1.0, "edit:n=2": 1.0}
    assert check_features(features, P) == {"conf:number": 1.0, "edit:n=2": 1.0, "p:same": 0.2,
                                           "p:contradicts": 0.7, "p:neither": 0.1}  # fmt: skip


def test_a_conflict_stands_at_the_models_operating_point(monkeypatch):
    monkeypatch.setattr(conflict_check, "_model", lambda: ({"conf:number": 3.0, "p:contradicts": 1.0}, -2.0, 0.5))
    assert real_probability({"conf:number": 1.0}, P) == pytest.approx(1 / (1 + 2.718281828**-1.7))
    assert stands({"conf:number": 1.0}, P)
    assert not stands({"conf:negation": 1.0}, P)


def test_the_shipped_check_gives_a_probability_to_every_conflict():
    assert 0.0 < real_probability({"conf:number": 1.0, "edit:n=2": 1.0}, P) < 1.0


@pytest.mark.parametrize(
    ("claim", "other"),
    [
        ("أعلنت وزارة الصحة تسجيل 35 إصابة جديدة بفيروس كورونا في الرياض",
         "سجلت وزارة الصحة 53 إصابة جديدة بفيروس كورونا في الرياض"),
        ("قال المتحدث باسم الدفاع المدني إن 12 شخصا لقوا حتفهم في انهيار مبنى سكني وسط المدينة مساء الخميس",
         "ونفى مصدر في الدفاع المدني أن يكون 12 شخصا لقوا حتفهم في انهيار مبنى سكني وسط المدينة مساء الخميس"),
    ],
)  # fmt: skip
def test_an_altered_retelling_between_retrieved_sentences_is_still_a_conflict(claim, other):
    """What the check was taught with altered retellings: without them it kept 0.15 of ANS dev's contradictions."""
    (result,) = judge_pairs([(claim, other, "2015-08-03", "2015-08-03")], one_happening=False)
    assert result is not None and result.stance == "disagree"
