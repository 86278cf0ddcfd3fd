import re
from datetime import timedelta

import pytest
from django.core import signing
from django.utils import timezone

from saisei.outcomes import links, services
from saisei.outcomes.models import Answer, Occasion

pytestmark = pytest.mark.django_db


@pytest.fixture
def baseline(alice, clinic_a):
    treatment = services.plan_treatment(
        alice, clinic_a, injection_date=timezone.localdate() + timedelta(days=10)
    )
    return treatment.occasions.get()


def url(occasion, page=None):
    token = links.make_token(links.ANSWER, occasion.pk)
    return f"/outcomes/answer/{token}/" + (f"page/{page}/" if page else "")


def test_the_link_opens_the_first_page_and_each_page_is_saved(client, baseline):
    response = client.get(url(baseline))
    assert response.status_code == 302 and response["Location"].endswith("/page/1/")
    page = client.get(url(baseline, 1))
    assert "On average over the past 7 days" in page.content.decode()
    response = client.post(url(baseline, 1), {"pain_week": "7", "go": "next"})
    assert response.status_code == 302 and response["Location"].endswith("/page/2/")
    baseline.refresh_from_db()
    assert baseline.status == Occasion.Status.IN_PROGRESS and baseline.pages_saved == 1
    assert Answer.objects.get(occasion=baseline).value == 7
    # The connection drops; opening the link again continues after the saved page ...
    assert client.get(url(baseline))["Location"].endswith("/page/2/")
    # ... and going back shows what was saved.
    html = client.get(url(baseline, 1)).content.decode()
    assert re.search(r'<input[^>]*value="7"[^>]*checked', html)
    assert not re.search(r'<input[^>]*value="6"[^>]*checked', html)


def test_the_last_page_sends_and_scores_the_questionnaire(client, baseline):
    client.post(url(baseline, 1), {"pain_week": "6"})
    response = client.post(url(baseline, 2), {"walk_distance": "2", "stairs": "3"})
    assert response["Location"].endswith("/done/")
    baseline.refresh_from_db()
    assert baseline.status == Occasion.Status.COMPLETED
    assert baseline.scores["knee_pain_nrs.pain"] == 6
    assert baseline.scores["knee_daily.stairs"] == 3
    assert baseline.scores["knee_daily.medicine"] is None  # skipped: missing, not zero
    assert client.get(url(baseline))["Location"].endswith("/done/")


def test_an_answer_not_offered_is_refused(client, baseline):
    response = client.post(url(baseline, 1), {"pain_week": "11"})
    assert response.status_code == 400
    assert not Answer.objects.exists()


def test_a_tampered_or_other_purpose_link_is_refused(client, baseline):
    token = links.make_token(links.ANSWER, baseline.pk)
    assert client.get(f"/outcomes/answer/{token[:-2]}xx/").status_code == 400
    stop_token = links.make_token(links.STOP, baseline.pk)
    assert client.get(f"/outcomes/answer/{stop_token}/").status_code == 400


def test_an_expired_link_is_refused(client, baseline, settings):
    token = links.make_token(links.ANSWER, baseline.pk)
    settings.SAISEI_OUTCOMES_LINK_DAYS = 0
    signer_value = signing.TimestampSigner(salt=links.ANSWER)
    assert signer_value.unsign(token) == str(baseline.pk)  # valid signature ...
    response = client.get(f"/outcomes/answer/{token}/")  # ... but too old
    assert response.status_code == 400
    assert "expired" in response.content.decode()


def test_stopping_by_link_keeps_or_deletes_the_answers(client, baseline):
    client.post(url(baseline, 1), {"pain_week": "6"})
    stop = links.stop_url(baseline.treatment_id)
    response = client.post(stop, {"keep_answers": "no"})
    assert response.status_code == 200
    assert not Occasion.objects.filter(pk=baseline.pk).exists()
    assert not Answer.objects.exists()
