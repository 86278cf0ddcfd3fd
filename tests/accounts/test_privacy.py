"""A patient downloads everything held about them, or deletes the account (anonymised, audited)."""

import io
import json
import zipfile

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from saisei.accounts import privacy, services
from saisei.accounts.models import ClinicMembership, ListingClaim, PatientProfile
from saisei.audit.models import AuditEntry
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db


def export(client):
    response = client.post(reverse("accounts:privacy_export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_the_export_holds_the_account_preferences_and_claims(client_for, alice, clinic_a):
    services.update_preferences(alice, preferred_language="ja", currency="EUR")
    services.request_claim(alice, clinic_a, job_title="Nurse", work_email="n@a.jp", phone="1")
    archive = export(client_for(alice))
    data = json.loads(archive.read("data.json"))
    account = data["account"]
    assert account["email"] == alice.email
    assert account["preferences"] == {"preferred_language": "ja", "currency": "EUR"}
    assert account["listing_claims"][0]["work_email"] == "n@a.jp"
    assert {"action": "claim.requested"}.items() <= account["activity"][-1].items()
    assert AuditEntry.objects.filter(action="privacy.exported", actor=alice).exists()


def test_the_export_never_holds_another_users_data(client_for, alice, bob, clinic_a):
    services.request_claim(bob, clinic_a, job_title="Nurse", work_email="bob@a.jp", phone="1")
    text = export(client_for(alice)).read("data.json").decode()
    assert "bob" not in text


def test_the_export_holds_no_totp_secret(client_for, carol):
    text = export(client_for(carol)).read("data.json").decode()
    assert '"type": "totp"' in text
    assert "secret" not in text


def test_apps_plug_their_data_and_files_into_the_export_and_deletion(client_for, alice):
    seen = []

    def files(user):
        yield "scan.pdf", io.BytesIO(b"%PDF-1.4 fake")

    handler = privacy.PrivacyHandler(
        "quotes",
        export=lambda user: [{"request": 1}],
        anonymise=lambda user: seen.append(user.pk),
        files=files,
    )
    privacy.register(handler)
    try:
        archive = export(client_for(alice))
        assert json.loads(archive.read("data.json"))["quotes"] == [{"request": 1}]
        assert archive.read("files/quotes/scan.pdf") == b"%PDF-1.4 fake"
        privacy.delete_account(alice)
        assert seen == [alice.pk]
    finally:
        privacy.unregister("quotes")


def test_deleting_needs_the_password(client_for, alice):
    response = client_for(alice).post(
        reverse("accounts:privacy_delete"), {"password": "wrong", "confirm": "on"}
    )
    assert response.status_code == 400
    alice.refresh_from_db()
    assert alice.is_active and alice.email == "alice@example.com"


def test_deleting_removes_personal_data_keeps_anonymised_records_and_audits(
    client, client_for, alice, mia, clinic_a
):
    claim = services.request_claim(
        alice, clinic_a, job_title="Nurse", work_email="n@a.jp", phone="0312", message="hi"
    )
    services.approve_claim(claim.pk, mia)
    own = client_for(alice)
    response = own.post(reverse("accounts:privacy_delete"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.email == "" and alice.username == f"deleted-{alice.pk}"
    assert not alice.is_active and not alice.has_usable_password()
    assert not EmailAddress.objects.filter(user=alice).exists()
    assert not PatientProfile.objects.filter(user=alice).exists()
    assert not ClinicMembership.objects.filter(user=alice).exists()
    kept = ListingClaim.objects.get(pk=claim.pk)
    assert (kept.user, kept.status, kept.phone, kept.message) == (None, "approved", "", "")
    assert "n@a.jp" not in kept.work_email
    assert AuditEntry.objects.filter(
        action="privacy.account_deleted", target_id=str(alice.pk)
    ).exists()
    assert own.get(reverse("accounts:home")).status_code == 302  # signed out
    login = client.post(
        reverse("account_login"), {"login": "alice@example.com", "password": PASSWORD}
    )
    assert login.status_code == 200  # the address is no longer known
