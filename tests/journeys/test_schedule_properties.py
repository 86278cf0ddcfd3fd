"""Properties of every schedule the planner can make (hypothesis explores the inputs)."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from saisei.journeys.closures import closed_check, holiday_name
from saisei.journeys.schedule import ScheduleInput, build_schedule

inputs = st.builds(
    lambda start, low, extra, n1, n2, rest, through: ScheduleInput(
        start=start,
        culture_min_weeks=low,
        culture_max_weeks=low + extra,
        extra_nights_1=n1,
        extra_nights_2=n2,
        rest_48h=rest,
        stay_through=through,
    ),
    start=st.dates(min_value=date(2026, 1, 1), max_value=date(2029, 12, 31)),
    low=st.integers(1, 12),
    extra=st.integers(0, 4),
    n1=st.integers(0, 60),
    n2=st.integers(0, 60),
    rest=st.booleans(),
    through=st.booleans(),
)


@settings(max_examples=150, deadline=None)
@given(inputs)
def test_every_schedule_is_consistent(params):
    schedule = build_schedule(params, closed_check(None))
    clinic_days = [e for e in schedule.events if e.clinic_day]
    assert all(holiday_name(e.start) is None for e in clinic_days)
    starts = [e.start for e in schedule.events]
    assert starts == sorted(starts)
    assert all(e.end >= e.start for e in schedule.events)
    harvest, injection = (
        next(e.start for e in schedule.events if e.kind == k) for k in ("harvest", "injection")
    )
    assert injection - harvest >= timedelta(weeks=params.culture_min_weeks)
    assert schedule.injection_latest >= injection
    assert len(schedule.stays) == (1 if params.stay_through else 2)
    for stay, latest in zip(schedule.stays, schedule.latest_stays, strict=True):
        assert stay.arrive <= stay.depart and latest.days >= stay.days
    # Every clinic day of visit 1 and 2 falls inside a stay in Japan.
    in_japan = [e for e in clinic_days if e.kind != "follow_up"]
    assert all(any(s.arrive <= e.start <= s.depart for s in schedule.stays) for e in in_japan)
    if not params.stay_through:
        separate = schedule.stays[0].depart < schedule.stays[1].arrive
        assert schedule.trips_overlap is not separate
