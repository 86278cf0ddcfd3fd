"""Guide pages, the FAQ, the candidate self-check and the cost comparison."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from saisei.lib.currency import load_rates
from saisei.lib.middleware import get_currency
from saisei.registry.stats import registry_as_of

from . import candidate, costs, structured
from .chart import build_chart
from .content import PAGES, faq_entries, get_page, section_views
from .forms import CandidateForm

SUBMITTED = "check"


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "guide/index.html", {"pages": list(PAGES.values())})


@require_safe
def page(request: HttpRequest, slug: str) -> HttpResponse:
    guide_page = get_page(slug)
    sections, sources = section_views(guide_page)
    context = {
        "page": guide_page,
        "sections": sections,
        "sources": sources,
        "related": [PAGES[s] for s in guide_page.related],
        "links": structured.resolve_links(guide_page.links),
    }
    return render(request, "guide/page.html", context)


@require_safe
def faq(request: HttpRequest) -> HttpResponse:
    entries = faq_entries()
    data = structured.faq_page(entries, request.build_absolute_uri(reverse("guide:faq")))
    reviewed = max(page.reviewed for page in PAGES.values())
    context = {"entries": entries, "faq_json_ld": data, "reviewed": reviewed}
    return render(request, "guide/faq.html", context)


@require_safe
def cost_comparison(request: HttpRequest) -> HttpResponse:
    rates = load_rates()
    table = costs.country_costs(get_currency(request), rates)
    distribution = costs.registry_distribution()
    chart = build_chart(
        table,
        distribution,
        rates,
        estimate_label=_("estimate"),
        registry_label=_("Saisei registry"),
    )
    context = {
        "table": table,
        "distribution": distribution,
        "chart": chart,
        "as_of": registry_as_of(),
        "reviewed": costs.REVIEWED,
    }
    return render(request, "guide/costs.html", context)


@require_safe
def candidate_check(request: HttpRequest) -> HttpResponse:
    """A GET form whose answers are used for this response only: nothing is written to the
    database or the session, the response is not cached, and no referrer carries the answers
    to the next page."""
    form = CandidateForm(request.GET if SUBMITTED in request.GET else None)
    result = None
    if form.is_bound and form.is_valid():
        result = candidate.assess(candidate.Answers.from_cleaned(form.cleaned_data))
    status = 400 if form.is_bound and not form.is_valid() else 200
    context = {
        "form": form,
        "result": result,
        "submitted": SUBMITTED,
        "reviewed": candidate.REVIEWED,
    }
    response = render(request, "guide/candidate.html", context, status=status)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    if form.is_bound:
        response["X-Robots-Tag"] = "noindex"
    return response


ROBOTS_DISALLOW = ("/admin/", "/compare/add/", "/compare/remove/", "/currency/", "/api/")


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
