"""The learned pair judgement (store.text.judgement) and the engine's decision on top of it (store.text.match)."""

import pytest

from factcheck_tui.store.text.judging.judgement import (
    CLASSES,
    ONE_STATEMENT_MIN,
    STATEMENT_WORDS,
    judgement_features,
    probabilities,
    stance_of,
)
from factcheck_tui.store.text.judging.match import judge_pairs
from factcheck_tui.store.text.judging.stance_features import instances_differ, view


def p(same: float, contradicts: float) -> dict[str, float]:
    return {"same": same, "contradicts": contradicts, "neither": 1 - same - contradicts}


def test_probabilities_are_a_distribution_over_the_three_classes():
    features = judgement_features(view("ارتفع عدد القتلى إلى 12 شخصا"), view("ارتفع عدد القتلى إلى 15 شخصا"), 0.9, 3,
                                  "disagree")  # fmt: skip
    probs = probabilities(features)
    assert set(probs) == set(CLASSES)
    assert sum(probs.values()) == pytest.approx(1.0)
    assert all(0 < x < 1 for x in probs.values())


def test_the_edit_between_the_sentences_is_described_by_its_kind():
    a, b = view("ارتفعت أسعار النفط في تعاملات الأمس"), view("انخفضت أسعار النفط في تعاملات الأمس")
    features = judgement_features(a, b, 0.8, 3, "related")
    assert features["edit:antonym"] == 1.0
    assert features["rule:related"] == 1.0
    assert features["edit:n=2"] == 1.0
    assert not any(name.startswith("neg:only_claim:") for name in features)


def test_a_rule_conflict_stands_only_where_the_model_reads_one_statement():
    one = p(0.2, ONE_STATEMENT_MIN)
    two = p(0.05, ONE_STATEMENT_MIN - 0.1)
    assert stance_of(one, "disagree", False, 3) == "disagree"
    assert stance_of(one, "update", False, 3) == "update"
    assert stance_of(two, "disagree", False, 3) == "related"


def test_another_place_is_another_happening_between_retrieved_sentences_not_in_a_report_on_the_claim():
    one = p(0.2, ONE_STATEMENT_MIN)
    assert stance_of(one, "disagree", False, 3, two_happenings=True) == "related"
    assert stance_of(one, "disagree", True, 3, two_happenings=True) == "disagree"


def test_a_contradiction_no_rule_names_counts_only_for_a_report_on_the_claim():
    sure = p(0.05, 0.9)
    assert stance_of(sure, "related", True, 3) == "disagree"
    assert stance_of(sure, "related", False, 3) == "related"


def test_agreement_between_retrieved_sentences_needs_words_besides_names():
    same = p(0.9, 0.05)
    assert stance_of(same, "related", False, STATEMENT_WORDS, retold=True) == "agree"
    assert stance_of(same, "related", False, STATEMENT_WORDS - 1, retold=True) == "related"
    assert stance_of(p(0.2, 0.2), "agree", False, STATEMENT_WORDS) == "agree"  # the rules' reading of the figures
    assert stance_of(p(0.05, 0.05), "agree", False, STATEMENT_WORDS) == "related"


def test_agreement_between_retrieved_sentences_is_a_statement_read_not_the_model_alone():
    same = p(0.9, 0.05)
    assert stance_of(same, "related", False, STATEMENT_WORDS) == "related"  # the model's "same" alone
    assert stance_of(same, "related", True, STATEMENT_WORDS) == "agree"  # a report known to be about the claim
    assert stance_of(same, "related", False, STATEMENT_WORDS, retold=True) == "agree"  # a retelling read


@pytest.mark.parametrize(
    "claim, other",
    [
        # the word that differs is the statement: profits against losses, continue against stop, another country
        ("أعلنت شركة الاتصالات أرباحا قياسية خلال العام الماضي", "أعلنت شركة الاتصالات خسائر قياسية خلال العام الماضي"),
        ("الحكومة تقرر استمرار الدراسة في المدارس رغم الأمطار", "الحكومة تقرر وقف الدراسة في المدارس بسبب الأمطار"),
        ("وزير الخارجية يصل إلى القاهرة في زيارة رسمية", "وزير الخارجية يلغي زيارته الرسمية إلى القاهرة"),
        ("الشرطة تنفي اعتقال الصحفي في العاصمة", "الشرطة تعتقل الصحفي في العاصمة"),
    ],
)
def test_the_stance_command_reads_an_altered_claim_as_a_disagreement(claim, other):
    (result,) = judge_pairs([(claim, other, None, None)])
    assert result is not None and result.stance == "disagree", result


def test_the_stance_command_reads_a_paraphrase_as_agreement():
    claim = "مقتل 12 شخصا في انفجار سيارة مفخخة وسط بغداد"
    other = "انفجار سيارة مفخخة وسط بغداد يودي بحياة 12 شخصا"
    (result,) = judge_pairs([(claim, other, None, None)])
    assert result is not None and result.stance == "agree", result


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        ("انطلقت القافلة الثانية من المساعدات", "انطلقت القافلة الثالثة من المساعدات", True),
        ("في الجولة الرابعة عشرة من الدوري", "في الجولة الرابعة من الدوري", True),
        ("انطلقت القافلة الثانية من المساعدات", "انطلقت القافلة الثانية من المساعدات أمس", False),
        # a rank is a value someone can give otherwise: another rank is a figure to compare, not another instance
        ("حل المنتخب في المرتبة الثانية", "حل المنتخب في المرتبة الخامسة", False),
        ("انطلقت القافلة الثانية من المساعدات", "انتهت المرحلة الثالثة من المشروع", False),
        # one of the instances the other names: the same one
        ("انطلقت القافلة الثانية بعد القافلة الأولى بيومين", "انطلقت القافلة الثانية من المساعدات", False),
        ("وصلت الدفعة الثانية إلى المدينة", "وصلت للدفعة الثالثة شحنات أخرى", True),
    ],
)
def test_an_ordinal_after_a_noun_names_which_instance(a: str, b: str, differ: bool) -> None:
    assert instances_differ(view(a), view(b)) is differ


def test_the_engine_reads_two_instances_as_two_happenings(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck_tui.store.text.judging import match

    seen: list[bool] = []

    def recording(*args, **kwargs):
        seen.append(kwargs["two_happenings"])
        return stance_of(*args, **kwargs)

    monkeypatch.setattr(match, "stance_of", recording)
    first = "وصلت القافلة الثانية من المساعدات الغذائية إلى المدينة على متن 5 شاحنات مقدمة من الهلال الأحمر"
    judge_pairs([(first, first.replace("الثانية", "الثالثة").replace("5", "8"), None, None)], one_happening=False)
    judge_pairs([(first, first.replace("5", "8"), None, None)], one_happening=False)
    assert seen == [True, False]
