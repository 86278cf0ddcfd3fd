from datetime import timedelta

import pytest
from django.utils import timezone

from saisei.accounts import privacy
from saisei.accounts.demo import load_demo
from saisei.outcomes import results, services
from saisei.outcomes.demo import load_demo_outcomes
from saisei.outcomes.models import Answer, Treatment
from tests.outcomes.helpers import treated

pytestmark = pytest.mark.django_db

INJECTION = timezone.localdate() - timedelta(days=200)


def test_the_export_holds_the_patients_answers(alice, clinic_a):
    treated(clinic_a, injection=INJECTION, baseline=8, follow_up={"m6": 4}, patient=alice)
    data = privacy.export_data(alice)["outcomes"]
    assert data[0]["injection_date"] == INJECTION
    answers = {q["timepoint"]: q["answers"] for q in data[0]["questionnaires"]}
    assert answers["baseline"][0]["value"] == 8 and answers["m6"][0]["value"] == 4


def test_deleting_the_account_deletes_answers_unless_the_patient_agreed(alice, bob, clinic_a):
    kept = treated(clinic_a, injection=INJECTION, baseline=8, follow_up={"m6": 4}, patient=alice)
    services.stop_taking_part(kept, alice, keep_answers=True)
    treated(clinic_a, injection=INJECTION, baseline=7, follow_up={"m6": 2}, patient=bob)
    privacy.delete_account(alice)
    privacy.delete_account(bob)
    assert list(Treatment.objects.values_list("pk", flat=True)) == [kept.pk]
    assert Answer.objects.filter(occasion__treatment=kept).count() == 2
    assert not Answer.objects.filter(occasion__treatment__patient=bob).exists()


def test_demo_outcomes_exist_only_for_demo_clinics_and_show_both_cases(clinic_a):
    demo = load_demo()
    load_demo_outcomes()
    load_demo_outcomes()  # again: replaced, not doubled
    assert not Treatment.objects.filter(facility=clinic_a).exists()
    assert set(Treatment.objects.values_list("is_demo", flat=True)) == {True}
    assert all(t.facility.is_demo for t in Treatment.objects.select_related("facility"))
    sakura, minato = demo.clinics
    shown = results.clinic_results(sakura)
    assert shown.shows_rate and shown.answered >= 10 and shown.treated == 20
    too_few = results.clinic_results(minato)
    assert not too_few.shows_rate and 0 < too_few.with_baseline < 10
    # The demo patient can try answering a baseline questionnaire.
    mine = Treatment.objects.get(patient__email="demo-patient@saisei.localhost")
    assert mine.facility == minato and mine.status == Treatment.Status.PLANNED
    assert mine.occasions.get().timepoint == "baseline"


def test_demo_clinic_page_labels_the_results_as_invented(client):
    demo = load_demo()
    load_demo_outcomes()
    html = client.get(f"/clinics/{demo.clinics[0].slug}/").content.decode()
    assert "invented demo data about fictional patients" in html
    assert "patients improved" in html
