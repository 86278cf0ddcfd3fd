from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from saisei.clinics import services as clinic_services
from saisei.lib.middleware import get_currency, set_currency_cookie
from saisei.lib.views import safe_next_url

from . import privacy, roles, services
from .errors import ClaimError
from .forms import ClaimForm, DecisionForm, DeleteAccountForm, PreferencesForm
from .models import ListingClaim


@require_http_methods(["GET"])
@login_required
def home(request: HttpRequest) -> HttpResponse:
    profile = services.patient_profile(request.user, currency=get_currency(request))
    form = PreferencesForm(
        initial={"preferred_language": profile.preferred_language, "currency": profile.currency}
    )
    return render(request, "accounts/home.html", _home_context(request, form))


def _home_context(request: HttpRequest, form: PreferencesForm) -> dict:
    return {
        "form": form,
        "memberships": roles.memberships(request.user),
        "is_moderator": roles.is_moderator(request.user),
        "needs_mfa": roles.needs_mfa(request.user),
        "has_totp": roles.has_totp(request.user),
        "claims": list(services.claims_of(request.user)),
    }


@require_POST
@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    form = PreferencesForm(request.POST)
    if not form.is_valid():
        return render(request, "accounts/home.html", _home_context(request, form), status=400)
    services.update_preferences(request.user, **form.cleaned_data)
    messages.success(request, _("Your preferences were saved."))
    response = redirect("accounts:home")
    set_currency_cookie(request, response, form.cleaned_data["currency"])
    return response


@require_http_methods(["GET"])
@login_required
def mfa_required(request: HttpRequest) -> HttpResponse:
    next_url = safe_next_url(request, request.GET.get("next")) or ""
    return render(
        request,
        "accounts/mfa_required.html",
        {"next_url": next_url, "has_totp": roles.has_totp(request.user)},
    )


# Listing claims


@require_http_methods(["GET", "POST"])
@login_required
def claim(request: HttpRequest, slug: str) -> HttpResponse:
    facility = clinic_services.get_facility(slug)
    if facility.is_demo:
        messages.error(request, _("Demo clinics are fictional and cannot be claimed."))
        return redirect("clinics:detail", slug=slug)
    form = ClaimForm(
        request.POST or None, initial={"work_email": getattr(request.user, "email", "")}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.request_claim(request.user, facility, **form.cleaned_data)
        except ClaimError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Thank you. A moderator will check your claim and answer by e-mail."),
            )
            return redirect("clinics:detail", slug=slug)
    context = {
        "facility": facility,
        "name": clinic_services.display_name(facility),
        "form": form,
    }
    return render(request, "accounts/claim.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET"])
@roles.moderator_required
def claim_queue(request: HttpRequest) -> HttpResponse:
    decided = ListingClaim.objects.exclude(status=ListingClaim.Status.PENDING).select_related(
        "facility", "user", "decided_by"
    )
    context = {
        "pending": list(services.pending_claims()),
        "decided": list(decided.order_by("-decided_at")[:20]),
    }
    return render(request, "accounts/moderation/queue.html", context)


@require_http_methods(["GET", "POST"])
@roles.moderator_required
def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    claim_obj = get_object_or_404(
        ListingClaim.objects.select_related("facility", "user", "decided_by"), pk=pk
    )
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == "approve":
                services.approve_claim(claim_obj.pk, request.user, form.cleaned_data["reason"])
                messages.success(
                    request, _("The claim was approved; the requester now owns the listing.")
                )
            else:
                services.reject_claim(claim_obj.pk, request.user, form.cleaned_data["reason"])
                messages.success(request, _("The claim was rejected."))
        except ClaimError as error:
            form.add_error(None, error.message)
        else:
            return redirect("accounts:claim_queue")
    facility = clinic_services.get_facility(claim_obj.facility.slug)
    context = {
        "claim": claim_obj,
        "evidence": services.claim_evidence(claim_obj),
        "facility": facility,
        "plans": list(facility.plans.all()),
        "form": form,
    }
    return render(
        request, "accounts/moderation/claim.html", context, status=400 if form.errors else 200
    )


# Privacy


@require_http_methods(["GET"])
@login_required
def privacy_page(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/privacy.html", {"form": DeleteAccountForm(user=request.user)})


@require_POST
@login_required
def privacy_export(request: HttpRequest) -> HttpResponse:
    archive = privacy.export_archive(request.user)
    response = HttpResponse(archive, content_type="application/zip")
    name = f"saisei-data-{timezone.localdate():%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@login_required
def privacy_delete(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST, user=request.user)
    if not form.is_valid():
        return render(request, "accounts/privacy.html", {"form": form}, status=400)
    user = request.user
    privacy.delete_account(user)
    logout(request)
    messages.success(request, _("Your account and personal data were deleted."))
    return redirect(reverse("home"))
