"""The clinic page: reviews, averages with n, the reply, the price figure, escaping, queries."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from saisei.clinics import profile as profile_services
from saisei.lib.currency import clear_rates_cache
from saisei.outcomes import services as outcomes
from saisei.reviews import services, summary
from saisei.reviews.models import Review
from tests.personas import make_user

from .conftest import QUOTED_TOTAL, confirm, data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("final", "matched"),
    [
        (1_270_000, True),
        (1_333_500, True),  # exactly +5 %
        (1_206_500, True),  # exactly -5 %
        (1_333_501, False),
        (1_206_499, False),
        (2_000_000, False),
    ],
)
def test_a_final_price_matches_when_within_5_percent_of_the_quote_either_way(final, matched):
    assert summary.price_matched(final, QUOTED_TOTAL) is matched


def test_price_difference_is_in_percent_of_the_quote():
    assert summary.price_difference(1_333_500, QUOTED_TOTAL) == Decimal("5.0")
    assert summary.price_difference(1_000_000, 1_000_000) == Decimal("0.0")
    assert summary.price_difference(900_000, 1_000_000) == Decimal("-10.0")


def _page(client, facility):
    clear_rates_cache()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("clinics:detail", args=[facility.slug]))
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def _reviewer(facility, staff, n, final):
    patient = make_user(f"reviewer{n}")
    treatment = confirm(outcomes.plan_treatment(patient, facility, invite=False), staff, patient)
    # As if it came from an accepted quote of QUOTED_TOTAL (the snapshot the page compares).
    review = services.write_review(patient, treatment, data(n % 5 + 1, final=final))
    review.quoted_total_jpy = QUOTED_TOTAL
    review.save()
    return review


def test_the_page_shows_ratings_with_n_the_reply_and_how_often_prices_matched(
    client, review, carol, clinic_a
):
    services.reply(review, carol, "Thank you, alice's clinic.")
    _reviewer(clinic_a, carol, 1, 1_500_000)  # 18 % over the quote
    _reviewer(clinic_a, carol, 2, None)  # no final price: not counted in the figure
    text, _ = _page(client, clinic_a)
    assert "Final price within 5% of the quote: 1 of 2 reviews" in text
    assert "Thank you, alice&#x27;s clinic." in text
    assert "Communication" in text and "of 5" in text
    assert "not by these ratings" in text  # efficacy is not in the stars
    assert reverse("reviews:rules") in text


def test_averages_are_shown_with_their_n():
    reviews = [Review(communication=r, interpreter=None, status="published") for r in (5, 4, 3)]
    removed = Review(communication=1, status="removed")
    result = summary.summarise([*reviews, removed])
    communication = next(a for a in result.averages if a.aspect == "communication")
    interpreter = next(a for a in result.averages if a.aspect == "interpreter")
    assert (communication.mean, communication.n) == (Decimal("4.0"), 3)
    assert (interpreter.mean, interpreter.n) == (None, 0)


def test_review_text_and_reply_are_escaped(client, alice, treatment, carol, clinic_a):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    review = services.write_review(alice, treatment, data(text=payload))
    services.reply(review, carol, payload)
    text, _ = _page(client, clinic_a)
    assert "<script>alert" not in text and "<img src=x" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text


def test_a_removed_review_shows_the_reason_in_place_of_its_text(client, review, bob, mia, clinic_a):
    services.report(review, bob, "Names a nurse.")
    services.decide(review, mia, remove=True, reason="Names a member of staff.")
    text, _ = _page(client, clinic_a)
    assert "Names a member of staff." in text
    assert "Fine." not in text
    assert "within 5% of the quote" not in text  # removed reviews do not count


def test_the_page_takes_no_query_for_reviews_when_there_are_none_and_one_when_there_are(
    client, alice, treatment, carol, clinic_a
):
    _, without = _page(client, clinic_a)
    services.write_review(alice, treatment, data(final=QUOTED_TOTAL))
    _, one = _page(client, clinic_a)
    for n in range(4):
        review = _reviewer(clinic_a, carol, n, 1_000_000)
        services.reply(review, carol, f"Reply {n}")
    _, many = _page(client, clinic_a)
    assert one == many == without + 1


def test_a_claimed_clinic_page_with_reviews_stays_within_10_queries(
    client, alice, treatment, carol, clinic_a
):
    profile_services.update_profile(carol, clinic_a, {"display_name_en": "Clinic A"})
    profile_services.add_doctor(carol, clinic_a, {"name": "Dr A"})
    profile_services.set_languages(carol, clinic_a, ["en"], [])
    review = services.write_review(alice, treatment, data(final=QUOTED_TOTAL))
    services.reply(review, carol, "Thanks.")
    _, count = _page(client, clinic_a)
    assert count <= 10
