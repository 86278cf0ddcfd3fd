"""Quote rules: requests, consent, clinic answers, quotes, messages, acceptance, expiry.

Every state change runs in `transaction.atomic()` and writes an audit entry; e-mails are
queued in the outbox inside the same transaction and sent by the worker after commit.
"""

import statistics
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from saisei.audit.services import record
from saisei.outcomes import services as outcomes
from saisei.registry.models import Facility

from . import notify, uploads
from .errors import QuoteError, StateError
from .models import MAX_CLINICS, Message, Quote, QuoteItem, QuoteRequest, Recipient, Upload

REMINDER_DAYS = 3
EXPIRING_SOON_DAYS = 7
# The fields a clinic receives, in the order the consent page lists them.
SHARED_FIELDS = [
    "knees",
    "diagnosis",
    "kl_grade",
    "prior_treatments",
    "imaging",
    "age_range",
    "nationality",
    "travel_from",
    "travel_to",
    "companion",
    "language",
    "budget_amount",
    "budget_currency",
    "questions",
    "other_questions",
]


@dataclass(frozen=True)
class NewFile:
    name: str
    kind: str
    data: bytes


@dataclass(frozen=True)
class ItemData:
    kind: str
    amount_jpy: int
    quantity: int
    tax: str
    inclusion: str
    description: str = ""


# Requests


def create_request(
    patient: Any,
    *,
    idempotency_key: uuid.UUID,
    facilities: Iterable[Facility],
    data: dict[str, Any],
    files: Iterable[NewFile] = (),
) -> tuple[QuoteRequest, bool]:
    """A draft request (not yet visible to any clinic). The same key returns the same draft."""
    facilities = list(dict.fromkeys(facilities))
    if not 1 <= len(facilities) <= MAX_CLINICS:
        raise QuoteError(_("Choose between 1 and 5 clinics."))
    files = list(files)
    if len(files) > uploads.MAX_FILES:
        raise QuoteError(_("Attach at most 5 files."))
    existing = QuoteRequest.objects.filter(patient=patient, idempotency_key=idempotency_key)
    if found := existing.first():
        return found, False
    try:
        with transaction.atomic():
            request = QuoteRequest.objects.create(
                patient=patient, idempotency_key=idempotency_key, **data
            )
            Recipient.objects.bulk_create(
                [Recipient(request=request, facility=f) for f in facilities]
            )
            for new in files:
                upload = Upload(request=request, name=new.name, kind=new.kind, size=len(new.data))
                upload.sha256 = uploads.store(upload.pk, new.data)
                upload.save()
            record(
                "quote_request.drafted",
                request,
                actor=patient,
                clinics=[f.pk for f in facilities],
                files=len(files),
            )
    except IntegrityError:
        # A concurrent submit with the same key won the race: use its request.
        return existing.get(), False
    return request, True


@transaction.atomic
def send_request(patient: Any, request_id: uuid.UUID) -> QuoteRequest:
    """The patient agreed to share the request with its clinics: send it (once)."""
    request = QuoteRequest.objects.select_for_update().get(pk=request_id, patient=patient)
    if request.status != QuoteRequest.Status.DRAFT:
        return request  # already sent: a repeated consent changes nothing
    now = timezone.now()
    request.status = QuoteRequest.Status.OPEN
    request.consented_at = request.sent_at = now
    request.save()
    recipients = list(request.recipients.select_related("facility"))
    for recipient in recipients:
        recipient.status, recipient.sent_at = Recipient.Status.SENT, now
        recipient.save()
        notify.clinic(recipient, "new_request")
    record(
        "quote_request.sent",
        request,
        actor=patient,
        clinics=[r.facility_id for r in recipients],
        shared_fields=SHARED_FIELDS,
        files=[u.name for u in request.uploads.all()],
    )
    return request


def _lock_request(request_id: uuid.UUID) -> QuoteRequest:
    return QuoteRequest.objects.select_for_update().get(pk=request_id)


@transaction.atomic
def withdraw_request(patient: Any, request_id: uuid.UUID) -> QuoteRequest:
    request = QuoteRequest.objects.select_for_update().get(pk=request_id, patient=patient)
    if request.status not in {QuoteRequest.Status.DRAFT, QuoteRequest.Status.OPEN}:
        raise StateError(_("This request can no longer be withdrawn."))
    was_sent = request.status == QuoteRequest.Status.OPEN
    request.status, request.closed_at = QuoteRequest.Status.WITHDRAWN, timezone.now()
    request.save()
    for recipient in request.recipients.select_related("facility"):
        if recipient.is_open:
            recipient.status = Recipient.Status.WITHDRAWN
            recipient.save()
            if was_sent:
                notify.clinic(recipient, "withdrawn")
    Quote.objects.filter(recipient__request=request, status=Quote.Status.SENT).update(
        status=Quote.Status.WITHDRAWN
    )
    record("quote_request.withdrawn", request, actor=patient)
    return request


