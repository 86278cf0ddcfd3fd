"""alice has a confirmed treatment at clinic_a that came from carol's accepted quote."""

from datetime import timedelta

import pytest
from django.utils import timezone

from saisei.outcomes import services as outcomes
from saisei.quotes import services as quotes
from saisei.reviews import services
from saisei.reviews.services import ReviewData
from tests.quotes.conftest import STANDARD_ITEMS, items, make_request, quote_data

# consultation + imaging + harvest + processing + injection (the follow-up is optional)
QUOTED_TOTAL = 1_270_000


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def confirm(treatment, staff, patient, *, days_ago: int = 30):
    injection = timezone.localdate() - timedelta(days=days_ago)
    outcomes.mark_done(treatment, staff, injection_date=injection)
    return outcomes.confirm(treatment, patient)


def accepted_treatment(patient, facility, staff):
    """A request to `facility`, quoted by `staff` and accepted by `patient`: the planned
    treatment that acceptance created."""
    request = make_request(patient, [facility])
    recipient = request.recipients.get()
    quote = quotes.send_quote(recipient.pk, staff, data=quote_data(), items=items(*STANDARD_ITEMS))
    quotes.accept_quote(patient, quote.pk)
    quote.refresh_from_db()
    return quote.treatment


@pytest.fixture
def treatment(alice, carol, clinic_a):
    return confirm(accepted_treatment(alice, clinic_a, carol), carol, alice)


def data(rating: int = 4, *, text: str = "Fine.", final: int | None = None, **overrides):
    aspects = ["communication", "price_honesty", "facilities", "interpreter", "aftercare"]
    ratings = {a: overrides.get(a, rating) for a in aspects}
    return ReviewData(ratings, {a: text for a in aspects}, final_price_jpy=final)


@pytest.fixture
def review(alice, treatment):
    return services.write_review(alice, treatment, data(final=QUOTED_TOTAL))
