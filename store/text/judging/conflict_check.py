"""A learned check on the conflicts the engine finds between retrieved sentences: the calibrated probability that
such a conflict is a real contradiction of one statement rather than two happenings told in like words (two
market sessions, two groups' points, two attacks of one war) or one statement misread.

tools/conflict_check_cv.py fits it (logistic regression) on conflicts two readers labelled on whole news days
and on deliberately altered retellings, chooses its operating point leaving one day out, and writes the weights
to conflict_check_model.json; scoring here needs no scikit-learn. Between a claim and a report known to be about
it (one_happening) the check does not apply: the report is about the claim's happening by construction.

CONTRACT: check_features(features, p) -> the check's features;
          real_probability(features, p) -> [0, 1]; stands(features, p) -> kept or not.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("conflict_check_model.json")
# Features that name one word ("ins:X", "delroot:X", "pair:X|Y"): a few hundred conflicts hold too few examples of
# any word for it to carry to news not seen; the check reads the kind of difference, not the word.
_WORD_FEATURES = ("ins:", "insroot:", "del:", "delroot:", "pair:", "pairroot:")


def check_features(features: dict[str, float], p: dict[str, float]) -> dict[str, float]:
    """The pair judgement's features without the word-naming ones, and its three probabilities."""
    out = {name: value for name, value in features.items() if not name.startswith(_WORD_FEATURES)}
    for cls, value in p.items():
        out[f"p:{cls}"] = value
    return out


def real_probability(features: dict[str, float], p: dict[str, float]) -> float:
    weights, bias, _ = _model()
    z = bias + sum(weights.get(name, 0.0) * value for name, value in check_features(features, p).items())
    return 1.0 / (1.0 + math.exp(-z))


def stands(features: dict[str, float], p: dict[str, float]) -> bool:
    """A conflict stands where it is at least as likely real as the model's operating point (chosen in
    cross-validation, the figure in the model file)."""
    return real_probability(features, p) >= _model()[2]


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, float], float, float]:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return data["weights"], data["bias"], data["keep_at"]
