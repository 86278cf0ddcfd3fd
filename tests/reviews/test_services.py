from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from saisei.audit.models import AuditEntry
from saisei.outbox.models import OutboundEmail
from saisei.outcomes import answering
from saisei.outcomes import services as outcomes
from saisei.outcomes.models import Treatment
from saisei.quotes.models import Quote
from saisei.reviews import services
from saisei.reviews.errors import ReviewError
from saisei.reviews.models import Reply, Report, Review
from tests.outcomes.helpers import at, pain
from tests.personas import make_user

from .conftest import QUOTED_TOTAL, accepted_treatment, confirm, data

pytestmark = pytest.mark.django_db


def actions(target):
    return list(
        AuditEntry.objects.filter(target_id=str(target.pk)).values_list("action", flat=True)
    )


def test_accepting_a_quote_plans_a_treatment_linked_to_it(alice, carol, clinic_a):
    treatment = accepted_treatment(alice, clinic_a, carol)
    assert treatment.status == Treatment.Status.PLANNED
    assert (treatment.patient, treatment.facility) == (alice, clinic_a)
    assert treatment.quote.status == Quote.Status.ACCEPTED
    assert "outcomes.treatment_planned" in actions(treatment)
    entry = AuditEntry.objects.get(action="outcomes.treatment_planned")
    assert entry.data["quote_id"] == str(treatment.quote_id)


def test_the_clinic_marks_the_accepted_treatment_done_and_the_patient_confirms(
    alice, carol, clinic_a
):
    treatment = confirm(accepted_treatment(alice, clinic_a, carol), carol, alice)
    assert treatment.status == Treatment.Status.CONFIRMED


def test_a_patient_with_a_confirmed_treatment_reviews_it_with_the_quoted_total(alice, treatment):
    review = services.write_review(alice, treatment, data(final=1_300_000))
    assert review.facility_id == treatment.facility_id
    assert review.quoted_total_jpy == QUOTED_TOTAL
    assert review.final_price_jpy == 1_300_000
    assert review.status == Review.Status.PUBLISHED
    assert "review.written" in actions(review)


def test_a_treatment_is_reviewed_only_once(alice, review, treatment):
    with pytest.raises(ReviewError, match="already"):
        services.write_review(alice, treatment, data())
    assert Review.objects.count() == 1


def test_another_patient_cannot_review_alices_treatment(bob, treatment):
    with pytest.raises(ReviewError):
        services.write_review(bob, treatment, data())


def test_bob_without_a_confirmed_treatment_has_nothing_to_review(bob, alice, treatment):
    assert services.reviewable_treatments(bob) == []
    assert services.reviewable_treatments(alice) == [treatment]


def test_alice_cannot_review_clinic_b_where_her_treatment_is_not_confirmed(
    alice, dave, clinic_b, treatment
):
    planned = accepted_treatment(alice, clinic_b, dave)
    with pytest.raises(ReviewError, match="confirmed"):
        services.write_review(alice, planned, data())
    outcomes.mark_done(planned, dave, injection_date=timezone.localdate())
    with pytest.raises(ReviewError, match="confirmed"):
        services.write_review(alice, planned, data())
    assert not Review.objects.filter(facility=clinic_b).exists()


def test_every_aspect_is_rated_1_to_5_with_words_but_the_interpreter_may_be_left_out(
    alice, treatment
):
    with pytest.raises(ReviewError):
        services.write_review(alice, treatment, data(communication=6))
    with pytest.raises(ReviewError):
        services.write_review(alice, treatment, data(text="  "))
    review = services.write_review(alice, treatment, data(interpreter=None))
    assert review.interpreter is None and review.interpreter_text == ""


def test_anyone_signed_in_reports_once_until_a_moderator_decides(review, bob, carol):
    services.report(review, bob, "Names a nurse.")
    with pytest.raises(ReviewError, match="already"):
        services.report(review, bob, "Again.")
    services.report(review, carol, "Not true.")
    assert Report.objects.filter(review=review, status="open").count() == 2
    assert actions(review).count("review.reported") == 2


