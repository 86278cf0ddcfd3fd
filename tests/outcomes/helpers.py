"""Builders for outcome data with exact values."""

import itertools
from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from saisei.outcomes import answering
from saisei.outcomes.models import Treatment
from saisei.outcomes.schedule import window

_ids = itertools.count(1)


def at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


def pain(value: int) -> dict[str, dict[str, int]]:
    return {"knee_pain_nrs": {"pain_week": value}}


def treated(
    facility,
    *,
    injection: date,
    baseline: int | None = None,
    follow_up: dict[str, int] | None = None,
    answered_on: dict[str, date] | None = None,
    patient: User | None = None,
    status: str = Treatment.Status.CONFIRMED,
) -> Treatment:
    """A treatment at `facility` with pain answers: baseline 9 days before the injection,
    follow-ups on their target date unless `answered_on` says otherwise."""
    if patient is None:
        n = next(_ids)
        patient = User.objects.create_user(username=f"patient{n}", email=f"p{n}@example.com")
    treatment = Treatment.objects.create(
        patient=patient,
        facility=facility,
        injection_date=injection,
        status=status,
        is_demo=facility.is_demo,
    )
    answered_on = answered_on or {}
    if baseline is not None:
        day = answered_on.get("baseline", injection - timedelta(days=9))
        answering.record_completed(treatment, "baseline", pain(baseline), at(day))
    for timepoint, value in (follow_up or {}).items():
        day = answered_on.get(timepoint, window(timepoint, injection).target)
        answering.record_completed(treatment, timepoint, pain(value), at(day))
    return treatment
