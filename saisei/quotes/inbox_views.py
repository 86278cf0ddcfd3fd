"""Clinic pages: the inbox of requests addressed to the clinic, and answering one.

Every view is behind `staff_required` (member of the clinic in the URL, TOTP passed) and
reaches requests only through `access.get_recipient_for_staff`.
"""

import uuid
from datetime import timedelta
from typing import Any, cast

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from saisei.accounts.models import ClinicMembership
from saisei.accounts.roles import staff_required

from . import access, compare, services
from .errors import QuoteError
from .files import file_response
from .forms import (
    BaseItemFormSet,
    DeclineForm,
    MessageForm,
    QuoteForm,
    QuoteItemFormSet,
    ReportForm,
)
from .models import Recipient


@require_GET
@staff_required
def inbox(request: HttpRequest, membership: ClinicMembership) -> HttpResponse:
    recipients = list(services.inbox(membership.facility)[:200])
    now = timezone.now()
    for r in recipients:
        r.age_hours = int((now - r.sent_at).total_seconds() // 3600) if r.sent_at else 0  # type: ignore[attr-defined]
    context = {"facility": membership.facility, "recipients": recipients}
    return render(request, "quotes/inbox.html", context)


def _initial_items(recipient: Recipient) -> list[dict[str, Any]]:
    previous = recipient.quotes.order_by("-version").first()
    if previous is not None:
        return [
            {
                "kind": i.kind,
                "description": i.description,
                "amount_jpy": i.amount_jpy,
                "quantity": i.quantity,
                "tax": i.tax,
                "inclusion": i.inclusion,
            }
            for i in previous.items.all()
        ]
    return [{"kind": k} for k in compare.TYPICAL]


def _detail(
    request: HttpRequest,
    membership: ClinicMembership,
    recipient: Recipient,
    *,
    quote_form: QuoteForm | None = None,
    items: Any = None,
    decline_form: DeclineForm | None = None,
    message_form: MessageForm | None = None,
    status: int = 200,
) -> HttpResponse:
    previous = recipient.quotes.order_by("-version").first()
    if quote_form is None:
        quote_form = QuoteForm(instance=None, initial=_quote_initial(previous))
    context = {
        "facility": membership.facility,
        "recipient": recipient,
        "quote_request": recipient.request,
        "uploads": list(recipient.request.uploads.all()),
        "versions": [compare.summarise(q) for q in recipient.quotes.order_by("-version")],
        "thread": list(recipient.messages.all()),
        "quote_form": quote_form,
        "items": items
        if items is not None
        else QuoteItemFormSet(initial=_initial_items(recipient)),
        "decline_form": decline_form or DeclineForm(),
        "message_form": message_form or MessageForm(),
        "report_form": ReportForm(),
    }
    return render(request, "quotes/inbox_detail.html", context, status=status)


def _quote_initial(previous: Any) -> dict[str, Any]:
    if previous is None:
        return {"valid_until": timezone.localdate() + timedelta(days=30)}
    fields = QuoteForm.Meta.fields
    return {name: getattr(previous, name) for name in fields}


@require_GET
@staff_required
def inbox_detail(request: HttpRequest, membership: ClinicMembership, pk: uuid.UUID) -> HttpResponse:
    services.mark_viewed(access.get_recipient_for_staff(membership, pk), request.user)
    return _detail(request, membership, access.get_recipient_for_staff(membership, pk))


@require_POST
@staff_required
def send_quote(request: HttpRequest, membership: ClinicMembership, pk: uuid.UUID) -> HttpResponse:
    recipient = access.get_recipient_for_staff(membership, pk)
    form = QuoteForm(request.POST)
    items = cast(BaseItemFormSet, QuoteItemFormSet(request.POST))
    if form.is_valid() and items.is_valid():
        try:
            services.send_quote(
                recipient.pk, request.user, data=form.cleaned_data, items=items.items()
            )
        except QuoteError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your quote was sent to the patient."))
            return redirect("quotes:inbox_detail", membership.facility.slug, recipient.pk)
    return _detail(request, membership, recipient, quote_form=form, items=items, status=400)


@require_POST
@staff_required
def decline(request: HttpRequest, membership: ClinicMembership, pk: uuid.UUID) -> HttpResponse:
    recipient = access.get_recipient_for_staff(membership, pk)
    form = DeclineForm(request.POST)
    if form.is_valid():
        try:
            services.decline_request(recipient.pk, request.user, form.cleaned_data["reason"])
        except QuoteError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("You declined this request; the patient was told."))
            return redirect("quotes:inbox", membership.facility.slug)
    return _detail(request, membership, recipient, decline_form=form, status=400)


@require_POST
@staff_required
def message(request: HttpRequest, membership: ClinicMembership, pk: uuid.UUID) -> HttpResponse:
    recipient = access.get_recipient_for_staff(membership, pk)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            services.post_message(
                recipient, request.user, form.cleaned_data["body"], from_clinic=True
            )
        except QuoteError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your message was sent."))
            return redirect("quotes:inbox_detail", membership.facility.slug, recipient.pk)
    return _detail(request, membership, recipient, message_form=form, status=400)


@require_http_methods(["GET"])
@staff_required
def download(
    request: HttpRequest, membership: ClinicMembership, pk: uuid.UUID, upload: uuid.UUID
) -> HttpResponse:
    found = access.get_upload_for_staff(membership, pk, upload)
    return file_response(found, services.read_upload(found, request.user, role="clinic"))
