"""The tables a later change fills: a signed-in patient's saved plan and its reminders.

Nothing writes them yet; this shows that a plan made by the anonymous planner fits them as it
is (its parameters, its events' stable keys) and that reminders are cancellable, not deleted."""

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.test import RequestFactory
from django.utils import timezone

from saisei.journeys.forms import JourneyForm
from saisei.journeys.models import JourneyPlan, Reminder
from saisei.journeys.services import build_journey
from saisei.lib.currency import load_rates

from .conftest import soon

pytestmark = pytest.mark.django_db


def test_a_planned_journey_fits_a_saved_plan_with_one_reminder_per_event(clinics):
    request = RequestFactory().get(
        "/journey/",
        {"nationality": "CN", "start": soon(90).isoformat(), "clinic": "ginza-stem-cell-clinic"},
    )
    form = JourneyForm(request.GET, currency="USD", rates=load_rates())
    assert form.is_valid(), form.errors
    assert form.treatment is not None
    journey = build_journey(form.journey_request(), form.treatment, load_rates())
    alice = get_user_model().objects.create_user("alice", "alice@example.com", "x")
    plan = JourneyPlan.objects.create(
        owner=alice, params=form.params(), facility=form.treatment.facility
    )
    kinds = {"visa_apply": "visa_application", "follow_up": "follow_up"}
    for event in journey.events:
        if event.kind in kinds or event.clinic_day:
            Reminder.objects.create(
                plan=plan,
                kind=kinds.get(event.kind, "visit"),
                event_key=event.key,
                send_at=timezone.now(),
            )
    plan.refresh_from_db()
    assert plan.params["clinic"] == "ginza-stem-cell-clinic"
    assert JourneyForm(plan.params, currency="USD", rates=load_rates()).is_valid()
    assert set(plan.reminders.values_list("kind", flat=True)) == {
        "visa_application",
        "visit",
        "follow_up",
    }
    reminder = plan.reminders.all()[0]
    reminder.cancelled_at = timezone.now()
    reminder.save()
    assert plan.reminders.filter(cancelled_at__isnull=True).count() == plan.reminders.count() - 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Reminder.objects.create(
            plan=plan, kind="visit", event_key=reminder.event_key, send_at=timezone.now()
        )
