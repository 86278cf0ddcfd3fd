"""Invitations when a time point's window opens, then at most two reminders, then silence.

`send_due()` is idempotent: running it twice in a row sends nothing the second time (each
occasion is locked and stamped in the same transaction as its e-mail is queued).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from saisei.audit.services import record

from . import clock, notify
from .models import Occasion, Treatment
from .schedule import BASELINE, window

MAX_REMINDERS = 2
REMINDER_GAP = timedelta(days=7)


@dataclass
class Sent:
    invitations: int = 0
    reminders: int = 0


def is_open(occasion: Occasion, today: date) -> bool:
    """Whether the occasion can be answered and counted today."""
    treatment = occasion.treatment
    if occasion.timepoint == BASELINE:
        return treatment.injection_date is None or today <= treatment.injection_date
    if treatment.status != Treatment.Status.CONFIRMED or treatment.injection_date is None:
        return False
    return window(occasion.timepoint, treatment.injection_date).contains(today)


def candidates():
    return (
        Occasion.objects.exclude(status=Occasion.Status.COMPLETED)
        .filter(
            treatment__follow_up=Treatment.FollowUp.ACTIVE,
            treatment__is_demo=False,
            reminders_sent__lt=MAX_REMINDERS,
        )
        .select_related("treatment", "treatment__patient", "treatment__facility")
        .order_by("pk")
    )


def send_due() -> Sent:
    sent = Sent()
    today, now = clock.today(), clock.now()
    for candidate in candidates():
        if not is_open(candidate, today):
            continue
        with transaction.atomic():
            occasion = (
                Occasion.objects.select_for_update(of=("self",))
                .select_related("treatment", "treatment__patient", "treatment__facility")
                .get(pk=candidate.pk)
            )
            if occasion.status == Occasion.Status.COMPLETED:
                continue
            if occasion.invited_at is None:
                notify.invite(occasion)
                record("outcomes.invited", occasion, actor_label="reminders")
                sent.invitations += 1
            elif occasion.reminders_sent < MAX_REMINDERS and (
                occasion.last_contacted_at is None
                or occasion.last_contacted_at <= now - REMINDER_GAP
            ):
                occasion.reminders_sent += 1
                occasion.last_contacted_at = now
                occasion.save(update_fields=["reminders_sent", "last_contacted_at"])
                notify.remind(occasion)
                record(
                    "outcomes.reminded",
                    occasion,
                    actor_label="reminders",
                    n=occasion.reminders_sent,
                )
                sent.reminders += 1
    return sent
