"""The public directory in a real browser: search, filters, clinic page, compare, preferences.

Each test makes its own rows (the live server needs a transactional database) and reuses the
session's Chromium. With JavaScript, htmx swaps fragments: a `window.__marker` set before an
action and still there after it proves that no full page load happened.
"""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from saisei.registry.models import Facility
from tests.factories import make_facility, make_rates

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KINKI = {"prefecture": "Osaka", "prefecture_ja": "大阪府", "region": "Kinki", "region_ja": "近畿"}
GINZA_TITLE = "自己脂肪由来間葉系幹細胞（培養）を用いた変形性膝関節症の治療"
GINZA_PLAN = {
    "modality": "adipose_msc",
    "cultured": True,
    "intra_articular": True,
    "title_ja": GINZA_TITLE,
    "prices": [{"amount_jpy": 990_000, "unit": "片膝", "excerpt": "片膝 990,000円（税込）"}],
}


@pytest.fixture
def clinics() -> dict[str, Facility]:
    """Stem cell clinics in Tokyo and Osaka with prices, a PRP clinic, one without a price."""
    make_rates()
    return {
        "ginza": make_facility(
            name_ja="銀座幹細胞クリニック",
            name_romaji="Ginza Stem Cell Clinic",
            slug="ginza-stem-cell-clinic",
            plans=[GINZA_PLAN],
        ),
        "umeda": make_facility(
            name_ja="梅田膝クリニック",
            name_romaji="Umeda Knee Clinic",
            slug="umeda-knee-clinic",
            plans=[{"modality": "svf", "prices": [{"amount_jpy": 1_650_000}]}],
            **KINKI,
        ),
        "namba": make_facility(
            name_ja="難波再生医療クリニック",
            name_romaji="Namba Regenerative Clinic",
            slug="namba-regenerative-clinic",
            plans=[{"modality": "adipose_msc", "prices": [{"amount_jpy": 1_320_000}]}],
            **KINKI,
        ),
        "prp": make_facility(
            name_ja="札幌PRPクリニック",
            name_romaji="Sapporo PRP Clinic",
            slug="sapporo-prp-clinic",
            prefecture="Hokkaido",
            prefecture_ja="北海道",
            region="Hokkaido",
            region_ja="北海道",
            plans=[
                {
                    "modality": "prp",
                    "title_ja": "自己多血小板血漿（PRP）を用いた変形性膝関節症の治療",
                    "prices": [{"amount_jpy": 55_000}],
                }
            ],
        ),
        "no_price": make_facility(
            name_ja="価格なし医院",
            name_romaji="Kakaku Nashi Clinic",
            slug="kakaku-nashi-clinic",
            plans=[{"modality": "adipose_msc"}],
        ),
    }


def card_names(page: Page):
    return page.locator("#results .clinic-card h2")


def card(page: Page, name: str):
    return page.locator(".clinic-card").filter(has=page.get_by_role("heading", name=name))


def set_marker(page: Page) -> None:
    page.evaluate("window.__marker = 1")


def assert_no_reload(page: Page) -> None:
    assert page.evaluate("window.__marker") == 1, "the page was reloaded"


# 1. Search


def test_search_updates_the_results_in_place(page: Page, clinics):
    page.goto("/clinics/")
    expect(page.locator(".result-count")).to_contain_text("5 clinics found")
    set_marker(page)

    page.get_by_role("searchbox", name="Search").fill("Ginza")

    expect(page).to_have_url(re.compile(r"[?&]q=Ginza(&|$)"))
    expect(page.locator(".result-count")).to_contain_text("1 clinic found")
    expect(card_names(page)).to_have_text(["Ginza Stem Cell Clinic"])
    expect(page.locator("#results-status")).to_have_text("1 clinic found")
    assert_no_reload(page)


# 2. Filters with JavaScript


