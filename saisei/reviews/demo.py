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
    about: str  # the aspect the words are about; the others get a short phrase for their rating


SAKURA = [
    DemoReview(
        (5, 5, 4, 5, 4),
        1_290_000,
        "Clear explanations; the bill matched the quote.",
        "price_honesty",
    ),
    DemoReview(
        (4, 5, 4, None, 4), 1_300_000, "Good answers by e-mail before the trip.", "communication"
    ),
    DemoReview(
        (3, 2, 4, 3, 3), 1_480_000, "An extra imaging fee was added on the day.", "price_honesty"
    ),
    DemoReview(
        (5, 4, 5, 5, 5), 1_290_000, "The interpreter stayed for the whole visit.", "interpreter"
    ),
    DemoReview(
        (4, 4, 3, 4, 2), 1_320_000, "Aftercare questions took a week to be answered.", "aftercare"
    ),
    DemoReview(
        (2, 3, 4, 2, 3), None, "Hard to reach the clinic by e-mail at first.", "communication"
    ),
    DemoReview(
        (4, 5, 4, 4, 4), 1_250_000, "The price was a little lower than quoted.", "price_honesty"
    ),
    DemoReview(
        (5, 5, 5, None, 4), 1_290_000, "Modern rooms and short waiting times.", "facilities"
    ),
    DemoReview((3, 1, 3, 3, 3), 1_560_000, "Anaesthesia was not in the quote.", "price_honesty"),
]
MINATO = [
    DemoReview((4, 4, 3, None, 4), None, "Friendly staff; short visit.", "communication"),
    DemoReview((3, 4, 3, 2, 3), 198_000, "The interpreter was booked late.", "interpreter"),
]
# external id: (the fictional accepted quote's total, the reviews)
COHORTS = {"DEMO-F001": (1_290_000, SAKURA), "DEMO-F002": (198_000, MINATO)}
ASPECTS = ("communication", "price_honesty", "facilities", "interpreter", "aftercare")
# A short phrase per aspect for a low (1-2), middling (3) and good (4-5) rating.
PHRASES = {
    "communication": (
        "Slow or unclear answers.",
        "Answers came, not always quickly.",
        "Clear, quick answers.",
    ),
    "price_honesty": (
        "The bill was well above the quote.",
        "Small differences from the quote.",
        "The bill matched the quote.",
    ),
    "facilities": ("Crowded and dated.", "Clean and ordinary.", "Clean and modern."),
    "interpreter": ("Hard to follow.", "Helpful enough.", "Excellent throughout."),
    "aftercare": (
        "Follow-up questions went unanswered.",
        "Follow-up was adequate.",
        "Attentive follow-up.",
    ),
}


def _text(aspect: str, rating: int | None, demo: DemoReview) -> str:
    if rating is None:
        return ""
    words = demo.words if aspect == demo.about else PHRASES[aspect][min(2, max(0, rating - 2))]
    return f"(Fictional demo review) {words}"


def _review(treatment: Treatment, demo: DemoReview, quoted: int) -> Review:
    fields: dict[str, Any] = {}
    for aspect, rating in zip(ASPECTS, demo.ratings, strict=True):
        fields[aspect] = rating
        fields[f"{aspect}_text"] = _text(aspect, rating, demo)
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
