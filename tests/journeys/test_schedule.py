"""The dated timeline, as a table of cases (pure functions: no database)."""

from datetime import date, timedelta

import pytest
from django.utils import translation

from saisei.journeys.closures import closed_check, holiday_name, next_open_day
from saisei.journeys.schedule import ScheduleInput, add_months, build_schedule

CLOSED = closed_check(None)


@pytest.fixture(autouse=True)
def _english():
    """Holiday names are translated: these tests read the English ones."""
    with translation.override("en"):
        yield


def plan(start: date, **options):
    return build_schedule(ScheduleInput(start=start, **options), CLOSED)


def day_of(schedule, key: str) -> date:
    event = schedule.event(key)
    assert event is not None, key
    return event.start


@pytest.mark.parametrize(
    ("case", "start", "options", "expected"),
    [
        (
            "plain two trips, 3-5 weeks",
            date(2027, 1, 8),
            {},
            {
                "consultation": date(2027, 1, 9),
                "harvest": date(2027, 1, 10),
                "visit1-depart": date(2027, 1, 11),
                "visit2-arrive": date(2027, 1, 30),
                "injection": date(2027, 1, 31),
                "return": date(2027, 2, 2),
            },
        ),
        (
            "consultation moved off Coming of Age Day",
            date(2027, 1, 10),
            {},
            {"consultation": date(2027, 1, 12), "harvest": date(2027, 1, 13)},
        ),
        (
            "consultation moved past Golden Week",
            date(2027, 5, 2),
            {},
            {"consultation": date(2027, 5, 6), "harvest": date(2027, 5, 7)},
        ),
        (
            "injection moved off National Foundation Day",
            date(2027, 1, 19),
            {},
            {"harvest": date(2027, 1, 21), "injection": date(2027, 2, 12)},
        ),
        (
            "extra nights on both visits",
            date(2027, 1, 8),
            {"extra_nights_1": 3, "extra_nights_2": 4},
            {"visit1-depart": date(2027, 1, 14), "return": date(2027, 2, 6)},
        ),
        (
            "no 48-hour rest: fly the day after the injection",
            date(2027, 1, 8),
            {"rest_48h": False},
            {"return": date(2027, 2, 1)},
        ),
        (
            "longer culture from the clinic",
            date(2027, 1, 8),
            {"culture_min_weeks": 6, "culture_max_weeks": 8},
            {"injection": date(2027, 2, 21)},
        ),
    ],
)
def test_schedule_dates(case, start, options, expected):
    schedule = plan(start, **options)
    assert {key: day_of(schedule, key) for key in expected} == expected, case


def test_moved_clinic_days_say_which_holiday_they_avoid():
    schedule = plan(date(2027, 5, 2))
    consultation = schedule.event("consultation")
    assert [day for day, _ in consultation.moved_from] == [
        date(2027, 5, 3),
        date(2027, 5, 4),
        date(2027, 5, 5),
    ]
    assert [name for _, name in consultation.moved_from] == [
        "Constitution Memorial Day",
        "Greenery Day",
        "Children's Day",
    ]
    assert schedule.moved == [consultation]


def test_holidays_during_the_stays_are_listed_not_those_at_home():
    two_trips = plan(date(2027, 1, 8))
    assert two_trips.holidays == [(date(2027, 1, 11), "Coming of Age Day")]
    staying = plan(date(2027, 1, 8), stay_through=True)
    assert staying.holidays == [
        (date(2027, 1, 11), "Coming of Age Day"),
        (date(2027, 2, 11), "National Foundation Day"),
    ]


@pytest.mark.parametrize(
    ("stay_through", "stays", "days", "latest_days"),
    [
        (False, ["visit1", "visit2"], [4, 4], [4, 4]),
        (True, ["stay"], [26], [40]),
    ],
)
def test_stays_and_their_length(stay_through, stays, days, latest_days):
    schedule = plan(date(2027, 1, 8), stay_through=stay_through)
    assert [s.key for s in schedule.stays] == stays
    assert [s.days for s in schedule.stays] == days
    assert [s.days for s in schedule.latest_stays] == latest_days
    assert (schedule.event("visit1-depart") is None) is stay_through


def test_latest_case_uses_the_longest_culture():
    schedule = plan(date(2027, 1, 8))
    assert schedule.injection_earliest == date(2027, 1, 31)
    assert schedule.injection_latest == date(2027, 2, 14)
    culture = schedule.event("culture")
    assert (culture.start, culture.end) == (date(2027, 1, 10), date(2027, 2, 14))


def test_follow_ups_at_1_3_6_12_months_on_open_days():
    schedule = plan(date(2027, 1, 8))
    follow_ups = [e for e in schedule.events if e.kind == "follow_up"]
    assert [e.months for e in follow_ups] == [1, 3, 6, 12]
    assert [e.start for e in follow_ups] == [
        date(2027, 2, 28),
        date(2027, 4, 30),
        date(2027, 7, 31),
        date(2028, 1, 31),
    ]
    assert all(holiday_name(e.start) is None for e in follow_ups)
    assert all(e.mode == "remote" for e in follow_ups)


def test_events_are_in_date_order_and_keys_are_unique():
    schedule = plan(date(2027, 4, 27), stay_through=True)
    starts = [e.start for e in schedule.events]
    assert starts == sorted(starts)
    keys = [e.key for e in schedule.events]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2027, 3, 15), 12, date(2028, 3, 15)),
        (date(2027, 11, 30), 3, date(2028, 2, 29)),
    ],
)
def test_add_months_clamps_to_the_month_end(day, months, expected):
    assert add_months(day, months) == expected


def test_clinic_closed_days_hook_is_used():
    def closed_on_wednesdays(day: date) -> str | None:
        return "closed on Wednesdays" if day.weekday() == 2 else None

    found, skipped = next_open_day(date(2027, 1, 13), closed_on_wednesdays)
    assert found == date(2027, 1, 14)
    assert skipped == [(date(2027, 1, 13), "closed on Wednesdays")]
    schedule = build_schedule(ScheduleInput(start=date(2027, 1, 11)), closed_on_wednesdays)
    assert day_of(schedule, "consultation") == date(2027, 1, 12)
    assert day_of(schedule, "harvest") == date(2027, 1, 14)


def test_a_clinic_closed_for_ever_is_an_error_not_a_loop():
    with pytest.raises(ValueError):
        next_open_day(date(2027, 1, 1), lambda day: "closed")


def test_stay_counts_arrival_and_departure_days():
    schedule = plan(date(2027, 1, 8))
    first = schedule.stays[0]
    assert first.days == (first.depart - first.arrive).days + 1 == first.nights + 1
    assert first.depart - first.arrive == timedelta(days=3)
