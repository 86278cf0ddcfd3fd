import io

import pytest
from django.core.management import call_command

from saisei.accounts import privacy
from saisei.accounts.demo import load_demo
from saisei.outcomes.demo import load_demo_outcomes
from saisei.registry.models import Facility
from saisei.reviews import services
from saisei.reviews.demo import load_demo_reviews
from saisei.reviews.models import Reply, Report, Review

from .conftest import QUOTED_TOTAL

pytestmark = pytest.mark.django_db


def test_the_export_holds_the_patients_reviews_and_reports(alice, bob, review, carol):
    services.reply(review, carol, "Thanks.")
    services.report(review, bob, "Not true.")
    mine = privacy.export_data(alice)["reviews"]["reviews"]
    assert mine[0]["ratings"]["communication"] == 4
    assert mine[0]["texts"]["aftercare"] == "Fine."
    assert mine[0]["final_price_jpy"] == mine[0]["quoted_total_jpy"] == QUOTED_TOTAL
    assert mine[0]["clinic_reply"] == "Thanks."
    reports = privacy.export_data(bob)["reviews"]["reports"]
    assert reports == [
        {"review": review.pk, "reason": "Not true.", "status": "open", "at": reports[0]["at"]}
    ]
    assert privacy.export_data(bob)["reviews"]["reviews"] == []


def test_deleting_the_account_deletes_the_reviews_and_the_reporters_words(
    alice, bob, review, carol, mia
):
    services.report(review, bob, "Not true.")
    services.decide(review, mia, remove=False, reason="Within the rules.")
    privacy.delete_account(bob)
    kept = Report.objects.get()
    assert (kept.reporter, kept.reason, kept.status) == (None, "", "kept")
    services.reply(review, carol, "Thanks.")
    privacy.delete_account(alice)
    assert not Review.objects.exists() and not Reply.objects.exists()


def test_demo_reviews_exist_only_for_demo_clinics(clinic_a, client):
    demo = load_demo()
    load_demo_outcomes()
    load_demo_reviews()
    call_command("load_demo_reviews", stdout=io.StringIO())  # again: replaced
    assert not Review.objects.filter(facility=clinic_a).exists()
    assert all(r.is_demo and r.facility.is_demo for r in Review.objects.select_related("facility"))
    sakura, minato = demo.clinics
    assert Review.objects.filter(facility=sakura).count() == 9
    assert Review.objects.filter(facility=minato).count() == 2
    html = client.get(f"/clinics/{sakura.slug}/").content.decode()
    assert "invented demo data by fictional patients" in html
    assert "Final price within 5% of the quote: 6 of 8 reviews" in html


def test_the_demo_loader_refuses_a_real_clinic(clinic_a):
    Facility.objects.filter(pk=clinic_a.pk).update(external_id="DEMO-F001")
    with pytest.raises(RuntimeError):
        load_demo_reviews()