@transaction.atomic
def mark_viewed(recipient: Recipient, staff: Any) -> Recipient:
    """The first time a clinic opens a request; every later read is recorded as a read."""
    locked = Recipient.objects.select_for_update().get(pk=recipient.pk)
    if locked.status == Recipient.Status.SENT:
        locked.status, locked.viewed_at = Recipient.Status.VIEWED, timezone.now()
        locked.save()
        record("quote_request.viewed", locked.request, actor=staff, clinic=locked.facility_id)
    else:
        record("quote_request.read", locked.request, actor=staff, clinic=locked.facility_id)
    return locked


# Clinic answers


def _open_recipient(recipient_id: uuid.UUID) -> Recipient:
    recipient = Recipient.objects.select_for_update().select_related("request").get(pk=recipient_id)
    if not recipient.is_open or recipient.request.status != QuoteRequest.Status.OPEN:
        raise StateError(_("This request is closed: it can no longer be answered."))
    return recipient


@transaction.atomic
def send_quote(
    recipient_id: uuid.UUID, staff: Any, *, data: dict[str, Any], items: list[ItemData]
) -> Quote:
    """A new quote, or a new version that supersedes the clinic's previous one."""
    if not items:
        raise QuoteError(_("A quote needs at least one line item."))
    if data["valid_until"] < timezone.localdate():
        raise QuoteError(_("The validity date is in the past."))
    recipient = _open_recipient(recipient_id)
    previous = recipient.quotes.filter(status=Quote.Status.SENT).first()
    latest = recipient.quotes.aggregate(v=Max("version"))["v"] or 0
    if previous is not None:
        previous.status = Quote.Status.SUPERSEDED
        previous.save(update_fields=["status"])
        record("quote.superseded", previous, actor=staff, version=previous.version)
    quote = Quote.objects.create(
        recipient=recipient,
        version=latest + 1,
        author=staff,
        is_demo=recipient.request.is_demo,
        **data,
    )
    QuoteItem.objects.bulk_create(
        [
            QuoteItem(
                quote=quote,
                kind=i.kind,
                description=i.description,
                amount_jpy=i.amount_jpy,
                quantity=i.quantity,
                tax=i.tax,
                inclusion=i.inclusion,
            )
            for i in items
        ]
    )
    now = timezone.now()
    recipient.status = Recipient.Status.QUOTED
    recipient.first_quote_at = recipient.first_quote_at or now
    recipient.save()
    record(
        "quote.sent",
        quote,
        actor=staff,
        request=str(recipient.request_id),
        clinic=recipient.facility_id,
        version=quote.version,
        items=len(items),
    )
    notify.patient(recipient.request, "new_quote", quote=quote)
    return quote


@transaction.atomic
def decline_request(recipient_id: uuid.UUID, staff: Any, reason: str) -> Recipient:
    reason = reason.strip()
    if not reason:
        raise QuoteError(_("Give the patient a reason for declining."))
    recipient = _open_recipient(recipient_id)
    recipient.status, recipient.declined_at = Recipient.Status.DECLINED, timezone.now()
    recipient.decline_reason = reason
    recipient.save()
    recipient.quotes.filter(status=Quote.Status.SENT).update(status=Quote.Status.WITHDRAWN)
    record(
        "quote_request.declined",
        recipient.request,
        actor=staff,
        clinic=recipient.facility_id,
        reason=reason,
    )
    notify.patient(recipient.request, "declined", recipient=recipient)
    return recipient


# Messages


@transaction.atomic
def post_message(recipient: Recipient, author: Any, body: str, *, from_clinic: bool) -> Message:
    body = body.strip()
    if not body:
        raise QuoteError(_("Write a message first."))
    recipient = Recipient.objects.select_for_update().select_related("request").get(pk=recipient.pk)
    if not recipient.quotes.exists():
        raise StateError(_("Messages start once the clinic has sent a quote."))
    if recipient.request.status == QuoteRequest.Status.WITHDRAWN:
        raise StateError(_("This request was withdrawn."))
    message = Message.objects.create(
        recipient=recipient, author=author, body=body, from_clinic=from_clinic
    )
    record(
        "quote.messaged",
        message,
        actor=author,
        request=str(recipient.request_id),
        clinic=recipient.facility_id,
        from_clinic=from_clinic,
    )
    if from_clinic:
        notify.patient(recipient.request, "new_message", recipient=recipient)
    else:
        notify.clinic(recipient, "new_message")
    return message


# Acceptance and expiry


def accept_quote(patient: Any, quote_id: uuid.UUID) -> Quote:
    expire_quotes()  # its own transaction: an expired quote stays expired when accepting fails
    return _accept(patient, quote_id)


