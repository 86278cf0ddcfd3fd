"""Patient pages: new request, consent, my requests, a request with its quotes compared,
one quote with its message thread; and file downloads. Clinic pages are in inbox_views.py."""

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from saisei.clinics import services as clinic_services
from saisei.clinics.search import visible_facilities
from saisei.lib.middleware import get_currency
from saisei.registry.models import Facility

from . import access, compare, services
from .errors import QuoteError
from .files import file_response
from .forms import ConsentForm, MessageForm, QuoteRequestForm, ReportForm
from .models import Quote, QuoteRequest


def _candidates(request: HttpRequest, chosen: list[str]) -> QuerySet[Facility]:
    slugs = set(chosen) | set(clinic_services.compare_tray(request.session))
    return visible_facilities().filter(slug__in=slugs).order_by("name_romaji")


@require_http_methods(["GET", "POST"])
@login_required
def new_request(request: HttpRequest) -> HttpResponse:
    chosen = request.GET.getlist("c")
    if request.method == "POST":
        chosen = request.POST.getlist("clinics")
        form = QuoteRequestForm(
            request.POST, request.FILES, candidates=_candidates(request, chosen)
        )
        if form.is_valid():
            try:
                quote_request, _created = services.create_request(
                    request.user,
                    idempotency_key=form.cleaned_data["idempotency_key"],
                    facilities=form.cleaned_data["clinics"],
                    data=form.request_data(),
                    files=form.cleaned_data["attachments"],
                )
            except QuoteError as error:
                form.add_error(None, error.message)
            else:
                if quote_request.status != QuoteRequest.Status.DRAFT:
                    return redirect("quotes:request", quote_request.pk)
                return redirect("quotes:consent", quote_request.pk)
    else:
        candidates = _candidates(request, chosen)
        initial_clinics = [f.slug for f in candidates if not chosen or f.slug in chosen]
        form = QuoteRequestForm(
            candidates=candidates,
            initial={"clinics": initial_clinics, "budget_currency": get_currency(request)},
        )
    status = 400 if form.errors else 200
    return render(request, "quotes/new.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def consent(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    quote_request = access.get_request_for_user(request, pk, write=request.method == "POST")
    if quote_request.status != QuoteRequest.Status.DRAFT:
        return redirect("quotes:request", quote_request.pk)
    form = ConsentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.send_request(request.user, quote_request.pk)
        messages.success(
            request, _("Your request was sent. You will get an e-mail for each answer.")
        )
        return redirect("quotes:request", quote_request.pk)
    context = {
        "quote_request": quote_request,
        "recipients": list(quote_request.recipients.select_related("facility")),
        "uploads": list(quote_request.uploads.all()),
        "form": form,
    }
    return render(request, "quotes/consent.html", context, status=400 if form.errors else 200)


@require_GET
@login_required
def my_requests(request: HttpRequest) -> HttpResponse:
    return render(
        request, "quotes/mine.html", {"requests": list(services.requests_of(request.user))}
    )


@require_GET
@login_required
def request_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    quote_request = access.get_request_for_user(request, pk)
    if quote_request.status == QuoteRequest.Status.DRAFT:
        return redirect("quotes:consent", quote_request.pk)
    quotes = services.current_quotes(quote_request)
    context = {
        "quote_request": quote_request,
        "recipients": list(quote_request.recipients.select_related("facility")),
        "uploads": list(quote_request.uploads.all()),
        "comparison": compare.build(quotes),
        "report_form": ReportForm(),
    }
    return render(request, "quotes/request.html", context)


@require_POST
@login_required
def withdraw(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    quote_request = access.get_request_for_user(request, pk, write=True)
    try:
        services.withdraw_request(request.user, quote_request.pk)
    except QuoteError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your request was withdrawn; the clinics were told."))
    return redirect("quotes:request", quote_request.pk)


@require_GET
@login_required
def quote_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    quote = access.get_quote_for_user(request, pk)
    return render(request, "quotes/quote.html", _quote_context(quote, MessageForm()))


def _quote_context(quote: Quote, form: MessageForm) -> dict[str, Any]:
    recipient = quote.recipient
    return {
        "quote": quote,
        "recipient": recipient,
        "quote_request": recipient.request,
        "versions": list(recipient.quotes.order_by("-version")),
        "summary": compare.summarise(quote),
        "thread": list(recipient.messages.all()),
        "form": form,
        "name": clinic_services.display_name(recipient.facility),
    }


@require_POST
@login_required
def post_message(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    quote = access.get_quote_for_user(request, pk, write=True)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            services.post_message(
                quote.recipient, request.user, form.cleaned_data["body"], from_clinic=False
            )
        except QuoteError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your message was sent."))
            return redirect("quotes:quote", quote.pk)
    return render(request, "quotes/quote.html", _quote_context(quote, form), status=400)


@require_POST
@login_required
def accept(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    quote = access.get_quote_for_user(request, pk, write=True)
    try:
        services.accept_quote(request.user, quote.pk)
    except QuoteError as error:
        messages.error(request, error.message)
        return redirect("quotes:quote", quote.pk)
    messages.success(
        request, _("You accepted this quote. The clinic will contact you through Saisei.")
    )
    return redirect("quotes:request", quote.recipient.request_id)


@require_GET
@login_required
def download(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    upload = access.get_upload_for_patient(request, pk)
    return file_response(upload, services.read_upload(upload, request.user, role="patient"))
