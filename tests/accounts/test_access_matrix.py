"""Every URL this app adds, requested by every persona, gets exactly the expected status.

anonymous visitors are sent to sign in (302), other clinics' staff and patients get 403 on
staff pages, a clinic's objects are 404 through another clinic's address, the moderator's
pages answer only mia. Staff sessions here have passed TOTP (see test_mfa for the others).
"""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from saisei.accounts import services
from saisei.clinics.models import Doctor, Package
from saisei.clinics.profile import add_photo
from tests.clinics.test_photos import image_bytes


def tiny_png() -> bytes:
    return image_bytes(size=(8, 8))


pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "alice", "bob", "carol", "dave", "mia"]
LOGIN = 302


def row(anonymous, alice, bob, carol, dave, mia):
    return dict(zip(PERSONAS, [anonymous, alice, bob, carol, dave, mia], strict=True))


SIGNED_IN = row(LOGIN, 200, 200, 200, 200, 200)
MODERATOR = row(LOGIN, 403, 403, 403, 403, 200)
CAROL_ONLY_GET = row(LOGIN, 403, 403, 200, 403, 403)
CAROL_ONLY_POST = row(LOGIN, 403, 403, 302, 403, 403)
DAVE_ONLY_GET = row(LOGIN, 403, 403, 403, 200, 403)
NOT_FOUND_FOR_STAFF = row(LOGIN, 403, 403, 403, 404, 403)
PUBLIC = row(200, 200, 200, 200, 200, 200)


@pytest.fixture
def objects(alice, bob, carol, dave, clinic_a, clinic_b):
    plan = clinic_a.plans.get(modality="adipose_msc")
    package = Package.objects.create(
        facility=clinic_a,
        plan=plan,
        name_en="A",
        cell_source="adipose",
        cultured=True,
        culture_weeks=4,
        price_jpy=1,
        tax="included",
        valid_until=date.today() + timedelta(days=9),
    )
    doctor = Doctor.objects.create(facility=clinic_a, name="Dr A")
    photo = add_photo(carol, clinic_a, SimpleUploadedFile("a.png", tiny_png()), "A")
    claim = services.request_claim(bob, clinic_b, job_title="n", work_email="b@b.jp", phone="1")
    return {"package": package, "doctor": doctor, "photo": photo, "claim": claim}


