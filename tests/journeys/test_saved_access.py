"""Every saved-plan URL, for every persona, with exact statuses.

alice owns a saved plan with reminders; nobody else (bob, clinic staff carol and dave, the
moderator mia) can see or change it: 404, as if it did not exist. Anonymous visitors are sent
to sign in.
"""

import pytest

from saisei.audit.models import AuditEntry
from saisei.journeys.models import JourneyPlan

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "alice", "bob", "carol", "dave", "mia"]


def expect(default, **overrides):
    return {p: overrides.get(p, default) for p in PERSONAS}


OWNER_ONLY = expect(404, anonymous=302, alice=200)
# The owner's own writes (None) are tested in test_saved_views.
OWNER_WRITES = expect(404, anonymous=302, alice=None)

CASES = [
    ("my saved plans", "get", "/journey/saved/", expect(200, anonymous=302)),
    ("saved plan", "get", "/journey/saved/{plan}/", OWNER_ONLY),
    ("save with nothing to save", "post", "/journey/save/", expect(400, anonymous=302)),
    ("update", "post", "/journey/saved/{plan}/update/", OWNER_WRITES),
    ("rename", "post", "/journey/saved/{plan}/rename/", OWNER_WRITES),
    ("archive", "post", "/journey/saved/{plan}/archive/", OWNER_WRITES),
    ("delete", "post", "/journey/saved/{plan}/delete/", OWNER_WRITES),
    ("cancel all reminders", "post", "/journey/saved/{plan}/reminders/cancel/", OWNER_WRITES),
    (
        "cancel a reminder",
        "post",
        "/journey/saved/{plan}/reminders/{reminder}/cancel/",
        OWNER_WRITES,
    ),
    ("GET on a write", "get", "/journey/saved/{plan}/delete/", expect(405)),
]


@pytest.fixture
def world(saved_plan, personas):
    return {"plan": saved_plan.pk, "reminder": saved_plan.reminders.first().pk}


@pytest.mark.parametrize(("label", "method", "url", "expected"), CASES, ids=[c[0] for c in CASES])
def test_access(world, personas, client_for, label, method, url, expected):
    wanted = {p: status for p, status in expected.items() if status is not None}
    got = {}
    for persona in wanted:
        client = client_for(personas[persona])
        response = getattr(client, method)(url.format(**world), {"title": "taken"})
        got[persona] = response.status_code
        if persona == "anonymous" and response.status_code == 302:
            assert response["Location"].startswith("/accounts/login/")
    assert got == wanted
    plan = JourneyPlan.objects.get(pk=world["plan"])
    assert plan.title != "taken" and plan.archived is None
    assert not plan.reminders.filter(cancelled_at__isnull=False).exists()
    assert list(
        AuditEntry.objects.filter(action__startswith="journey_").values_list("action", flat=True)
    ) == ["journey_plan.saved"]


def test_the_save_form_for_a_staff_persona_saves_their_own_plan(client_for, carol, saved_plan):
    from .conftest import plan_params

    response = client_for(carol).post("/journey/save/", plan_params())
    assert response.status_code == 302
    assert JourneyPlan.objects.filter(owner=carol).count() == 1
    assert JourneyPlan.objects.filter(owner=saved_plan.owner).count() == 1


def test_only_moderators_see_the_visa_rules_review_page(personas, client_for, visa_rules):
    got = {
        persona: client_for(personas[persona]).get("/moderation/visa-rules/").status_code
        for persona in PERSONAS
    }
    assert got == expect(403, anonymous=302, mia=200)


def test_the_visa_rules_page_lists_rows_due_for_review_first(personas, client_for, visa_rules):
    from saisei.journeys.models import VisaRule

    VisaRule.objects.filter(nationality="TH").update(review_due="2000-01-01")
    html = client_for(personas["mia"]).get("/moderation/visa-rules/").content.decode()
    assert "2000-01-01 (due)" in html
    assert html.index("2000-01-01") < html.index("<td>US</td>")
