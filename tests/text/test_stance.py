"""Stance with reasons: the product's rules on Arabic pairs, and the shipped model on ANS dev."""

from __future__ import annotations

import csv
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck_tui.store.text.judging.ledger import compatible as ledger_compatible
from factcheck_tui.store.text.judging.ledger import ledger_entries
from factcheck_tui.store.text.judging.stance import MODEL_PATH, StanceResult, classify
from factcheck_tui.store.text.judging.stance_features import figures_compatible
from factcheck_tui.store.text.reading.facts import extract_facts

ANS_DEV = Path("/work/shared/data/ans/dev.csv")
ROOT = Path(__file__).resolve().parents[2]


def check_spans(claim: str, other: str, result: StanceResult) -> None:
    for start, end in result.claim_spans:
        assert 0 <= start < end <= len(claim)
    for start, end in result.other_spans:
        assert 0 <= start < end <= len(other)


def stance_of(claim: str, other: str) -> StanceResult:
    result = classify(claim, other)
    check_spans(claim, other, result)
    return result


# --- figures ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "other",
    ["استمرت المحادثات 3 ساعات في الكرملين", "استمرت المحادثات لثلاث ساعات في الكرملين",
     "استمرت المحادثات نحو 3 ساعات في الكرملين"],
)  # fmt: skip
def test_number_words_equal_digits(other: str) -> None:
    claim = "استمرت المحادثات ثلاث ساعات في الكرملين"
    result = stance_of(claim, other)
    assert result.stance == "agree"
    assert "ثلاث ساعات" in result.reason
    assert [claim[s:e] for s, e in result.claim_spans] == ["ثلاث ساعات"]


def test_different_number_disagrees_and_names_both_figures() -> None:
    claim, other = "استمرت المحادثات 3 ساعات في الكرملين", "استمرت المحادثات 5 ساعات في الكرملين"
    result = stance_of(claim, other)
    assert result.stance == "disagree"
    assert result.reason == "3 ساعات ≠ 5 ساعات"
    assert [claim[s:e] for s, e in result.claim_spans] == ["3 ساعات"]
    assert [other[s:e] for s, e in result.other_spans] == ["5 ساعات"]


def test_dual_against_a_count_in_words() -> None:
    result = stance_of("أسفر القصف عن مقتل شخصين وإصابة 12 آخرين", "أسفر القصف عن مقتل ثلاثة أشخاص وإصابة 12 آخرين")
    assert result.stance == "disagree" and result.reason == "شخصين ≠ ثلاثة أشخاص"


def test_dual_equals_the_digit() -> None:
    result = stance_of("أسفر القصف عن مقتل شخصين وإصابة 12 آخرين", "أسفر القصف عن مقتل 2 وإصابة 12 آخرين")
    assert result.stance == "agree"


def test_rounds_of_talks() -> None:
    result = stance_of("فشلت جولتان من المحادثات في اسطنبول في إنهاء الحرب",
                       "فشلت ثلاث جولات من المحادثات في اسطنبول في إنهاء الحرب")  # fmt: skip
    assert result.stance == "disagree" and "جولتان" in result.reason and "ثلاث جولات" in result.reason


def test_toll_with_the_unit_left_out() -> None:
    result = stance_of("ارتفعت حصيلة القتلى في الهجوم إلى 23 قتيلا", "ارتفع عدد قتلى الهجوم إلى 32")
    assert result.stance == "disagree" and "23" in result.reason and "32" in result.reason


def test_one_named_count_told_in_other_words_is_a_contradiction() -> None:
    # the figure ledger pairs the two tolls (one counted root, both of Idlib): word coverage is no test for them
    claim = "أسفرت غارات جوية على ريف إدلب عن سقوط 18 قتيلا على الأقل منذ صباح الاثنين"
    same_place = "حصدت الضربات في إدلب 27 قتيلا منذ يوم الاثنين وفق ناشطين"
    result = classify(claim, same_place, claim_date="2015-08-10", other_date="2015-08-10")
    assert result.stance == "disagree" and "18" in result.reason and "27" in result.reason
    other_place = "حصدت الضربات في حماة 27 قتيلا منذ يوم الاثنين وفق ناشطين"
    assert classify(claim, other_place, claim_date="2015-08-10", other_date="2015-08-10").stance != "disagree"


@pytest.mark.parametrize(
    ("claim", "other"),
    [("خصصت الحكومة أكثر من 200 مليون دولار للمشروع", "خصصت الحكومة 200 مليون دولار للمشروع"),
     ("استمرت المحادثات نحو 3 ساعات في الكرملين", "استمرت المحادثات ثلاث ساعات في الكرملين"),
     ("أسفر القصف عن مقتل شخصين على الأقل", "أسفر القصف عن مقتل شخصين")],
)  # fmt: skip
def test_hedged_figure_does_not_contradict_the_exact_one(claim: str, other: str) -> None:
    assert stance_of(claim, other).stance == "agree"
    assert stance_of(other, claim).stance == "agree"