def test_filters_with_js_update_the_results_and_the_shareable_url(page: Page, clinics):
    page.goto("/clinics/")
    set_marker(page)

    page.get_by_role("radio", name="Stem cells", exact=True).check()

    expect(page).to_have_url(re.compile(r"kind=stem_cells"))
    stem_clinics = [
        "Ginza Stem Cell Clinic",
        "Kakaku Nashi Clinic",
        "Namba Regenerative Clinic",
        "Umeda Knee Clinic",
    ]
    expect(card_names(page)).to_have_text(stem_clinics)
    assert_no_reload(page)

    page.reload()
    expect(card_names(page)).to_have_text(stem_clinics)
    expect(page.get_by_role("radio", name="Stem cells", exact=True)).to_be_checked()

    set_marker(page)
    page.get_by_text("More filters").click()
    page.get_by_label("Region").select_option("kinki")

    expect(page).to_have_url(re.compile(r"region=kinki"))
    expect(card_names(page)).to_have_text(["Namba Regenerative Clinic", "Umeda Knee Clinic"])
    expect(page.locator(".result-count")).to_contain_text("2 clinics found")
    assert_no_reload(page)


def test_back_button_restores_the_whole_list_page(page: Page, clinics):
    page.goto("/clinics/")
    page.get_by_role("radio", name="Stem cells", exact=True).check()
    expect(page).to_have_url(re.compile(r"kind=stem_cells"))
    page.get_by_text("More filters").click()
    page.get_by_label("Region").select_option("kinki")
    expect(card_names(page)).to_have_count(2)

    page.go_back()

    expect(page).to_have_url(re.compile(r"kind=stem_cells&region=&"))
    expect(card_names(page)).to_have_count(4)
    expect(page.locator("header.site-header")).to_have_count(1)
    expect(page.locator("#filters")).to_have_count(1)
    expect(page.get_by_role("radio", name="Stem cells", exact=True)).to_be_checked()
    expect(page.get_by_label("Region")).to_have_value("")


def test_back_from_a_clinic_page_to_filtered_results(page: Page, clinics):
    page.goto("/clinics/")
    page.get_by_role("radio", name="Stem cells", exact=True).check()
    expect(page).to_have_url(re.compile(r"kind=stem_cells"))
    page.get_by_role("link", name="Umeda Knee Clinic").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Umeda Knee Clinic")

    page.go_back()

    expect(page).to_have_url(re.compile(r"kind=stem_cells"))
    page.wait_for_load_state()
    expect(page.locator("#filters")).to_have_count(1, timeout=1_000)
    expect(card_names(page)).to_have_count(4)


# 3. Filters and pagination without JavaScript


def test_filters_without_js_are_a_plain_form(page_without_js: Page, clinics):
    page = page_without_js
    page.goto("/clinics/")
    page.get_by_role("radio", name="Stem cells", exact=True).check()
    page.get_by_text("More filters").click()
    page.get_by_label("Region").select_option("kinki")

    with page.expect_navigation():
        page.get_by_role("button", name="Show clinics").click()

    expect(page).to_have_url(re.compile(r"/clinics/\?.*kind=stem_cells.*region=kinki"))
    expect(card_names(page)).to_have_text(["Namba Regenerative Clinic", "Umeda Knee Clinic"])
    expect(page.get_by_role("radio", name="Stem cells", exact=True)).to_be_checked()
    expect(page.get_by_label("Region")).to_have_value("kinki")
    expect(page.locator("details.more-filters")).to_have_attribute("open", "")


def test_pagination_without_js(page_without_js: Page):
    make_rates()
    for n in range(21):
        make_facility(name_romaji=f"Paged Clinic {n:02d}", plans=[{"modality": "prp"}])
    page = page_without_js
    page.goto("/clinics/?kind=blood")
    expect(page.locator(".result-count")).to_contain_text("21 clinics found · page 1 of 2")
    expect(card_names(page)).to_have_count(20)

    page.get_by_role("link", name="Next").click()

    expect(page).to_have_url(re.compile(r"/clinics/\?kind=blood&page=2$"))
    expect(card_names(page)).to_have_text(["Paged Clinic 20"])
    page.get_by_role("link", name="Previous").click()
    expect(page).to_have_url(re.compile(r"/clinics/\?kind=blood&page=1$"))
    expect(card_names(page)).to_have_count(20)


# 4. A clinic's page


