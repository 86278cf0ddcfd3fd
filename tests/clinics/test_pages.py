import re

import pytest

from tests.factories import make_facility, make_rates

pytestmark = pytest.mark.django_db

KNEE_PLAN = {
    "modality": "adipose_msc",
    "cultured": True,
    "intra_articular": True,
    "title_ja": "自己脂肪由来間葉系幹細胞（培養）を用いた変形性膝関節症の治療",
    "document_url": "https://saiseiiryo.mhlw.go.jp/published_plan/download/02E2408010/5/0",
    "registry_list_url": "https://saiseiiryo.mhlw.go.jp/published_plan/index/2",
    "prices": [
        {"amount_jpy": 990_000, "unit": "片膝", "excerpt": "片膝 990,000円（税込）"},
        {
            "amount_jpy": 1_320_000,
            "unit": "両膝",
            "extraction": "review",
            "extraction_note": "price candidates remain ambiguous",
            "excerpt": "両膝 1,320,000円",
        },
        {"amount_jpy": 50_000, "kind": "cancellation", "excerpt": "キャンセル料 50,000円"},
    ],
}


@pytest.fixture
def clinic():
    make_rates()
    return make_facility(
        name_ja="医療法人テスト会 テスト膝クリニック",
        name_romaji="Test Knee Clinic",
        name_variants=["テスト膝クリニック"],
        plans=[KNEE_PLAN, {"modality": "prp", "title_ja": "PRP療法", "prices": []}],
    )


def test_home_page_links_to_the_directory(client, clinic):
    response = client.get("/")
    assert response.status_code == 200
    assert b'href="/clinics/"' in response.content


def test_clinic_list_shows_each_clinic_with_its_lowest_price(client, clinic):
    response = client.get("/clinics/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Test Knee Clinic" in html
    assert "医療法人テスト会 テスト膝クリニック" in html
    assert "¥990,000" in html
    assert "1 clinic found" in html


def test_clinic_list_with_bad_filters_says_what_is_wrong(client, clinic):
    response = client.get("/clinics/?price_min=abc&region=atlantis")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Some filters could not be used" in html
    assert "Enter a number." in html


def test_htmx_request_gets_only_the_results(client, clinic):
    response = client.get("/clinics/?kind=stem_cells", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert "Test Knee Clinic" in html


def test_fragment_and_full_page_vary_on_hx_request(client, clinic):
    for headers in ({}, {"HX-Request": "true"}):
        response = client.get("/clinics/?kind=stem_cells", headers=headers)
        assert "HX-Request" in response.headers["Vary"]


def test_htmx_results_carry_the_switches_for_the_new_url(client, clinic):
    """The header's language links and currency `next` follow the URL that htmx pushes."""
    html = client.get("/clinics/?kind=stem_cells", headers={"HX-Request": "true"}).content.decode()
    assert 'id="prefs" hx-swap-oob="true"' in html
    assert 'href="/ja/clinics/?kind=stem_cells"' in html
    assert 'name="next" value="/clinics/?kind=stem_cells"' in html
    full = client.get("/clinics/?kind=stem_cells").content.decode()
    assert "hx-swap-oob" not in full


def test_a_from_price_says_when_its_extraction_is_unconfirmed(client, clinic):
    unsure = {**KNEE_PLAN, "prices": [{"amount_jpy": 500_000, "extraction": "review"}]}
    make_facility(name_romaji="Unsure Price Clinic", plans=[unsure])
    html = client.get("/clinics/?q=unsure").content.decode()
    card = html[html.index("Unsure Price Clinic") :]
    assert "¥500,000" in card and "Unconfirmed" in card
    html = client.get("/clinics/?q=test+knee").content.decode()
    card = html[html.index("Test Knee Clinic") :]
    assert "¥990,000" in card and "Unconfirmed" not in card


def test_clinic_page_shows_plans_prices_sources_and_status(client, clinic):
    response = client.get(f"/clinics/{clinic.slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "02E2408010" in html  # the document code
    assert "https://saiseiiryo.mhlw.go.jp/published_plan/download/02E2408010/5/0" in html
    assert "Class 2" in html
    assert "2026-09" in html
    assert "¥990,000" in html and "片膝 990,000円（税込）" in html
    assert "Unconfirmed" in html  # the ambiguous extraction is shown, but marked
    assert "Cancellation fee" in html
    assert "Also registered as:" in html and "テスト膝クリニック" in html
    assert f'href="/quotes/new/?c={clinic.slug}"' in html  # "Request a quote"
    assert "google.com/maps/search" in html


def test_clinic_page_converts_prices_to_the_chosen_currency(client, clinic):
    html = client.get(f"/clinics/{clinic.slug}/?currency=EUR").content.decode()
    # 990,000 JPY at 178 JPY per EUR is about EUR 5,562.
    assert re.search(r"≈\s*€5,5\d0", html), html[:0]
    assert client.cookies["currency"].value == "EUR"


def test_unknown_clinic_is_404(client, db):
    assert client.get("/clinics/no-such-clinic/").status_code == 404


def test_pages_are_translated_under_language_prefixes(client, clinic):
    for prefix, lang in (("/ja", "ja"), ("/zh-hans", "zh-hans")):
        response = client.get(f"{prefix}/clinics/{clinic.slug}/")
        assert response.status_code == 200
        assert f'<html lang="{lang}">' in response.content.decode()


def test_pages_link_their_translations_with_hreflang(client, clinic):
    html = client.get("/clinics/?kind=blood").content.decode()
    assert 'hreflang="ja" href="http://testserver/ja/clinics/?kind=blood"' in html
    assert 'hreflang="zh-hans" href="http://testserver/zh-hans/clinics/?kind=blood"' in html
    assert 'hreflang="x-default"' in html


def test_csp_forbids_inline_scripts(client, clinic):
    response = client.get(f"/clinics/{clinic.slug}/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    # JSON-LD (type="application/ld+json") is a data block, not a script: browsers do not run it.
    assert not re.search(
        rb"<script(?![^>]*\b(?:src=|type=\"application/ld\+json\"))[^>]*>", response.content
    )


def _query_counts(client, clinic) -> list[int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for url in (
        "/clinics/?kind=stem_cells&region=kanto",
        f"/clinics/{clinic.slug}/",
        f"/compare/?c={clinic.slug}&c=second-clinic",
    ):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    return counts


def test_list_and_clinic_page_use_a_constant_number_of_queries(client, clinic):
    make_facility(slug="second-clinic", plans=[KNEE_PLAN])
    _query_counts(client, clinic)  # warms the exchange-rate cache
    few = _query_counts(client, clinic)
    for n in range(15):
        make_facility(name_ja=f"追加クリニック{n}", plans=[KNEE_PLAN, KNEE_PLAN])
    for _ in range(6):
        make_facility(plans=[KNEE_PLAN])
    many = _query_counts(client, clinic)
    assert many == few  # the same whatever the number of clinics, plans and prices
    assert max(many) <= 10
