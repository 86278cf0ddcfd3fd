import pytest
from hypothesis import given
from hypothesis import strategies as st

from saisei.outcomes import questionnaires
from saisei.outcomes.scoring import koos_subscale

KOOS_SIZES = {"pain": 9, "symptoms": 7, "adl": 17, "sport_rec": 5, "qol": 4}


@pytest.mark.parametrize("size", KOOS_SIZES.values())
@pytest.mark.parametrize(("value", "expected"), [(0, 100), (2, 50), (4, 0)])
def test_koos_subscale_of_equal_answers(size, value, expected):
    assert koos_subscale([value] * size) == expected


def scored(values) -> float:
    score = koos_subscale(values)
    assert score is not None
    return score


def test_koos_pain_vector_scores_41_7():
    assert round(scored([3, 2, 1, 2, 3, 4, 1, 2, 3]), 1) == 41.7


def test_koos_qol_vector_scores_37_5():
    assert koos_subscale([3, 2, 3, 2]) == 37.5


def test_koos_subscale_with_too_few_answers_is_missing_not_zero():
    assert koos_subscale([4, 4, 4, 4, None, None, None, None, None]) is None  # 4 of 9
    assert koos_subscale([None, None, None, None]) is None
    assert koos_subscale([4, None, None, None]) is None  # QOL: 1 of 4


def test_koos_subscale_with_half_answered_is_scored_from_those():
    assert koos_subscale([4, 4, None, None]) == 0  # QOL: 2 of 4 is enough
    assert koos_subscale([0, 0, 0, 0, 0, None, None, None, None]) == 100  # pain: 5 of 9


def test_koos_rejects_values_outside_0_to_4():
    with pytest.raises(ValueError):
        koos_subscale([5, 0, 0, 0])


def test_koos_definition_file_has_the_published_subscales():
    koos = questionnaires.get("koos")
    assert len(koos.items) == 42
    assert {s.id: len(s.items) for s in koos.subscales} == KOOS_SIZES
    assert all(s.method == "koos" and s.min_answered * 2 >= len(s.items) for s in koos.subscales)


def test_koos_instrument_scores_a_full_answer_set():
    koos = questionnaires.get("koos")
    pain_items = next(s for s in koos.subscales if s.id == "pain").items
    answers = dict(zip(pain_items, [3, 2, 1, 2, 3, 4, 1, 2, 3], strict=True))
    scores = koos.score(answers)
    assert scores["pain"] is not None and round(scores["pain"], 1) == 41.7
    assert scores["qol"] is None and scores["adl"] is None  # not answered: missing


answer = st.one_of(st.none(), st.integers(min_value=0, max_value=4))


@given(
    st.integers(min_value=1, max_value=17).flatmap(
        lambda n: st.lists(answer, min_size=n, max_size=n)
    )
)
def test_koos_score_is_between_0_and_100_or_missing(values):
    score = koos_subscale(values)
    given_ = [v for v in values if v is not None]
    if 2 * len(given_) < len(values) or not given_:
        assert score is None
    else:
        assert score is not None and 0 <= score <= 100


@given(st.lists(st.integers(min_value=0, max_value=4), min_size=2, max_size=17), st.data())
def test_skipping_items_never_turns_a_score_into_zero(values, data):
    """Leaving items out only removes them from the mean: the score stays within the range
    of the answered items' scores, and becomes missing below half, never 0 by default."""
    skipped = data.draw(st.sets(st.integers(min_value=0, max_value=len(values) - 1)))
    partial = [None if i in skipped else v for i, v in enumerate(values)]
    score = koos_subscale(partial)
    kept = [v for v in partial if v is not None]
    if 2 * len(kept) < len(values) or not kept:
        assert score is None
    else:
        assert score is not None and 100 - max(kept) * 25 <= score <= 100 - min(kept) * 25


@given(st.lists(st.integers(min_value=0, max_value=4), min_size=1, max_size=17))
def test_worse_answers_never_raise_the_score(values):
    worse = [min(4, v + 1) for v in values]
    assert scored(worse) <= scored(values)
