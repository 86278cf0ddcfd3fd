import pytest

from tests.factories import make_facility, make_rates

pytestmark = pytest.mark.django_db


@pytest.fixture
def three():
    make_rates()
    return [
        make_facility(name_romaji=f"Clinic {c}", plans=[{"prices": [{"amount_jpy": 100_000 * n}]}])
        for n, c in enumerate("ABCDE", start=1)
    ]


def test_compare_shows_the_same_rows_for_each_clinic(client, three):
    a, b = three[0], three[1]
    response = client.get("/compare/", {"c": [a.slug, b.slug]})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Clinic A" in html and "Clinic B" in html
    assert "¥100,000" in html and "¥200,000" in html
    assert html.count('<th scope="row">') >= 10


@pytest.mark.parametrize("count,message", [(1, "at least 2"), (5, "up to 4")])
def test_compare_needs_two_to_four_clinics(client, three, count, message):
    response = client.get("/compare/", {"c": [f.slug for f in three[:count]]})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_compare_names_unknown_clinics(client, three):
    response = client.get("/compare/", {"c": [three[0].slug, "nowhere-f9999"]})
    assert response.status_code == 400
    assert "nowhere-f9999" in response.content.decode()


def test_compare_tray_in_the_session(client, three):
    a, b = three[0], three[1]
    response = client.post(f"/compare/add/{a.slug}/", {"next": "/clinics/"})
    assert response.status_code == 302 and response.url == "/clinics/"
    client.post(f"/compare/add/{b.slug}/", {"next": "/clinics/"})
    html = client.get("/compare/").content.decode()
    assert "Clinic A" in html and "Clinic B" in html
    client.post(f"/compare/remove/{a.slug}/", {"next": "/compare/"})
    html = client.get("/compare/").content.decode()
    assert "at least 2" in html


def test_compare_tray_holds_at_most_four(client, three):
    for facility in three[:4]:
        client.post(f"/compare/add/{facility.slug}/")
    response = client.post(f"/compare/add/{three[4].slug}/", headers={"HX-Request": "true"})
    assert "up to 4" in response.content.decode()


def test_compare_add_refuses_an_offsite_next(client, three):
    response = client.post(f"/compare/add/{three[0].slug}/", {"next": "https://evil.example/"})
    assert response.url == "/"


def test_compare_add_needs_post(client, three):
    assert client.get(f"/compare/add/{three[0].slug}/").status_code == 405
