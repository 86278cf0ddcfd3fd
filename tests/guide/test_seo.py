"""Search engines and sharing: head tags on every public page, JSON-LD, sitemap, robots, share."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from saisei.guide.content import PAGES
from saisei.registry.models import Plan
from tests.factories import make_facility, make_rates
from tests.guide.test_pages import json_ld

pytestmark = pytest.mark.django_db


@pytest.fixture
def clinics():
    make_rates()
    first = make_facility(
        slug="ginza-stem-cell-clinic",
        name_romaji="Ginza Stem Cell Clinic",
        name_ja="銀座幹細胞クリニック",
        plans=[
            {"modality": "adipose_msc", "cultured": True, "prices": [{"amount_jpy": 990_000}]},
            {"modality": "prp", "title_ja": "PRP療法"},
            {"modality": "svf", "status": Plan.Status.NO_LONGER_LISTED},
        ],
    )
    second = make_facility(
        slug="umeda-knee-clinic",
        name_romaji="Umeda Knee Clinic",
        name_ja="梅田膝クリニック",
        prefecture="Osaka",
        prefecture_ja="大阪府",
        plans=[{"modality": "prp"}],
    )
    return first, second


def public_paths(clinics) -> list[str]:
    first, second = clinics
    return [
        "/",
        "/clinics/",
        f"/clinics/{first.slug}/",
        f"/clinics/{second.slug}/",
        f"/compare/?c={first.slug}&c={second.slug}",
        "/guide/",
        "/guide/faq/",
        "/guide/am-i-a-candidate/",
        "/costs/",
        *(f"/guide/{slug}/" for slug in PAGES),
    ]


def find(pattern: str, text: str) -> str:
    match = re.search(pattern, text, re.S)
    assert match, pattern
    return match[1]


def meta(html: str, attribute: str, name: str) -> str:
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    assert match, f"no {name}"
    return unescape(match[1])


def title(html: str) -> str:
    return unescape(find(r"<title>(.*?)</title>", html)).strip()


@pytest.mark.parametrize("prefix", ["", "/ja"])
def test_every_public_page_has_a_unique_title_and_description(client, clinics, prefix):
    titles, descriptions = {}, {}
    for path in public_paths(clinics):
        html = client.get(prefix + path).content.decode()
        titles[path] = title(html)
        descriptions[path] = meta(html, "name", "description")
        assert descriptions[path].strip(), path
    assert len(set(titles.values())) == len(titles), titles
    assert len(set(descriptions.values())) == len(descriptions), descriptions


def test_every_public_page_has_canonical_hreflang_open_graph_and_twitter_tags(client, clinics):
    for path in public_paths(clinics):
        html = client.get(path).content.decode()
        canonical = find(r'<link rel="canonical" href="([^"]+)"', html)
        assert canonical == "http://testserver" + path.split("?")[0]
        for code in ("en", "ja", "zh-hans", "x-default"):
            assert f'hreflang="{code}"' in html, (path, code)
        assert meta(html, "property", "og:title") == title(html).removesuffix(" · Saisei")
        assert meta(html, "property", "og:description") == meta(html, "name", "description")
        assert meta(html, "property", "og:url") == canonical
        assert meta(html, "name", "twitter:card") == "summary"
        assert meta(html, "name", "twitter:title") == meta(html, "property", "og:title")


def test_japanese_pages_declare_their_open_graph_locale(client, clinics):
    html = client.get("/ja/guide/treatment/").content.decode()
    assert meta(html, "property", "og:locale") == "ja_JP"


def test_clinic_page_carries_medical_clinic_json_ld_with_its_registered_procedures(client, clinics):
    first, _ = clinics
    blocks = json_ld(client.get(f"/clinics/{first.slug}/").content.decode())
    assert len(blocks) == 1
    data = blocks[0]
    assert data["@type"] == "MedicalClinic"
    assert data["name"] == "Ginza Stem Cell Clinic"
    assert "銀座幹細胞クリニック" in data["alternateName"]
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "JP",
        "addressRegion": "Tokyo",
    }
    procedures = data["availableService"]
    listed = first.plans.filter(status=Plan.Status.LISTED)
    assert {p["identifier"] for p in procedures} == {p.document_code for p in listed}
    assert all(p["@type"] == "MedicalProcedure" and p["alternateName"] for p in procedures)


def test_clinic_json_ld_stays_valid_json_whatever_the_name(client, db):
    make_rates()
    facility = make_facility(
        slug="odd-name", name_romaji='Odd "</script><script>x()</script>" & Co', plans=[{}]
    )
    html = client.get(f"/clinics/{facility.slug}/").content.decode()
    assert "<script>x()" not in html
    assert json_ld(html)[0]["name"] == 'Odd "</script><script>x()</script>" & Co'


def test_clinic_page_queries_do_not_grow_with_the_json_ld_and_share_block(
    client, clinics, django_assert_max_num_queries
):
    first, _ = clinics
    with django_assert_max_num_queries(9):
        client.get(f"/clinics/{first.slug}/")


def test_sitemap_lists_clinics_and_guide_pages_in_every_language_with_alternates(
    client, clinics, settings
):
    settings.SAISEI_SHOW_DEMO = False
    make_facility(slug="demo-clinic", is_demo=True, plans=[{}])
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    locations = set(re.findall(r"<loc>([^<]+)</loc>", xml))
    for path in [f"/clinics/{c.slug}/" for c in clinics] + [f"/guide/{s}/" for s in PAGES]:
        for prefix in ("", "/ja", "/zh-hans"):
            assert f"http://testserver{prefix}{path}" in locations
    for path in ("/", "/costs/", "/guide/faq/", "/guide/am-i-a-candidate/"):
        assert f"http://testserver{path}" in locations
    assert not any("demo-clinic" in loc for loc in locations)
    assert 'hreflang="zh-hans" href="http://testserver/zh-hans/guide/evidence/"' in xml
    assert 'hreflang="x-default"' in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_actions(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body and "Disallow: /compare/add/" in body
    assert "Disallow: /clinics/" not in body


def test_share_block_offers_email_line_and_whatsapp_links_without_third_party_scripts(
    client, clinics
):
    first, _ = clinics
    html = unescape(client.get(f"/clinics/{first.slug}/").content.decode())
    url = f"http://testserver/clinics/{first.slug}/"
    email = find(r'href="(mailto:[^"]+)"', html)
    assert parse_qs(urlsplit(email).query)["body"] == [f"Ginza Stem Cell Clinic {url}"]
    line = find(r'href="(https://line\.me/R/share\?[^"]+)"', html)
    assert parse_qs(urlsplit(line).query)["text"] == [f"Ginza Stem Cell Clinic {url}"]
    whatsapp = find(r'href="(https://wa\.me/\?[^"]+)"', html)
    assert url in parse_qs(urlsplit(whatsapp).query)["text"][0]
    assert f'value="{url}" readonly' in html  # the link to copy by hand without JavaScript
    sources = re.findall(r"<script[^>]*src=\"([^\"]+)\"", html)
    assert sources and all(src.startswith("/static/") for src in sources)
    assert re.findall(r"<script(?![^>]*(?:src=|application/ld\+json))[^>]*>", html) == []


def test_clinic_page_links_to_the_guide_on_what_registration_means(client, clinics):
    first, _ = clinics
    html = client.get(f"/clinics/{first.slug}/").content.decode()
    assert 'href="/guide/japan-regulation/#badge"' in html


def test_faq_json_ld_survives_the_content_security_policy(client):
    response = client.get("/guide/faq/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert json_ld(response.content.decode())[0]["@type"] == "FAQPage"