# (name, method, url builder, POST data, expected per persona)
CASES = [
    ("account home", "get", lambda o, a, b: reverse("accounts:home"), None, SIGNED_IN),
    (
        "preferences",
        "post",
        lambda o, a, b: reverse("accounts:preferences"),
        {"preferred_language": "en", "currency": "EUR"},
        row(LOGIN, 302, 302, 302, 302, 302),
    ),
    ("privacy page", "get", lambda o, a, b: reverse("accounts:privacy"), None, SIGNED_IN),
    (
        "privacy export",
        "post",
        lambda o, a, b: reverse("accounts:privacy_export"),
        {},
        SIGNED_IN,
    ),
    (
        "privacy delete, wrong password",
        "post",
        lambda o, a, b: reverse("accounts:privacy_delete"),
        {"password": "wrong", "confirm": "on"},
        row(LOGIN, 400, 400, 400, 400, 400),
    ),
    ("mfa required", "get", lambda o, a, b: reverse("accounts:mfa_required"), None, SIGNED_IN),
    (
        "claim form",
        "get",
        lambda o, a, b: reverse("accounts:claim", args=[a.slug]),
        None,
        SIGNED_IN,
    ),
    ("claim queue", "get", lambda o, a, b: reverse("accounts:claim_queue"), None, MODERATOR),
    (
        "claim detail",
        "get",
        lambda o, a, b: reverse("accounts:claim_detail", args=[o["claim"].pk]),
        None,
        MODERATOR,
    ),
    (
        "claim decision",
        "post",
        lambda o, a, b: reverse("accounts:claim_detail", args=[o["claim"].pk]),
        {"decision": "reject", "reason": "test"},
        row(LOGIN, 403, 403, 403, 403, 302),
    ),
    (
        "public clinic page",
        "get",
        lambda o, a, b: reverse("clinics:detail", args=[a.slug]),
        None,
        PUBLIC,
    ),
    ("clinic photo", "get", lambda o, a, b: o["photo"].image.url, None, PUBLIC),
    (
        "manage A",
        "get",
        lambda o, a, b: reverse("clinics:manage", args=[a.slug]),
        None,
        CAROL_ONLY_GET,
    ),
    (
        "manage B",
        "get",
        lambda o, a, b: reverse("clinics:manage", args=[b.slug]),
        None,
        DAVE_ONLY_GET,
    ),
    (
        "manage unknown clinic",
        "get",
        lambda o, a, b: reverse("clinics:manage", args=["no-such-clinic"]),
        None,
        row(LOGIN, 404, 404, 404, 404, 404),
    ),
    (
        "edit profile A",
        "post",
        lambda o, a, b: reverse("clinics:edit_profile", args=[a.slug]),
        {"display_name_en": "Changed"},
        CAROL_ONLY_POST,
    ),
    (
        "edit languages A",
        "post",
        lambda o, a, b: reverse("clinics:edit_languages", args=[a.slug]),
        {"spoken": ["en"]},
        CAROL_ONLY_POST,
    ),
    (
        "add doctor A",
        "post",
        lambda o, a, b: reverse("clinics:add_doctor", args=[a.slug]),
        {"name": "Dr B"},
        CAROL_ONLY_POST,
    ),
    (
        "remove doctor A",
        "post",
        lambda o, a, b: reverse("clinics:remove_doctor", args=[a.slug, o["doctor"].pk]),
        {},
        CAROL_ONLY_POST,
    ),
    (
        "remove doctor A through B",
        "post",
        lambda o, a, b: reverse("clinics:remove_doctor", args=[b.slug, o["doctor"].pk]),
        {},
        NOT_FOUND_FOR_STAFF,
    ),
    (
        "add photo A, no file",
        "post",
        lambda o, a, b: reverse("clinics:add_photo", args=[a.slug]),
        {},
        row(LOGIN, 403, 403, 400, 403, 403),
    ),
    (
        "remove photo A",
        "post",
        lambda o, a, b: reverse("clinics:remove_photo", args=[a.slug, o["photo"].pk]),
        {},
        CAROL_ONLY_POST,
    ),
    (
        "remove photo A through B",
        "post",
        lambda o, a, b: reverse("clinics:remove_photo", args=[b.slug, o["photo"].pk]),
        {},
        NOT_FOUND_FOR_STAFF,
    ),
    (
        "new package form A",
        "get",
        lambda o, a, b: reverse("clinics:new_package", args=[a.slug]),
        None,
        CAROL_ONLY_GET,
    ),
    (
        "edit package A",
        "get",
        lambda o, a, b: reverse("clinics:edit_package", args=[a.slug, o["package"].pk]),
        None,
        CAROL_ONLY_GET,
    ),
    (
        "edit package A through B",
        "get",
        lambda o, a, b: reverse("clinics:edit_package", args=[b.slug, o["package"].pk]),
        None,
        NOT_FOUND_FOR_STAFF,
    ),
    (
        "delete package A",
        "post",
        lambda o, a, b: reverse("clinics:delete_package", args=[a.slug, o["package"].pk]),
        {},
        CAROL_ONLY_POST,
    ),
    (
        "delete package A through B",
        "post",
        lambda o, a, b: reverse("clinics:delete_package", args=[b.slug, o["package"].pk]),
        {},
        NOT_FOUND_FOR_STAFF,
    ),
]


@pytest.mark.parametrize(
    ("name", "method", "build", "data", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_access(
    name, method, build, data, expected, personas, objects, client_for, clinic_a, clinic_b
):
    """One row of the matrix: every persona in turn, on the same data.

    The personas that are refused come before the one allowed to change state (carol on
    clinic A's objects, mia on claims), and refusals are checked before any object lookup, so
    a change made by an allowed request cannot alter a later persona's answer.
    """
    target = build(objects, clinic_a, clinic_b)
    seen = {}
    for persona in PERSONAS:
        client = client_for(personas[persona])
        response = client.get(target) if method == "get" else client.post(target, data)
        seen[persona] = response.status_code
        if persona == "anonymous" and response.status_code == LOGIN:
            assert response["Location"].startswith(reverse("account_login"))
    assert seen == expected, name


def test_staff_pages_refuse_anything_but_their_methods(client_for, carol, clinic_a):
    client = client_for(carol)
    assert client.get(reverse("clinics:edit_profile", args=[clinic_a.slug])).status_code == 405
    assert client.post(reverse("clinics:manage", args=[clinic_a.slug])).status_code == 405
