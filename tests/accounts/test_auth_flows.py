"""allauth flows as Saisei configures them: e-mail login, verification, rate limits, reset."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from saisei.accounts.models import PatientProfile
from saisei.audit.models import AuditEntry
from tests.personas import PASSWORD

from .helpers import last_link

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a much longer passphrase 42"


def sign_up(client, email="erin@example.com"):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )


def test_sign_up_sends_a_verification_mail_only_once_the_transaction_commits(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert mail.outbox == []  # nothing is sent inside the request
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["erin@example.com"]
    assert mail.outbox[0].subject.startswith("[Saisei] ")
    assert "user erin has" not in mail.outbox[0].body  # the username is never shown
    assert "erin@example.com" in mail.outbox[0].body


def test_sign_up_then_verify_from_the_mail_signs_the_patient_in(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client)
    user = User.objects.get(email="erin@example.com")
    assert not EmailAddress.objects.get(user=user).verified
    assert PatientProfile.objects.filter(user=user).exists()
    assert AuditEntry.objects.filter(action="account.signed_up", target_id=str(user.pk)).exists()
    link = last_link("erin@example.com")
    assert client.get(link).status_code == 200  # a confirmation page: GET changes nothing
    assert not EmailAddress.objects.get(user=user).verified
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("accounts:home")).status_code == 200


def test_an_unverified_address_cannot_sign_in(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client)
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_login"), {"login": "erin@example.com", "password": NEW_PASSWORD}
        )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert client.get(reverse("accounts:home")).status_code == 302


def test_sign_up_asks_for_no_username(client):
    html = client.get(reverse("account_signup")).content.decode()
    assert 'name="email"' in html
    assert 'name="username"' not in html


def test_sign_in_with_email_and_password(client, alice):
    response = client.post(reverse("account_login"), {"login": alice.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:home")


def test_repeated_failed_sign_ins_lock_the_address_even_with_the_right_password(client, alice):
    for _ in range(5):
        response = client.post(reverse("account_login"), {"login": alice.email, "password": "no"})
        assert response.status_code == 200
        assert "not correct" in response.content.decode()
    response = client.post(reverse("account_login"), {"login": alice.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert client.get(reverse("accounts:home")).status_code == 302


def test_password_reset_by_mail(client, alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": alice.email})
    assert response.status_code == 302
    link = last_link(alice.email)
    response = client.get(link)
    assert response.status_code == 302  # allauth moves the key into the session
    form_url = response["Location"]
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)


def test_header_links_change_when_signed_in(client, client_for, alice):
    anonymous = client.get(reverse("home")).content.decode()
    assert reverse("account_login") in anonymous
    assert reverse("account_signup") in anonymous
    signed_in = client_for(alice).get(reverse("home")).content.decode()
    assert reverse("accounts:home") in signed_in
    assert reverse("account_logout") in signed_in
    assert reverse("account_signup") not in signed_in


def test_allauth_pages_use_the_site_layout_in_japanese(client):
    html = client.get("/ja" + reverse("account_login")).content.decode()
    assert 'href="/static/css/saisei' in html or "saisei." in html
    assert "ログイン" in html


def test_a_new_account_keeps_the_language_and_currency_it_signed_up_with(
    client, django_capture_on_commit_callbacks
):
    client.cookies["currency"] = "EUR"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/ja" + reverse("account_signup"),
            {"email": "erin@example.com", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        )
    profile = PatientProfile.objects.get(user__email="erin@example.com")
    assert (profile.preferred_language, profile.currency) == ("ja", "EUR")


def test_saving_preferences_also_switches_the_display_currency(client_for, alice):
    response = client_for(alice).post(
        reverse("accounts:preferences"), {"preferred_language": "zh-hans", "currency": "CNY"}
    )
    assert response.status_code == 302
    assert response.cookies["currency"].value == "CNY"
    assert PatientProfile.objects.get(user=alice).preferred_language == "zh-hans"
