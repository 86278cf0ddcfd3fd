"""What the reviews app holds about a patient, for export and for account deletion.

On deletion the patient's reviews (their words) are deleted, with the clinics' replies to
them; reports they made keep the moderators' decision but lose the reporter and the reason.
"""

from typing import Any

from django.db.models import Q

from saisei.accounts.privacy import PrivacyHandler, register
from saisei.audit.services import record

from .models import Aspect, Report, Review


def export_reviews(user: Any) -> dict[str, Any]:
    reviews = Review.objects.filter(Q(author=user) | Q(treatment__patient=user)).select_related(
        "facility", "reply"
    )
    written = []
    for r in reviews:
        reply = getattr(r, "reply", None)
        written.append(
            {
                "clinic": r.facility.name_ja,
                "written": r.created,
                "status": r.status,
                "moderator_reason": r.decision_reason,
                "ratings": {a.value: getattr(r, a.value) for a in Aspect},
                "texts": {a.value: getattr(r, f"{a.value}_text") for a in Aspect},
                "final_price_jpy": r.final_price_jpy,
                "quoted_total_jpy": r.quoted_total_jpy,
                "clinic_reply": reply.text if reply else None,
            }
        )
    reports = [
        {"review": rep.review_id, "reason": rep.reason, "status": rep.status, "at": rep.created}
        for rep in Report.objects.filter(reporter=user)
    ]
    return {"reviews": written, "reports": reports}


def anonymise_reviews(user: Any) -> None:
    mine = Review.objects.filter(Q(author=user) | Q(treatment__patient=user))
    count = mine.count()
    mine.delete()
    Report.objects.filter(reporter=user, status=Report.Status.OPEN).delete()
    Report.objects.filter(reporter=user).update(reporter=None, reason="")
    record("review.anonymised", user, actor=user, reviews_deleted=count)


register(PrivacyHandler("reviews", export=export_reviews, anonymise=anonymise_reviews))
