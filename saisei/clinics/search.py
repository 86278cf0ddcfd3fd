"""Searching the directory: one queryset, the same for the pages and the API."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.utils.text import slugify

from saisei.lib import japanese
from saisei.lib.currency import RateTable, to_jpy
from saisei.lib.text import normalise
from saisei.registry.models import (
    BLOOD_MODALITIES,
    STEM_CELL_MODALITIES,
    Facility,
    Plan,
    PricePoint,
)

from .models import SpokenLanguage

REGION_BY_SLUG = {slugify(name): name for name in japanese.REGIONS.values()}
PREFECTURE_BY_SLUG = {slugify(name): name for name in japanese.PREFECTURES.values()}


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    region: str = ""
    prefecture: str = ""
    kind: str = ""
    modality: str = ""
    cultured: bool = False
    joint: bool = False
    has_price: bool = False
    language: str = ""
    price_min_jpy: int | None = None
    price_max_jpy: int | None = None
    sort: str = "relevance"

    @classmethod
    def from_cleaned(cls, data: dict, currency: str, rates: RateTable) -> "SearchParams":
        """Turn a valid ClinicSearchForm's data into parameters, prices converted to yen."""

        def yen(amount: Decimal | None) -> int | None:
            return None if amount is None else to_jpy(amount, currency, rates)

        return cls(
            q=data.get("q") or "",
            region=data.get("region") or "",
            prefecture=data.get("prefecture") or "",
            kind=data.get("kind") or "",
            modality=data.get("modality") or "",
            cultured=bool(data.get("cultured")),
            joint=bool(data.get("joint")),
            has_price=bool(data.get("has_price")),
            language=data.get("language") or "",
            price_min_jpy=yen(data.get("price_min")),
            price_max_jpy=yen(data.get("price_max")),
            sort=data.get("sort") or "relevance",
        )

    @property
    def price_field(self) -> str:
        """The denormalised lowest price that matches the kind of treatment asked for."""
        return {"stem_cells": "stem_min_price_jpy", "blood": "blood_min_price_jpy"}.get(
            self.kind, "min_price_jpy"
        )

    @property
    def price_confirmed_field(self) -> str:
        return self.price_field.replace("_jpy", "_confirmed")

    @property
    def filters_plans(self) -> bool:
        return bool(self.kind or self.modality or self.cultured or self.joint)

    @property
    def kind_only(self) -> bool:
        """Only the kind of product is asked for among the plan and price conditions."""
        return self.kind in {"stem_cells", "blood"} and not (
            self.modality or self.cultured or self.joint or self.filters_prices
        )

    @property
    def filters_prices(self) -> bool:
        return self.price_min_jpy is not None or self.price_max_jpy is not None


def visible_facilities() -> QuerySet[Facility]:
    facilities = Facility.objects.filter(listed=True)
    if not settings.SAISEI_SHOW_DEMO:
        facilities = facilities.filter(is_demo=False)
    return facilities


def _plan_conditions(params: SearchParams) -> Q:
    q = Q(status=Plan.Status.LISTED)
    if params.kind == "stem_cells":
        q &= Q(modality__in=STEM_CELL_MODALITIES)
    elif params.kind == "blood":
        q &= Q(modality__in=BLOOD_MODALITIES)
    if params.modality:
        q &= Q(modality=params.modality)
    if params.cultured:
        q &= Q(cultured=True)
    if params.joint:
        q &= Q(targets_joint=True)
    return q


def _price_conditions(params: SearchParams) -> Q:
    q = Q(kind=PricePoint.Kind.TREATMENT, listed=True)
    if params.price_min_jpy is not None:
        q &= Q(amount_jpy__gte=params.price_min_jpy)
    if params.price_max_jpy is not None:
        q &= Q(amount_jpy__lte=params.price_max_jpy)
    return q


def search_clinics(params: SearchParams) -> QuerySet[Facility]:
    """Facilities matching every given condition, ordered as asked."""
    facilities = visible_facilities()
    if params.region in REGION_BY_SLUG:
        facilities = facilities.filter(region=REGION_BY_SLUG[params.region])
    if params.prefecture in PREFECTURE_BY_SLUG:
        facilities = facilities.filter(prefecture=PREFECTURE_BY_SLUG[params.prefecture])

    if params.kind_only:
        # The facility's summary flags say the same as EXISTS(plan of that kind), without a join.
        flag = "has_stem_cells" if params.kind == "stem_cells" else "has_blood"
        facilities = facilities.filter(**{flag: True})
        if params.has_price:
            facilities = facilities.filter(**{f"{params.price_field}__isnull": False})
    elif params.filters_plans or params.filters_prices or (params.has_price and params.kind):
        # One plan must satisfy every plan condition (and carry a matching price).
        plans = Plan.objects.filter(_plan_conditions(params), facility=OuterRef("pk"))
        if params.filters_prices or params.has_price:
            prices = PricePoint.objects.filter(_price_conditions(params), plan=OuterRef("pk"))
            plans = plans.filter(Exists(prices))
        facilities = facilities.filter(Exists(plans))
    elif params.has_price:
        facilities = facilities.filter(min_price_jpy__isnull=False)

    if params.language:
        spoken = SpokenLanguage.objects.filter(facility=OuterRef("pk"), language=params.language)
        facilities = facilities.filter(Exists(spoken))

    terms = normalise(params.q).split()
    for term in terms:
        facilities = facilities.filter(search_text__contains=term)

    # search_text is the widest column and no result list shows it.
    facilities = facilities.defer("search_text").annotate(
        from_price_jpy=F(params.price_field),
        from_price_confirmed=F(params.price_confirmed_field),
    )
    return _order(facilities, params, terms)


def _order(facilities: QuerySet[Facility], params: SearchParams, terms: list[str]):
    by_name = ("name_romaji", "pk")
    price = F("from_price_jpy")
    if params.sort == "price":
        return facilities.order_by(price.asc(nulls_last=True), *by_name)
    if params.sort == "price_desc":
        return facilities.order_by(price.desc(nulls_last=True), *by_name)
    if params.sort == "name" or not terms:
        return facilities.order_by(*by_name)
    phrase = " ".join(terms)
    score = Case(
        When(Q(name_ja__icontains=params.q.strip()) | Q(name_romaji__icontains=phrase), then=3),
        When(prefecture__iexact=phrase, then=2),
        default=Value(1),
        output_field=IntegerField(),
    )
    return facilities.annotate(score=score).order_by("-score", *by_name)
