from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from saisei.audit.models import AuditEntry
from saisei.outcomes import services
from saisei.outcomes.errors import TreatmentError
from saisei.outcomes.models import Occasion, Treatment

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a service and send the e-mails it queued, as after a commit."""

    def run(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    return run


@pytest.fixture
def planned(alice, clinic_a, committed):
    injection = timezone.localdate() + timedelta(days=20)
    return committed(services.plan_treatment, alice, clinic_a, injection_date=injection)


def test_planning_creates_the_baseline_and_emails_its_link(planned, alice):
    assert planned.status == Treatment.Status.PLANNED and planned.quote_id is None
    assert [o.timepoint for o in planned.occasions.all()] == ["baseline"]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [alice.email]
    assert "/outcomes/answer/" in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="outcomes.treatment_planned").exists()


def test_staff_of_the_clinic_marks_done_and_the_patient_confirms(planned, carol, alice, committed):
    day = timezone.localdate()
    committed(
        services.mark_done,
        planned,
        carol,
        injection_date=day,
        harvest_date=day - timedelta(days=30),
    )
    planned.refresh_from_db()
    assert planned.status == Treatment.Status.DONE and planned.done_by == carol
    assert "Please confirm" in mail.outbox[-1].subject
    services.confirm(planned, alice)
    planned.refresh_from_db()
    assert planned.status == Treatment.Status.CONFIRMED
    assert sorted(o.timepoint for o in planned.occasions.all()) == sorted(
        ["baseline", "m1", "m3", "m6", "m12"]
    )
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"outcomes.treatment_done", "outcomes.treatment_confirmed"} <= actions


def test_staff_of_another_clinic_cannot_mark_done(planned, dave):
    with pytest.raises(TreatmentError):
        services.mark_done(planned, dave, injection_date=timezone.localdate())


def test_only_the_patient_confirms(planned, carol, bob):
    services.mark_done(planned, carol, injection_date=timezone.localdate())
    with pytest.raises(TreatmentError):
        services.confirm(planned, bob)
    with pytest.raises(TreatmentError):
        services.confirm(planned, carol)


def test_a_future_injection_date_is_refused(planned, carol):
    with pytest.raises(TreatmentError):
        services.mark_done(planned, carol, injection_date=timezone.localdate() + timedelta(days=1))


def test_either_side_can_dispute_and_a_moderator_decides(
    planned, carol, alice, mia, bob, committed
):
    services.mark_done(planned, carol, injection_date=timezone.localdate())
    with pytest.raises(TreatmentError):
        services.dispute(planned, bob, "not my treatment")
    committed(services.dispute, planned, alice, "The injection was a day later.")
    planned.refresh_from_db()
    assert planned.status == Treatment.Status.DISPUTED
    assert mail.outbox[-1].to == [mia.email]
    with pytest.raises(TreatmentError):
        services.resolve_dispute(planned, carol, status="confirmed", note="")
    services.resolve_dispute(planned, mia, status="confirmed", note="Checked with both.")
    planned.refresh_from_db()
    assert planned.status == Treatment.Status.CONFIRMED
    assert planned.occasions.count() == 5


def test_stopping_deletes_answers_unless_the_patient_agrees(alice, bob, clinic_a):
    keep = services.plan_treatment(alice, clinic_a, injection_date=timezone.localdate())
    drop = services.plan_treatment(bob, clinic_a, injection_date=timezone.localdate())
    services.stop_taking_part(keep, alice, keep_answers=True)
    services.stop_taking_part(drop, bob, keep_answers=False)
    assert Occasion.objects.filter(treatment=keep).count() == 1
    assert Occasion.objects.filter(treatment=drop).count() == 0
    with pytest.raises(TreatmentError):
        services.stop_taking_part(keep, bob, keep_answers=False)


def test_a_disputed_treatment_waits_for_the_moderator_not_the_clinic(planned, carol, alice):
    services.dispute(planned, alice, "I have not been treated yet.")
    with pytest.raises(TreatmentError):
        services.mark_done(planned, carol, injection_date=timezone.localdate())