def test_a_report_needs_a_reason(review, bob):
    with pytest.raises(ReviewError):
        services.report(review, bob, " ")


def test_a_moderator_keeps_a_reported_review_with_the_reason_recorded(review, bob, mia):
    services.report(review, bob, "I do not like it.")
    services.decide(review, mia, remove=False, reason="Negative, but within the rules.")
    review.refresh_from_db()
    assert review.status == Review.Status.PUBLISHED
    assert review.decision_reason == "Negative, but within the rules."
    assert Report.objects.get().status == Report.Status.KEPT
    assert "review.kept" in actions(review)
    assert services.moderation_queue() == []


def test_a_moderator_removes_a_review_and_the_reason_is_kept(review, bob, mia):
    services.report(review, bob, "Names a nurse.")
    assert services.moderation_queue() == [review]
    services.decide(review, mia, remove=True, reason="Names a member of staff (rule 3).")
    review.refresh_from_db()
    assert review.is_removed and review.decided_by == mia
    entry = AuditEntry.objects.get(action="review.removed")
    assert entry.data["reason"] == "Names a member of staff (rule 3)."


def test_only_moderators_decide(review, bob, carol):
    services.report(review, bob, "x")
    with pytest.raises(ReviewError):
        services.decide(review, carol, remove=True, reason="I am the clinic")
    review.refresh_from_db()
    assert not review.is_removed


def test_the_clinic_replies_once_publicly(review, carol):
    services.reply(review, carol, "Thank you for your visit.")
    with pytest.raises(ReviewError, match="already"):
        services.reply(review, carol, "And again.")
    assert Reply.objects.get().text == "Thank you for your visit."
    assert "review.replied" in actions(review)


def test_another_clinic_cannot_reply(review, dave, alice):
    for someone in (dave, alice):
        with pytest.raises(ReviewError):
            services.reply(review, someone, "Hello")
    assert not Reply.objects.exists()


def _answered_treatment(facility, staff, patient, days_ago, pain_before, pain_after):
    treatment = outcomes.plan_treatment(patient, facility, invite=False)
    treatment = confirm(treatment, staff, patient, days_ago=days_ago)
    injection = treatment.injection_date
    answering.record_completed(
        treatment, "baseline", pain(pain_before), at(injection - timedelta(days=5))
    )
    answering.record_completed(treatment, "m3", pain(pain_after), at(injection + timedelta(90)))
    return treatment


def test_invitations_go_to_every_confirmed_treatment_whatever_the_answers(
    alice, bob, carol, clinic_a
):
    better = _answered_treatment(clinic_a, carol, alice, 100, pain_before=8, pain_after=1)
    worse = _answered_treatment(clinic_a, carol, bob, 100, pain_before=3, pain_after=9)
    never_answered = confirm(
        outcomes.plan_treatment(make_user("cy"), clinic_a, invite=False),
        carol,
        User.objects.get(username="cy"),
        days_ago=100,
    )
    too_recent = _answered_treatment(clinic_a, carol, make_user("di"), 30, 8, 1)
    OutboundEmail.objects.all().delete()
    assert services.send_invitations() == 3
    invited = set(Treatment.objects.filter(review_invitation__isnull=False))
    assert invited == {better, worse, never_answered}
    assert too_recent not in invited
    assert sorted(m.to[0] for m in OutboundEmail.objects.all()) == sorted(
        [alice.email, bob.email, "cy@example.com"]
    )
    assert services.send_invitations() == 0  # once per treatment
    assert AuditEntry.objects.filter(action="review.invited").count() == 3


def test_no_invitation_for_a_treatment_already_reviewed_or_not_confirmed(
    review, alice, bob, carol, clinic_a
):
    Treatment.objects.filter(pk=review.treatment_id).update(
        injection_date=timezone.localdate() - timedelta(days=200)
    )
    outcomes.plan_treatment(bob, clinic_a, invite=False)  # planned only
    assert services.send_invitations() == 0