@transaction.atomic
def _accept(patient: Any, quote_id: uuid.UUID) -> Quote:
    quote = Quote.objects.select_related("recipient__facility").get(pk=quote_id)
    request = _lock_request(quote.recipient.request_id)
    if request.patient_id != patient.pk:
        raise QuoteError(_("This quote is not yours."))
    quote.refresh_from_db()
    if request.status != QuoteRequest.Status.OPEN:
        raise StateError(_("This request is closed: no quote can be accepted now."))
    if quote.status == Quote.Status.EXPIRED:
        raise StateError(_("This quote has expired. Ask the clinic for a new version."))
    if quote.status != Quote.Status.SENT:
        raise StateError(_("Only the current version of a quote can be accepted."))
    now = timezone.now()
    quote.status = Quote.Status.ACCEPTED
    quote.save(update_fields=["status"])
    request.status, request.closed_at = QuoteRequest.Status.ACCEPTED, now
    request.save()
    record("quote.accepted", quote, actor=patient, request=str(request.pk))
    # The clinic marks the visits done on this planned treatment; the patient confirms them.
    outcomes.plan_treatment(patient, quote.recipient.facility, quote_id=quote.pk, actor=patient)
    for recipient in request.recipients.select_related("facility"):
        if recipient.pk == quote.recipient_id:
            recipient.status = Recipient.Status.ACCEPTED
            recipient.save()
            notify.clinic(recipient, "accepted")
        elif recipient.is_open:
            recipient.status = Recipient.Status.NOT_CHOSEN
            recipient.save()
            for other in recipient.quotes.filter(status=Quote.Status.SENT):
                other.status = Quote.Status.DECLINED
                other.save(update_fields=["status"])
                record("quote.declined", other, actor=patient, request=str(request.pk))
            notify.clinic(recipient, "not_chosen")
    return quote


@transaction.atomic
def expire_quotes(today: date | None = None) -> int:
    """Mark every sent quote past its validity date as expired (audited). Returns the count."""
    today = today or timezone.localdate()
    due = list(
        Quote.objects.select_for_update().filter(status=Quote.Status.SENT, valid_until__lt=today)
    )
    for quote in due:
        quote.status = Quote.Status.EXPIRED
        quote.save(update_fields=["status"])
        record("quote.expired", quote, actor_label="system", valid_until=str(quote.valid_until))
    return len(due)


@transaction.atomic
def send_expiry_reminders(today: date | None = None) -> int:
    """One e-mail per quote that expires within REMINDER_DAYS, to the patient."""
    today = today or timezone.localdate()
    due = list(
        Quote.objects.select_for_update()
        .select_related("recipient__request")
        .filter(
            status=Quote.Status.SENT,
            reminder_sent_at__isnull=True,
            valid_until__gte=today,
            valid_until__lte=today + timedelta(days=REMINDER_DAYS),
            recipient__request__status=QuoteRequest.Status.OPEN,
        )
    )
    for quote in due:
        quote.reminder_sent_at = timezone.now()
        quote.save(update_fields=["reminder_sent_at"])
        record("quote.reminder_sent", quote, actor_label="system")
        notify.patient(quote.recipient.request, "expiry_reminder", quote=quote)
    return len(due)


# Reading


@transaction.atomic
def read_upload(upload: Upload, reader: Any, *, role: str) -> bytes:
    """Decrypt a patient's file for someone allowed to see it; every read is audited."""
    record("quote_upload.read", upload, actor=reader, request=str(upload.request_id), role=role)
    return uploads.read(upload.pk)


def current_quotes(request: QuoteRequest) -> list[Quote]:
    """The latest version of each clinic's quote (any status but superseded)."""
    return list(
        Quote.objects.filter(recipient__request=request)
        .exclude(status=Quote.Status.SUPERSEDED)
        .select_related("recipient__facility__profile")
        .prefetch_related("items")
        .order_by("recipient__sent_at", "recipient_id")
    )


def requests_of(patient: Any) -> QuerySet[QuoteRequest]:
    return QuoteRequest.objects.filter(patient=patient).prefetch_related("recipients__facility")


def inbox(facility: Facility) -> QuerySet[Recipient]:
    return (
        Recipient.objects.filter(facility=facility)
        .exclude(status=Recipient.Status.DRAFT)
        .select_related("request")
        .order_by(F("sent_at").desc(nulls_last=True))
    )


@dataclass(frozen=True)
class ResponseTime:
    median_hours: float
    count: int


MIN_RESPONSES = 3


def response_time(facility: Facility) -> ResponseTime | None:
    """Median hours from a request's arrival to the clinic's first quote (one query).

    None until the clinic has answered MIN_RESPONSES requests with a quote.
    """
    pairs = Recipient.objects.filter(
        facility=facility, first_quote_at__isnull=False, sent_at__isnull=False
    ).values_list("sent_at", "first_quote_at")
    hours = [(q - s).total_seconds() / 3600 for s, q in pairs if s is not None and q is not None]
    if len(hours) < MIN_RESPONSES:
        return None
    return ResponseTime(median_hours=round(statistics.median(hours), 1), count=len(hours))
