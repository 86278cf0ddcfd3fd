"""What the outcomes app holds about a patient, for export and for account deletion.

On deletion, a treatment's answers stay (tied to the anonymised account) only where the
patient agreed when they stopped taking part (`answers_may_stay`); everything else goes.
"""

from typing import Any

from saisei.accounts.privacy import PrivacyHandler, register

from .models import Answer, Treatment


def export_outcomes(user: Any) -> list[dict[str, Any]]:
    answers: dict[int, list[dict[str, Any]]] = {}
    for a in Answer.objects.filter(occasion__treatment__patient=user).order_by("pk"):
        answers.setdefault(a.occasion_id, []).append(
            {"instrument": a.instrument, "item": a.item, "value": a.value, "at": a.answered_at}
        )
    return [
        {
            "clinic": t.facility.name_ja,
            "status": t.status,
            "harvest_date": t.harvest_date,
            "injection_date": t.injection_date,
            "quote_id": str(t.quote_id) if t.quote_id else None,
            "follow_up": t.follow_up,
            "answers_may_stay": t.answers_may_stay,
            "dispute_reason": t.dispute_reason,
            "questionnaires": [
                {
                    "timepoint": o.timepoint,
                    "status": o.status,
                    "answered_on": o.answered_on,
                    "scores": o.scores,
                    "answers": answers.get(o.pk, []),
                }
                for o in t.occasions.all()
            ],
        }
        for t in Treatment.objects.filter(patient=user)
        .select_related("facility")
        .prefetch_related("occasions")
    ]


def anonymise_outcomes(user: Any) -> None:
    mine = Treatment.objects.filter(patient=user)
    mine.filter(answers_may_stay=False).delete()
    mine.update(
        follow_up=Treatment.FollowUp.STOPPED, dispute_reason="", disputed_by=None, done_by=None
    )


register(PrivacyHandler("outcomes", export=export_outcomes, anonymise=anonymise_outcomes))
