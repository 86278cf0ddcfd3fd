"""Guide pages and the FAQ: rendered from the content data, sourced, dated, in three languages."""

import json
import re
from html.parser import HTMLParser

import pytest

from saisei.guide.content import PAGES, SOURCES, faq_entries
from tests.test_translations import visible_text

LANGUAGES = ["", "/ja", "/zh-hans"]
CLAIMS = re.compile(r"\bsafe\b|risk-free|guarantee|no side effects|\bcure", re.IGNORECASE)


class _JsonLd(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        self._inside = tag == "script" and ("type", "application/ld+json") in attrs

    def handle_endtag(self, tag):
        self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.blocks.append(data)


def json_ld(html: str) -> list[dict]:
    parser = _JsonLd()
    parser.feed(html)
    return [json.loads(block) for block in parser.blocks]


def test_every_citation_names_a_known_source():
    for page in PAGES.values():
        assert page.cited_keys(), page.slug
        assert set(page.cited_keys()) <= set(SOURCES)


def test_every_section_of_every_page_cites_a_source():
    for page in PAGES.values():
        for section in page.sections:
            cites = [key for para in (*section.paras, *section.items) for key in para.cites]
            assert cites, f"{page.slug}#{section.anchor}"


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", LANGUAGES)
@pytest.mark.parametrize("slug", list(PAGES))
def test_guide_page_shows_reviewed_date_and_numbered_sources(client, prefix, slug):
    page = PAGES[slug]
    response = client.get(f"{prefix}/guide/{slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert page.reviewed.isoformat() in html
    for number, key in enumerate(page.cited_keys(), start=1):
        assert f'id="source-{number}"' in html
        assert f'href="{SOURCES[key].url}"'.replace("&", "&amp;") in html
        assert f'href="#source-{number}"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("slug", list(PAGES))
def test_english_guide_pages_make_no_forbidden_claims(client, slug):
    text = visible_text(client.get(f"/guide/{slug}/").content.decode())
    assert CLAIMS.findall(text) == []


@pytest.mark.django_db
def test_treatment_page_keeps_prp_apart_from_stem_cells(client):
    text = visible_text(client.get("/guide/treatment/").content.decode())
    assert "PRP is not a stem cell therapy" in text
    assert "It contains no stem cells." in text


@pytest.mark.django_db
def test_evidence_page_links_the_trials_and_the_isscr_handbook(client):
    html = client.get("/guide/evidence/").content.decode()
    assert "https://doi.org/10.1038/s41591-023-02632-w" in html  # MILES
    assert "https://doi.org/10.1001/jama.2021.19415" in html  # RESTORE
    assert SOURCES["isscr_handbook"].url in html
    text = visible_text(html)
    assert "480 people" in text
    assert "None of the three cell-based injections reduced pain more than the" in text


@pytest.mark.django_db
def test_unknown_guide_page_is_not_found(client):
    assert client.get("/guide/no-such-page/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(("prefix", "journey"), [("", "/journey/"), ("/ja", "/ja/journey/")])
def test_travel_pages_link_to_the_journey_planner_in_the_visitors_language(client, prefix, journey):
    html = client.get(f"{prefix}/guide/visa/").content.decode()
    assert f'href="{journey}"' in html


@pytest.mark.django_db
def test_guide_index_lists_every_page_and_the_faq(client):
    html = client.get("/guide/").content.decode()
    for slug in PAGES:
        assert f'href="/guide/{slug}/"' in html
    assert 'href="/guide/faq/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/clinics/", "/guide/treatment/"])
def test_main_navigation_links_the_guide(client, path):
    html = client.get(path).content.decode()
    nav = html[
        html.index('class="main-nav"') : html.index("</nav>", html.index('class="main-nav"'))
    ]
    assert 'href="/guide/"' in nav


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", LANGUAGES)
def test_faq_page_carries_faqpage_structured_data_for_every_question(client, prefix):
    response = client.get(f"{prefix}/guide/faq/")
    assert response.status_code == 200
    blocks = json_ld(response.content.decode())
    assert len(blocks) == 1
    data = blocks[0]
    assert data["@type"] == "FAQPage"
    latest = max(page.reviewed for page in PAGES.values())
    assert latest.isoformat() in response.content.decode()
    questions = data["mainEntity"]
    assert len(questions) == len(faq_entries())
    for question in questions:
        assert question["@type"] == "Question"
        assert question["name"].strip()
        assert question["acceptedAnswer"]["text"].strip()
    if prefix:
        # The answers are in the visitor's language, not English.
        assert "What is stem cell treatment for the knee?" not in {q["name"] for q in questions}


@pytest.mark.django_db
def test_faq_json_ld_cannot_break_out_of_its_script_element(client):
    from saisei.guide.templatetags.seo import json_ld_text

    text = json_ld_text({"a": "</script><script>alert(1)</script> & more"})
    assert "</script>" not in text and "<" not in text and "&" not in text
    assert json.loads(text)["a"].startswith("</script>")


@pytest.mark.django_db
def test_faq_answers_link_back_to_their_sourced_section(client):
    html = client.get("/guide/faq/").content.decode()
    for entry in faq_entries():
        assert f'href="/guide/{entry.page.slug}/#{entry.section.anchor}"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/guide/", "/guide/evidence/", "/guide/faq/", "/costs/"])
def test_guide_pages_answer_head_requests_and_refuse_posts(client, path):
    assert client.head(path).status_code == 200
    assert client.post(path).status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/zh-hans"])
def test_journey_planner_links_the_travel_guide_pages(client, prefix):
    html = client.get(f"{prefix}/journey/").content.decode()
    for slug in ("visa", "language-support", "companion"):
        assert f'href="{prefix}/guide/{slug}/"' in html
    assert f'href="{prefix}/costs/"' in html
