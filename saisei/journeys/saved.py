"""Saved journeys of signed-in patients and their e-mail reminders (the only writes here).

Each function runs in one transaction and writes an audit entry. A reminder is one e-mail for
one dated event of the plan (visa application, the start of each visit, each follow-up); it is
sent by the task `tasks.send_reminder`, enqueued on commit with `run_after` set to its time
when the task backend can defer (django_tasks_db can), and by `manage.py
send_journey_reminders` (for backends that cannot, and as a safety net). Sending is idempotent:
the row is locked, and a cancelled, sent, archived or rescheduled reminder is never sent.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from saisei.accounts.mail import send_templated
from saisei.accounts.models import PatientProfile
from saisei.audit.services import record

from .models import JourneyPlan, Reminder
from .services import Journey, JourneyError

# How many days before the event its reminder goes out, at SEND_HOUR (Japan time).
LEAD_DAYS: dict[str, int] = {
    Reminder.Kind.VISA_APPLICATION: 7,
    Reminder.Kind.VISIT: 7,
    Reminder.Kind.FOLLOW_UP: 2,
}
SEND_HOUR = time(9, 0)
VISIT_KEYS = ("visit1-arrive", "visit2-arrive")
MAX_TITLE = 200


@dataclass(frozen=True)
class Due:
    kind: str
    event_key: str
    event_on: date
    send_at: datetime


def reminder_times(journey: Journey, now: datetime | None = None) -> list[Due]:
    """The reminders a journey calls for, each LEAD_DAYS before its event; none in the past."""
    now = now or timezone.now()
    wanted: list[tuple[str, str, date]] = []
    if journey.visa_apply_by is not None:
        wanted.append((Reminder.Kind.VISA_APPLICATION, "visa-apply", journey.visa_apply_by))
    for event in journey.events:
        if event.key in VISIT_KEYS:
            wanted.append((Reminder.Kind.VISIT, event.key, event.start))
        elif event.kind == "follow_up":
            wanted.append((Reminder.Kind.FOLLOW_UP, event.key, event.start))
    due = []
    for kind, key, day in wanted:
        moment = datetime.combine(day - timedelta(days=LEAD_DAYS[kind]), SEND_HOUR)
        send_at = timezone.make_aware(moment)
        if send_at > now:
            due.append(Due(kind, key, day, send_at))
    return due


def plans_of(user: Any, *, archived: bool = False) -> QuerySet[JourneyPlan]:
    return JourneyPlan.objects.filter(owner=user, archived__isnull=not archived).select_related(
        "facility", "quote", "package"
    )


def _title(title: str, journey: Journey) -> str:
    title = " ".join(title.split())
    if len(title) > MAX_TITLE:
        raise JourneyError(_("A title has at most 200 characters."), "title")
    if title:
        return title
    name = journey.treatment.facility_name or _("Generic template")
    return _("%(name)s from %(day)s") % {"name": name, "day": journey.schedule.first_day}


def _enqueue(reminder_id: int, send_at: datetime) -> None:
    from .tasks import send_reminder

    if not send_reminder.get_backend().supports_defer:
        return  # sent by `manage.py send_journey_reminders`
    result = send_reminder.using(run_after=send_at).enqueue(reminder_id)
    Reminder.objects.filter(pk=reminder_id).update(task_id=str(result.id)[:64])


def _schedule(reminder: Reminder) -> None:
    pk, send_at = reminder.pk, reminder.send_at
    transaction.on_commit(lambda: _enqueue(pk, send_at))


def _sync_reminders(plan: JourneyPlan, journey: Journey) -> dict[str, int]:
    """Make the plan's pending reminders match the journey; cancelled and sent rows stay."""
    due = {d.event_key: d for d in reminder_times(journey)}
    counts = {"created": 0, "moved": 0, "dropped": 0}
    for reminder in plan.reminders.select_for_update():
        wanted = due.pop(reminder.event_key, None)
        if reminder.sent_at or reminder.cancelled_at:
            continue
        if wanted is None:
            reminder.cancelled_at = timezone.now()
            reminder.save(update_fields=["cancelled_at"])
            counts["dropped"] += 1
        elif wanted.send_at != reminder.send_at:
            reminder.send_at, reminder.event_on = wanted.send_at, wanted.event_on
            reminder.save(update_fields=["send_at", "event_on"])
            _schedule(reminder)  # the old task finds the time changed and does nothing
            counts["moved"] += 1
    for wanted in due.values():
        reminder = Reminder.objects.create(
            plan=plan,
            kind=wanted.kind,
            event_key=wanted.event_key,
            event_on=wanted.event_on,
            send_at=wanted.send_at,
        )
        _schedule(reminder)
        counts["created"] += 1
    return counts


def _sources(journey: Journey) -> dict[str, Any]:
    treatment = journey.treatment
    return {"facility": treatment.facility, "quote": treatment.quote, "package": treatment.package}


@transaction.atomic
def save_plan(user: Any, params: dict[str, str], journey: Journey, title: str = "") -> JourneyPlan:
    plan = JourneyPlan.objects.create(
        owner=user, params=params, title=_title(title, journey), **_sources(journey)
    )
    counts = _sync_reminders(plan, journey)
    record("journey_plan.saved", plan, actor=user, reminders=counts["created"])
    return plan


