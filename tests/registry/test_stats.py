"""Figures presented as the registry's never count the fictional demo clinics."""

import pytest

from saisei.guide.costs import registry_prices
from saisei.journeys.services import generic_treatment
from saisei.registry.stats import registry_as_of
from tests.factories import make_facility, make_rates

pytestmark = pytest.mark.django_db

STEM = {"modality": "adipose_msc", "cultured": True, "extracted_on": "2026-09"}


@pytest.fixture
def real_and_demo(settings):
    settings.SAISEI_SHOW_DEMO = True  # shown on the site, still never counted
    make_rates()
    make_facility(plans=[{**STEM, "prices": [{"amount_jpy": 990_000}]}])
    make_facility(
        slug="demo-clinic",
        is_demo=True,
        plans=[{**STEM, "extracted_on": "demo", "prices": [{"amount_jpy": 10}]}],
    )


def test_home_counts_and_dates_only_the_registry(client, real_and_demo):
    html = client.get("/").content.decode()
    assert "1 clinics have 1 plans" in html  # the demo clinic and its plan are not counted
    assert "Registry data as of 2026-09." in html
    assert "as of demo" not in html


def test_price_statistics_leave_the_demo_prices_out(real_and_demo):
    assert registry_as_of() == "2026-09"
    assert [amount for amounts in registry_prices().values() for amount in amounts] == [990_000]
    generic = generic_treatment()
    assert (generic.price_min_jpy, generic.price_max_jpy) == (990_000, 990_000)
