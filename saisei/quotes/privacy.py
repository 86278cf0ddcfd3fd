"""The patient's quote data in the privacy export, and what deleting an account removes.

Deletion removes the personal content of the patient's requests (condition, dates, budget,
questions, nationality), their uploads (files and rows) and the text of their messages; it
keeps the anonymised request skeleton, the clinics' quotes and the clinics' own messages,
which the clinics need for their quote history.
"""

from collections.abc import Iterator
from io import BytesIO
from typing import IO, Any

from saisei.accounts.privacy import PrivacyHandler, register
from saisei.audit.services import record

from . import uploads
from .models import Message, QuoteRequest, Report, Upload

DELETED = "[deleted]"


def export(user: Any) -> list[dict[str, Any]]:
    out = []
    requests = QuoteRequest.objects.filter(patient=user).prefetch_related(
        "recipients__facility", "recipients__quotes__items", "recipients__messages", "uploads"
    )
    for r in requests:
        out.append(
            {
                "id": str(r.pk),
                "status": r.status,
                "created": r.created,
                "sent_at": r.sent_at,
                "knees": r.knees,
                "diagnosis": r.diagnosis,
                "kl_grade": r.kl_grade,
                "prior_treatments": r.prior_treatments,
                "imaging": r.imaging,
                "age_range": r.age_range,
                "nationality": str(r.nationality),
                "travel_from": r.travel_from,
                "travel_to": r.travel_to,
                "companion": r.companion,
                "language": r.language,
                "budget": [r.budget_amount, r.budget_currency],
                "questions": r.questions,
                "other_questions": r.other_questions,
                "reports": [
                    {"at": rep.created, "reason": rep.reason, "status": rep.status}
                    for rep in r.reports.filter(reporter=user)
                ],
                "uploads": [
                    {"file": f"{u.pk}-{u.name}", "kind": u.kind, "size": u.size}
                    for u in r.uploads.all()
                ],
                "clinics": [
                    {
                        "clinic": rec.facility.name_ja,
                        "status": rec.status,
                        "decline_reason": rec.decline_reason,
                        "quotes": [
                            {
                                "version": q.version,
                                "status": q.status,
                                "valid_until": q.valid_until,
                                "items": [
                                    {
                                        "kind": i.kind,
                                        "amount_jpy": i.amount_jpy,
                                        "quantity": i.quantity,
                                        "inclusion": i.inclusion,
                                    }
                                    for i in q.items.all()
                                ],
                            }
                            for q in rec.quotes.all()
                        ],
                        "messages": [
                            {"at": m.created, "from_clinic": m.from_clinic, "body": m.body}
                            for m in rec.messages.all()
                        ],
                    }
                    for rec in r.recipients.all()
                ],
            }
        )
    return out


def files(user: Any) -> Iterator[tuple[str, IO[bytes]]]:
    for upload in Upload.objects.filter(request__patient=user):
        yield f"{upload.pk}-{upload.name}", BytesIO(uploads.read(upload.pk))


def anonymise(user: Any) -> None:
    for upload in Upload.objects.filter(request__patient=user):
        uploads.remove(upload.pk)
        upload.delete()
    Message.objects.filter(recipient__request__patient=user, from_clinic=False).update(
        body=DELETED, author=None
    )
    Report.objects.filter(reporter=user, from_clinic__isnull=True).update(
        reason=DELETED, reporter=None
    )
    for r in QuoteRequest.objects.filter(patient=user):
        r.diagnosis = r.prior_treatments = r.other_questions = ""
        r.kl_grade = ""
        r.nationality = ""
        r.travel_from = r.travel_to = None
        r.budget_amount = None
        r.companion = False
        r.anonymised = True
        r.patient = None
        r.save()
        record("quote_request.anonymised", r, actor=user)


register(PrivacyHandler("quote_requests", export=export, anonymise=anonymise, files=files))
