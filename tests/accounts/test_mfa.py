"""Clinic staff and moderators must set up TOTP and pass it before any staff page."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from saisei.accounts.models import ClinicMembership
from saisei.accounts.totp import current_code
from tests.personas import PASSWORD, make_user, totp_code

pytestmark = pytest.mark.django_db


def password_login(client, user):
    return client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})


def test_staff_sign_in_asks_for_the_totp_code_before_signing_in(client, carol, clinic_a):
    response = password_login(client, carol)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("accounts:home")).status_code == 302  # not signed in yet
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(carol)})
    assert response.status_code == 302
    manage = reverse("clinics:manage", args=[clinic_a.slug])
    assert client.get(manage).status_code == 200


def test_moderator_sign_in_with_totp_opens_the_queue(client, mia):
    password_login(client, mia)
    client.post(reverse("mfa_authenticate"), {"code": totp_code(mia)})
    assert client.get(reverse("accounts:claim_queue")).status_code == 200


def test_a_session_without_the_totp_step_is_sent_to_confirm_it(client_for, carol, clinic_a):
    manage = reverse("clinics:manage", args=[clinic_a.slug])
    response = client_for(carol, mfa=False).get(manage)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate") + "?next=")


def test_staff_without_totp_are_sent_to_set_it_up(client_for, clinic_a):
    erin = make_user("erin")
    ClinicMembership.objects.create(user=erin, facility=clinic_a, role="staff")
    manage = reverse("clinics:manage", args=[clinic_a.slug])
    response = client_for(erin).get(manage)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:mfa_required"))
    page = client_for(erin).get(response["Location"]).content.decode()
    assert reverse("mfa_activate_totp") in page


def test_moderator_without_totp_is_sent_to_set_it_up(client_for, mia):
    Authenticator.objects.filter(user=mia).delete()
    response = client_for(mia).get(reverse("accounts:claim_queue"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:mfa_required"))


@pytest.mark.django_db(transaction=True)  # allauth sends `authenticator_added` on commit
def test_activating_totp_counts_as_the_second_step_and_shows_the_qr_code(client, clinic_a):
    erin = make_user("erin")
    ClinicMembership.objects.create(user=erin, facility=clinic_a, role="staff")
    password_login(client, erin)  # no TOTP yet, so a password alone signs in
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 302  # allauth asks for the password again first
    client.post(page["Location"], {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    html = page.content.decode()
    assert re.search(r'<img src="data:image/svg\+xml;base64,[^"]+"', html)
    assert "<script" not in html.split("<body", 1)[1].replace('<script src="/static/', "")
    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', html)
    if secret is None:
        secret = re.search(r'value="([A-Z2-7]{32})"', html)
    assert secret is not None
    code = current_code(secret.group(1))
    response = client.post(reverse("mfa_activate_totp"), {"code": code})
    assert response.status_code == 302
    manage = reverse("clinics:manage", args=[clinic_a.slug])
    assert client.get(manage).status_code == 200


def test_a_patient_needs_no_second_factor(client, alice):
    password_login(client, alice)
    assert client.get(reverse("accounts:home")).status_code == 200
    assert not Authenticator.objects.filter(user=alice).exists()


def test_the_setup_page_never_links_to_another_site(client_for, carol):
    page = client_for(carol).get(reverse("accounts:mfa_required") + "?next=https://evil.example/")
    assert page.status_code == 200
    assert 'href="https://evil.example/"' not in page.content.decode()


def test_owner_only_pages_refuse_plain_staff(rf, carol, clinic_a):
    from django.contrib.sessions.backends.db import SessionStore
    from django.http import HttpResponse

    from saisei.accounts.roles import staff_required
    from tests.personas import make_user

    @staff_required(role="owner")
    def owners_page(request, membership):
        return HttpResponse(membership.role)

    erin = make_user("erin")
    ClinicMembership.objects.create(user=erin, facility=clinic_a, role="staff")
    request = rf.get("/")
    request.session = SessionStore()
    request.user = erin
    with pytest.raises(PermissionDenied):
        owners_page(request, slug=clinic_a.slug)


def test_the_admin_signs_in_through_allauth(client):
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_confirming_the_code_opens_the_page_asked_for(client_for, carol, clinic_a):
    manage = reverse("clinics:manage", args=[clinic_a.slug])
    client = client_for(carol, mfa=False)
    confirm = client.get(manage)["Location"]
    response = client.post(confirm, {"code": totp_code(carol)})
    assert response.status_code == 302
    assert response["Location"] == manage
    assert client.get(manage).status_code == 200
