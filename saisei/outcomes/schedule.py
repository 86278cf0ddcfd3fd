"""The follow-up schedule: baseline before the injection, then 1, 3, 6 and 12 months after it.

Pure functions on dates. Each time point has a window; an answer given outside its window is
kept but does not count for that time point.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

BASELINE = "baseline"
FOLLOW_UPS = ("m1", "m3", "m6", "m12")
TIMEPOINTS = (BASELINE, *FOLLOW_UPS)
MONTHS = {BASELINE: 0, "m1": 1, "m3": 3, "m6": 6, "m12": 12}
# How long before the injection a baseline answer still counts.
BASELINE_LOOKBACK = timedelta(days=90)
WINDOWS = {
    "m1": timedelta(weeks=2),
    "m3": timedelta(weeks=4),
    "m6": timedelta(weeks=4),
    "m12": timedelta(weeks=4),
}


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later (the month's last day if it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Window:
    timepoint: str
    target: date
    opens: date
    closes: date

    def contains(self, day: date) -> bool:
        return self.opens <= day <= self.closes


def window(timepoint: str, injection: date) -> Window:
    """When an answer counts for `timepoint`, for an injection on `injection` (inclusive)."""
    if timepoint == BASELINE:
        return Window(timepoint, injection, injection - BASELINE_LOOKBACK, injection)
    target = add_months(injection, MONTHS[timepoint])
    margin = WINDOWS[timepoint]
    return Window(timepoint, target, target - margin, target + margin)


def counts_for(timepoint: str, injection: date, answered_on: date) -> bool:
    return window(timepoint, injection).contains(answered_on)


def follow_up_windows(injection: date) -> list[Window]:
    return [window(t, injection) for t in FOLLOW_UPS]
