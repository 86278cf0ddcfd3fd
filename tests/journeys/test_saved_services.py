"""Saved plans and their reminders: what is saved, when each reminder goes out, that it is
enqueued once, never sent when cancelled and sent once even when its task runs twice."""

from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from saisei.accounts import privacy
from saisei.accounts.models import PatientProfile
from saisei.audit.models import AuditEntry
from saisei.journeys import saved
from saisei.journeys.models import JourneyPlan, Reminder
from saisei.journeys.services import JourneyError

from .conftest import build, plan_params, save, soon

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def actions(target) -> list[str]:
    return list(
        AuditEntry.objects.filter(
            target_id=str(target.pk), target_type__endswith=type(target).__name__.lower()
        )
        .order_by("pk")
        .values_list("action", flat=True)
    )


def at_nine(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time().replace(hour=9)))


def test_saving_stores_the_planner_parameters_and_one_reminder_per_event(saved_plan, alice):
    assert saved_plan.owner == alice
    assert saved_plan.params == plan_params()
    keys = list(saved_plan.reminders.values_list("event_key", flat=True))
    # A US passport needs no visa: the two trips and the four follow-ups.
    assert sorted(keys) == sorted(
        [
            "visit1-arrive",
            "visit2-arrive",
            "follow-up-1",
            "follow-up-3",
            "follow-up-6",
            "follow-up-12",
        ]
    )
    assert actions(saved_plan) == ["journey_plan.saved"]
    assert saved_plan.title.startswith("Generic template from ")


def test_reminder_times_come_a_set_number_of_days_before_each_event(journey_world, alice):
    _form, journey = build(alice, plan_params(nationality="CN"))
    due = {d.event_key: d for d in saved.reminder_times(journey)}
    assert journey.visa_apply_by is not None
    visa = due["visa-apply"]
    assert visa.kind == Reminder.Kind.VISA_APPLICATION
    assert visa.event_on == journey.visa_apply_by
    assert visa.send_at == at_nine(journey.visa_apply_by - timedelta(days=7))
    arrive = journey.schedule.event("visit1-arrive")
    assert due["visit1-arrive"].send_at == at_nine(arrive.start - timedelta(days=7))
    follow = journey.schedule.event("follow-up-1")
    assert due["follow-up-1"].send_at == at_nine(follow.start - timedelta(days=2))


def test_reminders_already_past_are_not_created(journey_world, alice):
    # Arriving in 3 days: the visit-1 reminder (7 days before) would be in the past.
    plan = save(alice, plan_params(start=soon(3).isoformat()))
    keys = set(plan.reminders.values_list("event_key", flat=True))
    assert "visit1-arrive" not in keys and "visit2-arrive" in keys


