"""Every reviews URL, for every persona, with exact statuses.

alice has three treatments: a confirmed one at clinic_a (from carol's accepted quote, not yet
reviewed), a confirmed one at clinic_b that she reviewed, and a planned one at clinic_b.
"""

import pytest

from saisei.outcomes import services as outcomes
from saisei.reviews import services
from saisei.reviews.models import Reply, Review

from .conftest import confirm, data

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "alice", "bob", "carol", "dave", "mia"]


def expect(default, **overrides):
    return {p: overrides.get(p, default) for p in PERSONAS}


SIGNED_IN = expect(200, anonymous=302)
ALICE_ONLY = expect(404, anonymous=302, alice=200)

CASES = [
    ("content rules", "get", "/reviews/rules/", expect(200)),
    ("my reviews", "get", "/reviews/", SIGNED_IN),
    ("write", "get", "/reviews/write/{open}/", ALICE_ONLY),
    (
        "write a reviewed one",
        "get",
        "/reviews/write/{reviewed}/",
        expect(404, anonymous=302, alice=403),
    ),
    (
        "write a planned one",
        "get",
        "/reviews/write/{planned}/",
        expect(404, anonymous=302, alice=403),
    ),
    (
        "write as someone else",
        "post",
        "/reviews/write/{open}/",
        expect(404, anonymous=302, alice=None),
    ),
    ("report form", "get", "/reviews/{review}/report/", SIGNED_IN),
    ("report", "post", "/reviews/{review}/report/", expect(302)),
    ("moderation queue", "get", "/moderation/reviews/", expect(403, anonymous=302, mia=200)),
    ("decide", "post", "/moderation/reviews/{review}/", expect(403, anonymous=302, mia=302)),
    (
        "clinic a's reviews",
        "get",
        "/clinics/clinic-a/manage/reviews/",
        expect(403, anonymous=302, carol=200),
    ),
    (
        "clinic b's reviews",
        "get",
        "/clinics/clinic-b/manage/reviews/",
        expect(403, anonymous=302, dave=200),
    ),
    (
        "reply as clinic b",
        "post",
        "/clinics/clinic-b/manage/reviews/{review}/reply/",
        expect(403, anonymous=302, dave=302),
    ),
    (
        "reply to clinic b's review through clinic a",
        "post",
        "/clinics/clinic-a/manage/reviews/{review}/reply/",
        expect(403, anonymous=302, carol=404),
    ),
    (
        "unknown clinic",
        "get",
        "/clinics/no-such-clinic/manage/reviews/",
        expect(404, anonymous=302),
    ),
]


@pytest.fixture
def world(alice, bob, carol, dave, mia, clinic_a, clinic_b):
    from .conftest import accepted_treatment

    open_one = confirm(accepted_treatment(alice, clinic_a, carol), carol, alice)
    reviewed = confirm(outcomes.plan_treatment(alice, clinic_b, invite=False), dave, alice)
    review = services.write_review(alice, reviewed, data())
    planned = outcomes.plan_treatment(alice, clinic_b, invite=False)
    return {
        "open": open_one.pk,
        "reviewed": reviewed.pk,
        "planned": planned.pk,
        "review": review.pk,
    }


@pytest.mark.parametrize(("label", "method", "url", "expected"), CASES, ids=[c[0] for c in CASES])
def test_access(world, personas, client_for, label, method, url, expected):
    """Every persona on one URL; alice's own review writing (None) is tested in test_views."""
    wanted = {p: status for p, status in expected.items() if status is not None}
    got = {}
    for persona in wanted:
        client = client_for(personas[persona])
        body = {"reason": "rule 3", "text": "hi", "decision": "keep"}
        response = getattr(client, method)(url.format(**world), body)
        got[persona] = response.status_code
        if persona == "anonymous" and response.status_code == 302:
            assert response["Location"].startswith("/accounts/login/")
    assert got == wanted


def test_writes_by_others_changed_nothing(world, personas, client_for):
    for persona in ["anonymous", "bob", "carol", "alice"]:
        client = client_for(personas[persona])
        client.post(f"/reviews/write/{world['open']}/", {"communication": "1"})
        client.post(
            f"/moderation/reviews/{world['review']}/", {"decision": "remove", "reason": "x"}
        )
        client.post(f"/clinics/clinic-b/manage/reviews/{world['review']}/reply/", {"text": "hi"})
    assert not Review.objects.filter(treatment_id=world["open"]).exists()
    assert Review.objects.get(pk=world["review"]).status == "published"
    assert not Reply.objects.exists()


def test_staff_without_totp_in_this_session_is_sent_to_confirm_it(world, dave, client_for):
    response = client_for(dave, mfa=False).get("/clinics/clinic-b/manage/reviews/")
    assert response.status_code == 302
    assert "reauthenticate" in response["Location"] or "two-factor" in response["Location"]
