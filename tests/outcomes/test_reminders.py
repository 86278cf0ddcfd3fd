from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from saisei.outcomes import clock, reminders, services
from saisei.outcomes.models import Occasion

pytestmark = pytest.mark.django_db


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """send() with the queued e-mails sent, as after a commit."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            return reminders.send_due()

    return run


@pytest.fixture
def confirmed(alice, carol, clinic_a):
    injection = timezone.localdate() - timedelta(days=30)
    treatment = services.plan_treatment(alice, clinic_a, injection_date=injection, invite=False)
    services.mark_done(treatment, carol, injection_date=injection)
    services.confirm(treatment, alice)
    mail.outbox.clear()
    return treatment


def move_clock(monkeypatch, days):
    later = timezone.now() + timedelta(days=days)
    monkeypatch.setattr(clock, "now", lambda: later)


def test_one_month_invitation_then_two_reminders_then_silence(monkeypatch, confirmed, send):
    sent = send()
    assert (sent.invitations, sent.reminders) == (1, 0)  # the 1-month window is open
    assert "Your knee questionnaire: 1 month after" in mail.outbox[0].subject
    assert send().reminders == 0  # idempotent: nothing new the same day
    move_clock(monkeypatch, 7)
    assert send().reminders == 1
    assert send().reminders == 0
    move_clock(monkeypatch, 14)
    assert send().reminders == 1
    move_clock(monkeypatch, 14 + 1)  # still inside the 1-month window (+2 weeks)
    assert send().reminders == 0  # two reminders, then stop
    assert len(mail.outbox) == 3
    assert Occasion.objects.get(treatment=confirmed, timepoint="m1").reminders_sent == 2


def test_no_reminder_after_answering_or_stopping(monkeypatch, confirmed, alice, send):
    send()
    services.stop_taking_part(confirmed, alice, keep_answers=True)
    move_clock(monkeypatch, 8)
    sent = send()
    assert (sent.invitations, sent.reminders) == (0, 0)


def test_demo_treatments_get_no_mail(clinic_a, alice, send):
    from saisei.outcomes.models import Treatment

    Treatment.objects.create(patient=alice, facility=clinic_a, is_demo=True)
    assert send().invitations == 0
