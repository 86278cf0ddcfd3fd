"""Days a clinic cannot see a patient: Japan's public holidays, and the clinic's closed days.

Public holidays come from `jpholiday`, which computes them from the Act on National Holidays
(including substitute holidays and special one-off days), offline. Clinics' own closed days
(weekly closing days, New Year, Obon) are not in any data yet: `clinic_closed_days` is the hook
that a later change fills from the clinic's profile.
"""

from collections.abc import Callable
from datetime import date, timedelta

import jpholiday
from django.utils.translation import gettext_lazy as _

# jpholiday names holidays in Japanese; these are their English names (translated back).
HOLIDAY_NAMES = {
    "元日": _("New Year's Day"),
    "成人の日": _("Coming of Age Day"),
    "建国記念の日": _("National Foundation Day"),
    "天皇誕生日": _("The Emperor's Birthday"),
    "春分の日": _("Vernal Equinox Day"),
    "昭和の日": _("Showa Day"),
    "憲法記念日": _("Constitution Memorial Day"),
    "みどりの日": _("Greenery Day"),
    "こどもの日": _("Children's Day"),
    "海の日": _("Marine Day"),
    "山の日": _("Mountain Day"),
    "敬老の日": _("Respect for the Aged Day"),
    "秋分の日": _("Autumnal Equinox Day"),
    "スポーツの日": _("Sports Day"),
    "文化の日": _("Culture Day"),
    "勤労感謝の日": _("Labour Thanksgiving Day"),
    "振替休日": _("Substitute holiday"),
    "国民の休日": _("Citizens' holiday"),
}

ClosedCheck = Callable[[date], str | None]


def holiday_name(day: date) -> str | None:
    """The public holiday on `day` in the active language, or None."""
    name = jpholiday.is_holiday_name(day)
    if name is None:
        return None
    return str(HOLIDAY_NAMES.get(name, name))


def holidays_between(first: date, last: date) -> list[tuple[date, str]]:
    return [
        (day, str(HOLIDAY_NAMES.get(name, name)))
        for day, name in jpholiday.between(first, last)
        if first <= day <= last
    ]


def clinic_closed_days(facility: object | None) -> ClosedCheck:
    """The hook for a clinic's own closed days: no data yet, so it never says closed."""

    def closed(day: date) -> str | None:
        return None

    return closed


def closed_check(facility: object | None) -> ClosedCheck:
    """Why a clinic cannot see a patient on a day (a holiday, or closed), or None."""
    clinic_closed = clinic_closed_days(facility)

    def check(day: date) -> str | None:
        return holiday_name(day) or clinic_closed(day)

    return check


def next_open_day(day: date, closed: ClosedCheck) -> tuple[date, list[tuple[date, str]]]:
    """The first day from `day` on that is not closed, and the closed days skipped."""
    skipped: list[tuple[date, str]] = []
    for _attempt in range(60):
        reason = closed(day)
        if reason is None:
            return day, skipped
        skipped.append((day, reason))
        day += timedelta(days=1)
    raise ValueError("no open day within 60 days")
