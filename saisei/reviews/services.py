"""Review rules: who may review, write, report, moderate, reply, invite.

Every change runs in `transaction.atomic()` and writes an audit entry (`review.*`). Only the
patient of a confirmed treatment reviews it, once; every review is published; a moderator
removes one only for breaking the content rules, with the reason shown in its place.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from saisei.accounts import roles
from saisei.audit.services import record
from saisei.outcomes.models import Treatment
from saisei.outcomes.schedule import add_months
from saisei.quotes.compare import summarise

from . import notify
from .errors import ReviewError
from .models import OPTIONAL_ASPECTS, Aspect, Invitation, Reply, Report, Review

INVITE_AFTER_MONTHS = 3


@dataclass(frozen=True)
class ReviewData:
    ratings: dict[str, int | None]
    texts: dict[str, str]
    final_price_jpy: int | None = None


def reviewable_treatments(patient: Any) -> list[Treatment]:
    """The patient's confirmed treatments, each with its review if written (one query)."""
    if not getattr(patient, "is_authenticated", False):
        return []
    return list(
        Treatment.objects.filter(patient=patient, status=Treatment.Status.CONFIRMED)
        .select_related("facility", "review")
        .order_by("-injection_date", "-pk")
    )


def check_can_review(patient: Any, treatment: Treatment) -> None:
    if treatment.patient_id != getattr(patient, "pk", None):
        raise ReviewError(_("Only the patient of this treatment can review it."))
    if treatment.status != Treatment.Status.CONFIRMED:
        raise ReviewError(_("You can review a clinic once you have confirmed your treatment."))
    if Review.objects.filter(treatment=treatment).exists():
        raise ReviewError(_("You have already reviewed this treatment."))


def _clean(data: ReviewData) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for aspect in Aspect:
        rating, text = data.ratings.get(aspect), (data.texts.get(aspect) or "").strip()
        optional = aspect in OPTIONAL_ASPECTS
        if rating is None and optional:
            text = ""
        elif rating is None or not 1 <= rating <= 5:
            raise ReviewError(_("Rate every aspect from 1 to 5."))
        elif not text:
            raise ReviewError(_("Please write a few words for every aspect you rate."))
        fields[aspect.value], fields[f"{aspect.value}_text"] = rating, text
    if data.final_price_jpy is not None and data.final_price_jpy < 0:
        raise ReviewError(_("The final price cannot be negative."))
    fields["final_price_jpy"] = data.final_price_jpy
    return fields


def _quoted_total(treatment: Treatment) -> int | None:
    quote = treatment.quote
    return None if quote is None else summarise(quote).included_jpy


@transaction.atomic
def write_review(patient: Any, treatment: Treatment, data: ReviewData) -> Review:
    treatment = Treatment.objects.select_for_update().get(pk=treatment.pk)
    check_can_review(patient, treatment)
    fields = _clean(data)
    try:
        with transaction.atomic():
            review = Review.objects.create(
                treatment=treatment,
                facility_id=treatment.facility_id,
                author=patient,
                quoted_total_jpy=_quoted_total(treatment),
                is_demo=treatment.is_demo,
                **fields,
            )
    except IntegrityError:
        raise ReviewError(_("You have already reviewed this treatment.")) from None
    record(
        "review.written",
        review,
        actor=patient,
        facility=treatment.facility_id,
        treatment=treatment.pk,
        final_price_given=data.final_price_jpy is not None,
    )
    return review


@transaction.atomic
def report(review: Review, reporter: Any, reason: str) -> Report:
    """Anyone signed in may report a review; one open report per person and review."""
    if not getattr(reporter, "is_authenticated", False):
        raise ReviewError(_("Sign in to report a review."))
    if not reason.strip():
        raise ReviewError(_("Please say which content rule the review breaks."))
    existing = Report.objects.filter(review=review, reporter=reporter, status=Report.Status.OPEN)
    if existing.exists():
        raise ReviewError(_("You have already reported this review; a moderator will decide."))
    created = Report.objects.create(review=review, reporter=reporter, reason=reason.strip())
    record("review.reported", review, actor=reporter, report=created.pk)
    return created


def moderation_queue() -> list[Review]:
    """Reviews with open reports, oldest report first, with those reports."""
    reviews = (
        Review.objects.filter(reports__status=Report.Status.OPEN)
        .distinct()
        .select_related("facility")
        .prefetch_related("reports")
        .order_by("created")
    )
    return list(reviews)


@transaction.atomic
def decide(review: Review, moderator: Any, *, remove: bool, reason: str) -> Review:
    """Keep or remove a reported review; the reason is recorded (and shown if removed)."""
    if not roles.is_moderator(moderator):
        raise ReviewError(_("Only a moderator can decide on a review."))
    if not reason.strip():
        raise ReviewError(_("Please give the reason for the decision."))
    review = Review.objects.select_for_update().get(pk=review.pk)
    open_reports = review.reports.filter(status=Report.Status.OPEN)
    if not remove and not open_reports.exists():
        raise ReviewError(_("Nobody has reported this review."))
    now = timezone.now()
    review.status = Review.Status.REMOVED if remove else Review.Status.PUBLISHED
    review.decision_reason, review.decided_by, review.decided_at = reason.strip(), moderator, now
    review.save()
    closed = open_reports.update(
        status=Report.Status.REMOVED if remove else Report.Status.KEPT, decided_at=now
    )
    action = "review.removed" if remove else "review.kept"
    record(action, review, actor=moderator, reason=reason.strip(), reports_closed=closed)
    return review


@transaction.atomic
def reply(review: Review, staff: Any, text: str) -> Reply:
    """The clinic's one public reply (staff of that clinic only)."""
    review = Review.objects.select_for_update().select_related("facility").get(pk=review.pk)
    if not roles.is_member(staff, review.facility):
        raise ReviewError(_("Only the clinic's own staff can reply to its reviews."))
    if not text.strip():
        raise ReviewError(_("Please write the reply."))
    if Reply.objects.filter(review=review).exists():
        raise ReviewError(_("The clinic has already replied to this review."))
    created = Reply.objects.create(review=review, author=staff, text=text.strip())
    record("review.replied", review, actor=staff, facility=review.facility_id)
    return created


@transaction.atomic
def send_invitations(today: date | None = None) -> int:
    """Invite every confirmed treatment's patient, INVITE_AFTER_MONTHS after the injection.

    Whatever the patient answered in the follow-up questionnaires (or whether they answered at
    all): an invitation never depends on how the treatment went. Once per treatment; not to
    patients who stopped taking part (they asked for no more e-mails).
    """
    today = today or timezone.localdate()
    due = (
        Treatment.objects.select_for_update(of=("self",))
        .filter(status=Treatment.Status.CONFIRMED, injection_date__isnull=False, is_demo=False)
        .filter(follow_up=Treatment.FollowUp.ACTIVE)
        .filter(Q(review_invitation__isnull=True) & Q(review__isnull=True))
        .select_related("facility", "patient")
    )
    sent = 0
    for treatment in due:
        assert treatment.injection_date is not None
        if add_months(treatment.injection_date, INVITE_AFTER_MONTHS) > today:
            continue
        Invitation.objects.create(treatment=treatment)
        notify.invite(treatment)
        record("review.invited", treatment, actor_label="system")
        sent += 1
    return sent
