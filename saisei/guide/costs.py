"""Treatment cost ranges by country (data/guide/costs.csv) and Saisei's own registry prices.

The country table is editorial data with a source and an as-of date per row; the registry
distribution is computed from the imported price points in one query: only treatment prices
(not cancellation fees, consultations, storage or insured reference prices) whose extraction
is confirmed, from listed plans of clinics the directory shows.
"""

from __future__ import annotations

import csv
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from saisei.lib.currency import JPY, RateTable, convert_jpy, to_jpy
from saisei.registry import stats
from saisei.registry.classify import Classification, english_treatment_name
from saisei.registry.models import STEM_CELL_MODALITIES, Plan, PricePoint

from .content.sources import SOURCES
from .content.types import Source

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

REVIEWED = date(2026, 12, 1)
COSTS_FILE = Path(settings.BASE_DIR) / "data" / "guide" / "costs.csv"
USD = "USD"

COUNTRIES: dict[str, StrPromise] = {
    "JP": _("Japan"),
    "US": _("United States"),
    "GB": _("United Kingdom"),
    "AU": _("Australia"),
    "MX": _("Mexico"),
    "TH": _("Thailand"),
}
TREATMENTS: dict[str, StrPromise] = {
    "cultured_msc": _("Culture-expanded stem cells (MSC)"),
    "same_day": _("Same-day cells (SVF or bone-marrow concentrate), not cultured"),
    "cultured_trial": _("Culture-expanded stem cells in a clinical trial or under an exception"),
}
TREATMENTS_SHORT: dict[str, StrPromise] = {
    "cultured_msc": _("culture-expanded stem cells"),
    "same_day": _("same-day cells"),
    "cultured_trial": _("culture-expanded, in trials"),
}
STATUSES: dict[str, StrPromise] = {
    "jp_plan": _(
        "Allowed under a provision plan filed after committee review (class 2); self-paid."
    ),
    "us_same_day": _(
        "Offered by clinics as a same-day procedure; the FDA has approved no stem cell product "
        "for knee osteoarthritis."
    ),
    "us_trial": _(
        "Only in FDA-authorised clinical trials or expanded access; there is no market price."
    ),
    "gb_atmp": _(
        "Culture-expanded cells are advanced therapy medicinal products regulated by the MHRA; "
        "clinics offer same-day preparations."
    ),
    "au_tga": _(
        "The TGA regulates cell products; clinics offer same-day preparations of a patient's "
        "own cells."
    ),
    "unverified": _(
        "Offered by private clinics; Saisei has not yet verified how the national regulator "
        "treats it."
    ),
}
BASES: dict[str, StrPromise] = {
    "registry": _("Prices published in registered plans' documents"),
    "survey": _("Published survey of clinic prices"),
    "estimate": _("Saisei estimate from advertised prices; no published source yet"),
    "no_market": _("No market price"),
}


@dataclass(frozen=True)
class CostRow:
    country: str
    treatment: str
    low_usd: int | None
    high_usd: int | None
    status: str
    basis: str
    source: Source
    as_of: str

    @property
    def country_name(self) -> StrPromise:
        return COUNTRIES[self.country]

    @property
    def treatment_name(self) -> StrPromise:
        return TREATMENTS[self.treatment]

    @property
    def treatment_short(self) -> StrPromise:
        return TREATMENTS_SHORT[self.treatment]

    @property
    def status_text(self) -> StrPromise:
        return STATUSES[self.status]

    @property
    def basis_text(self) -> StrPromise:
        return BASES[self.basis]

    @property
    def is_estimate(self) -> bool:
        return self.basis == "estimate"


class CostDataError(ValueError):
    pass


def _whole(value: str, line: int) -> int | None:
    if not value.strip():
        return None
    try:
        return int(value)
    except ValueError:
        raise CostDataError(f"costs.csv line {line}: {value!r} is not a whole number") from None


