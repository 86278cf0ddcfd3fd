"""Clinic results: aggregates only, never one patient's answers.

A figure is shown only when at least MIN_PATIENTS patients contribute to it. Answers count
for a time point only inside its window (schedule.py); a patient counts once per time point.

Primary measure: the share of followed-up patients whose pain (0-10) improved by at least
2 points and at least 30 % from baseline at 6 months (stats.is_responder), with the 95 %
Wilson interval and the follow-up completeness.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings

from saisei.registry.models import Facility

from . import clock, stats
from .models import Occasion, Treatment
from .schedule import BASELINE, FOLLOW_UPS, MONTHS, counts_for, window

MIN_PATIENTS = 10
PRIMARY_TIMEPOINT = "m6"
PAIN = "knee_pain_nrs.pain"
# Measures charted over time: (score key, whether a rise is an improvement).
SERIES = (
    (PAIN, False),
    ("koos.pain", True),
    ("koos.adl", True),
)


@dataclass(frozen=True)
class Point:
    timepoint: str
    months: int
    n: int
    median_change: float | None  # None when n < MIN_PATIENTS


@dataclass(frozen=True)
class Series:
    key: str
    higher_is_better: bool
    points: tuple[Point, ...]

    @property
    def shown(self) -> bool:
        return any(p.median_change is not None for p in self.points)


@dataclass
class ClinicResults:
    treated: int = 0  # confirmed treatments
    due: int = 0  # ... whose 6-month window has opened
    answered: int = 0  # ... who answered inside the 6-month window
    with_baseline: int = 0  # ... and also answered the baseline (the responder n)
    responders: int = 0
    series: list[Series] = field(default_factory=list)

    @property
    def min_patients(self) -> int:
        return MIN_PATIENTS

    @property
    def shows_rate(self) -> bool:
        return self.with_baseline >= MIN_PATIENTS

    @property
    def rate(self) -> float | None:
        return self.responders / self.with_baseline if self.shows_rate else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return (
            stats.wilson_interval(self.responders, self.with_baseline) if self.shows_rate else None
        )

    @property
    def has_any(self) -> bool:
        return self.treated > 0


def _treatments(**lookups: object) -> dict[str, object]:
    """Lookups for the treatments that count: confirmed, with an injection date."""
    condition = {"status": Treatment.Status.CONFIRMED, "injection_date__isnull": False, **lookups}
    if not settings.SAISEI_SHOW_DEMO:
        condition["is_demo"] = False
    return condition


def counted_scores(
    rows: list[tuple[int, date, str, date | None, dict]],
) -> dict[int, dict[str, dict]]:
    """{treatment: {timepoint: scores}} for answers inside their window; others are dropped."""
    result: dict[int, dict[str, dict]] = defaultdict(dict)
    for treatment_id, injection, timepoint, answered_on, scores in rows:
        if answered_on is not None and counts_for(timepoint, injection, answered_on):
            result[treatment_id][timepoint] = scores
    return result


def summarise(
    injections: dict[int, date], counted: dict[int, dict[str, dict]], today: date
) -> ClinicResults:
    results = ClinicResults(treated=len(injections))
    for treatment_id, injection in injections.items():
        if window(PRIMARY_TIMEPOINT, injection).opens <= today:
            results.due += 1
        answers = counted.get(treatment_id, {})
        follow_up = answers.get(PRIMARY_TIMEPOINT, {}).get(PAIN)
        if follow_up is None:
            continue
        results.answered += 1
        baseline = answers.get(BASELINE, {}).get(PAIN)
        if baseline is not None:
            results.with_baseline += 1
            results.responders += stats.is_responder(baseline, follow_up)
    results.series = [_series(key, better, counted) for key, better in SERIES]
    return results


def _series(key: str, higher_is_better: bool, counted: dict[int, dict[str, dict]]) -> Series:
    points = []
    for timepoint in FOLLOW_UPS:
        changes = [
            answers[timepoint][key] - answers[BASELINE][key]
            for answers in counted.values()
            if answers.get(BASELINE, {}).get(key) is not None
            and answers.get(timepoint, {}).get(key) is not None
        ]
        median = stats.median_or_none(changes) if len(changes) >= MIN_PATIENTS else None
        points.append(Point(timepoint, MONTHS[timepoint], len(changes), median))
    return Series(key, higher_is_better, tuple(points))


def _rows(condition: dict[str, object]) -> list[tuple]:
    """(facility, treatment, injection, timepoint, answered_on, scores) per completed occasion,
    and (facility, treatment, injection, None, None, None) for a treatment without one: one
    query (a left join from treatments to their occasions)."""
    rows = Treatment.objects.filter(**condition).values_list(
        "facility_id",
        "pk",
        "injection_date",
        "occasions__timepoint",
        "occasions__answered_on",
        "occasions__scores",
        "occasions__status",
    )
    return [
        row[:6] if row[6] == Occasion.Status.COMPLETED else (*row[:3], None, None, None)
        for row in rows
    ]


def _summaries(rows: list[tuple]) -> dict[int, ClinicResults]:
    injections: dict[int, dict[int, date]] = defaultdict(dict)
    completed: dict[int, list[tuple]] = defaultdict(list)
    for facility_id, pk, injection, timepoint, answered_on, scores in rows:
        injections[facility_id][pk] = injection
        if timepoint is not None:
            completed[facility_id].append((pk, injection, timepoint, answered_on, scores))
    today = clock.today()
    return {
        fid: summarise(inj, counted_scores(completed[fid]), today)
        for fid, inj in injections.items()
    }


def clinic_results(facility: Facility) -> ClinicResults:
    """The clinic's aggregates, in one query."""
    rows = _rows(_treatments(facility=facility, is_demo=facility.is_demo))
    return _summaries(rows).get(facility.pk, ClinicResults())


@dataclass(frozen=True)
class RankedClinic:
    facility: Facility
    results: ClinicResults
    shrunk: float
    raw: float


@dataclass(frozen=True)
class Overall:
    """Every clinic's responders and responder n together: the rate estimates shrink toward."""

    responders: int
    n: int

    @property
    def share(self) -> float | None:
        return self.responders / self.n if self.n else None


def ranking() -> tuple[list[RankedClinic], Overall]:
    """Clinics with a rate shown, sorted by the shrunk responder share (highest first).

    The prior is fitted on every clinic with at least one patient in the responder n.
    Returns the rows and the overall counts they are shrunk toward.
    """
    per_facility = _summaries(_rows(_treatments(facility__listed=True)))
    rates = [
        stats.Rate(fid, r.responders, r.with_baseline)
        for fid, r in per_facility.items()
        if r.with_baseline > 0
    ]
    shrunk = {s.key: s for s in stats.shrink(rates)}
    overall = Overall(sum(r.k for r in rates), sum(r.n for r in rates))
    shown = [fid for fid, r in per_facility.items() if r.shows_rate]
    facilities = Facility.objects.in_bulk(shown)
    ranked = [
        RankedClinic(facilities[fid], per_facility[fid], shrunk[fid].shrunk, shrunk[fid].raw)
        for fid in shown
        if fid in facilities
    ]
    ranked.sort(key=lambda r: (-r.shrunk, r.facility.name_romaji))
    return ranked, overall
