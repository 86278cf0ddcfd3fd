"""The guide, costs, self-check and sharing in a real browser, and axe-core on every main page."""

import pytest
from playwright.sync_api import Browser, Page, expect

from saisei.registry.models import Facility
from tests.browser import test_directory
from tests.browser.axe import axe_violations
from tests.browser.test_directory import CSP_LISTENER, scroll_width
from tests.factories import make_facility, make_rates

phone = test_directory.phone  # the 390 px phone context fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def clinics() -> dict[str, Facility]:
    make_rates()
    return {
        "ginza": make_facility(
            name_ja="銀座幹細胞クリニック",
            name_romaji="Ginza Stem Cell Clinic",
            slug="ginza-stem-cell-clinic",
            plans=[
                {
                    "modality": "adipose_msc",
                    "cultured": True,
                    "intra_articular": True,
                    "prices": [{"amount_jpy": 990_000, "unit": "片膝"}],
                }
            ],
        ),
        "umeda": make_facility(
            name_ja="梅田膝クリニック",
            name_romaji="Umeda Knee Clinic",
            slug="umeda-knee-clinic",
            prefecture="Osaka",
            prefecture_ja="大阪府",
            plans=[{"modality": "prp", "title_ja": "PRP療法", "prices": [{"amount_jpy": 55_000}]}],
        ),
    }


PAGES = {
    "home": "/",
    "search": "/clinics/?kind=stem_cells",
    "clinic": "/clinics/ginza-stem-cell-clinic/",
    "compare": "/compare/?c=ginza-stem-cell-clinic&c=umeda-knee-clinic",
    "guide": "/guide/treatment/",
    "evidence": "/guide/evidence/",
    "faq": "/guide/faq/",
    "self-check": "/guide/am-i-a-candidate/?check=1&grade=4&knees=both",
    "costs": "/costs/",
    "journey": "/journey/",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_accessibility_violations(page: Page, clinics, name):
    page.goto(PAGES[name])
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("name", ["guide", "costs"])
def test_axe_finds_no_violations_in_japanese_and_chinese(page: Page, clinics, name):
    for prefix in ("/ja", "/zh-hans"):
        page.goto(prefix + PAGES[name])
        assert axe_violations(page) == [], prefix


def test_json_ld_and_share_script_cause_no_csp_violation_or_console_error(page: Page, clinics):
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.add_init_script(CSP_LISTENER)
    for path in (PAGES["faq"], PAGES["clinic"], PAGES["costs"]):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert page.evaluate("window.__csp") == [], path
        assert page.locator('script[type="application/ld+json"]').count() == (
            0 if path == PAGES["costs"] else 1
        )
    assert errors == []


def test_share_button_copies_the_link_when_there_is_no_web_share(
    browser: Browser, live_server, clinics
):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    context.add_init_script("delete Navigator.prototype.share; delete navigator.share;")
    page = context.new_page()
    try:
        page.goto(PAGES["clinic"])
        button = page.get_by_role("button", name="Copy link")
        expect(button).to_be_visible()
        button.click()
        expect(page.locator(".share-status")).to_have_text("Link copied.")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == f"{live_server.url}/clinics/ginza-stem-cell-clinic/"
    finally:
        context.close()


def test_share_button_uses_the_web_share_api_where_the_browser_has_it(page: Page, clinics):
    page.add_init_script(
        "window.__shared = []; navigator.share = (data) => {"
        " window.__shared.push(data); return Promise.resolve(); };"
    )
    page.goto(PAGES["clinic"])
    page.get_by_role("button", name="Share…").click()
    shared = page.evaluate("window.__shared")
    assert len(shared) == 1
    assert shared[0]["url"].endswith("/clinics/ginza-stem-cell-clinic/")
    assert shared[0]["title"] == "Ginza Stem Cell Clinic"


def test_without_javascript_the_share_links_remain_and_the_button_is_hidden(
    page_without_js: Page, clinics
):
    page_without_js.goto(PAGES["clinic"])
    expect(page_without_js.get_by_role("link", name="LINE")).to_be_visible()
    expect(page_without_js.get_by_role("link", name="E-mail")).to_be_visible()
    expect(page_without_js.get_by_label("Link to this page")).to_have_value(
        page_without_js.url.split("?")[0]
    )
    expect(page_without_js.get_by_role("button", name="Share…")).to_be_hidden()


def test_self_check_works_with_the_keyboard_and_keeps_nothing(page: Page, clinics):
    page.goto("/guide/am-i-a-candidate/")
    page.get_by_label("Grade 4 (bone on bone)").check()
    page.get_by_label("Both knees").check()
    page.get_by_label("A bleeding disorder, or blood-thinning medicine").check()
    page.get_by_role("button", name="Show general information").focus()
    page.keyboard.press("Enter")
    result = page.get_by_role("region", name="General information for your answers")
    expect(result).to_contain_text("At grade 4 (bone on bone)")
    expect(result).to_contain_text("Do not stop a blood thinner")
    expect(page.get_by_label("Grade 4 (bone on bone)")).to_be_checked()
    assert page.context.cookies() == [] or all(
        c["name"] != "sessionid" for c in page.context.cookies()
    )


def test_guide_costs_and_self_check_fit_a_phone(phone: Page, clinics):
    for name in ("guide", "evidence", "faq", "self-check", "costs", "clinic"):
        phone.goto(PAGES[name])
        expect(phone.get_by_role("heading", level=1)).to_be_visible()
        assert scroll_width(phone) <= 390, name


def test_guide_is_reachable_from_the_main_navigation(page: Page, clinics):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Guide").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Guide to stem cell and PRP knee treatment in Japan"
    )
    page.get_by_role("link", name="Stem cell and PRP knee treatment, explained").click()
    expect(page.get_by_role("link", name="Source 1", exact=True).first).to_be_visible()
