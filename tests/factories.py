"""Small builders for directory data, for tests that need exact, hand-made rows."""

import itertools
from datetime import date
from decimal import Decimal

from django.utils import timezone

from saisei.lib.models import ExchangeRate
from saisei.registry.importer.naming import Names
from saisei.registry.importer.summary import refresh_facilities
from saisei.registry.models import (
    Facility,
    Plan,
    PricePoint,
)

_ids = itertools.count(1)


def make_facility(
    name_ja: str = "テスト整形外科クリニック",
    name_romaji: str = "Test Orthopaedic Clinic",
    prefecture: str = "Tokyo",
    prefecture_ja: str = "東京都",
    region: str = "Kanto",
    region_ja: str = "関東",
    plans: list[dict] | None = None,
    **fields,
) -> Facility:
    """A facility with plans; each plan dict may carry `prices`: a list of price dicts."""
    n = next(_ids)
    facility = Facility.objects.create(
        external_id=f"FT{n:04d}",
        slug=fields.pop("slug", f"test-clinic-ft{n:04d}"),
        name_ja=name_ja,
        name_romaji=name_romaji,
        prefecture=prefecture,
        prefecture_ja=prefecture_ja,
        region=region,
        region_ja=region_ja,
        **fields,
    )
    for spec in plans or []:
        spec = dict(spec)
        prices = spec.pop("prices", [])
        m = next(_ids)
        plan = Plan.objects.create(
            plan_id=f"PT{m:05d}",
            facility=facility,
            document_code=spec.pop("document_code", f"01C{m:07d}"),
            risk_class=spec.pop("risk_class", 2),
            title_ja=spec.pop("title_ja", "自己脂肪由来幹細胞を用いた変形性膝関節症の治療"),
            modality=spec.pop("modality", "adipose_msc"),
            targets_joint=spec.pop("targets_joint", True),
            extracted_on=spec.pop("extracted_on", "2026-09"),
            source_hash=f"h{m}",
            **spec,
        )
        for k, price in enumerate(prices):
            price = dict(price)
            PricePoint.objects.create(
                plan=plan,
                row_key=f"r{m}-{k}",
                amount_jpy=price.pop("amount_jpy"),
                tax=price.pop("tax", PricePoint.Tax.INCLUDED),
                extraction=price.pop("extraction", PricePoint.Extraction.AUTO),
                excerpt=price.pop("excerpt", "治療費 990,000円（税込）"),
                **price,
            )
    refresh_summary(facility)
    return facility


def refresh_summary(facility: Facility) -> None:
    """Recompute the denormalised fields as the importer does, for hand-made rows."""
    refresh_facilities([facility], Names(), timezone.now(), new={facility.pk})
    facility.refresh_from_db()


def make_rates(as_of: date = date(2026, 11, 20), **per_eur: str) -> None:
    rates = {"EUR": "1", "JPY": "178", "USD": "1.16", "GBP": "0.87", **per_eur}
    for code, value in rates.items():
        ExchangeRate.objects.create(
            currency=code, per_eur=Decimal(value), as_of=as_of, source="Test rates"
        )
