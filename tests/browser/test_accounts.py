"""Accounts in a real browser: sign up with the e-mailed link; staff sign in with TOTP."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from saisei.clinics.models import ClinicProfile
from tests.accounts.helpers import last_link
from tests.personas import PASSWORD, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "a much longer passphrase 42"


def test_sign_up_read_the_mail_verify_and_sign_in(page: Page):
    page.goto("/")
    page.get_by_role("link", name="Sign up").click()
    page.get_by_label("Email").fill("erin@example.com")
    page.get_by_label("Password:", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Password (again)").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()
    assert [m.to for m in mail.outbox] == [["erin@example.com"]]
    page.goto(last_link("erin@example.com"))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="My account")).to_be_visible()
    page.get_by_role("link", name="Sign out").click()
    page.get_by_role("button", name="Sign Out").click()
    page.get_by_role("link", name="Sign in").click()
    page.get_by_label("Email").fill("erin@example.com")
    page.get_by_label("Password:", exact=True).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_text("Signed in as erin@example.com.", exact=True)).to_be_visible()


def test_carol_signs_in_with_totp_and_edits_her_profile(page: Page, carol, clinic_a):
    page.goto(f"/clinics/{clinic_a.slug}/manage/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    page.get_by_label("Email").fill(carol.email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.get_by_label("Code").fill(totp_code(carol))
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", name="Manage Test Regenerative Clinic A")).to_be_visible()
    page.get_by_label("Display name (English)").fill("Clinic A Knee Centre")
    page.get_by_label("How to get there (English)").fill("Two minutes from Example Station")
    page.get_by_role("button", name="Save the profile").click()
    expect(page.get_by_text("The profile was saved.")).to_be_visible()
    assert ClinicProfile.objects.get(facility=clinic_a).display_name_en == "Clinic A Knee Centre"
    page.goto(f"/clinics/{clinic_a.slug}/")
    expect(page.get_by_role("heading", name="Clinic A Knee Centre", level=1)).to_be_visible()
    expect(page.get_by_text("Two minutes from Example Station")).to_be_visible()
