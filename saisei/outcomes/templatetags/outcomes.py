"""{% clinic_outcomes facility as results %}: a clinic's aggregates for its page (2 queries)."""

from dataclasses import dataclass

from django import template
from django.utils.translation import gettext_lazy as _

from saisei.registry.models import Facility

from .. import chart, results

register = template.Library()

SERIES_LABELS = {
    results.PAIN: _("Pain (0-10): median change from baseline, in points (below 0 = less pain)"),
    "koos.pain": _("KOOS pain: median change from baseline (above 0 = better)"),
    "koos.adl": _("KOOS function in daily living: median change from baseline (above 0 = better)"),
}


@dataclass(frozen=True)
class SeriesView:
    id: str
    label: str
    series: results.Series
    chart: chart.Chart | None


@dataclass(frozen=True)
class OutcomesView:
    results: results.ClinicResults
    series: list[SeriesView]


@register.simple_tag
def clinic_outcomes(facility: Facility) -> OutcomesView:
    data = results.clinic_results(facility)
    views = [
        SeriesView(s.key.replace(".", "-"), str(SERIES_LABELS[s.key]), s, chart.build(s))
        for s in data.series
        if s.shown or s.key == results.PAIN
    ]
    return OutcomesView(data, views)


@register.filter
def percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.0f}%"