def test_clinic_page_shows_the_plan_price_and_its_source(page: Page, clinics):
    page.goto("/clinics/")
    page.get_by_role("link", name="Ginza Stem Cell Clinic").click()

    expect(page).to_have_url(re.compile(r"/clinics/ginza-stem-cell-clinic/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Ginza Stem Cell Clinic")
    plan = page.locator("article.plan")
    expect(plan).to_have_count(1)
    expect(plan.locator(".title-ja")).to_have_text(GINZA_TITLE)
    price = plan.locator("td.amount")
    expect(price).to_contain_text("¥990,000")
    expect(price.locator(".approx")).to_have_text("≈\u00a0US$6,450")

    excerpt = plan.locator("blockquote")
    expect(excerpt).to_be_hidden()
    plan.get_by_text("Excerpt").click()
    expect(excerpt).to_be_visible()
    expect(excerpt).to_have_text("片膝 990,000円（税込）")

    # Requesting a quote needs an account: the button leads to the sign-in page.
    page.locator(".clinic-actions").get_by_role("link", name="Request a quote").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/quotes/new/"))


# 5. Compare


def test_add_to_compare_with_js(page: Page, clinics):
    page.goto("/clinics/")
    count = page.locator("#compare-link .count")
    expect(count).to_have_text("0")
    set_marker(page)

    for n, name in enumerate(["Ginza Stem Cell Clinic", "Sapporo PRP Clinic"], start=1):
        card(page, name).get_by_role("button", name="Add to compare").click()
        expect(card(page, name).get_by_role("button", name="Remove from compare")).to_be_visible()
        expect(count).to_have_text(str(n))
    assert_no_reload(page)

    page.locator("#compare-link a").click()
    expect(page).to_have_url(re.compile(r"/compare/$"))
    assert_compare_table(page, ["Ginza Stem Cell Clinic", "Sapporo PRP Clinic"])


def test_add_to_compare_without_js(page_without_js: Page, clinics):
    page = page_without_js
    page.goto("/clinics/?kind=stem_cells")
    for n, name in enumerate(["Umeda Knee Clinic", "Namba Regenerative Clinic"], start=1):
        with page.expect_navigation():
            card(page, name).get_by_role("button", name="Add to compare").click()
        expect(page).to_have_url(re.compile(r"/clinics/\?kind=stem_cells$"))
        expect(page.get_by_text("Your compare list was updated.")).to_be_visible()
        expect(card(page, name).get_by_role("button", name="Remove from compare")).to_be_visible()
        expect(page.locator("#compare-link .count")).to_have_text(str(n))

    page.locator("#compare-link a").click()
    assert_compare_table(page, ["Umeda Knee Clinic", "Namba Regenerative Clinic"])


def assert_compare_table(page: Page, names: list[str]) -> None:
    table = page.locator("table.compare")
    expect(table.locator("thead th a")).to_have_text(names)
    rows = table.locator("tbody tr")
    assert rows.count() >= 10
    for i in range(rows.count()):
        expect(rows.nth(i).locator("th")).to_have_count(1)
        expect(rows.nth(i).locator("td")).to_have_count(len(names))


# 6. Language


def test_switching_language_keeps_the_page(page: Page, clinics):
    page.goto("/clinics/ginza-stem-cell-clinic/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_role("link", name="日本語").click()
    expect(page).to_have_url(re.compile(r"^https?://[^/]+/ja/clinics/ginza-stem-cell-clinic/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    expect(page.locator("h1 + .name-ja")).to_have_text("銀座幹細胞クリニック")

    page.get_by_role("link", name="简体中文").click()
    expect(page).to_have_url(
        re.compile(r"^https?://[^/]+/zh-hans/clinics/ginza-stem-cell-clinic/$")
    )
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.locator("h1 + .name-ja")).to_have_text("銀座幹細胞クリニック")

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"^https?://[^/]+/clinics/ginza-stem-cell-clinic/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_language_links_keep_the_filters(page: Page, clinics):
    page.goto("/clinics/?kind=stem_cells&region=kinki")
    page.get_by_role("link", name="日本語").click()
    expect(page).to_have_url(re.compile(r"/ja/clinics/\?kind=stem_cells&region=kinki$"))
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    expect(card_names(page)).to_have_count(2)


# 7. Currency


def ginza_price(page: Page):
    return card(page, "Ginza Stem Cell Clinic").locator(".price")


def test_currency_select_submits_itself_with_js(page: Page, clinics):
    page.goto("/clinics/?kind=stem_cells")
    expect(ginza_price(page)).to_contain_text("US$6,450")
    expect(page.get_by_role("button", name="Apply")).to_be_hidden()

    with page.expect_navigation(url=re.compile(r"/clinics/\?kind=stem_cells$")):
        page.get_by_label("Currency").select_option("EUR")

    expect(ginza_price(page)).to_contain_text("€5,560")
    expect(page.get_by_label("Currency")).to_have_value("EUR")
    page.goto("/clinics/ginza-stem-cell-clinic/")
    expect(page.locator("td.amount .approx")).to_have_text("≈\u00a0€5,560")


def test_currency_without_js_has_an_apply_button(page_without_js: Page, clinics):
    page = page_without_js
    page.goto("/clinics/ginza-stem-cell-clinic/")
    page.get_by_label("Currency").select_option("EUR")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply").click()

    expect(page).to_have_url(re.compile(r"/clinics/ginza-stem-cell-clinic/$"))
    expect(page.locator("td.amount .approx")).to_have_text("≈\u00a0€5,560")
    expect(page.get_by_label("Currency")).to_have_value("EUR")


def test_preferences_after_filtering_with_js_keep_the_filters(page: Page, clinics):
    page.goto("/clinics/")
    page.get_by_role("radio", name="Stem cells", exact=True).check()
    expect(page).to_have_url(re.compile(r"kind=stem_cells"))

    with page.expect_navigation():
        page.get_by_label("Currency").select_option("EUR")

    expect(page).to_have_url(re.compile(r"kind=stem_cells"), timeout=1_000)
    expect(page.get_by_role("link", name="日本語")).to_have_attribute(
        "href", re.compile(r"kind=stem_cells"), timeout=1_000
    )


# 8. Keyboard


def test_skip_link_is_the_first_tab_stop(page: Page, clinics):
    page.goto("/clinics/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    expect(page.locator("main")).to_be_focused()


# 9. Phone width


@pytest.fixture
def phone(browser: Browser, live_server) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_server.url,
        locale="en-GB",
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def scroll_width(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_no_horizontal_scroll_at_phone_width(phone: Page, clinics):
    for path in ("/clinics/", "/clinics/ginza-stem-cell-clinic/"):
        phone.goto(path)
        expect(phone.get_by_role("heading", level=1)).to_be_visible()
        assert scroll_width(phone) <= 390, path
    phone.goto("/compare/?c=ginza-stem-cell-clinic&c=umeda-knee-clinic&c=sapporo-prp-clinic")
    expect(phone.locator("table.compare")).to_be_visible()
    assert scroll_width(phone) <= 390, "compare"


# 10. Console errors and CSP


CSP_LISTENER = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def test_no_console_errors_or_csp_violations(page: Page, clinics):
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.add_init_script(CSP_LISTENER)

    def check(where: str) -> None:
        assert page.evaluate("window.__csp") == [], where
        assert errors == [], where

    page.goto("/clinics/")
    page.get_by_role("radio", name="Stem cells", exact=True).check()
    expect(page).to_have_url(re.compile(r"kind=stem_cells"))
    for n, name in enumerate(["Ginza Stem Cell Clinic", "Umeda Knee Clinic"], start=1):
        # One at a time: two concurrent POSTs would race on the session.
        card(page, name).get_by_role("button", name="Add to compare").click()
        expect(page.locator("#compare-link .count")).to_have_text(str(n))
    check("list")

    page.get_by_role("link", name="Ginza Stem Cell Clinic").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ginza Stem Cell Clinic")
    page.get_by_text("Request a quote").click()
    check("clinic")

    page.locator("#compare-link a").click()
    expect(page.locator("table.compare")).to_be_visible()
    check("compare")
