"""Fictional outcome data for the demo clinics only (never a real clinic).

The patients are invented accounts (`demo-outcomes-...@saisei.localhost`, unable to sign in);
their treatments are flagged `is_demo`. One demo clinic gets enough answers to show a share
(20 treated, 14 answered at 6 months); the other too few (6 treated, 4 answered). Running
the loader again replaces the demo outcomes with a fresh set dated from today. The demo
patient account (from `load_demo`) gets a planned treatment at the second demo clinic, so that
a newcomer can answer a baseline questionnaire from "Your follow-up" and try the confirmation.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from saisei.accounts.demo import ACCOUNTS, DEMO_PREFIX
from saisei.audit.services import record
from saisei.registry.models import Facility

from . import answering, clock
from .models import Occasion, Treatment
from .schedule import FOLLOW_UPS, window

ACTOR = "load_demo_outcomes"


@dataclass(frozen=True)
class DemoCohort:
    external_id: str
    treated: int
    answered_m6: int
    mean_improvement: float
    seed: int


COHORTS = [
    DemoCohort("DEMO-F001", treated=20, answered_m6=14, mean_improvement=2.6, seed=1),
    DemoCohort("DEMO-F002", treated=6, answered_m6=4, mean_improvement=1.5, seed=2),
]


def _patient(facility: Facility, n: int) -> User:
    email = f"demo-outcomes-{facility.external_id.lower()}-{n:02d}@saisei.localhost"
    user, created = User.objects.get_or_create(
        username=email.split("@")[0], defaults={"email": email, "is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def _answers(pain: int, rng: random.Random, change: int | None) -> dict[str, dict[str, int]]:
    walking = max(0, min(4, round(pain / 2.5) + rng.choice((-1, 0, 0, 1))))
    answers = {
        "knee_pain_nrs": {"pain_week": pain},
        "knee_daily": {
            "walk_distance": walking,
            "stairs": max(0, min(4, walking + rng.choice((0, 0, 1)))),
            "pain_medicine_days": max(0, min(3, pain // 3)),
        },
    }
    if change is not None:
        answers["global_change"] = {"change": change}
    return answers


def _cohort(facility: Facility, cohort: DemoCohort, today: date) -> int:
    rng = random.Random(cohort.seed)  # the same fictional data every time
    answering_m6 = set(rng.sample(range(cohort.treated), cohort.answered_m6))
    for n in range(cohort.treated):
        injection = today - timedelta(days=rng.randint(215, 420))
        treatment = Treatment.objects.create(
            patient=_patient(facility, n + 1),
            facility=facility,
            harvest_date=injection - timedelta(days=28),
            injection_date=injection,
            status=Treatment.Status.CONFIRMED,
            confirmed_at=_at(injection + timedelta(days=1)),
            done_at=_at(injection),
            is_demo=True,
        )
        baseline = rng.randint(4, 8)
        answering.record_completed(
            treatment, "baseline", _answers(baseline, rng, None), _at(injection - timedelta(days=9))
        )
        for timepoint in FOLLOW_UPS:
            span = window(timepoint, injection)
            if span.opens > today or (timepoint == "m6" and n not in answering_m6):
                continue
            if timepoint != "m6" and rng.random() < 0.2:
                continue  # some patients skip a time point
            improvement = max(-2, round(rng.gauss(cohort.mean_improvement, 1.6)))
            pain = max(0, min(10, baseline - improvement))
            change = 4 - max(-3, min(3, improvement))
            answered = min(span.target + timedelta(days=rng.randint(-6, 9)), today)
            answering.record_completed(
                treatment, timepoint, _answers(pain, rng, change), _at(answered)
            )
    return cohort.treated


@transaction.atomic
def load_demo_outcomes() -> dict[str, int]:
    today = clock.today()
    loaded = {}
    for cohort in COHORTS:
        facility = Facility.objects.filter(external_id=cohort.external_id).first()
        if facility is None:
            continue  # run load_demo first
        if not (facility.is_demo and facility.external_id.startswith(DEMO_PREFIX)):
            raise RuntimeError(f"{facility.external_id} is not a demo clinic")
        Treatment.objects.filter(facility=facility, is_demo=True).delete()
        loaded[facility.slug] = _cohort(facility, cohort, today)
        record(
            "demo.outcomes_loaded", facility, actor_label=ACTOR, treatments=loaded[facility.slug]
        )
        if cohort is COHORTS[-1]:
            _demo_patient_treatment(facility, today)
    return loaded


def _demo_patient_treatment(facility: Facility, today: date) -> None:
    email = next(a.email for a in ACCOUNTS if a.role == "patient")
    patient = User.objects.filter(email__iexact=email).first()
    if patient is None:
        return
    treatment = Treatment.objects.create(
        patient=patient,
        facility=facility,
        harvest_date=today + timedelta(days=14),
        injection_date=today + timedelta(days=14),
        is_demo=True,
    )
    Occasion.objects.create(treatment=treatment, timepoint="baseline")
