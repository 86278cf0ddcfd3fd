"""Listing claims: a user asks, a moderator decides with the evidence, all audited and mailed."""

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse

from saisei.accounts import services
from saisei.accounts.errors import ClaimError
from saisei.accounts.models import ClinicMembership, ListingClaim
from saisei.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

CLAIM = {
    "job_title": "Clinic manager",
    "work_email": "manager@clinic-a.example.jp",
    "phone": "03-1234-5678",
}


def claim_url(facility):
    return reverse("accounts:claim", args=[facility.slug])


def test_the_clinic_page_links_to_the_claim_form(client, clinic_a):
    html = client.get(reverse("clinics:detail", args=[clinic_a.slug])).content.decode()
    assert claim_url(clinic_a) in html


def test_a_visitor_must_sign_in_to_claim(client, clinic_a):
    response = client.get(claim_url(clinic_a))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_signed_in_user_claims_a_listing(client_for, alice, clinic_a):
    response = client_for(alice).post(claim_url(clinic_a), CLAIM)
    assert response.status_code == 302
    claim = ListingClaim.objects.get()
    assert (claim.user, claim.facility, claim.status) == (alice, clinic_a, "pending")
    assert claim.work_email_domain == "clinic-a.example.jp"
    entry = AuditEntry.objects.get(action="claim.requested")
    assert (entry.actor, entry.target_id) == (alice, str(claim.pk))


def test_a_second_pending_claim_by_the_same_user_is_refused(client_for, alice, clinic_a):
    client = client_for(alice)
    client.post(claim_url(clinic_a), CLAIM)
    response = client.post(claim_url(clinic_a), CLAIM)
    assert response.status_code == 400
    assert "already asked" in response.content.decode()
    assert ListingClaim.objects.count() == 1


def test_a_claim_needs_role_email_and_phone(client_for, alice, clinic_a):
    response = client_for(alice).post(claim_url(clinic_a), {"job_title": "", "work_email": "x"})
    assert response.status_code == 400
    assert not ListingClaim.objects.exists()


def test_a_demo_clinic_cannot_be_claimed(client_for, alice, clinic_a):
    clinic_a.is_demo = True
    clinic_a.save()
    response = client_for(alice).post(claim_url(clinic_a), CLAIM)
    assert response.status_code == 302
    assert not ListingClaim.objects.exists()


def test_the_queue_shows_the_evidence(client_for, alice, mia, clinic_a):
    plan = clinic_a.plans.first()
    plan.document_url = "https://www.clinic-a.example.jp/plan.pdf"
    plan.save()
    claim = services.request_claim(alice, clinic_a, **CLAIM)
    client = client_for(mia)
    queue = client.get(reverse("accounts:claim_queue")).content.decode()
    assert reverse("accounts:claim_detail", args=[claim.pk]) in queue
    page = client.get(reverse("accounts:claim_detail", args=[claim.pk])).content.decode()
    assert "manager@clinic-a.example.jp" in page
    assert "03-1234-5678" in page
    assert clinic_a.name_ja in page and clinic_a.external_id in page
    assert plan.plan_id in page
    assert "appears in the address of plan" in page


def test_a_free_mail_address_is_flagged(alice, clinic_a):
    claim = services.request_claim(alice, clinic_a, **{**CLAIM, "work_email": "a@gmail.com"})
    evidence = services.claim_evidence(claim)
    assert evidence.free_mail and evidence.domain_matches == []


def test_approval_makes_the_claimant_owner_audits_and_mails(
    client_for, alice, mia, clinic_a, django_capture_on_commit_callbacks
):
    claim = services.request_claim(alice, clinic_a, **CLAIM)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(mia).post(
            reverse("accounts:claim_detail", args=[claim.pk]), {"decision": "approve"}
        )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.status, claim.decided_by) == ("approved", mia)
    membership = ClinicMembership.objects.get(user=alice, facility=clinic_a)
    assert membership.role == "owner"
    assert AuditEntry.objects.filter(action="claim.approved", actor=mia).count() == 1
    assert AuditEntry.objects.filter(action="clinic.member_added").count() == 1
    (message,) = mail.outbox
    assert message.to == [alice.email]
    assert "approved" in message.subject
    assert reverse("clinics:manage", args=[clinic_a.slug]) in message.body
    assert isinstance(message, EmailMultiAlternatives)
    assert message.alternatives and "text/html" in message.alternatives[0][1]


def test_rejection_needs_a_reason_which_is_mailed(
    client_for, alice, mia, clinic_a, django_capture_on_commit_callbacks
):
    claim = services.request_claim(alice, clinic_a, **CLAIM)
    url = reverse("accounts:claim_detail", args=[claim.pk])
    client = client_for(mia)
    response = client.post(url, {"decision": "reject", "reason": " "})
    assert response.status_code == 400
    assert ListingClaim.objects.get().status == "pending"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "reject", "reason": "No link to the clinic."})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.status, claim.reason) == ("rejected", "No link to the clinic.")
    assert not ClinicMembership.objects.exists()
    assert AuditEntry.objects.get(action="claim.rejected").data["reason"] == (
        "No link to the clinic."
    )
    (message,) = mail.outbox
    assert "not approved" in message.subject
    assert "No link to the clinic." in message.body


def test_a_decided_claim_cannot_be_decided_again(alice, mia, clinic_a):
    claim = services.request_claim(alice, clinic_a, **CLAIM)
    services.reject_claim(claim.pk, mia, "No.")
    with pytest.raises(ClaimError):
        services.approve_claim(claim.pk, mia)
    assert not ClinicMembership.objects.exists()


def test_the_decision_mail_is_in_the_claimants_language(
    alice, mia, clinic_a, django_capture_on_commit_callbacks
):
    services.update_preferences(alice, preferred_language="ja", currency="JPY")
    claim = services.request_claim(alice, clinic_a, **CLAIM)
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_claim(claim.pk, mia)
    assert "/ja/clinics/" in mail.outbox[0].body


def test_claim_text_is_escaped_for_the_moderator(client_for, alice, mia, clinic_a):
    payload = '<script>alert("x")</script><b onmouseover="y">bold</b>'
    claim = services.request_claim(
        alice, clinic_a, **{**CLAIM, "job_title": payload, "message": payload}
    )
    page = client_for(mia).get(reverse("accounts:claim_detail", args=[claim.pk]))
    html = page.content.decode()
    assert "<script>alert" not in html
    assert '<b onmouseover="y">' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_a_domain_only_matches_the_document_host_itself(alice, clinic_a):
    plan = clinic_a.plans.first()
    plan.document_url = "https://www.someclinic.jp/plan.pdf"
    plan.save()
    claim = services.request_claim(alice, clinic_a, **{**CLAIM, "work_email": "x@clinic.jp"})
    assert services.claim_evidence(claim).domain_matches == []


def test_a_domain_named_after_the_clinic_matches(alice, clinic_a):
    claim = services.request_claim(alice, clinic_a, **{**CLAIM, "work_email": "x@regenerative.jp"})
    (match,) = services.claim_evidence(claim).domain_matches
    assert "registered name or romanisation" in match