@pytest.mark.parametrize(
    ("bound", "value", "compatible"),
    [("أكثر من 23 حريقا", "21 حريقا", False),  # below a bound is outside it, however near
     ("أكثر من 50 ألف شخص", "52 ألف شخص", True),  # a round bound admits what it rounds
     ("أكثر من 50 ألف شخص", "48 ألف شخص", False),
     ("12 شخصا على الأقل", "20 شخصا", False),  # a bound given to the unit is a tally
     ("أقل من 10 أشخاص", "9 أشخاص", True),
     ("أقل من 10 أشخاص", "12 شخصا", False)],
)  # fmt: skip
def test_a_bound_is_read_the_same_by_the_pair_rules_and_the_ledger(bound: str, value: str, compatible: bool) -> None:
    (p,), (q,) = extract_facts(bound).quantities, extract_facts(value).quantities
    assert figures_compatible(p, q) is compatible and figures_compatible(q, p) is compatible
    said = [f"أحصت السلطات {figure} في الحادث" for figure in (bound, value)]
    entries = [entry for text in said for entry in ledger_entries(text, extract_facts(text))]
    assert ledger_compatible(*entries) is compatible


def test_numbers_in_sentences_about_different_things_are_not_a_contradiction() -> None:
    result = stance_of("قتل 3 أشخاص في غارة روسية على خاركيف", "أصيب 5 أشخاص في حادث سير في الرياض")
    assert result.stance != "disagree"


# --- negation, places, days, names ------------------------------------------------------------------------------
def test_negation() -> None:
    result = stance_of("وافقت روسيا على وقف إطلاق النار في أوكرانيا", "لم توافق روسيا على وقف إطلاق النار في أوكرانيا")
    assert result.stance == "disagree" and result.reason == "negation: لم توافق"
    assert result.other_spans == [(0, 8)]


def test_denial() -> None:
    claim = "إن روسيا قصفت منشأة للغاز في منطقة أوديسا"
    other = "ونفت وزارة الدفاع الروسية أن تكون قواتها قد استهدفت أي منشآت للغاز في منطقة أوديسا"
    result = stance_of(claim, other)
    assert result.stance == "disagree" and result.reason == "denial: نفت"
    assert [other[s:e] for s, e in result.other_spans] == ["ونفت"]


def test_both_sides_denying_agree() -> None:
    result = stance_of("محمد بن سلمان ينفي لترامب معرفته بمصير الصحفي", "نفى محمد بن سلمان لترامب معرفته بمصير الصحفي")
    assert result.stance != "disagree"


def test_place_conflict() -> None:
    claim, other = "التقى ويتكوف بوتين في موسكو يوم الأربعاء", "التقى ويتكوف بوتين في سان بطرسبرغ يوم الأربعاء"
    result = stance_of(claim, other)
    assert result.stance == "disagree" and result.reason == "موسكو ≠ سان بطرسبرغ"
    assert [other[s:e] for s, e in result.other_spans] == ["سان بطرسبرغ"]


def test_day_conflict() -> None:
    result = stance_of("التقى ويتكوف بوتين في موسكو يوم الأربعاء", "التقى ويتكوف بوتين في موسكو يوم الخميس")
    assert result.stance == "disagree" and result.reason == "الأربعاء ≠ الخميس"


@pytest.mark.parametrize(
    ("claim", "other"),
    [("رحب زيلنسكي بتهديد العقوبات الأمريكية", "رحب Zelensky بتهديد العقوبات الأمريكية"),
     ("رحب زيلنسكي بتهديد العقوبات الأمريكية", "رحب زيلينسكي بتهديد العقوبات الأمريكية"),
     ("التقى ويتكوف بوتين في الكرملين", "التقى ويكتوف بوتين في الكرملين")],
)  # fmt: skip
def test_name_spelling_variants_agree(claim: str, other: str) -> None:
    result = stance_of(claim, other)
    assert result.stance == "agree" and "=" in result.reason


def test_opposite_predicate() -> None:
    result = stance_of("ارتفعت أسعار النفط اليوم", "تراجعت أسعار النفط اليوم")
    assert result.stance == "disagree" and result.reason == "ارتفعت ≠ تراجعت"


