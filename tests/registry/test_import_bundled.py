"""The bundled extract imports whole: 656 plans, 475 facilities, 1,350 price rows."""

from django.db.models import Count

from saisei.registry.importer import import_registry
from saisei.registry.models import Facility, Plan, PricePoint

from . import importdata as data


def test_the_bundled_extract_imports_completely_and_idempotently(db):
    report = import_registry([data.PLANS_CSV, data.PRICES_CSV])

    counts = report.counts
    assert (counts["plans_new"], counts["facilities_new"], counts["prices_new"]) == (656, 475, 1350)
    assert Plan.objects.count() == 656
    assert Facility.objects.count() == 475
    # No two rows of prices.csv are identical in every field, so none is merged: 1,350 rows.
    assert PricePoint.objects.count() == 1350 and counts["prices_merged"] == 0
    # 73 plan+amount pairs repeat (77 rows, as some amounts are found three times).
    assert counts["prices_repeats"] == 77
    repeated = (
        PricePoint.objects.values("plan", "amount_jpy").annotate(n=Count("id")).filter(n__gt=1)
    )
    assert repeated.count() == 73
    assert PricePoint.objects.filter(is_repeat=False).count() == 1350 - 77
    assert report.warnings == [] and counts["warnings"] == 0
    assert Facility.objects.exclude(name_variants=[]).count() == 7
    assert not Facility.objects.filter(listed=False).exists()
    assert Plan.objects.filter(document_code="").count() == 1
    assert PricePoint.objects.filter(extraction=PricePoint.Extraction.REVIEW).count() == 375
    assert (
        PricePoint.objects.filter(plan__in=Plan.objects.all()).values("plan").distinct().count()
        == 546
    )
    assert set(Plan.objects.values_list("risk_class", flat=True).distinct()) == {2, 3}

    again = import_registry([data.PLANS_CSV, data.PRICES_CSV])

    assert again.counts["plans_unchanged"] == 656
    assert again.counts["facilities_unchanged"] == 475
    assert again.counts["prices_unchanged"] == 1350
    changed_keys = ("plans_new", "plans_changed", "facilities_new", "facilities_changed")
    assert all(again.counts[key] == 0 for key in changed_keys)
    assert again.counts["prices_new"] == again.counts["prices_changed"] == 0
