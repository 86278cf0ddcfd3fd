from datetime import date

import pytest

from saisei.outcomes.schedule import add_months, counts_for, window

INJECTION = date(2026, 1, 31)


@pytest.mark.parametrize(
    ("timepoint", "answered_on", "counts"),
    [
        ("baseline", date(2026, 1, 31), True),  # on the day of the injection
        ("baseline", date(2026, 1, 10), True),
        ("baseline", date(2026, 2, 1), False),  # after the injection
        ("baseline", date(2025, 10, 1), False),  # more than 90 days before
        ("m1", date(2026, 2, 28), True),  # target: Jan 31 + 1 month = Feb 28
        ("m1", date(2026, 2, 14), True),  # 2 weeks early, the window's first day
        ("m1", date(2026, 2, 13), False),
        ("m1", date(2026, 3, 14), True),  # 2 weeks late, the last day
        ("m1", date(2026, 3, 15), False),
        ("m3", date(2026, 4, 2), True),  # target Apr 30, 4 weeks early
        ("m3", date(2026, 4, 1), False),
        ("m6", date(2026, 7, 31), True),
        ("m6", date(2026, 8, 28), True),  # 4 weeks late
        ("m6", date(2026, 8, 29), False),
        ("m6", date(2026, 2, 28), False),  # a 6-month answer given at 1 month
        ("m12", date(2027, 1, 3), True),
        ("m12", date(2027, 1, 2), False),
        ("m12", date(2027, 2, 28), True),
        ("m12", date(2027, 3, 1), False),
    ],
)
def test_answers_count_only_inside_their_window(timepoint, answered_on, counts):
    assert counts_for(timepoint, INJECTION, answered_on) is counts


def test_add_months_keeps_the_day_or_uses_the_months_last_day():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 8, 15), 6) == date(2027, 2, 15)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)


def test_windows_are_two_weeks_at_one_month_and_four_weeks_later():
    assert (window("m1", INJECTION).closes - window("m1", INJECTION).opens).days == 28
    for timepoint in ("m3", "m6", "m12"):
        span = window(timepoint, INJECTION)
        assert (span.closes - span.opens).days == 56
