"""A patient answers a baseline and a 6-month questionnaire from e-mailed links on a phone,
and the clinic page's result updates."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from saisei.outcomes import clock, reminders, services
from tests.outcomes.helpers import treated

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LINK = re.compile(r"https?://[^/\s]+(/outcomes/answer/[^\s\"<]+/)")


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url,
        locale="en-GB",
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def answer_link(subject_part: str) -> str:
    message = next(m for m in reversed(mail.outbox) if subject_part in m.subject)
    match = LINK.search(str(message.body))
    assert match, message.body
    return match.group(1)


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_patient_answers_from_emailed_links_on_a_phone_and_the_clinic_page_updates(
    phone, monkeypatch, alice, carol, clinic_a
):
    # Nine earlier patients answered at baseline and 6 months: too few for a share.
    earlier = timezone.localdate() - timedelta(days=200)
    for pain_at_6_months in (2, 2, 3, 3, 3, 4, 4, 6, 7):
        treated(clinic_a, injection=earlier, baseline=7, follow_up={"m6": pain_at_6_months})
    phone.goto(f"/clinics/{clinic_a.slug}/")
    expect(phone.locator("#outcomes")).to_contain_text("9 patients have answered")

    # Alice plans her injection for next week: the baseline link arrives by e-mail.
    injection = timezone.localdate() + timedelta(days=7)
    treatment = services.plan_treatment(alice, clinic_a, injection_date=injection)
    phone.goto(answer_link("Before the injection"))
    expect(phone.get_by_role("heading", level=1)).to_have_text("Knee pain")
    assert fits_the_screen(phone)
    phone.get_by_label("7", exact=True).check()
    phone.get_by_role("button", name="Save and continue").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Walking, stairs and pain medicine")
    phone.get_by_label("100 to 500 m").check()
    phone.get_by_label("A lot of difficulty").check()
    phone.get_by_label("3 to 5 days").check()
    assert fits_the_screen(phone)
    phone.get_by_role("button", name="Save and send").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you")

    # Six months after the injection (the clinic marked it done, Alice confirmed), the daily
    # job e-mails the 6-month link.
    later = timezone.now() + timedelta(days=7 + 183)
    monkeypatch.setattr(clock, "now", lambda: later)
    services.mark_done(treatment, carol, injection_date=injection)
    services.confirm(treatment, alice)
    assert reminders.send_due().invitations == 1
    phone.goto(answer_link("6 months after"))
    phone.get_by_label("3", exact=True).check()
    phone.get_by_role("button", name="Save and continue").click()
    phone.get_by_label("Much better", exact=True).check()
    phone.get_by_role("button", name="Save and continue").click()
    phone.get_by_label("500 m to 1 km").check()
    phone.get_by_role("button", name="Save and send").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you")

    # Ten patients now: the share appears, with n, interval and completeness.
    phone.goto(f"/clinics/{clinic_a.slug}/")
    results = phone.locator("#outcomes")
    expect(results).to_contain_text("8 of 10 patients improved")
    expect(results).to_contain_text("95 percent Wilson interval")
    expect(results).to_contain_text("Answered at 6 months: 10 of 10")
    expect(results.get_by_role("img")).to_have_count(1)  # the SVG chart, named by its title
    assert fits_the_screen(phone)


def test_questionnaire_works_without_javascript_and_keeps_a_saved_page(
    page_without_js, alice, clinic_a
):
    injection = timezone.localdate() + timedelta(days=7)
    services.plan_treatment(alice, clinic_a, injection_date=injection)
    link = answer_link("Before the injection")
    page_without_js.goto(link)
    page_without_js.get_by_label("4", exact=True).check()
    page_without_js.get_by_role("button", name="Save and continue").click()
    expect(page_without_js.get_by_text("Page 2 of 2")).to_be_visible()
    # The connection dropped here: the link opens the next page, the first is still saved.
    page_without_js.goto(link)
    expect(page_without_js.get_by_text("Page 2 of 2")).to_be_visible()
    page_without_js.get_by_role("button", name="Save and go back").click()
    expect(page_without_js.get_by_label("4", exact=True)).to_be_checked()
