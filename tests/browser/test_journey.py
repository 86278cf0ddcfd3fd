"""The journey planner in a real browser: a US and a Thai patient plan a journey, download the
calendar and open the printable page."""

from datetime import datetime, timedelta

import icalendar
import pytest
from playwright.sync_api import Page, expect

from saisei.journeys.services import import_visa_rules, today_in_japan
from saisei.journeys.visa import VISA_EXEMPTIONS_FILE
from tests.factories import make_facility, make_rates

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLAN = {
    "modality": "adipose_msc",
    "cultured": True,
    "intra_articular": True,
    "title_ja": "自己脂肪由来間葉系幹細胞（培養）を用いた変形性膝関節症の治療",
    "prices": [{"amount_jpy": 990_000, "unit": "片膝", "excerpt": "片膝 990,000円（税込）"}],
}


@pytest.fixture
def planner_data():
    make_rates(THB="37.5")
    import_visa_rules(VISA_EXEMPTIONS_FILE, actor_label="test")
    return make_facility(
        name_ja="銀座幹細胞クリニック",
        name_romaji="Ginza Stem Cell Clinic",
        slug="ginza-stem-cell-clinic",
        plans=[PLAN],
    )


def fill_and_plan(page: Page, nationality: str, start: str, home: str) -> None:
    page.get_by_label("Nationality (as on your passport)").select_option(label=nationality)
    page.get_by_label("Home airport (city or country)").fill(home)
    page.get_by_label("Earliest arrival in Japan").fill(start)


def test_us_patient_plans_downloads_the_calendar_and_prints(page: Page, planner_data, tmp_path):
    start = (today_in_japan() + timedelta(days=45)).isoformat()
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Plan a journey").click()
    expect(page.get_by_role("heading", name="Plan your treatment journey")).to_be_visible()
    fill_and_plan(page, "United States of America", start, "Los Angeles")
    page.get_by_role("button", name="Plan my journey").click()
    result = page.locator("#result")
    expect(result.get_by_text("Fly from Los Angeles and arrive in Japan (visit 1)")).to_be_visible()
    expect(result.get_by_role("cell", name="Fits visa-free entry")).to_have_count(2)
    assert f"start={start}" in page.url and "nationality=US" in page.url

    with page.expect_download() as download_info:
        result.get_by_role("link", name="Download the calendar (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == f"saisei-journey-{start}.ics"
    path = tmp_path / "plan.ics"
    download.save_as(path)
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = calendar.walk("VEVENT")
    assert all(e.get("UID") and e.get("DTSTAMP") for e in events)
    first = min(e.decoded("DTSTART") for e in events)
    assert isinstance(first, datetime) and first.date().isoformat() == start

    result.get_by_role("link", name="Printable page").click()
    expect(page.get_by_role("heading", name="Your treatment journey plan")).to_be_visible()
    expect(page.locator("#journey-form")).to_have_count(0)
    page.emulate_media(media="print")
    expect(page.locator(".site-header .main-nav")).to_be_hidden()
    assert page.pdf().startswith(b"%PDF")


def test_thai_patient_staying_through_sees_the_medical_stay_visa(page: Page, planner_data):
    start = (today_in_japan() + timedelta(days=60)).isoformat()
    page.goto("/clinics/ginza-stem-cell-clinic/")
    page.get_by_role("link", name="Plan a journey to this clinic").click()
    expect(page.get_by_label("Clinic or template")).to_have_value("ginza-stem-cell-clinic")
    fill_and_plan(page, "Thailand", start, "Bangkok")
    page.get_by_text("Your travel cost estimates").click()
    page.get_by_label("Currency of your estimates").select_option("THB")
    page.get_by_role("button", name="Plan my journey").click()
    result = page.locator("#result")
    expect(result.get_by_text("Treatment at Ginza Stem Cell Clinic.")).to_be_visible()
    expect(result.get_by_role("cell", name="Fits visa-free entry")).to_have_count(2)

    page.evaluate("window.__marker = 1")
    page.get_by_label("Stay in Japan through the culture period").check()
    expect(result.get_by_text("Needs a visa: Visa for Medical Stay (90 days)")).to_be_visible()
    expect(result.get_by_role("heading", name="The Visa for Medical Stay")).to_be_visible()
    expect(result.get_by_text("A visa is never guaranteed")).to_be_visible()
    assert page.evaluate("window.__marker") == 1  # htmx refreshed the result in place
    assert "stay_through=on" in page.url

    with page.expect_download() as download_info:
        result.get_by_role("link", name="Download the calendar (.ics)").click()
    calendar = icalendar.Calendar.from_ical(download_info.value.path().read_bytes())
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert "Apply for the Visa for Medical Stay by this day" in summaries
    assert "Fly home to Bangkok" in summaries

    result.get_by_role("link", name="Printable page").click()
    expect(page.get_by_role("heading", name="The Visa for Medical Stay")).to_be_visible()


def test_the_planner_works_without_javascript(page_without_js: Page, planner_data):
    page = page_without_js
    start = (today_in_japan() + timedelta(days=30)).isoformat()
    page.goto("/journey/")
    fill_and_plan(page, "Thailand", start, "Chiang Mai")
    page.get_by_label("Stay in Japan through the culture period").check()
    page.get_by_role("button", name="Plan my journey").click()
    expect(page.get_by_text("Needs a visa: Visa for Medical Stay (90 days)")).to_be_visible()
    page.get_by_label("Earliest arrival in Japan").fill("2020-01-01")
    page.get_by_role("button", name="Plan my journey").click()
    expect(page.get_by_role("alert")).to_contain_text("This date is in the past")
