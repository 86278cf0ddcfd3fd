"""alice signs in, plans a journey, saves it, finds it in her list with its reminders and
cancels one, in Chromium."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from saisei.journeys.models import JourneyPlan
from saisei.journeys.services import import_visa_rules, today_in_japan
from saisei.journeys.visa import VISA_EXEMPTIONS_FILE
from tests.browser.axe import axe_violations
from tests.factories import make_rates
from tests.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_alice_saves_a_plan_and_cancels_one_reminder(page: Page, alice):
    make_rates()
    import_visa_rules(VISA_EXEMPTIONS_FILE, actor_label="test")
    start = (today_in_japan() + timedelta(days=50)).isoformat()

    page.goto("/journey/saved/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    page.get_by_label("Email").fill(alice.email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", name="My saved journey plans")).to_be_visible()

    page.get_by_role("link", name="Plan a journey").last.click()
    page.get_by_label("Nationality (as on your passport)").select_option(label="Australia")
    page.get_by_label("Home airport (city or country)").fill("Perth")
    page.get_by_label("Earliest arrival in Japan").fill(start)
    page.get_by_role("button", name="Plan my journey").click()
    result = page.locator("#result")
    expect(result.get_by_text("Fly from Perth and arrive in Japan (visit 1)")).to_be_visible()
    result.get_by_label("Name for this plan (optional)").fill("Perth to Tokyo")
    result.get_by_role("button", name="Save this plan").click()

    expect(page.get_by_role("heading", name="Perth to Tokyo", level=1)).to_be_visible()
    expect(page.get_by_text("Your plan was saved.")).to_be_visible()
    reminders = page.locator("tr.reminder")
    expect(reminders).to_have_count(6)
    expect(reminders.first).to_contain_text("Trip to Japan (visit 1)")
    assert axe_violations(page) == []

    page.get_by_role("link", name="My saved journey plans").click()
    expect(page.get_by_role("link", name="Perth to Tokyo")).to_be_visible()
    expect(page.get_by_text("6 reminders to come.")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Perth to Tokyo").click()

    reminders.first.get_by_role("button", name="Cancel this reminder").click()
    expect(page.get_by_text("The reminder was cancelled.")).to_be_visible()
    expect(reminders.first).to_contain_text("Cancelled")
    expect(page.get_by_role("button", name="Cancel this reminder")).to_have_count(5)
    plan = JourneyPlan.objects.get(owner=alice)
    assert plan.reminders.filter(cancelled_at__isnull=False).count() == 1
