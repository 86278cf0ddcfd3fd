"""`load_demo`: fictional clinics and accounts, idempotent, never attached to a real clinic."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from saisei.accounts import demo, roles, services
from saisei.accounts.errors import ClaimError
from saisei.accounts.models import ClinicMembership
from saisei.clinics.models import Package
from saisei.registry.models import Facility, Plan
from tests.factories import make_facility

pytestmark = pytest.mark.django_db


def load() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts():
    return (
        Facility.objects.count(),
        Plan.objects.count(),
        Package.objects.count(),
        User.objects.count(),
        ClinicMembership.objects.count(),
    )


def test_demo_data_is_fictional_flagged_and_idempotent():
    real = make_facility(name_romaji="Real Clinic")
    output = load()
    first = counts()
    assert load() and counts() == first
    demo_clinics = Facility.objects.filter(is_demo=True)
    assert demo_clinics.count() == 2
    for facility in demo_clinics:
        assert facility.external_id.startswith("DEMO-")
        assert facility.name_romaji.startswith("Demo ") and "(fictional)" in facility.name_romaji
        assert facility.plans.get().plan_id.startswith("DEMO-")
    modalities = {p.plan.modality: p for p in Package.objects.select_related("plan")}
    assert modalities["adipose_msc"].cultured and modalities["adipose_msc"].cell_source == "adipose"
    assert modalities["prp"].cell_source == "blood" and not modalities["prp"].cultured
    assert not real.memberships.exists() and not real.packages.exists()
    assert set(Package.objects.values_list("is_demo", flat=True)) == {True}
    for spec in demo.ACCOUNTS:
        assert spec.email in output
    assert demo.DEMO_PASSWORD in output


def test_demo_accounts_sign_in_and_staff_need_their_totp(client):
    load()
    patient = User.objects.get(email="demo-patient@saisei.localhost")
    response = client.post(
        reverse("account_login"), {"login": patient.email, "password": demo.DEMO_PASSWORD}
    )
    assert response["Location"] == reverse("accounts:home")
    staff = User.objects.get(email="demo-staff-sakura@saisei.localhost")
    assert all(m.facility.is_demo for m in roles.memberships(staff))
    assert roles.has_totp(staff)
    moderator = User.objects.get(email="demo-moderator@saisei.localhost")
    assert roles.is_moderator(moderator) and roles.has_totp(moderator)


def test_demo_totp_prints_the_current_code():
    load()
    out = StringIO()
    call_command("demo_totp", "demo-moderator@saisei.localhost", stdout=out)
    code = out.getvalue().strip()
    assert len(code) == 6 and code.isdigit()


def test_show_demo_off_loads_nothing_and_hides_demo_clinics(client, settings):
    load()
    settings.SAISEI_SHOW_DEMO = False
    before = counts()
    assert "not loaded" in load()
    assert counts() == before
    slug = Facility.objects.filter(is_demo=True).values_list("slug", flat=True)[0]
    assert client.get(reverse("clinics:detail", args=[slug])).status_code == 404
    assert slug not in client.get(reverse("clinics:list")).content.decode()


def test_a_demo_account_can_never_join_a_real_clinic(client_for):
    load()
    real = make_facility(name_romaji="Real Clinic")
    patient = User.objects.get(email="demo-patient@saisei.localhost")
    moderator = User.objects.get(email="demo-moderator@saisei.localhost")
    response = client_for(patient).post(
        reverse("accounts:claim", args=[real.slug]),
        {"job_title": "Manager", "work_email": "m@real.jp", "phone": "03"},
    )
    assert response.status_code == 400
    assert "fictional demo clinics" in response.content.decode()
    with pytest.raises(ClaimError):
        services.add_member(patient, real, actor=moderator)
    assert not real.memberships.exists()
