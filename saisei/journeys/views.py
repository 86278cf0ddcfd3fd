"""The planner: every input in the query string; nothing is saved here (see saved_views)."""

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from django_htmx.middleware import HtmxDetails

from saisei.lib.currency import load_rates
from saisei.lib.middleware import get_currency

from . import calendar, saved, services
from .forms import PARAMS, JourneyForm
from .models import JourneyPlan
from .visa import medical_stay_rules

# Parameters that only pre-fill the form (links from a clinic page, the currency menu).
PREFILL = ("clinic", "plan", "currency")


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def plan_from(request: HttpRequest, data: QueryDict, *, bound: bool = False):
    """The bound form for `data` and its journey (None when the form is empty or has errors).

    A signed-in user's form also offers their accepted quotes and the clinic's packages."""
    rates = load_rates()
    submitted = bound or any(key in data for key in PARAMS if key not in PREFILL)
    form = JourneyForm(
        data if submitted else None,
        currency=get_currency(request),
        rates=rates,
        user=request.user,
        initial={key: data[key] for key in PREFILL if key in data},
    )
    journey = None
    if submitted and form.is_valid() and form.treatment is not None:
        try:
            journey = services.build_journey(form.journey_request(), form.treatment, rates)
        except services.JourneyError as error:
            form.add_error(error.field, error.message)
    return form, journey, submitted


def _plan(request: HttpRequest):
    return plan_from(request, request.GET)


def plan_context(
    request: HttpRequest, form: JourneyForm, journey, submitted: bool, query: str = ""
) -> dict:
    rule = journey.visa.rule if journey is not None else None
    return {
        "visa_note": rule.note_for(get_language() or "en") if rule else "",
        "form": form,
        "journey": journey,
        "submitted": submitted,
        "query": query,
        "medical": medical_stay_rules(),
        "save_params": sorted(form.params().items()) if journey is not None else [],
        "saved_plan": saved_plan_for(request),
    }


def _context(request: HttpRequest, form: JourneyForm, journey, submitted: bool) -> dict:
    return plan_context(request, form, journey, submitted, request.GET.urlencode())


def saved_plan_for(request: HttpRequest) -> JourneyPlan | None:
    """The signed-in user's own plan named by `?saved=` (the planner then offers to update it)."""
    key = request.GET.get("saved", "")
    if not key.isdigit() or not request.user.is_authenticated:
        return None
    return saved.plans_of(request.user).filter(pk=int(key)).first()


@require_GET
def planner(request: HtmxHttpRequest) -> HttpResponse:
    form, journey, submitted = _plan(request)
    template = "journeys/planner.html"
    if request.htmx and not request.htmx.boosted:
        template += "#result"
    status = 400 if submitted and journey is None else 200
    response = render(request, template, _context(request, form, journey, submitted), status=status)
    # The fragment and the full page share a URL: caches (and Back) must tell them apart.
    patch_vary_headers(response, ("HX-Request",))
    return response


@require_GET
def print_view(request: HttpRequest) -> HttpResponse:
    form, journey, submitted = _plan(request)
    if journey is None:
        context = _context(request, form, journey, submitted)
        return render(request, "journeys/planner.html", context, status=400)
    return render(request, "journeys/print.html", _context(request, form, journey, submitted))


@require_GET
def calendar_file(request: HttpRequest) -> HttpResponse:
    form, journey, submitted = _plan(request)
    if journey is None:
        context = _context(request, form, journey, submitted)
        return render(request, "journeys/planner.html", context, status=400)
    plan_url = request.build_absolute_uri(
        f"{reverse('journeys:planner')}?{request.GET.urlencode()}"
    )
    body = calendar.journey_calendar(journey, form.params(), plan_url)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    name = calendar.filename(journey.schedule.first_day)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
