"""The read-only JSON API: /api/v1/clinics and /api/v1/clinics/<slug>, with OpenAPI docs."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import NinjaAPI, Query, Status
from ninja.errors import ValidationError as NinjaValidationError

from saisei.clinics import services
from saisei.clinics.forms import ClinicSearchForm
from saisei.clinics.search import SearchParams, search_clinics
from saisei.lib.currency import (
    SUPPORTED_CURRENCIES,
    RateTable,
    convert_jpy,
    load_rates,
    rate_info,
)
from saisei.registry.models import Facility, Plan, PricePoint

from .schemas import ClinicDetailOut, ClinicDetailQuery, ClinicPage, ClinicQuery, ErrorOut

CENT = Decimal("0.01")

api = NinjaAPI(
    title="Saisei API",
    version="1",
    description=(
        "Read-only access to Saisei's directory of clinics registered in Japan's public registry "
        "of regenerative medicine plans. Registry prices are as published by the clinics and "
        "extracted by a third party; converted amounts are approximate."
    ),
    urls_namespace="api",
)


def _money(amount_jpy: int | None, currency: str, rates: RateTable) -> dict | None:
    if amount_jpy is None or currency == "JPY":
        return None
    amount = convert_jpy(amount_jpy, currency, rates)
    if amount is None:
        return None
    info = rate_info(currency, rates)
    return {
        "currency": currency,
        "amount": amount,
        "approximate": True,
        "rate_as_of": info.as_of.isoformat() if info else None,
    }


def _clinic(request: HttpRequest, facility: Facility, currency: str, rates: RateTable) -> dict:
    from_price = getattr(facility, "from_price_jpy", facility.min_price_jpy)
    confirmed = getattr(facility, "from_price_confirmed", facility.min_price_confirmed)
    return {
        "slug": facility.slug,
        "name": services.display_name(facility),
        "name_ja": facility.name_ja,
        "prefecture": facility.prefecture,
        "region": facility.region,
        "stem_cells": facility.has_stem_cells,
        "blood_derived": facility.has_blood,
        "cultured": facility.has_cultured,
        "joint": facility.has_joint,
        "plan_count": facility.plan_count,
        "from_price_jpy": from_price,
        "from_price": _money(from_price, currency, rates),
        "from_price_confirmed": confirmed,
        "url": request.build_absolute_uri(reverse("clinics:detail", args=[facility.slug])),
        "api_url": request.build_absolute_uri(reverse("api:clinic", args=[facility.slug])),
    }


def _currency(value: str | None) -> str:
    code = (value or settings.SAISEI_DEFAULT_CURRENCY).upper()
    if code not in SUPPORTED_CURRENCIES:
        raise NinjaValidationError(
            [{"loc": ["query", "currency"], "msg": f"Unsupported currency {code!r}."}]
        )
    return code


@api.get(
    "/clinics",
    response={200: ClinicPage, 422: ErrorOut},
    url_name="clinics",
    summary="Search registered clinics",
)
def list_clinics(request: HttpRequest, filters: Query[ClinicQuery]):
    currency = _currency(filters.currency)
    data = {k: v for k, v in filters.dict().items() if v is not None and k != "per_page"}
    for key in ("price_min", "price_max"):  # the schema allows any number; cents are enough
        if key in data:
            data[key] = Decimal(data[key]).quantize(CENT, rounding=ROUND_HALF_UP)
    form = ClinicSearchForm(data)
    if not form.is_valid():
        errors = [
            {"loc": ["query", field], "msg": str(message)}
            for field, messages in form.errors.items()
            for message in messages
        ]
        raise NinjaValidationError(errors)
    rates = load_rates()
    params = SearchParams.from_cleaned(form.cleaned_data, currency, rates)
    paginator = Paginator(search_clinics(params), filters.per_page)
    page = paginator.get_page(filters.page)
    return {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "per_page": filters.per_page,
        "results": [_clinic(request, f, currency, rates) for f in page.object_list],
    }


@api.get(
    "/clinics/{slug}",
    response={200: ClinicDetailOut, 404: ErrorOut, 422: ErrorOut},
    url_name="clinic",
    summary="One clinic with its registered plans and published prices",
)
def get_clinic(request: HttpRequest, slug: str, query: Query[ClinicDetailQuery]):
    code = _currency(query.currency)
    rates = load_rates()
    try:
        facility = services.get_facility(slug)
    except Http404:
        return Status(404, {"detail": "No clinic has this slug."})
    result = _clinic(request, facility, code, rates)
    result.update(
        name_variants=facility.name_variants,
        prefecture_ja=facility.prefecture_ja,
        listed=facility.listed,
        languages=[lang.language for lang in facility.languages.all()],
        plans=[_plan(plan, code, rates) for plan in facility.plans.all()],
        enforcement_actions=[
            {
                "kind": action.kind,
                "issued_on": action.issued_on.isoformat(),
                "summary": action.summary,
                "source_url": action.source_url,
            }
            for action in facility.enforcement_actions.all()
        ],
    )
    return result


def _plan(plan: Plan, currency: str, rates: RateTable) -> dict:
    return {
        "plan_id": plan.plan_id,
        "document_code": plan.document_code,
        "title_ja": plan.title_ja,
        "treatment": plan.english_name,
        "risk_class": plan.risk_class,
        "modality": plan.modality,
        "cultured": plan.cultured,
        "intra_articular": plan.intra_articular,
        "targets_joint": plan.targets_joint,
        "status": plan.status,
        "document_url": plan.document_url,
        "registry_list_url": plan.registry_list_url,
        "as_of": plan.extracted_on,
        "prices": [_price(price, currency, rates) for price in plan.prices.all()],
    }


def _price(price: PricePoint, currency: str, rates: RateTable) -> dict:
    return {
        "amount_jpy": price.amount_jpy,
        "converted": _money(price.amount_jpy, currency, rates),
        "tax": price.tax,
        "unit": price.unit,
        "kind": price.kind,
        "confirmed": price.confirmed,
        "extraction_note": price.extraction_note,
        "document_page": price.document_page,
        "excerpt": price.excerpt,
    }
