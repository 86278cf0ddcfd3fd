import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from saisei.outcomes.stats import (
    Rate,
    is_responder,
    median_or_none,
    shrink,
    shrinkage_strength,
    wilson_interval,
)


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [(8, 10, 0.490, 0.943), (16, 20, 0.584, 0.919), (40, 50, 0.670, 0.888)],
)
def test_wilson_interval_matches_published_values(k, n, low, high):
    lo, hi = wilson_interval(k, n)
    assert (round(lo, 3), round(hi, 3)) == (low, high)


def test_wilson_interval_at_the_edges_stays_inside_0_1():
    assert wilson_interval(0, 10)[0] == 0.0
    assert wilson_interval(10, 10)[1] == 1.0
    assert wilson_interval(0, 0) == (0.0, 1.0)
    with pytest.raises(ValueError):
        wilson_interval(11, 10)


@given(
    st.integers(min_value=1, max_value=500).flatmap(
        lambda n: st.tuples(st.integers(0, n), st.just(n))
    )
)
def test_wilson_interval_contains_the_observed_share(pair):
    k, n = pair
    lo, hi = wilson_interval(k, n)
    assert 0 <= lo <= k / n <= hi <= 1


@pytest.mark.parametrize(
    ("baseline", "follow_up", "responder"),
    [
        (6, 4, True),  # 2 points, 33 %
        (10, 7, True),  # 3 points, exactly 30 %
        (10, 8, False),  # 2 points but 20 %
        (5, 4, False),  # 1 point (20 %)
        (3, 1, True),  # 2 points, 67 %
        (2, 0, True),
        (1, 0, False),  # 100 % but only 1 point
        (6, 6, False),
        (4, 7, False),  # worse
    ],
)
def test_responder_needs_two_points_and_thirty_percent(baseline, follow_up, responder):
    assert is_responder(baseline, follow_up) is responder


def test_shrinkage_pulls_small_clinics_more_than_large_ones():
    rates = [Rate("small", 10, 10), Rate("large", 80, 100), Rate("c", 20, 50), Rate("d", 30, 40)]
    p, strength = shrinkage_strength(rates)
    assert p == pytest.approx(140 / 200)
    assert 0 < strength < math.inf
    by_key = {s.key: s for s in shrink(rates)}
    assert by_key["small"].raw == 1.0 and p < by_key["small"].shrunk < 1.0
    small_pull = by_key["small"].raw - by_key["small"].shrunk
    large_pull = by_key["large"].raw - by_key["large"].shrunk
    assert small_pull > abs(large_pull)
    # The posterior mean (k + M p) / (n + M)
    assert by_key["c"].shrunk == pytest.approx((20 + strength * p) / (50 + strength))


def test_no_more_spread_than_chance_shrinks_everyone_to_the_overall_rate():
    rates = [Rate("a", 5, 10), Rate("b", 5, 10), Rate("c", 6, 12)]
    p, strength = shrinkage_strength(rates)
    assert strength == math.inf
    assert all(s.shrunk == pytest.approx(p) for s in shrink(rates))


@given(
    st.lists(
        st.integers(1, 60).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))),
        min_size=2,
        max_size=8,
    )
)
def test_shrunk_estimates_lie_between_the_raw_share_and_the_overall_rate(pairs):
    rates = [Rate(i, k, n) for i, (k, n) in enumerate(pairs)]
    p, _strength = shrinkage_strength(rates)
    for s in shrink(rates):
        low, high = sorted([s.raw, p])
        assert low - 1e-9 <= s.shrunk <= high + 1e-9


def test_median_of_nothing_is_none():
    assert median_or_none([]) is None
    assert median_or_none([-3, -1, 0, -2]) == -1.5
