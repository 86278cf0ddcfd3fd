"""Saving from the planner and the saved plan's pages, as alice; bad input saves nothing."""

import pytest
from django.utils.http import urlencode

from saisei.journeys.models import JourneyPlan

from .conftest import plan_params, soon

pytestmark = pytest.mark.django_db


def test_anonymous_planner_is_unchanged_and_offers_no_saving(client, journey_world, accepted_quote):
    response = client.get("/journey/", plan_params(source=f"quote:{accepted_quote.pk}"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Save this plan" not in html and "accepted quote" not in html
    assert 'name="source"' not in html


def test_signed_in_planner_offers_saving_and_the_accepted_quote(client_for, alice, accepted_quote):
    response = client_for(alice).get("/journey/", plan_params())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Save this plan" in html
    assert f'value="quote:{accepted_quote.pk}"' in html
    assert 'name="start" value="' in html


def test_the_clinics_packages_are_offered_under_the_clinic(client_for, alice, package_a):
    html = client_for(alice).get("/journey/", plan_params(clinic="clinic-a")).content.decode()
    assert f'value="package:{package_a.pk}"' in html
    assert "The clinic&#x27;s package: Knee MSC package (fictional)" in html


def test_alice_saves_a_plan_and_sees_it_with_its_reminders(client_for, alice, journey_world):
    client = client_for(alice)
    response = client.post("/journey/save/", {**plan_params(), "title": "Spring knees"})
    plan = JourneyPlan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/journey/saved/{plan.pk}/"
    assert plan.owner == alice and plan.title == "Spring knees"
    page = client.get(response["Location"]).content.decode()
    assert "Your plan was saved" in page
    assert page.count("Cancel this reminder") == 6
    assert "Fly from Denver and arrive in Japan (visit 1)" in page
    listing = client.get("/journey/saved/").content.decode()
    assert "Spring knees" in listing and "6 reminders to come" in listing


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (plan_params(start="2020-01-01"), "This date is in the past"),
        (plan_params(nationality="XX"), "Choose your nationality from the list"),
        (plan_params(extra_nights_1="10000"), "At most 60 extra nights"),
        (plan_params(extra_nights_1="-1"), "Extra nights cannot be negative"),
        (plan_params(start="31/12/2027"), "Enter a date such as"),
        ({}, "There is no plan to save"),
        (plan_params(source="quote:00000000-0000-0000-0000-000000000000"), "Choose one of your"),
    ],
    ids=["past", "nationality", "absurd nights", "negative nights", "bad date", "empty", "quote"],
)
def test_bad_input_on_save_explains_and_saves_nothing(
    client_for, alice, journey_world, params, message
):
    response = client_for(alice).post("/journey/save/", {**params, "title": "x"})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not JourneyPlan.objects.exists()


def test_a_title_that_is_too_long_saves_nothing(client_for, alice, journey_world):
    response = client_for(alice).post("/journey/save/", {**plan_params(), "title": "x" * 201})
    assert response.status_code == 302
    assert not JourneyPlan.objects.exists()


def test_bob_cannot_plan_with_alices_accepted_quote(client_for, bob, accepted_quote):
    response = client_for(bob).post(
        "/journey/save/", plan_params(source=f"quote:{accepted_quote.pk}")
    )
    assert response.status_code == 400
    assert "Choose one of your accepted quotes or packages." in response.content.decode()
    assert not JourneyPlan.objects.exists()


def test_a_plan_tied_to_the_accepted_quote_shows_its_source(client_for, alice, accepted_quote):
    client = client_for(alice)
    client.post("/journey/save/", plan_params(source=f"quote:{accepted_quote.pk}"))
    plan = JourneyPlan.objects.get()
    assert plan.quote == accepted_quote
    page = client.get(f"/journey/saved/{plan.pk}/").content.decode()
    day = accepted_quote.recipient.request.closed_at.date().isoformat()
    assert f"from your accepted quote of {day}" in page
    assert "¥1,270,000" in page
    assert "Culture: 4 weeks." in page


def test_a_plan_tied_to_a_package_shows_its_source(client_for, alice, package_a):
    client = client_for(alice)
    client.post("/journey/save/", plan_params(clinic="clinic-a", source=f"package:{package_a.pk}"))
    plan = JourneyPlan.objects.get()
    assert plan.package == package_a
    page = client.get(f"/journey/saved/{plan.pk}/").content.decode()
    assert "From the clinic's package “Knee MSC package (fictional)”" in page
    assert "¥1,800,000" in page


def test_rename_cancel_archive_and_delete_from_the_plans_page(client_for, alice, saved_plan):
    client = client_for(alice)
    url = f"/journey/saved/{saved_plan.pk}/"
    client.post(url + "rename/", {"title": "Autumn"})
    saved_plan.refresh_from_db()
    assert saved_plan.title == "Autumn"
    one = saved_plan.reminders.first()
    response = client.post(url + f"reminders/{one.pk}/cancel/")
    assert response.status_code == 302
    one.refresh_from_db()
    assert one.cancelled_at is not None
    assert client.get(url).content.decode().count("Cancel this reminder") == 5
    client.post(url + "reminders/cancel/")
    assert not saved_plan.reminders.filter(cancelled_at__isnull=True).exists()
    client.post(url + "archive/")
    saved_plan.refresh_from_db()
    assert saved_plan.archived is not None
    assert "Archived plans" in client.get("/journey/saved/").content.decode()
    response = client.post(url + "delete/")
    assert response["Location"] == "/journey/saved/"
    assert not JourneyPlan.objects.exists()


def test_updating_from_the_planner_replaces_the_saved_parameters(client_for, alice, saved_plan):
    client = client_for(alice)
    later = plan_params(start=soon(90).isoformat())
    page = client.get("/journey/?" + urlencode({**later, "saved": saved_plan.pk})).content.decode()
    assert "Update the saved plan" in page
    response = client.post(f"/journey/saved/{saved_plan.pk}/update/", later)
    assert response.status_code == 302
    saved_plan.refresh_from_db()
    assert saved_plan.params == later


def test_a_saved_plan_whose_start_has_passed_still_opens(client_for, alice, saved_plan):
    JourneyPlan.objects.filter(pk=saved_plan.pk).update(params=plan_params(start="2020-01-01"))
    response = client_for(alice).get(f"/journey/saved/{saved_plan.pk}/")
    assert response.status_code == 200
    assert "cannot be shown as it is any more" in response.content.decode()


def test_the_planner_offers_to_update_only_the_users_own_plan(client_for, bob, saved_plan):
    query = urlencode({**plan_params(), "saved": saved_plan.pk})
    page = client_for(bob).get("/journey/?" + query).content.decode()
    assert "Save this plan" in page and "Update the saved plan" not in page
    assert saved_plan.title not in page
