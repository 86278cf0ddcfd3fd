from datetime import timedelta

import pytest
from django.utils import timezone

from saisei.outcomes import results
from saisei.outcomes.models import Treatment
from tests.factories import make_facility
from tests.outcomes.helpers import treated

pytestmark = pytest.mark.django_db

INJECTION = timezone.localdate() - timedelta(days=240)
PLANS = [{"modality": "prp"}]


def cohort(facility, pairs):
    """One treated patient per (baseline, 6-month) pain pair; None = not answered."""
    for baseline, m6 in pairs:
        follow_up = {"m1": baseline, "m6": m6} if m6 is not None else {"m1": baseline}
        treated(facility, injection=INJECTION, baseline=baseline, follow_up=follow_up)


def test_ten_patients_show_a_share_with_n_interval_and_completeness(clinic_a):
    cohort(clinic_a, [(6, 3)] * 8 + [(6, 5)] * 2 + [(7, None)] * 4)
    r = results.clinic_results(clinic_a)
    assert (r.treated, r.due, r.answered, r.with_baseline, r.responders) == (14, 14, 10, 10, 8)
    assert r.shows_rate and r.rate == 0.8
    assert r.interval is not None
    assert tuple(round(v, 3) for v in r.interval) == (0.490, 0.943)


def test_fewer_than_ten_patients_show_no_share(clinic_a):
    cohort(clinic_a, [(6, 2)] * 9)
    r = results.clinic_results(clinic_a)
    assert r.with_baseline == 9 and not r.shows_rate
    assert r.rate is None and r.interval is None


def test_answers_outside_the_window_are_kept_but_not_counted(clinic_a):
    late = INJECTION + timedelta(days=240)  # far past the 6-month window
    for _ in range(10):
        treated(
            clinic_a, injection=INJECTION, baseline=6, follow_up={"m6": 2}, answered_on={"m6": late}
        )
    r = results.clinic_results(clinic_a)
    assert r.answered == 0 and not r.shows_rate
    assert r.treated == 10


def test_baseline_after_the_injection_does_not_count(clinic_a):
    for _ in range(10):
        treated(
            clinic_a,
            injection=INJECTION,
            baseline=6,
            follow_up={"m6": 2},
            answered_on={"baseline": INJECTION + timedelta(days=3)},
        )
    r = results.clinic_results(clinic_a)
    assert r.answered == 10 and r.with_baseline == 0 and not r.shows_rate


def test_unconfirmed_treatments_do_not_count(clinic_a):
    for status in (Treatment.Status.DONE, Treatment.Status.DISPUTED, Treatment.Status.PLANNED):
        treated(clinic_a, injection=INJECTION, baseline=6, follow_up={"m6": 1}, status=status)
    assert results.clinic_results(clinic_a).treated == 0


def test_median_change_is_shown_per_time_point_only_from_ten_patients(clinic_a):
    cohort(clinic_a, [(6, 3)] * 5 + [(8, 2)] * 5)
    pain = next(s for s in results.clinic_results(clinic_a).series if s.key == results.PAIN)
    by_time = {p.timepoint: p for p in pain.points}
    assert by_time["m6"].n == 10 and by_time["m6"].median_change == -4.5
    assert by_time["m1"].median_change == 0
    assert by_time["m3"].n == 0 and by_time["m3"].median_change is None


def test_ranking_sorts_by_the_shrunk_estimate(db):
    big = make_facility(name_romaji="Big", slug="big", plans=PLANS)
    small = make_facility(name_romaji="Small", slug="small", plans=PLANS)
    middle = make_facility(name_romaji="Middle", slug="middle", plans=PLANS)
    cohort(big, [(6, 2)] * 34 + [(6, 6)] * 6)  # 85 % of 40
    cohort(small, [(6, 2)] * 10)  # 100 % of 10
    cohort(middle, [(6, 2)] * 6 + [(6, 6)] * 14)  # 30 % of 20
    rows, overall = results.ranking()
    assert (overall.responders, overall.n) == (50, 70)
    assert [r.facility.slug for r in rows] == sorted(
        ["big", "small", "middle"],
        key=lambda s: -next(r.shrunk for r in rows if r.facility.slug == s),
    )
    small_row = next(r for r in rows if r.facility.slug == "small")
    assert small_row.raw == 1.0 and small_row.shrunk < 1.0
