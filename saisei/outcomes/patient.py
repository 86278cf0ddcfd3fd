"""What a patient sees of their own follow-up: their treatments, questionnaires and scores."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import clock, links, questionnaires, reminders, services
from .models import Occasion, Treatment
from .schedule import counts_for, window


@dataclass(frozen=True)
class ScoreView:
    label: str
    value: float | None
    interpretation: str
    source: str = ""


@dataclass
class OccasionView:
    occasion: Occasion
    opens: date | None
    closes: date | None
    counted: bool | None
    answer_url: str
    scores: list[ScoreView] = field(default_factory=list)


@dataclass
class TreatmentView:
    treatment: Treatment
    occasions: list[OccasionView]

    @property
    def sources(self) -> list[str]:
        """Where the words next to the scores (mild, severe, ...) come from."""
        found = {s.source for o in self.occasions for s in o.scores if s.source}
        return sorted(found)

    @property
    def can_confirm(self) -> bool:
        return self.treatment.status == Treatment.Status.DONE

    @property
    def can_dispute(self) -> bool:
        return self.treatment.status != Treatment.Status.DISPUTED


def _scores(occasion: Occasion) -> list[ScoreView]:
    views = []
    for instrument in questionnaires.all_instruments().values():
        for subscale in instrument.subscales:
            key = f"{instrument.id}.{subscale.id}"
            if key not in occasion.scores:
                continue
            value = occasion.scores[key]
            band = subscale.interpret(value)
            views.append(
                ScoreView(
                    questionnaires.localise(subscale.label),
                    None if value is None else round(value, 1),
                    questionnaires.localise(band) if band else "",
                    questionnaires.localise(subscale.bands_source) if band else "",
                )
            )
    return views


def _occasion_view(occasion: Occasion, treatment: Treatment, today: date) -> OccasionView:
    injection = treatment.injection_date
    span = window(occasion.timepoint, injection) if injection else None
    completed = occasion.status == Occasion.Status.COMPLETED
    counted = None
    if completed and injection and occasion.answered_on:
        counted = counts_for(occasion.timepoint, injection, occasion.answered_on)
    can_answer = treatment.is_active and not completed and reminders.is_open(occasion, today)
    return OccasionView(
        occasion=occasion,
        opens=span.opens if span else None,
        closes=span.closes if span else None,
        counted=counted,
        answer_url=links.answer_url(occasion.pk) if can_answer else "",
        scores=_scores(occasion) if completed else [],
    )


def patient_view(user: Any) -> list[TreatmentView]:
    today = clock.today()
    return [
        TreatmentView(t, [_occasion_view(o, t, today) for o in t.occasions.all()])
        for t in services.treatments_of(user)
    ]
