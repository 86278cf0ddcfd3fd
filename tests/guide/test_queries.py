"""Home, search, clinic, compare, guide and costs pages: the number of SQL queries does not grow
with the number of clinics, plans or prices."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from saisei.lib.currency import clear_rates_cache
from tests.factories import make_facility, make_rates

pytestmark = pytest.mark.django_db

PLANS: list[dict[str, Any]] = [
    {
        "modality": "adipose_msc",
        "cultured": True,
        "prices": [{"amount_jpy": 990_000}, {"amount_jpy": 1_650_000}],
    },
    {"modality": "prp", "title_ja": "PRP療法", "prices": [{"amount_jpy": 55_000}]},
]


def paths(slugs: list[str]) -> dict[str, str]:
    return {
        "home": "/",
        "search": "/clinics/?kind=stem_cells&has_price=on",
        "clinic": f"/clinics/{slugs[0]}/",
        "compare": "/compare/?" + "&".join(f"c={slug}" for slug in slugs[:4]),
        "guide": "/guide/treatment/",
        "faq": "/guide/faq/",
        "self-check": "/guide/am-i-a-candidate/?check=1&grade=3",
        "costs": "/costs/",
        "sitemap": "/sitemap.xml",
    }


def count_queries(client, path: str) -> int:
    clear_rates_cache()  # every page counted with the same (cold) rate cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200, path
    return len(queries)


# Measured with a cold rate cache: the rates query is included in each count.
MAX_QUERIES = {
    "home": 4,  # rates, facility count, plan count, registry date
    "search": 3,  # rates, count, page of results
    # rates, facility + profile, plans, prices, actions, languages, outcome answers (an
    # unclaimed clinic: without a profile there are no doctors, photos or packages to fetch)
    "clinic": 7,
    "compare": 6,
    "guide": 1,  # rates only (currency menu)
    "faq": 1,
    "self-check": 1,
    "costs": 3,  # rates, registry prices, registry date
    "sitemap": 2,
}


def test_main_pages_take_a_constant_number_of_queries(client):
    make_rates()
    slugs = [make_facility(plans=PLANS).slug for _ in range(4)]
    few = {name: count_queries(client, path) for name, path in paths(slugs).items()}
    for _ in range(12):
        make_facility(plans=[*PLANS, {"modality": "svf", "prices": [{"amount_jpy": 1_100_000}]}])
    make_facility(plans=PLANS * 3)
    many = {name: count_queries(client, path) for name, path in paths(slugs).items()}
    assert many == few


@pytest.mark.parametrize("name", list(MAX_QUERIES))
def test_each_main_page_stays_within_its_query_budget_with_many_clinics(
    client, django_assert_max_num_queries, name
):
    make_rates()
    slugs = [make_facility(plans=[*PLANS, {"modality": "svf"}]).slug for _ in range(20)]
    clear_rates_cache()
    with django_assert_max_num_queries(MAX_QUERIES[name]):
        assert client.get(paths(slugs)[name]).status_code == 200
