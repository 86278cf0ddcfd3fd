import pytest

from tests.factories import make_facility, make_rates

pytestmark = pytest.mark.django_db


@pytest.fixture
def clinics():
    make_rates()
    stem = make_facility(
        name_romaji="Stem Clinic",
        plans=[{"modality": "adipose_msc", "cultured": True, "prices": [{"amount_jpy": 990_000}]}],
    )
    prp = make_facility(
        name_romaji="Prp Clinic",
        prefecture="Osaka",
        region="Kinki",
        plans=[{"modality": "prp", "prices": [{"amount_jpy": 50_000}]}],
    )
    return stem, prp


def test_list_filters_like_the_page(client, clinics):
    response = client.get("/api/v1/clinics", {"kind": "stem_cells", "currency": "EUR"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    result = body["results"][0]
    assert result["name"] == "Stem Clinic"
    assert result["from_price_jpy"] == 990_000
    assert result["from_price_confirmed"] is True
    assert result["from_price"]["currency"] == "EUR"
    assert result["from_price"]["approximate"] is True
    assert result["url"].endswith(f"/clinics/{clinics[0].slug}/")


def test_list_is_paginated(client, clinics):
    body = client.get("/api/v1/clinics", {"per_page": 1, "page": 2}).json()
    assert body["count"] == 2 and body["pages"] == 2 and len(body["results"]) == 1


def test_detail_has_plans_and_prices(client, clinics):
    body = client.get(f"/api/v1/clinics/{clinics[1].slug}").json()
    assert body["plans"][0]["modality"] == "prp"
    assert body["plans"][0]["prices"][0]["amount_jpy"] == 50_000
    assert body["plans"][0]["prices"][0]["confirmed"] is True


def test_unknown_clinic_is_a_json_404(client, db):
    response = client.get("/api/v1/clinics/none-such")
    assert response.status_code == 404
    assert "detail" in response.json()


@pytest.mark.parametrize(
    "query",
    [
        {"kind": "magic"},
        {"page": "0"},
        {"per_page": "1000"},
        {"price_min": "abc"},
        {"price_min": "10", "price_max": "5"},
        {"region": "atlantis"},
        {"currency": "XXX"},
        {"cultured": "perhaps"},
    ],
)
def test_bad_parameters_are_422_with_a_json_error(client, db, query):
    response = client.get("/api/v1/clinics", query)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_openapi_schema_and_docs_are_served(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/clinics" in schema["paths"]
    assert "/api/v1/clinics/{slug}" in schema["paths"]
    assert client.get("/api/v1/docs").status_code == 200
