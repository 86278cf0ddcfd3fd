"""Only the patient sees their answers; clinics and visitors see aggregates of at least 10."""

from datetime import timedelta

import pytest
from django.utils import timezone

from saisei.outcomes import links, services
from saisei.outcomes.models import Treatment
from tests.outcomes.helpers import treated

pytestmark = pytest.mark.django_db

INJECTION = timezone.localdate() - timedelta(days=200)


@pytest.fixture
def alices(alice, clinic_a):
    """Alice's confirmed treatment with a distinctive 6-month score."""
    return treated(clinic_a, injection=INJECTION, baseline=9, follow_up={"m6": 3}, patient=alice)


def test_the_patient_sees_her_own_scores(client_for, alice, alices):
    html = client_for(alice).get("/outcomes/").content.decode()
    assert "Pain (0-10): 9.0" in html and "Pain (0-10): 3.0" in html


@pytest.mark.parametrize("persona", ["anonymous", "bob", "carol", "dave", "mia"])
def test_nobody_else_sees_her_answers(client_for, personas, alices, persona):
    client = client_for(personas[persona])
    response = client.get("/outcomes/")
    if persona == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        return
    html = response.content.decode()
    assert "Pain (0-10): 9.0" not in html
    assert "Test Regenerative Clinic A" not in html  # not even that she was treated there


@pytest.mark.parametrize("persona", ["bob", "carol", "mia"])
def test_nobody_else_can_confirm_dispute_or_stop_her_treatment(
    client_for, personas, alices, persona
):
    client = client_for(personas[persona])
    assert client.post(f"/outcomes/treatments/{alices.pk}/confirm/").status_code == 404
    assert client.get(f"/outcomes/treatments/{alices.pk}/dispute/").status_code == 404
    assert (
        client.post(f"/outcomes/treatments/{alices.pk}/stop/", {"keep_answers": "no"}).status_code
        == 404
    )
    alices.refresh_from_db()
    assert alices.is_active


def test_clinic_staff_see_their_treatments_but_no_answers(client_for, carol, alices, clinic_a):
    response = client_for(carol).get(f"/clinics/{clinic_a.slug}/manage/treatments/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f"Treatment {alices.pk}" in html
    assert "9.0" not in html and "3.0" not in html and "Pain" not in html


def test_staff_of_another_clinic_get_403(client_for, dave, alices, clinic_a):
    assert client_for(dave).get(f"/clinics/{clinic_a.slug}/manage/treatments/").status_code == 403
    response = client_for(dave).post(
        f"/clinics/{clinic_a.slug}/manage/treatments/{alices.pk}/done/",
        {"injection_date": INJECTION.isoformat()},
    )
    assert response.status_code == 403


def test_staff_pages_need_two_factor_in_the_session(client_for, carol, clinic_a):
    response = client_for(carol, mfa=False).get(f"/clinics/{clinic_a.slug}/manage/treatments/")
    assert response.status_code == 302


def test_staff_marks_done_through_the_page(client_for, carol, alice, clinic_a):
    treatment = services.plan_treatment(alice, clinic_a, invite=False)
    response = client_for(carol).post(
        f"/clinics/{clinic_a.slug}/manage/treatments/{treatment.pk}/done/",
        {"injection_date": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    treatment.refresh_from_db()
    assert treatment.status == Treatment.Status.DONE
    client_for(alice).post(f"/outcomes/treatments/{treatment.pk}/confirm/")
    treatment.refresh_from_db()
    assert treatment.status == Treatment.Status.CONFIRMED


def test_clinic_page_shows_no_figure_from_fewer_than_ten_patients(
    client_for, carol, alices, clinic_a
):
    for persona_client in (client_for(None), client_for(carol)):
        html = persona_client.get(f"/clinics/{clinic_a.slug}/").content.decode()
        section = html.split('id="outcomes"')[1].split("</section>")[0]
        assert "1 patient has answered" in section
        assert "not shown (fewer than 10 patients)" in section
        assert "-6.0" not in section and "patients improved" not in section


def test_moderation_list_is_for_moderators_only(client_for, mia, alice, carol):
    assert client_for(mia).get("/moderation/treatments/").status_code == 200
    assert client_for(alice).get("/moderation/treatments/").status_code == 403
    assert client_for(carol).get("/moderation/treatments/").status_code == 403


def test_an_answer_link_opens_only_its_own_occasion(client, alices):
    other = alices.occasions.get(timepoint="m6")
    token = links.make_token(links.ANSWER, other.pk)
    response = client.get(f"/outcomes/answer/{token}/")
    assert response["Location"].endswith("/done/")  # that occasion, already answered
    html = client.get(response["Location"]).content.decode()
    assert "6 months after" in html and "3.0" not in html  # a thank-you, not the answers


def test_staff_reading_the_treatment_list_is_audited(client_for, carol, alices, clinic_a):
    from saisei.audit.models import AuditEntry

    client_for(carol).get(f"/clinics/{clinic_a.slug}/manage/treatments/")
    entry = AuditEntry.objects.get(action="outcomes.treatments_viewed")
    assert entry.actor == carol and entry.data == {"count": 1}


def test_staff_record_the_harvest_visit_first_then_the_injection(
    client_for, carol, alice, clinic_a
):
    treatment = services.plan_treatment(alice, clinic_a, invite=False)
    url = f"/clinics/{clinic_a.slug}/manage/treatments/{treatment.pk}/done/"
    harvest = timezone.localdate() - timedelta(days=30)
    client_for(carol).post(url, {"harvest_date": harvest.isoformat()})
    treatment.refresh_from_db()
    assert (treatment.status, treatment.harvest_date) == (Treatment.Status.PLANNED, harvest)
    client_for(carol).post(url, {"injection_date": timezone.localdate().isoformat()})
    treatment.refresh_from_db()
    assert treatment.status == Treatment.Status.DONE and treatment.harvest_date == harvest
    response = client_for(carol).post(url, {})
    assert response.status_code == 302  # nothing entered: an error message, nothing changed
