"""The denormalised facility fields the directory reads without joins, recomputed in bulk."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils import translation

from saisei.lib.text import normalise
from saisei.registry.models import (
    BLOOD_MODALITIES,
    STEM_CELL_MODALITIES,
    Facility,
    Modality,
    Plan,
    PricePoint,
)

from . import bulk
from .naming import Names

_STEM_WORDS = "stem cell stem cells"
_PRP_WORDS = "prp platelet"
_JOINT_WORDS = "knee joint"


PlanValues = Mapping[str, Any]


def _listed_plans(facility_pks: set[int]) -> dict[int, list[PlanValues]]:
    plans: dict[int, list[PlanValues]] = defaultdict(list)
    rows = (
        Plan.objects.filter(status=Plan.Status.LISTED)
        .order_by("plan_id")
        .values(
            "facility_id", "title_ja", "source_category", "modality", "cultured", "targets_joint"
        )
    )
    for row in rows.iterator(chunk_size=5000):
        if row["facility_id"] in facility_pks:
            plans[row["facility_id"]].append(row)
    return plans


@dataclass
class Lowest:
    """The lowest amount seen, and whether one of the prices with that amount is confirmed."""

    amount: int | None = None
    confirmed: bool | None = None

    def add(self, amount: int, confirmed: bool) -> None:
        if self.amount is None or amount < self.amount:
            self.amount, self.confirmed = amount, confirmed
        elif amount == self.amount:
            self.confirmed = self.confirmed or confirmed


@dataclass
class PriceRange:
    """A facility's treatment prices: lowest and highest, and the lowest by kind of product."""

    low: Lowest = field(default_factory=Lowest)
    stem: Lowest = field(default_factory=Lowest)
    blood: Lowest = field(default_factory=Lowest)
    high: int | None = None


def _price_ranges(facility_pks: set[int]) -> dict[int, PriceRange]:
    rows = (
        PricePoint.objects.filter(
            listed=True, kind=PricePoint.Kind.TREATMENT, plan__status=Plan.Status.LISTED
        )
        .values_list("plan__facility_id", "plan__modality", "amount_jpy", "extraction")
        .order_by()
    )
    ranges: dict[int, PriceRange] = defaultdict(PriceRange)
    for pk, modality, amount, extraction in rows.iterator(chunk_size=5000):
        if pk not in facility_pks:
            continue
        found = ranges[pk]
        confirmed = extraction == PricePoint.Extraction.AUTO
        found.low.add(amount, confirmed)
        found.high = amount if found.high is None else max(found.high, amount)
        if modality in STEM_CELL_MODALITIES:
            found.stem.add(amount, confirmed)
        if modality in BLOOD_MODALITIES:
            found.blood.add(amount, confirmed)
    return ranges


def search_text(facility: Facility, plans: Iterable[PlanValues], names: Names) -> str:
    """One normalised, space-joined string of everything a visitor might type to find it."""
    parts: list[str] = [
        facility.name_ja,
        *facility.name_variants,
        facility.name_romaji,
        names.romanise(facility.name_ja),
        facility.prefecture_ja,
        facility.prefecture,
        facility.region_ja,
        facility.region,
    ]
    with translation.override("en"):
        for plan in plans:
            _c, english = names.plan(plan["title_ja"], plan["source_category"])
            modality = plan["modality"]
            parts += [plan["title_ja"], english, str(Modality(modality).label)]
            if modality in STEM_CELL_MODALITIES:
                parts.append(_STEM_WORDS)
            if modality == Modality.PRP:
                parts.append(_PRP_WORDS)
            if plan["targets_joint"]:
                parts.append(_JOINT_WORDS)
    words = dict.fromkeys(normalise(part) for part in parts)
    return " ".join(word for word in words if word)


def refresh_facilities(
    facilities: Iterable[Facility], names: Names, now: datetime, *, new: set[int]
) -> set[int]:
    """Recompute the summary fields of `facilities`; return the pks of those that changed.

    Facilities in `new` were created by this import: their fields are written without
    their `updated` time moving, and they are not reported as changed.
    """
    by_pk = {facility.pk: facility for facility in facilities}
    pks = set(by_pk)
    if not pks:
        return set()
    plans = _listed_plans(pks)
    prices = _price_ranges(pks)
    changes: list[tuple[Facility, list[str]]] = []
    for pk, facility in by_pk.items():
        own = plans.get(pk, [])
        modalities = {plan["modality"] for plan in own}
        price = prices.get(pk, PriceRange())
        wanted: dict[str, Any] = {
            "listed": bool(own),
            "plan_count": len(own),
            "has_stem_cells": bool(modalities & STEM_CELL_MODALITIES),
            "has_blood": bool(modalities & BLOOD_MODALITIES),
            "has_cultured": any(plan["cultured"] is True for plan in own),
            "has_joint": any(plan["targets_joint"] for plan in own),
            "min_price_jpy": price.low.amount,
            "max_price_jpy": price.high,
            "stem_min_price_jpy": price.stem.amount,
            "blood_min_price_jpy": price.blood.amount,
            "min_price_confirmed": price.low.confirmed,
            "stem_min_price_confirmed": price.stem.confirmed,
            "blood_min_price_confirmed": price.blood.confirmed,
            "search_text": search_text(facility, own, names),
        }
        fields = [key for key, value in wanted.items() if getattr(facility, key) != value]
        if fields:
            for key in fields:
                setattr(facility, key, wanted[key])
            if pk not in new:
                facility.updated = now
                fields.append("updated")
            changes.append((facility, fields))
    bulk.update(Facility, changes)
    return {facility.pk for facility, _ in changes if facility.pk not in new}
