"""Every quote, message, upload, inbox and outbox URL, for every persona, with exact statuses.

alice sent a request to clinic_a (carol) and clinic_b (dave) with a file; carol quoted.
No object of one patient or clinic is reachable by another patient, clinic or moderator.
"""

import pytest

from saisei.quotes import reports
from saisei.quotes.models import Quote, QuoteRequest
from saisei.quotes.services import NewFile

from .conftest import PDF, make_request

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "alice", "bob", "carol", "dave", "mia"]


def expect(default, **overrides):
    return {p: overrides.get(p, default) for p in PERSONAS}


OWNER_ONLY = expect(404, anonymous=302, alice=200)
CLINIC_A = expect(403, anonymous=302, carol=200)
CLINIC_B_PATH_FOR_A = expect(403, anonymous=302, dave=404)
MODERATOR = expect(403, anonymous=302, mia=200)
MODERATOR_404 = expect(403, anonymous=302, mia=404)

CASES = [
    ("my requests", "get", "/quotes/", expect(200, anonymous=302)),
    ("new request", "get", "/quotes/new/", expect(200, anonymous=302)),
    ("request", "get", "/quotes/{req}/", OWNER_ONLY),
    ("consent of a draft", "get", "/quotes/{draft}/consent/", OWNER_ONLY),
    ("quote", "get", "/quotes/quote/{quote}/", OWNER_ONLY),
    ("file", "get", "/quotes/file/{upload}/", OWNER_ONLY),
    ("inbox", "get", "/clinics/clinic-a/manage/quotes/", CLINIC_A),
    ("inbox request", "get", "/clinics/clinic-a/manage/quotes/{ra}/", CLINIC_A),
    ("inbox file", "get", "/clinics/clinic-a/manage/quotes/{ra}/files/{upload}/", CLINIC_A),
    ("other clinic's path", "get", "/clinics/clinic-b/manage/quotes/{ra}/", CLINIC_B_PATH_FOR_A),
    (
        "other clinic's file path",
        "get",
        "/clinics/clinic-b/manage/quotes/{ra}/files/{upload}/",
        CLINIC_B_PATH_FOR_A,
    ),
    ("outbox", "get", "/moderation/outbox/", expect(403, anonymous=302, mia=200)),
    ("reports", "get", "/moderation/quote-reports/", expect(403, anonymous=302, mia=200)),
    ("open report", "get", "/moderation/quote-reports/{report}/", MODERATOR),
    ("reported file", "get", "/moderation/quote-reports/{report}/files/{upload}/", MODERATOR),
    ("closed report", "get", "/moderation/quote-reports/{closed}/", MODERATOR_404),
    (
        "closed report's file",
        "get",
        "/moderation/quote-reports/{closed}/files/{bob_upload}/",
        MODERATOR_404,
    ),
    ("report a request", "post", "/quotes/{req}/report/", expect(404, anonymous=302, alice=None)),
    # Writes by anyone but the owner change nothing (the owner's writes are tested elsewhere).
    ("withdraw", "post", "/quotes/{req}/withdraw/", expect(404, anonymous=302, alice=None)),
    ("accept", "post", "/quotes/quote/{quote}/accept/", expect(404, anonymous=302, alice=None)),
    ("message", "post", "/quotes/quote/{quote}/message/", expect(404, anonymous=302, alice=None)),
    (
        "quote as clinic b",
        "post",
        "/clinics/clinic-b/manage/quotes/{ra}/quote/",
        expect(403, anonymous=302, dave=404, carol=403),
    ),
    (
        "decline as clinic b",
        "post",
        "/clinics/clinic-b/manage/quotes/{ra}/decline/",
        expect(403, anonymous=302, dave=404, carol=403),
    ),
    (
        "message as clinic b",
        "post",
        "/clinics/clinic-b/manage/quotes/{ra}/message/",
        expect(403, anonymous=302, dave=404, carol=403),
    ),
    (
        "decline as a patient",
        "post",
        "/clinics/clinic-a/manage/quotes/{ra}/decline/",
        expect(403, anonymous=302, carol=None),
    ),
]


@pytest.fixture
def world(alice, carol, dave, mia, bob, quote_a, sent_request, recipient_a, clinic_a):
    draft = make_request(alice, [clinic_a], send=False, files=[NewFile("x.png", "png", b"")])
    bobs = make_request(bob, [clinic_a], files=[NewFile("b.pdf", "pdf", PDF)])
    closed = reports.report(bobs, bob, "spam")
    reports.close(closed.pk, mia)
    return {
        "report": reports.report(sent_request, carol, "abusive", clinic=clinic_a).pk,
        "closed": closed.pk,
        "bob_upload": bobs.uploads.get().pk,
        "req": sent_request.pk,
        "draft": draft.pk,
        "quote": quote_a.pk,
        "upload": sent_request.uploads.get().pk,
        "ra": recipient_a.pk,
    }


@pytest.mark.parametrize(("label", "method", "url", "expected"), CASES, ids=[c[0] for c in CASES])
def test_access(world, personas, client_for, label, method, url, expected):
    """Every persona on one URL; the owner's own writes (None) are tested in test_views."""
    wanted = {p: status for p, status in expected.items() if status is not None}
    got = {}
    for persona in wanted:
        client = client_for(personas[persona])
        response = getattr(client, method)(url.format(**world), {"body": "hi", "reason": "no"})
        got[persona] = response.status_code
        if persona == "anonymous":
            assert response["Location"].startswith("/accounts/login/")
    assert got == wanted


def test_writes_by_others_changed_nothing(world, personas, client_for):
    for persona in ["bob", "carol", "dave", "mia"]:
        client = client_for(personas[persona])
        client.post(f"/quotes/{world['req']}/withdraw/")
        client.post(f"/quotes/quote/{world['quote']}/accept/")
    assert QuoteRequest.objects.get(pk=world["req"]).status == "open"
    assert Quote.objects.get(pk=world["quote"]).status == "sent"


def test_staff_without_totp_in_this_session_is_sent_to_confirm_it(world, carol, client_for):
    response = client_for(carol, mfa=False).get(f"/clinics/clinic-a/manage/quotes/{world['ra']}/")
    assert response.status_code == 302
    assert "reauthenticate" in response["Location"] or "two-factor" in response["Location"]


def test_every_read_of_a_file_is_audited(world, alice, carol, client_for):
    from saisei.audit.models import AuditEntry

    client_for(alice).get(f"/quotes/file/{world['upload']}/")
    client_for(carol).get(f"/clinics/clinic-a/manage/quotes/{world['ra']}/files/{world['upload']}/")
    reads = AuditEntry.objects.filter(action="quote_upload.read", target_id=str(world["upload"]))
    assert sorted(reads.values_list("actor__username", flat=True)) == ["alice", "carol"]


def test_a_moderator_reads_a_request_only_through_an_open_report(world, mia, client_for):
    from saisei.audit.models import AuditEntry

    client = client_for(mia)
    page = client.get(f"/moderation/quote-reports/{world['report']}/")
    assert "abusive" in page.content.decode() and "Osteoarthritis" in page.content.decode()
    assert AuditEntry.objects.filter(action="quote_request.read", actor=mia).count() == 1
    client.post(f"/moderation/quote-reports/{world['report']}/", {"note": "warned"})
    assert client.get(f"/moderation/quote-reports/{world['report']}/").status_code == 404
    assert (
        client.get(
            f"/moderation/quote-reports/{world['report']}/files/{world['upload']}/"
        ).status_code
        == 404
    )