def _lock(user: Any, plan_id: int) -> JourneyPlan:
    plan = JourneyPlan.objects.select_for_update().filter(pk=plan_id, owner=user).first()
    if plan is None:
        raise JourneyError(_("This saved plan does not exist."))
    return plan


@transaction.atomic
def update_plan(user: Any, plan_id: int, params: dict[str, str], journey: Journey) -> JourneyPlan:
    plan = _lock(user, plan_id)
    if plan.archived:
        raise JourneyError(_("This plan is archived: save it as a new plan instead."))
    plan.params = params
    for name, value in _sources(journey).items():
        setattr(plan, name, value)
    plan.save()
    counts = _sync_reminders(plan, journey)
    record("journey_plan.updated", plan, actor=user, reminders=counts)
    return plan


@transaction.atomic
def rename_plan(user: Any, plan_id: int, title: str) -> JourneyPlan:
    plan = _lock(user, plan_id)
    title = " ".join(title.split())
    if not title:
        raise JourneyError(_("Enter a title."), "title")
    if len(title) > MAX_TITLE:
        raise JourneyError(_("A title has at most 200 characters."), "title")
    plan.title = title
    plan.save(update_fields=["title", "updated"])
    record("journey_plan.renamed", plan, actor=user)
    return plan


def _cancel_pending(plan: JourneyPlan) -> int:
    return plan.reminders.filter(sent_at__isnull=True, cancelled_at__isnull=True).update(
        cancelled_at=timezone.now()
    )


@transaction.atomic
def archive_plan(user: Any, plan_id: int) -> JourneyPlan:
    plan = _lock(user, plan_id)
    if plan.archived is None:
        plan.archived = timezone.now()
        plan.save(update_fields=["archived", "updated"])
        record("journey_plan.archived", plan, actor=user, reminders_cancelled=_cancel_pending(plan))
    return plan


@transaction.atomic
def delete_plan(user: Any, plan_id: int) -> None:
    plan = _lock(user, plan_id)
    cancelled = _cancel_pending(plan)
    record("journey_plan.deleted", plan, actor=user, reminders_cancelled=cancelled)
    plan.delete()


@transaction.atomic
def cancel_reminder(user: Any, plan_id: int, reminder_id: int) -> Reminder:
    plan = _lock(user, plan_id)
    reminder = plan.reminders.select_for_update().filter(pk=reminder_id).first()
    if reminder is None:
        raise JourneyError(_("This reminder does not exist."))
    if reminder.sent_at is not None:
        raise JourneyError(_("This reminder was already sent."))
    if reminder.cancelled_at is None:
        reminder.cancelled_at = timezone.now()
        reminder.save(update_fields=["cancelled_at"])
        record("journey_reminder.cancelled", reminder, actor=user, plan=plan.pk)
    return reminder


@transaction.atomic
def cancel_all_reminders(user: Any, plan_id: int) -> int:
    plan = _lock(user, plan_id)
    pending = list(plan.reminders.filter(sent_at__isnull=True, cancelled_at__isnull=True))
    _cancel_pending(plan)
    for reminder in pending:
        record("journey_reminder.cancelled", reminder, actor=user, plan=plan.pk)
    return len(pending)


# --- sending ---------------------------------------------------------------------------------


def _language(user: Any) -> str:
    profile = PatientProfile.objects.filter(user=user).only("preferred_language").first()
    return profile.preferred_language if profile and profile.preferred_language else "en"


@transaction.atomic
def deliver_reminder(reminder_id: int, now: datetime | None = None) -> str:
    """Send one reminder if it is due and still wanted; at most once. Returns what happened."""
    now = now or timezone.now()
    reminder = (
        Reminder.objects.select_for_update(of=("self",))
        .select_related("plan__owner")
        .filter(pk=reminder_id)
        .first()
    )
    if reminder is None:
        return "missing"
    if reminder.sent_at is not None:
        return "already_sent"
    if reminder.cancelled_at is not None or reminder.plan.archived is not None:
        return "cancelled"
    if reminder.send_at > now:
        return "not_due"  # a task for an earlier time; the plan was updated since
    owner = reminder.plan.owner
    reminder.sent_at = now
    reminder.save(update_fields=["sent_at"])
    record("journey_reminder.sent", reminder, actor_label="system", plan=reminder.plan_id)
    if owner.email and owner.is_active:
        language = _language(owner)
        with translation.override(language):
            path = reverse("journeys:saved_detail", args=[reminder.plan_id])
        context = {"kind": reminder.kind, "event_on": reminder.event_on, "path": path}
        send_templated("journeys/email/reminder", owner.email, context, language)
    return "sent"


def send_due_reminders(now: datetime | None = None) -> int:
    """Send every reminder whose time has come (the housekeeping command). Returns the count."""
    now = now or timezone.now()
    due = Reminder.objects.filter(
        send_at__lte=now,
        sent_at__isnull=True,
        cancelled_at__isnull=True,
        plan__archived__isnull=True,
    ).values_list("pk", flat=True)
    return sum(deliver_reminder(pk, now) == "sent" for pk in list(due))
