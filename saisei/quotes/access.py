"""Permission-checking lookups: every view gets its objects through these.

A patient reaches only their own requests, quotes and files; clinic staff (through
`staff_required`, which also enforces TOTP) reach only what was sent to their clinic. Anything
else is a 404, whether or not it exists, so that ids reveal nothing.
"""

import uuid
from typing import Any

from django.http import Http404, HttpRequest

from saisei.accounts.models import ClinicMembership

from . import services
from .models import Quote, QuoteRequest, Recipient, Upload


def _user(request: HttpRequest) -> Any:
    if not request.user.is_authenticated:
        raise Http404
    return request.user


def get_request_for_user(request: HttpRequest, pk: uuid.UUID, write: bool = False) -> QuoteRequest:
    """The signed-in patient's own request (404 for anyone else's)."""
    user = _user(request)
    qs = QuoteRequest.objects.filter(pk=pk, patient=user)
    if write:
        qs = qs.exclude(status=QuoteRequest.Status.WITHDRAWN)
    found = qs.first()
    if found is None:
        raise Http404
    if not write:
        services.expire_quotes()  # a check on read: expired quotes show as such
    return found


def get_quote_for_user(request: HttpRequest, pk: uuid.UUID, write: bool = False) -> Quote:
    """A quote sent to the signed-in patient (404 for anyone else)."""
    user = _user(request)
    quote = (
        Quote.objects.filter(pk=pk, recipient__request__patient=user)
        .select_related("recipient__facility__profile", "recipient__request")
        .first()
    )
    if quote is None:
        raise Http404
    if not write:
        services.expire_quotes()
        quote.refresh_from_db(fields=["status"])
    return quote


def get_upload_for_patient(request: HttpRequest, pk: uuid.UUID) -> Upload:
    user = _user(request)
    upload = Upload.objects.filter(pk=pk, request__patient=user).first()
    if upload is None:
        raise Http404
    return upload


def get_recipient_for_staff(membership: ClinicMembership, pk: uuid.UUID) -> Recipient:
    """A request as addressed to the member's clinic; drafts are invisible to clinics."""
    recipient = (
        Recipient.objects.filter(pk=pk, facility_id=membership.facility_id)
        .exclude(status=Recipient.Status.DRAFT)
        .select_related("request", "facility")
        .first()
    )
    if recipient is None:
        raise Http404
    return recipient


def get_upload_for_staff(
    membership: ClinicMembership, recipient_pk: uuid.UUID, pk: uuid.UUID
) -> Upload:
    recipient = get_recipient_for_staff(membership, recipient_pk)
    upload = Upload.objects.filter(pk=pk, request_id=recipient.request_id).first()
    if upload is None:
        raise Http404
    return upload
