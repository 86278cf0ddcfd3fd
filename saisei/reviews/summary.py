"""What a clinic page shows of its reviews: the list, averages with n, the price figure.

One query (reviews with their replies), skipped when the facility's own query says it has no
reviews (`has_reviews`, an EXISTS annotation in `saisei.clinics.services.detail_queryset`).
Removed reviews stay in the list with the moderator's reason in place of their text; they do
not count in the averages or the price figure.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .models import Aspect, Review

# "Matched": the final price the patient paid differs from the accepted quote's total of
# included items by at most this share of that total, either way.
MATCH_TOLERANCE = Decimal("0.05")


def price_matched(final_jpy: int, quoted_jpy: int) -> bool:
    return abs(final_jpy - quoted_jpy) <= MATCH_TOLERANCE * quoted_jpy


def price_difference(final_jpy: int, quoted_jpy: int) -> Decimal | None:
    """The final price's difference from the quote, in percent of the quote (1 decimal)."""
    if quoted_jpy == 0:
        return None
    share = Decimal(final_jpy - quoted_jpy) * 100 / quoted_jpy
    return share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Average:
    aspect: str
    label: str
    mean: Decimal | None
    n: int


@dataclass(frozen=True)
class PriceHonesty:
    matched: int
    n: int


@dataclass(frozen=True)
class ReviewView:
    review: Review
    ratings: list[tuple[str, int | None, str]]
    price_difference: Decimal | None
    price_matched: bool | None


@dataclass
class ClinicReviews:
    reviews: list[ReviewView] = field(default_factory=list)
    averages: list[Average] = field(default_factory=list)
    price: PriceHonesty = PriceHonesty(0, 0)

    @property
    def published(self) -> int:
        return sum(1 for view in self.reviews if not view.review.is_removed)


def _mean(values: list[int]) -> Decimal | None:
    if not values:
        return None
    return (Decimal(sum(values)) / len(values)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def review_view(review: Review) -> ReviewView:
    ratings = [
        (str(a.label), getattr(review, a.value), getattr(review, f"{a.value}_text")) for a in Aspect
    ]
    final, quoted = review.final_price_jpy, review.quoted_total_jpy
    compared = final is not None and quoted is not None
    return ReviewView(
        review,
        ratings,
        price_difference(final, quoted) if compared else None,  # type: ignore[arg-type]
        price_matched(final, quoted) if compared else None,  # type: ignore[arg-type]
    )


def summarise(reviews: list[Review]) -> ClinicReviews:
    shown = [r for r in reviews if not r.is_removed]
    averages = []
    for aspect in Aspect:
        values = [v for r in shown if (v := getattr(r, aspect.value)) is not None]
        averages.append(Average(aspect.value, str(aspect.label), _mean(values), len(values)))
    compared = [
        (r.final_price_jpy, r.quoted_total_jpy)
        for r in shown
        if r.final_price_jpy is not None and r.quoted_total_jpy is not None
    ]
    price = PriceHonesty(sum(1 for f, q in compared if price_matched(f, q)), len(compared))
    return ClinicReviews([review_view(r) for r in reviews], averages, price)


def clinic_reviews(facility: Any) -> ClinicReviews:
    if not getattr(facility, "has_reviews", True):
        return ClinicReviews()
    reviews = list(
        Review.objects.filter(facility=facility).select_related("reply").order_by("-created", "-pk")
    )
    return summarise(reviews)
