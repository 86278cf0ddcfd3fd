"""Reporting a request to the moderators, and the moderators' queue."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from saisei.accounts.models import ClinicMembership
from saisei.accounts.roles import moderator_required, staff_required

from . import access, reports, services
from .errors import QuoteError
from .files import file_response
from .forms import CloseReportForm, ReportForm
from .models import Report


def _after_report(request: HttpRequest, form: ReportForm, do: object) -> None:
    if form.is_valid():
        try:
            do(form.cleaned_data["reason"])  # type: ignore[operator]
        except QuoteError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Thank you. A moderator will look at it."))
    else:
        messages.error(request, _("Tell the moderators what is wrong."))


@require_POST
@login_required
def patient_report(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    quote_request = access.get_request_for_user(request, pk, write=True)
    form = ReportForm(request.POST)
    _after_report(request, form, lambda reason: reports.report(quote_request, request.user, reason))
    return redirect("quotes:request", quote_request.pk)


@require_POST
@staff_required
def clinic_report(
    request: HttpRequest, membership: ClinicMembership, pk: uuid.UUID
) -> HttpResponse:
    recipient = access.get_recipient_for_staff(membership, pk)
    form = ReportForm(request.POST)
    _after_report(
        request,
        form,
        lambda reason: reports.report(
            recipient.request, request.user, reason, clinic=membership.facility
        ),
    )
    return redirect("quotes:inbox_detail", membership.facility.slug, recipient.pk)


@require_GET
@moderator_required
def queue(request: HttpRequest) -> HttpResponse:
    context = {
        "open": list(
            Report.objects.filter(status=Report.Status.OPEN).select_related("from_clinic")
        ),
        "closed": list(Report.objects.filter(status=Report.Status.CLOSED)[:20]),
    }
    return render(request, "quotes/moderation/queue.html", context)


@require_http_methods(["GET", "POST"])
@moderator_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    found = reports.open_report(pk)
    form = CloseReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        reports.close(found.pk, request.user, form.cleaned_data["note"])
        messages.success(request, _("The report was closed."))
        return redirect("quotes:reports")
    reports.read_reported(found, request.user)
    quote_request = found.request
    context = {
        "report": found,
        "quote_request": quote_request,
        "uploads": list(quote_request.uploads.all()),
        "recipients": list(
            quote_request.recipients.select_related("facility").prefetch_related("messages")
        ),
        "quotes": services.current_quotes(quote_request),
        "form": form,
    }
    return render(request, "quotes/moderation/report.html", context)


@require_GET
@moderator_required
def download(request: HttpRequest, pk: int, upload: uuid.UUID) -> HttpResponse:
    found = reports.open_report(pk)
    file = reports.upload_of(found, upload)
    return file_response(file, services.read_upload(file, request.user, role="moderator"))