@pytest.mark.parametrize(
    "other", ["ارتفعت أسعار الذهب في الأسواق العالمية", "تبلغ ميزانية المشروع 5 ملايين دولار وتمتد لعشر سنوات"]
)
def test_unrelated_is_other(other: str) -> None:
    result = stance_of("التقى ويتكوف بوتين في الكرملين لثلاث ساعات", other)
    assert result.stance == "other" and result.reason == "unrelated"


def test_facts_from_the_store_give_the_same_answer() -> None:
    claim, other = "استمرت المحادثات 3 ساعات في الكرملين", "استمرت المحادثات 5 ساعات في الكرملين"
    assert classify(claim, other, extract_facts(claim), extract_facts(other)) == classify(claim, other)


def test_score_is_a_similarity() -> None:
    same = classify("التقى ويتكوف بوتين في الكرملين", "التقى ويتكوف بوتين في الكرملين")
    unrelated = classify("التقى ويتكوف بوتين في الكرملين", "ارتفعت أسعار الذهب في الأسواق العالمية")
    assert 0 <= unrelated.score < 40
    assert 90 <= same.score <= 100


# --- the shipped model ------------------------------------------------------------------------------------------
def test_model_file_is_small_and_loads_without_sklearn_or_numpy() -> None:
    assert MODEL_PATH.stat().st_size < 5 * 1024 * 1024
    code = (
        "import sys; sys.modules['sklearn'] = None; sys.modules['numpy'] = None\n"
        "from factcheck_tui.store.text.judging.stance import classify\n"
        "print(classify('ارتفعت أسعار النفط اليوم', 'تراجعت أسعار النفط اليوم').stance)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "disagree"


def _macro_f1(gold: list[str], predicted: list[str]) -> float:
    f1s = []
    for label in ("agree", "disagree", "other"):
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        precision = tp / max(1, sum(p == label for p in predicted))
        recall = tp / max(1, sum(g == label for g in gold))
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(f1s) / len(f1s)


@pytest.mark.skipif(not ANS_DEV.exists(), reason=f"{ANS_DEV} not present (ANS corpus, see tools/train_stance.py)")
def test_ans_dev_macro_f1() -> None:
    """The number we report: ANS dev macro-F1 of what ships (models + fact rules). Runs in about a second."""
    with ANS_DEV.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    started = time.perf_counter()
    predicted = [classify(r["s1"], r["s2"]).ans_label for r in rows]
    elapsed = time.perf_counter() - started
    score = _macro_f1([r["stance"] for r in rows], predicted)
    print(f"ANS dev macro-F1 {score:.4f} on {len(rows)} pairs, {1000 * elapsed / len(rows):.2f} ms/pair")
    assert score >= 0.78
    assert elapsed / len(rows) < 0.005  # < 1 ms/pair measured by tools/train_stance.py; slack for slow CI


def test_a_shared_speaker_alone_does_not_make_the_same_report() -> None:
    from factcheck_tui.store.text.judging.match import judge

    claim = "قال الرئيس الأوكراني فولوديمير زيلنسكي إنه ناقش زيارة ويتكوف مع ترامب يوم الأربعاء."
    other = "دعا الرئيس الأوكراني فولوديمير زيلينسكي واشنطن إلى زيادة الضغط على روسيا."
    args = (claim, extract_facts(claim), other, extract_facts(other), 0.27, "الرئيس فولوديمير زيلنسكي")
    result = judge(*args, shared_beyond_names=0)
    assert result is None or result.stance != "agree"


def test_token_windows_read_the_same_tokens_as_the_whole_text() -> None:
    from factcheck_tui.store.text.arabic.tokens import tokenize
    from factcheck_tui.store.text.judging.stance_features import _first_tokens, _last_tokens

    text = (
        "أعلنت السلطات الأوكرانية يوم الأربعاء مقتل ما لا يقل عن 12 شخصا في قصف روسي على مدينة زابوريجيا، "
        "وقال الحاكم إن الهجوم استهدف مركزا ترفيهيا ومباني سكنية قريبة من محطة القطارات الرئيسية."
    )
    for cut in range(0, len(text), 7):
        assert _first_tokens(text, cut) == tokenize(text[cut:])[:1]
        assert _last_tokens(text, cut)[-4:] == tokenize(text[:cut])[-4:]


def test_the_partial_ratio_left_out_changes_no_decision() -> None:
    """decide() computes the costliest feature only when a decision depends on it: on every pair of sentences of
    the seeds (and ANS dev when present) the answer equals the one on all the features."""
    from itertools import islice, permutations

    from factcheck_tui.store.api import bundled_seeds
    from factcheck_tui.store.text.judging import stance
    from factcheck_tui.store.text.judging.stance_features import pair_features, view
    from factcheck_tui.store.text.reading.sentences import split_sentences

    sentences = [
        s.text
        for path in sorted(bundled_seeds().glob("*.txt"))
        for s in split_sentences(path.read_text(encoding="utf-8"))
    ]
    pairs = list(islice(permutations(sentences[::3], 2), 3000))
    if ANS_DEV.exists():
        with ANS_DEV.open(encoding="utf-8", newline="") as fh:
            pairs += [(r["s1"], r["s2"]) for r in csv.DictReader(fh)]
    model = stance._model()
    computed = 0
    for claim, other in pairs:
        a, b = view(claim), view(other)
        whole = stance.decide(a, b, pair_features(a, b), model)
        lazy_features = pair_features(a, b, partial=False)
        lazy = stance.decide(a, b, lazy_features, model)
        assert (lazy.stance, lazy.score, lazy.reason, lazy.ans_label, lazy.claim_spans, lazy.other_spans) == (
            whole.stance,
            whole.score,
            whole.reason,
            whole.ans_label,
            whole.claim_spans,
            whole.other_spans,
        )
        computed += stance._partial_matters(
            model.other.logit(lazy_features), model.disagree.logit(lazy_features), model
        )
    assert 0 < computed < len(pairs)  # both paths are taken


def test_the_issues_added_article_disputes_the_talks_and_the_meeting() -> None:
    talks = stance_of("استمرت المحادثات ثلاث ساعات بعد أن هبط ويتكوف في روسيا في وقت مبكر يوم الأربعاء",
                      "وقال الكرملين إن المحادثات مع ويتكوف استمرت خمس ساعات وليس ثلاث ساعات")  # fmt: skip
    assert talks.stance == "disagree" and talks.reason == "negation: وليس ثلاث ساعات"
    met = stance_of("التقى ستيف ويتكوف الرئيس الروسي فلاديمير بوتين في موسكو يوم الأربعاء",
                    "ونفى الكرملين أن يكون ويتكوف قد التقى بوتين يوم الأربعاء")  # fmt: skip
    assert met.stance == "disagree" and met.reason == "denial: نفى"


def test_a_negated_opposite_is_the_same_statement() -> None:
    from factcheck_tui.store.text.judging.stance import classify

    a = "وحاول المهرب إخفاء الزجاجات بين صناديق البرتقال لكن المحاولة فشلت في منفذ البطحاء"
    b = "وحاول المهرب إخفاء الزجاجات بين صناديق البرتقال لكن المحاولة لم تنجح في منفذ البطحاء"
    assert classify(a, b).stance != "disagree"


def test_an_update_reads_in_time_order_whichever_sentence_is_the_claim():
    """The reading day had "later report: 1800 → 1731" where 1731 was the earlier figure."""
    earlier = "ارتفع عدد المصحح وضعهم من اليمنيين إلى 354863 شخصا"
    later = "ارتفع عدد المصحح وضعهم من اليمنيين إلى 363378 شخصا"
    forward = classify(earlier, later, claim_date="2015-07-22 10:00", other_date="2015-07-24 09:00")
    backward = classify(later, earlier, claim_date="2015-07-24 09:00", other_date="2015-07-22 10:00")
    assert forward.stance == backward.stance == "update"
    assert forward.reason == "later report: 354863 شخصا → 363378 شخصا"
    assert backward.reason == "earlier report: 354863 شخصا → 363378 شخصا"


def test_a_pair_judged_the_other_way_round_reads_the_words_of_its_own_views():
    """The reverse of a pair reuses its alignment; the words it gets must be those of the views it was given (words
    are compared by identity), even when the texts were analysed again in between."""
    from factcheck_tui.store.text.judging import stance_features as sf

    first = "قال وزير الداخلية إن 20 شخصا قتلوا في الهجوم على السوق المركزي"
    second = "أعلنت وزارة الداخلية مقتل 30 شخصا في هجوم على السوق المركزي أمس"
    deleted, inserted = sf.align(sf.view(first), sf.view(second))
    assert deleted and inserted
    sf._analyse.cache_clear()  # analysed again: other Word objects for the same texts
    a, b = sf.view(second), sf.view(first)
    reverse_deleted, reverse_inserted = sf.align(a, b)
    assert [w.token.norm for w in reverse_deleted] == [w.token.norm for w in inserted]
    assert [w.token.norm for w in reverse_inserted] == [w.token.norm for w in deleted]
    assert all(any(w is x for x in a.words) for w in reverse_deleted)
    assert all(any(w is x for x in b.words) for w in reverse_inserted)
    sf.clear_caches()
    fresh_deleted, _ = sf.align(sf.view(second), sf.view(first))  # computed afresh, not from the reverse
    assert [w.token.norm for w in fresh_deleted] == [w.token.norm for w in reverse_deleted]