def parse_costs(lines: list[str]) -> list[CostRow]:
    """Rows of a costs CSV; a CostDataError names the line of any unknown code or bad range."""
    rows = []
    for line, record in enumerate(csv.DictReader(lines), start=2):
        for column, known in (
            ("country", COUNTRIES),
            ("treatment", TREATMENTS),
            ("status", STATUSES),
            ("basis", BASES),
            ("source", SOURCES),
        ):
            if record[column] not in known:
                raise CostDataError(f"costs.csv line {line}: unknown {column} {record[column]!r}")
        low, high = _whole(record["low_usd"], line), _whole(record["high_usd"], line)
        if (low is None) != (high is None) or (low is not None and high is not None and low > high):
            raise CostDataError(f"costs.csv line {line}: the range {low}-{high} is not valid")
        if not record["as_of"].strip():
            raise CostDataError(f"costs.csv line {line}: as_of is required")
        rows.append(
            CostRow(
                country=record["country"],
                treatment=record["treatment"],
                low_usd=low,
                high_usd=high,
                status=record["status"],
                basis=record["basis"],
                source=SOURCES[record["source"]],
                as_of=record["as_of"].strip(),
            )
        )
    return rows


@cache
def load_costs() -> tuple[CostRow, ...]:
    return tuple(parse_costs(COSTS_FILE.read_text(encoding="utf-8").splitlines()))


# --- conversion ---------------------------------------------------------------------------------


def usd_in(amount_usd: int, currency: str, rates: RateTable) -> Decimal | None:
    """US dollars in `currency` (through the yen, as every Saisei conversion); None without a
    rate."""
    if currency == USD:
        return Decimal(amount_usd)
    jpy = to_jpy(amount_usd, USD, rates)
    if jpy is None:
        return None
    return Decimal(jpy) if currency == JPY else convert_jpy(jpy, currency, rates)


def jpy_in(amount_jpy: int, currency: str, rates: RateTable) -> Decimal | None:
    return convert_jpy(amount_jpy, currency, rates)


@dataclass(frozen=True)
class ConvertedRow:
    row: CostRow
    low: Decimal | None
    high: Decimal | None


@dataclass(frozen=True)
class CostTable:
    currency: str
    rows: list[ConvertedRow]


def country_costs(currency: str, rates: RateTable) -> CostTable:
    """The country rows in the visitor's currency, or in US dollars when a rate is missing."""
    rows = load_costs()
    if any(
        row.low_usd is not None and usd_in(row.low_usd, currency, rates) is None for row in rows
    ):
        currency = USD
    converted = [
        ConvertedRow(
            row,
            usd_in(row.low_usd, currency, rates) if row.low_usd is not None else None,
            usd_in(row.high_usd, currency, rates) if row.high_usd is not None else None,
        )
        for row in rows
    ]
    return CostTable(currency, converted)


# --- Saisei's registry prices ---------------------------------------------------------------------


@dataclass(frozen=True)
class PriceDistribution:
    modality: str
    cultured: bool | None
    label: str
    count: int
    min_jpy: int
    median_jpy: int
    max_jpy: int
    is_stem_cell: bool


def registry_prices() -> dict[tuple[str, bool | None], list[int]]:
    """Confirmed treatment prices of listed joint plans of the registry's clinics (never the
    fictional demo clinics), by (modality, cultured). One query."""
    amounts = (
        PricePoint.objects.filter(
            kind=PricePoint.Kind.TREATMENT,
            extraction=PricePoint.Extraction.AUTO,
            listed=True,
            is_repeat=False,
            plan__status=Plan.Status.LISTED,
            plan__targets_joint=True,
            plan__facility__in=stats.registry_facilities(),
        )
        .order_by()
        .values_list("plan__modality", "plan__cultured", "amount_jpy")
    )
    groups: dict[tuple[str, bool | None], list[int]] = defaultdict(list)
    for modality, cultured, amount in amounts:
        groups[(modality, cultured)].append(amount)
    return groups


def registry_distribution() -> list[PriceDistribution]:
    """Min, median and max of each group, stem cell groups first, then by median."""
    result = [
        PriceDistribution(
            modality=modality,
            cultured=cultured,
            label=english_treatment_name(Classification(modality, cultured, None, False)),
            count=len(amounts),
            min_jpy=min(amounts),
            median_jpy=round(statistics.median(amounts)),
            max_jpy=max(amounts),
            is_stem_cell=modality in STEM_CELL_MODALITIES,
        )
        for (modality, cultured), amounts in registry_prices().items()
    ]
    return sorted(result, key=lambda d: (not d.is_stem_cell, -d.median_jpy, d.label))
