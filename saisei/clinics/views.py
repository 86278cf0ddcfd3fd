from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.static import serve
from django_htmx.middleware import HtmxDetails

from saisei.accounts.roles import is_member
from saisei.lib.currency import load_rates
from saisei.lib.middleware import get_currency
from saisei.quotes import services as quote_services
from saisei.registry.stats import registry_as_of, registry_facilities, registry_plans

from . import profile as profile_services
from . import services
from .forms import ClinicSearchForm
from .search import SearchParams, search_clinics


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    stats = {
        "facilities": registry_facilities().count(),
        "plans": registry_plans().count(),
    }
    as_of = registry_as_of()
    return render(
        request, "clinics/home.html", {"stats": stats, "as_of": as_of, "form": ClinicSearchForm()}
    )


@require_GET
def clinic_list(request: HtmxHttpRequest) -> HttpResponse:
    form = ClinicSearchForm(request.GET)
    page = None
    if form.is_valid():
        params = SearchParams.from_cleaned(form.cleaned_data, get_currency(request), load_rates())
        paginator = Paginator(search_clinics(params), settings.CLINICS_PER_PAGE)
        page = paginator.get_page(form.cleaned_data.get("page") or 1)
    context = {
        "form": form,
        "page": page,
        "query_without_page": _query_without(request, "page"),
    }
    template = "clinics/list.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    status = 200 if form.is_valid() else 400
    response = render(request, template, context, status=status)
    # The fragment and the full page share a URL: caches (and Back) must tell them apart.
    patch_vary_headers(response, ("HX-Request",))
    return response


@require_GET
def clinic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    facility = services.get_facility(slug)
    context = {
        "facility": facility,
        "name": services.display_name(facility),
        "profile": services.get_profile(facility),
        "plans": services.plan_views(facility),
        "actions": services.actions_of(facility),
        "languages": services.languages_of(facility),
        "added": profile_services.public_profile(facility, services.get_profile(facility)),
        "response_time": quote_services.response_time(facility),
        "manage_url": (
            reverse("clinics:manage", args=[facility.slug])
            if is_member(request.user, facility)
            else ""
        ),
    }
    return render(request, "clinics/detail.html", context)


@require_GET
def compare(request: HttpRequest) -> HttpResponse:
    slugs = request.GET.getlist("c") or services.compare_tray(request.session)
    try:
        facilities = services.facilities_to_compare(slugs)
    except services.CompareError as error:
        context = {"error": error.message}
        return render(request, "clinics/compare.html", context, status=400 if slugs else 200)
    summaries = [services.summarise(f) for f in facilities]
    return render(
        request,
        "clinics/compare.html",
        {"summaries": summaries},
    )


@require_POST
def compare_add(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    error = ""
    try:
        services.add_to_compare(request.session, slug)
    except services.CompareError as exc:
        error = exc.message
    return _tray_response(request, error)


@require_POST
def compare_remove(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    services.remove_from_compare(request.session, slug)
    return _tray_response(request, "")


def _tray_response(request: HtmxHttpRequest, error: str) -> HttpResponse:
    if request.htmx:
        slug = request.resolver_match.kwargs["slug"] if request.resolver_match else ""
        context = {"tray": services.compare_tray(request.session), "slug": slug, "error": error}
        return render(request, "clinics/_compare_button.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Your compare list was updated."))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    return redirect(next_url)


def _query_without(request: HttpRequest, key: str) -> str:
    query = request.GET.copy()
    query.pop(key, None)
    return query.urlencode()


@require_http_methods(["GET", "HEAD"])
def photo_file(request: HttpRequest, path: str) -> HttpResponseBase:
    """Serve a clinic photo (public, re-encoded, random name); nothing else under MEDIA_ROOT."""
    response = serve(request, f"clinics/{path}", document_root=str(settings.MEDIA_ROOT))
    response["Cache-Control"] = "public, max-age=604800, immutable"
    response["X-Content-Type-Options"] = "nosniff"
    return response
