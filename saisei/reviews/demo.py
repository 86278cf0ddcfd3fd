"""Fictional reviews for the demo clinics only (never a real clinic).

They belong to the fictional confirmed treatments of `load_demo_outcomes` (run that first),
are flagged `is_demo`, and are replaced when the loader runs again. Demo Sakura gets 9
reviews (8 with a final price, 6 of them within 5 % of the quote) and one clinic reply;
Demo Minato gets 2.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from saisei.accounts.demo import DEMO_PREFIX
from saisei.audit.services import record
from saisei.outcomes.models import Treatment
from saisei.registry.models import Facility

from .models import Reply, Review

ACTOR = "load_demo_reviews"


@dataclass(frozen=True)
class DemoReview:
    ratings: tuple[int, int, int, int | None, int]
    final_jpy: int | None
    words: str


SAKURA = [
    DemoReview((5, 5, 4, 5, 4), 1_290_000, "Clear explanations; the bill matched the quote."),
    DemoReview((4, 5, 4, None, 4), 1_300_000, "Good answers by e-mail before the trip."),
    DemoReview((3, 2, 4, 3, 3), 1_480_000, "An extra imaging fee was added on the day."),
    DemoReview((5, 4, 5, 5, 5), 1_290_000, "The interpreter stayed for the whole visit."),
    DemoReview((4, 4, 3, 4, 2), 1_320_000, "Aftercare questions took a week to be answered."),
    DemoReview((2, 3, 4, 2, 3), None, "Hard to reach the clinic by e-mail at first."),
    DemoReview((4, 5, 4, 4, 4), 1_250_000, "The price was a little lower than quoted."),
    DemoReview((5, 5, 5, None, 4), 1_290_000, "Modern rooms and short waiting times."),
    DemoReview((3, 1, 3, 3, 3), 1_560_000, "Anaesthesia was not in the quote."),
]
MINATO = [
    DemoReview((4, 4, 3, None, 4), None, "Friendly staff; short visit."),
    DemoReview((3, 4, 3, 2, 3), 198_000, "The interpreter was booked late."),
]
# external id: (the fictional accepted quote's total, the reviews)
COHORTS = {"DEMO-F001": (1_290_000, SAKURA), "DEMO-F002": (198_000, MINATO)}
ASPECTS = ("communication", "price_honesty", "facilities", "interpreter", "aftercare")


def _review(treatment: Treatment, demo: DemoReview, quoted: int) -> Review:
    fields: dict[str, Any] = {}
    for aspect, rating in zip(ASPECTS, demo.ratings, strict=True):
        fields[aspect] = rating
        fields[f"{aspect}_text"] = "" if rating is None else f"(Fictional demo review) {demo.words}"
    return Review.objects.create(
        treatment=treatment,
        facility_id=treatment.facility_id,
        author=treatment.patient,
        final_price_jpy=demo.final_jpy,
        quoted_total_jpy=quoted,
        is_demo=True,
        **fields,
    )


@transaction.atomic
def load_demo_reviews() -> dict[str, int]:
    loaded = {}
    for external_id, (quoted, demos) in COHORTS.items():
        facility = Facility.objects.filter(external_id=external_id).first()
        if facility is None:
            continue
        if not (facility.is_demo and facility.external_id.startswith(DEMO_PREFIX)):
            raise RuntimeError(f"{facility.external_id} is not a demo clinic")
        Review.objects.filter(facility=facility, is_demo=True).delete()
        treatments = Treatment.objects.filter(
            facility=facility, is_demo=True, status=Treatment.Status.CONFIRMED
        ).order_by("pk")[: len(demos)]
        reviews = [_review(t, d, quoted) for t, d in zip(treatments, demos, strict=False)]
        if reviews and external_id == "DEMO-F001":
            Reply.objects.create(
                review=reviews[2],
                text="(Fictional demo reply) We now list imaging in every quote. Sorry.",
            )
        loaded[facility.slug] = len(reviews)
        record("demo.reviews_loaded", facility, actor_label=ACTOR, reviews=len(reviews))
    return loaded
