"""Quotes side by side: totals, rows aligned by item type, and flags for what is missing.

Totals: "included" sums every included item; "with optional" adds the optional ones;
excluded items are never counted. Amounts are yen (amount x quantity); the page converts
them to the visitor's currency with the money template tags.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from saisei.clinics.models import ItemKind, Tax

from .models import Inclusion, Quote, QuoteItem
from .services import EXPIRING_SOON_DAYS

# What a knee treatment typically needs; a quote that does not mention one is flagged.
TYPICAL = [
    ItemKind.CONSULTATION,
    ItemKind.IMAGING,
    ItemKind.HARVEST,
    ItemKind.INJECTION,
    ItemKind.FOLLOW_UP,
]


@dataclass
class QuoteSummary:
    quote: Quote
    included_jpy: int
    with_optional_jpy: int
    flags: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    by_kind: dict[str, list[QuoteItem]] = field(default_factory=dict)


@dataclass
class Row:
    kind: str
    label: str
    cells: list[list[QuoteItem]]


@dataclass
class Comparison:
    summaries: list[QuoteSummary]
    rows: list[Row]

    @property
    def empty(self) -> bool:
        return not self.summaries


def _missing_label(kind: str) -> str:
    return {
        ItemKind.CONSULTATION: _("No consultation mentioned"),
        ItemKind.IMAGING: _("No imaging mentioned"),
        ItemKind.HARVEST: _("No tissue or blood harvest mentioned"),
        ItemKind.PROCESSING: _("No cell processing mentioned"),
        ItemKind.INJECTION: _("No injection mentioned"),
        ItemKind.FOLLOW_UP: _("No follow-up visit mentioned"),
    }[ItemKind(kind)]


def summarise(quote: Quote) -> QuoteSummary:
    items = list(quote.items.all())
    by_kind: dict[str, list[QuoteItem]] = {}
    for item in items:
        by_kind.setdefault(item.kind, []).append(item)
    included = sum(i.total_jpy for i in items if i.inclusion == Inclusion.INCLUDED)
    optional = sum(i.total_jpy for i in items if i.inclusion == Inclusion.OPTIONAL)
    summary = QuoteSummary(quote, included, included + optional, by_kind=by_kind)
    typical = [*TYPICAL, *([ItemKind.PROCESSING] if quote.culture_weeks else [])]
    summary.flags = [_missing_label(kind) for kind in typical if kind not in by_kind]
    if quote.price_may_change.strip():
        summary.warnings.append(_("The price may change after examination"))
    if any(i.tax == Tax.EXCLUDED for i in items):
        summary.warnings.append(_("Some amounts exclude Japan's consumption tax"))
    today = timezone.localdate()
    if quote.status == Quote.Status.EXPIRED:
        summary.warnings.append(_("This quote has expired"))
    elif quote.status == Quote.Status.SENT and quote.valid_until <= today + timedelta(
        days=EXPIRING_SOON_DAYS
    ):
        summary.warnings.append(_("Expires soon (%(date)s)") % {"date": quote.valid_until})
    return summary


def build(quotes: list[Quote]) -> Comparison:
    summaries = [summarise(q) for q in quotes]
    rows = []
    for kind, label in ItemKind.choices:
        if any(kind in s.by_kind for s in summaries):
            rows.append(Row(kind, str(label), [s.by_kind.get(kind, []) for s in summaries]))
    return Comparison(summaries, rows)