def test_each_reminder_is_enqueued_once_with_its_time(
    journey_world, alice, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DB_TASKS
    with django_capture_on_commit_callbacks(execute=True):
        plan = save(alice, plan_params())
    reminders = list(plan.reminders.all())
    tasks = DBTaskResult.objects.filter(task_path="saisei.journeys.tasks.send_reminder")
    assert tasks.count() == len(reminders) == 6
    for reminder in reminders:
        task = tasks.get(args_kwargs__args=[reminder.pk])
        assert task.run_after == reminder.send_at
        assert reminder.task_id == str(task.id)


def test_updating_moves_pending_reminders_and_keeps_cancelled_ones(
    journey_world, alice, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DB_TASKS
    with django_capture_on_commit_callbacks(execute=True):
        plan = save(alice, plan_params())
    cancelled = plan.reminders.get(event_key="follow-up-12")
    saved.cancel_reminder(alice, plan.pk, cancelled.pk)
    before = plan.reminders.get(event_key="visit1-arrive").send_at
    form, journey = build(alice, plan_params(start=soon(90).isoformat()))
    with django_capture_on_commit_callbacks(execute=True):
        saved.update_plan(alice, plan.pk, form.params(), journey)
    moved = plan.reminders.get(event_key="visit1-arrive")
    assert moved.send_at == before + timedelta(days=30)
    assert plan.reminders.get(pk=cancelled.pk).cancelled_at is not None
    # Five pending reminders moved, each enqueued again for its new time.
    assert DBTaskResult.objects.count() == 6 + 5
    assert "journey_plan.updated" in actions(plan)


def _due(reminder):
    return reminder.send_at + timedelta(minutes=1)


def test_a_due_reminder_is_sent_once_even_if_its_task_runs_twice(
    saved_plan, django_capture_on_commit_callbacks
):
    reminder = saved_plan.reminders.get(event_key="visit1-arrive")
    with django_capture_on_commit_callbacks(execute=True):
        assert saved.deliver_reminder(reminder.pk, _due(reminder)) == "sent"
    with django_capture_on_commit_callbacks(execute=True):
        assert saved.deliver_reminder(reminder.pk, _due(reminder)) == "already_sent"
    assert len(mail.outbox) == 1
    assert actions(reminder) == ["journey_reminder.sent"]
    message = mail.outbox[0]
    assert message.to == ["alice@example.com"]
    assert f"/journey/saved/{saved_plan.pk}/" in message.body
    assert reminder.event_on.strftime("%Y-%m-%d") in message.body


def test_a_reminder_is_not_sent_before_its_time(saved_plan):
    reminder = saved_plan.reminders.first()
    assert saved.deliver_reminder(reminder.pk, reminder.send_at - timedelta(minutes=1)) == "not_due"
    reminder.refresh_from_db()
    assert reminder.sent_at is None


def test_a_cancelled_reminder_is_never_sent(saved_plan, alice, django_capture_on_commit_callbacks):
    reminder = saved_plan.reminders.get(event_key="visit2-arrive")
    saved.cancel_reminder(alice, saved_plan.pk, reminder.pk)
    with django_capture_on_commit_callbacks(execute=True):
        assert saved.deliver_reminder(reminder.pk, _due(reminder)) == "cancelled"
        assert saved.send_due_reminders(_due(reminder)) == 1  # only visit 1, due earlier
    assert len(mail.outbox) == 1
    assert actions(reminder) == ["journey_reminder.cancelled"]


def test_cancelling_all_reminders_cancels_every_pending_one(saved_plan, alice):
    assert saved.cancel_all_reminders(alice, saved_plan.pk) == 6
    assert not saved_plan.reminders.filter(cancelled_at__isnull=True).exists()
    assert actions(saved_plan) == ["journey_plan.saved"]
    assert AuditEntry.objects.filter(action="journey_reminder.cancelled").count() == 6


def test_archiving_cancels_the_reminders(saved_plan, alice):
    saved.archive_plan(alice, saved_plan.pk)
    saved_plan.refresh_from_db()
    assert saved_plan.archived is not None
    assert not saved_plan.reminders.filter(cancelled_at__isnull=True).exists()
    assert actions(saved_plan) == ["journey_plan.saved", "journey_plan.archived"]
    last = saved_plan.reminders.order_by("-send_at").first()
    assert saved.send_due_reminders(_due(last)) == 0


def test_deleting_removes_the_plan_and_its_reminders(saved_plan, alice):
    reminder = saved_plan.reminders.first()
    saved.delete_plan(alice, saved_plan.pk)
    assert not JourneyPlan.objects.exists() and not Reminder.objects.exists()
    assert saved.deliver_reminder(reminder.pk) == "missing"
    assert actions(saved_plan) == ["journey_plan.saved", "journey_plan.deleted"]


def test_nobody_else_can_change_a_plan(saved_plan, bob):
    reminder = saved_plan.reminders.first()
    for change in (
        lambda: saved.archive_plan(bob, saved_plan.pk),
        lambda: saved.delete_plan(bob, saved_plan.pk),
        lambda: saved.rename_plan(bob, saved_plan.pk, "mine"),
        lambda: saved.cancel_reminder(bob, saved_plan.pk, reminder.pk),
        lambda: saved.cancel_all_reminders(bob, saved_plan.pk),
    ):
        with pytest.raises(JourneyError):
            change()
    assert actions(saved_plan) == ["journey_plan.saved"]


def test_renaming_needs_a_title_of_at_most_200_characters(saved_plan, alice):
    with pytest.raises(JourneyError):
        saved.rename_plan(alice, saved_plan.pk, "   ")
    with pytest.raises(JourneyError):
        saved.rename_plan(alice, saved_plan.pk, "x" * 201)
    assert saved.rename_plan(alice, saved_plan.pk, "  Spring  trip ").title == "Spring trip"


def test_the_reminder_is_in_the_recipients_language_with_no_medical_details(
    saved_plan, alice, django_capture_on_commit_callbacks
):
    PatientProfile.objects.filter(user=alice).update(preferred_language="ja")
    reminder = saved_plan.reminders.get(event_key="follow-up-1")
    with django_capture_on_commit_callbacks(execute=True):
        saved.deliver_reminder(reminder.pk, _due(reminder))
    message = mail.outbox[0]
    assert "旅程" in message.subject
    for detail in ("injection", "follow-up", "stem", "注射", "Denver"):
        assert detail not in message.body.lower()
    assert f"/ja/journey/saved/{saved_plan.pk}/" in message.body


def test_a_quote_or_package_gives_the_plan_its_figures(alice, accepted_quote, package_a):
    form, journey = build(alice, plan_params(source=f"quote:{accepted_quote.pk}"))
    treatment = journey.treatment
    assert (treatment.source, treatment.culture_weeks, treatment.visits) == ("quote", (4, 4), 2)
    assert treatment.price_min_jpy == treatment.price_max_jpy == 1_270_000  # included items
    plan = saved.save_plan(alice, form.params(), journey)
    assert plan.quote == accepted_quote and plan.facility == accepted_quote.recipient.facility

    _form, journey = build(alice, plan_params(clinic="clinic-a", source=f"package:{package_a.pk}"))
    assert journey.treatment.price_min_jpy == 1_800_000
    assert journey.treatment.culture_weeks == (6, 6)
    assert journey.schedule.injection_earliest - journey.schedule.event(
        "harvest"
    ).start >= timedelta(weeks=6)


def test_privacy_export_and_account_deletion_cover_saved_plans(saved_plan, alice, bob):
    bobs = save(bob, plan_params())
    data = privacy.export_data(alice)["journeys"]
    assert [p["id"] for p in data] == [saved_plan.pk]
    assert len(data[0]["reminders"]) == 6 and data[0]["params"]["home"] == "Denver"
    privacy.delete_account(alice)
    assert list(JourneyPlan.objects.all()) == [bobs]
