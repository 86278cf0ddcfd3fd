"""alice (confirmed treatment from an accepted quote) writes a review, carol replies, bob
reports it, mia keeps it; the clinic page shows the review, the reply and the price figure."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from saisei.reviews.models import Review
from tests.personas import PASSWORD, totp_code
from tests.reviews.conftest import QUOTED_TOTAL, accepted_treatment, confirm

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ASPECTS = ["Communication", "Honesty of the final price compared with the quote", "Facilities"]


def signed_in(browser: Browser, live_server, user, path: str, *, totp: bool = False) -> Page:
    """A page in its own browser context (close it with page.context.close())."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(path)
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    if totp:
        page.get_by_label("Code").fill(totp_code(user))
        page.get_by_role("button", name="Sign In").click()
    return page


def test_review_reply_report_and_keep(
    page: Page, browser: Browser, live_server, alice, bob, carol, mia, clinic_a
):
    treatment = confirm(accepted_treatment(alice, clinic_a, carol), carol, alice)

    patient = signed_in(browser, live_server, alice, f"/reviews/write/{treatment.pk}/")
    expect(patient.get_by_role("heading", level=1)).to_contain_text("Review")
    expect(patient.get_by_role("main")).to_contain_text("Please do not rate whether the treatment")
    for aspect in [*ASPECTS, "Aftercare"]:
        group = patient.get_by_role("group", name=aspect)
        group.get_by_label("4", exact=True).check()
        group.get_by_role("textbox").fill(f"{aspect}: as expected.")
    patient.get_by_role("group", name="Interpreter").get_by_label("I did not need one").check()
    patient.get_by_label("Final price you paid").fill(str(QUOTED_TOTAL + 20_000))
    patient.get_by_role("button", name="Publish the review").click()
    expect(patient).to_have_url(re.compile(rf"/clinics/{clinic_a.slug}/#reviews$"))
    expect(patient.locator("#reviews")).to_contain_text("Communication: as expected.")
    review = Review.objects.get()
    patient.context.close()

    clinic = signed_in(
        browser, live_server, carol, f"/clinics/{clinic_a.slug}/manage/reviews/", totp=True
    )
    clinic.get_by_label("Your public reply").fill("Thank you for choosing us.")
    clinic.get_by_role("button", name="Publish the reply").click()
    expect(clinic.get_by_role("main")).to_contain_text("Your reply: Thank you for choosing us.")
    clinic.context.close()

    reporter = signed_in(browser, live_server, bob, f"/reviews/{review.pk}/report/")
    reporter.get_by_label("Which content rule").fill("I think this is advertising.")
    reporter.get_by_role("button", name="Send the report").click()
    expect(reporter.locator("body")).to_contain_text("a moderator will look at this review")
    reporter.context.close()

    moderator = signed_in(browser, live_server, mia, "/moderation/reviews/", totp=True)
    expect(moderator.get_by_role("main")).to_contain_text("I think this is advertising.")
    moderator.get_by_label("Keep the review").check()
    moderator.get_by_label("Reason").fill("An ordinary review of the visit.")
    moderator.get_by_role("button", name="Save the decision").click()
    expect(moderator.get_by_role("main")).to_contain_text("Nothing is waiting.")
    moderator.context.close()

    page.goto(f"/clinics/{clinic_a.slug}/")
    reviews = page.locator("#reviews")
    expect(reviews).to_contain_text("Facilities: as expected.")
    expect(reviews).to_contain_text("Thank you for choosing us.")
    expect(reviews).to_contain_text("Final price within 5% of the quote: 1 of 1 reviews")
    expect(reviews.get_by_role("table")).to_contain_text("4.0 of 5")
