"""The whole quote path in Chromium: sign up, request two demo clinics with a file, carol
quotes (after TOTP), dave declines, the patient compares, asks, carol answers, the patient
accepts; both see the final state."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from saisei.accounts.demo import load_demo
from saisei.accounts.models import ClinicMembership
from saisei.quotes.models import QuoteRequest, Upload
from tests.accounts.helpers import last_link
from tests.personas import PASSWORD, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PATIENT = "alice.new@example.com"
PATIENT_PASSWORD = "a much longer passphrase 42"
PDF = b"%PDF-1.4\n% knee x-ray report\n%%EOF\n"


@pytest.fixture
def demo_clinics(carol, dave):
    result = load_demo()
    sakura, minato = result.clinics
    ClinicMembership.objects.create(user=carol, facility=sakura, role="staff")
    ClinicMembership.objects.create(user=dave, facility=minato, role="staff")
    return sakura, minato


def staff_page(browser: Browser, live_server, user, slug: str) -> Page:
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"/clinics/{slug}/manage/quotes/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.get_by_label("Code").fill(totp_code(user))
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", name="Quote requests", level=1)).to_be_visible()
    return page


def sign_up(page: Page) -> None:
    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill(PATIENT)
    page.get_by_label("Password:", exact=True).fill(PATIENT_PASSWORD)
    page.get_by_label("Password (again)").fill(PATIENT_PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()
    page.goto(last_link(PATIENT))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="My account")).to_be_visible()


def send_request(page: Page, sakura, minato) -> None:
    page.goto(f"/compare/?c={sakura.slug}&c={minato.slug}")
    page.get_by_role("link", name="Request a quote from these clinics").click()
    expect(page.get_by_label("Demo Sakura Knee Clinic (fictional)")).to_be_checked()
    expect(page.get_by_label("Demo Minato PRP Clinic (fictional)")).to_be_checked()
    page.get_by_label("Which knee").select_option("left")
    page.get_by_label("Diagnosis, if you know it").fill("Osteoarthritis")
    page.get_by_label("Imaging available").select_option("xray")
    page.get_by_label("Imaging or reports (optional)").set_input_files(
        {"name": "xray-report.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_label("Age range").select_option("60_74")
    page.get_by_label("Nationality").select_option("AU")
    page.get_by_label("Preferred language for the treatment").select_option("en")
    page.get_by_role("button", name="Review what will be sent").click()

    expect(page.get_by_role("heading", name="Check and send your request")).to_be_visible()
    expect(page.locator(".consent-clinics li")).to_have_count(2)
    expect(page.get_by_role("link", name="xray-report.pdf")).to_be_visible()
    page.get_by_label("I agree to send the data above").check()
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_text("Your request was sent.")).to_be_visible()


def test_the_whole_quote_path(page: Page, browser: Browser, live_server, demo_clinics, carol, dave):
    sakura, minato = demo_clinics
    sign_up(page)
    send_request(page, sakura, minato)
    request = QuoteRequest.objects.get(patient__email=PATIENT)
    assert request.status == "open"
    assert Upload.objects.get(request=request).name == "xray-report.pdf"

    # carol answers with an itemised quote.
    clinic = staff_page(browser, live_server, carol, sakura.slug)
    clinic.get_by_role("link", name="Left knee · 60-74").click()
    expect(clinic.get_by_text("Osteoarthritis")).to_be_visible()
    for row, amount in enumerate(["33000", "44000", "220000", "165000", "22000"]):
        clinic.locator(f"#id_form-{row}-amount_jpy").fill(amount)
    clinic.locator("#id_form-4-inclusion").select_option("optional")
    clinic.locator("#id_form-5-kind").select_option("processing")
    clinic.locator("#id_form-5-amount_jpy").fill("1100000")
    clinic.get_by_label("Culture weeks").fill("4")
    clinic.get_by_label("Valid until").fill((timezone.localdate() + timedelta(days=30)).isoformat())
    clinic.get_by_label("When the price may change after examination").fill(
        "If the MRI shows grade 4."
    )
    clinic.get_by_label("Evidence").fill("Small studies; we will send the references.")
    clinic.get_by_role("button", name="Send the quote").click()
    expect(clinic.get_by_text("Your quote was sent to the patient.")).to_be_visible()

    # dave declines.
    other = staff_page(browser, live_server, dave, minato.slug)
    other.get_by_role("link", name="Left knee · 60-74").click()
    other.get_by_label("Reason (the patient reads it)").fill("We only offer PRP.")
    other.get_by_role("button", name="Decline the request").click()
    expect(other.get_by_text("You declined this request")).to_be_visible()

    # The patient compares and asks a question.
    page.goto(f"/quotes/{request.pk}/")
    table = page.locator(".quotes-compare")
    expect(table).to_contain_text("¥1,562,000")  # included items
    expect(table).to_contain_text("¥1,584,000")  # with the optional follow-up
    expect(page.locator(".recipients")).to_contain_text("Declined by the clinic")
    expect(page.locator(".recipients")).to_contain_text("We only offer PRP.")
    expect(page.locator(".flags").first).to_contain_text("The price may change after examination")
    table.get_by_role("link", name="Demo Sakura Knee Clinic (fictional)").click()
    page.get_by_label("Your message").fill("Is the interpreter included?")
    page.get_by_role("button", name="Send the message").click()
    expect(page.get_by_text("Your message was sent.")).to_be_visible()

    # carol answers the question.
    clinic.reload()
    expect(clinic.get_by_text("Is the interpreter included?")).to_be_visible()
    clinic.get_by_label("Your message").fill("Yes, for both visits.")
    clinic.get_by_role("button", name="Send the message").click()
    expect(clinic.get_by_text("Your message was sent.")).to_be_visible()

    # The patient reads the answer and accepts.
    page.reload()
    expect(page.get_by_text("Yes, for both visits.")).to_be_visible()
    page.get_by_role("button", name="Accept this quote").click()
    expect(page.get_by_text("You accepted this quote.")).to_be_visible()
    expect(page.locator(".request-status")).to_contain_text("Quote accepted")

    clinic.reload()
    expect(clinic.locator(".request-status")).to_contain_text("Accepted by the patient")
    clinic.context.close()
    other.context.close()
