"""The dated timeline of the two-visit treatment: pure functions of the planner's inputs.

Day counting follows immigration practice: the day of arrival and the day of departure both
count as days of a stay (arrive 1 March, leave 3 March: 3 days, 2 nights).

The generic template ("culture-expanded MSC, two visits"):

- visit 1: arrive; consultation and imaging on the next day the clinic is open; tissue harvest
  (fat or bone marrow) on the open day after that; fly home the day after the harvest, plus any
  extra nights the patient asks for;
- culture: the cells grow for `culture_min_weeks` to `culture_max_weeks` (3-5 by default);
  visit 2 is planned for the first open day once the shortest culture time has passed, and the
  latest case (the longest culture time) is shown and used for the visa check;
- visit 2: arrive the day before the injection; rest 48 hours before flying when advised; fly
  home (plus extra nights);
- follow-ups 1, 3, 6 and 12 months after the injection, remote unless the clinic says otherwise.

Clinic days (consultation, harvest, injection, follow-ups) avoid Japanese public holidays and
the clinic's closed days (`closures`); each move is recorded and shown.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from .closures import ClosedCheck, holidays_between, next_open_day

FOLLOW_UP_MONTHS = (1, 3, 6, 12)
DEFAULT_CULTURE_WEEKS = (3, 5)
ACTIVITY_WEEKS = (4, 6)


@dataclass(frozen=True)
class ScheduleInput:
    start: date
    culture_min_weeks: int = DEFAULT_CULTURE_WEEKS[0]
    culture_max_weeks: int = DEFAULT_CULTURE_WEEKS[1]
    extra_nights_1: int = 0
    extra_nights_2: int = 0
    rest_48h: bool = True
    stay_through: bool = False
    follow_up_mode: str = "remote"


@dataclass(frozen=True)
class Stay:
    """One continuous stay in Japan."""

    key: str
    arrive: date
    depart: date

    @property
    def days(self) -> int:
        return (self.depart - self.arrive).days + 1

    @property
    def nights(self) -> int:
        return (self.depart - self.arrive).days


@dataclass(frozen=True)
class Event:
    """One dated item of the timeline; `key` is stable (calendar UIDs, reminders)."""

    key: str
    kind: str
    start: date
    end: date
    clinic_day: bool = False
    moved_from: tuple[tuple[date, str], ...] = ()
    months: int | None = None
    mode: str = ""

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass
class Schedule:
    events: list[Event]
    stays: list[Stay]
    latest_stays: list[Stay]
    holidays: list[tuple[date, str]]
    injection_earliest: date
    injection_latest: date
    stay_through: bool
    culture_weeks: tuple[int, int] = DEFAULT_CULTURE_WEEKS

    @property
    def first_day(self) -> date:
        return self.stays[0].arrive

    @property
    def home_on(self) -> date:
        return self.stays[-1].depart

    @property
    def latest_home_on(self) -> date:
        return self.latest_stays[-1].depart

    def event(self, key: str) -> Event | None:
        return next((e for e in self.events if e.key == key), None)

    @property
    def trips_overlap(self) -> bool:
        """Two trips, but visit 1 ends on or after the day visit 2 begins (extra nights)."""
        return len(self.stays) > 1 and self.stays[0].depart >= self.stays[1].arrive

    @property
    def moved(self) -> list[Event]:
        return [e for e in self.events if e.moved_from]


def add_months(day: date, months: int) -> date:
    """`day` plus whole months, clamped to the month's last day (31 Jan + 1 -> 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def _clinic_event(key: str, kind: str, wanted: date, closed: ClosedCheck, **extra) -> Event:
    day, skipped = next_open_day(wanted, closed)
    return Event(key, kind, day, day, clinic_day=True, moved_from=tuple(skipped), **extra)


def _visit_two(inputs: ScheduleInput, harvest: date, weeks: int, closed: ClosedCheck):
    injection = _clinic_event("injection", "injection", harvest + timedelta(weeks=weeks), closed)
    rest_days = 2 if inputs.rest_48h else 0
    depart = injection.start + timedelta(days=max(rest_days, 1) + inputs.extra_nights_2)
    return injection, depart


def build_schedule(inputs: ScheduleInput, closed: ClosedCheck) -> Schedule:
    arrive = inputs.start
    consult = _clinic_event("consultation", "consultation", arrive + timedelta(days=1), closed)
    harvest = _clinic_event("harvest", "harvest", consult.start + timedelta(days=1), closed)
    depart_1 = harvest.start + timedelta(days=1 + inputs.extra_nights_1)
    injection, depart_2 = _visit_two(inputs, harvest.start, inputs.culture_min_weeks, closed)
    latest_injection, latest_depart_2 = _visit_two(
        inputs, harvest.start, inputs.culture_max_weeks, closed
    )

    events = [Event("visit1-arrive", "arrive", arrive, arrive), consult, harvest]
    if inputs.stay_through:
        stays = [Stay("stay", arrive, depart_2)]
        latest_stays = [Stay("stay", arrive, latest_depart_2)]
    else:
        arrive_2 = injection.start - timedelta(days=1)
        latest_arrive_2 = latest_injection.start - timedelta(days=1)
        stays = [Stay("visit1", arrive, depart_1), Stay("visit2", arrive_2, depart_2)]
        latest_stays = [
            Stay("visit1", arrive, depart_1),
            Stay("visit2", latest_arrive_2, latest_depart_2),
        ]
        events.append(Event("visit1-depart", "depart_between", depart_1, depart_1))
    events.append(
        Event(
            "culture",
            "culture",
            harvest.start,
            harvest.start + timedelta(weeks=inputs.culture_max_weeks),
        )
    )
    if not inputs.stay_through:
        events.append(Event("visit2-arrive", "arrive_again", stays[1].arrive, stays[1].arrive))
    events.append(injection)
    if inputs.rest_48h:
        rest_end = injection.start + timedelta(days=2)
        events.append(Event("rest", "rest", injection.start, rest_end))
    events.append(Event("return", "return", depart_2, depart_2))
    activity_end = injection.start + timedelta(weeks=ACTIVITY_WEEKS[1])
    events.append(Event("activity", "activity", injection.start, activity_end))
    for months in FOLLOW_UP_MONTHS:
        events.append(
            _clinic_event(
                f"follow-up-{months}",
                "follow_up",
                add_months(injection.start, months),
                closed,
                months=months,
                mode=inputs.follow_up_mode,
            )
        )
    events.sort(key=lambda e: e.start)
    last_day = max(latest_depart_2, depart_2)
    return Schedule(
        events=events,
        stays=stays,
        latest_stays=latest_stays,
        holidays=[
            (day, name)
            for day, name in holidays_between(arrive, last_day)
            if any(stay.arrive <= day <= stay.depart for stay in stays + latest_stays)
        ],
        injection_earliest=injection.start,
        injection_latest=latest_injection.start,
        stay_through=inputs.stay_through,
        culture_weeks=(inputs.culture_min_weeks, inputs.culture_max_weeks),
    )
