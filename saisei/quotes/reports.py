"""Reports to the moderators, and the moderators' access to a reported request."""

from typing import Any

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from saisei.audit.services import record
from saisei.registry.models import Facility

from .errors import QuoteError
from .models import QuoteRequest, Report, Upload


@transaction.atomic
def report(
    request: QuoteRequest, reporter: Any, reason: str, *, clinic: Facility | None = None
) -> Report:
    reason = reason.strip()
    if not reason:
        raise QuoteError(_("Tell the moderators what is wrong."))
    created = Report.objects.create(
        request=request, reporter=reporter, from_clinic=clinic, reason=reason
    )
    record(
        "quote_request.reported",
        request,
        actor=reporter,
        report=created.pk,
        clinic=clinic.pk if clinic else None,
    )
    return created


@transaction.atomic
def close(report_id: int, moderator: Any, note: str = "") -> Report:
    found = Report.objects.select_for_update().get(pk=report_id)
    if found.status == Report.Status.OPEN:
        found.status, found.closed_at, found.closed_by = (
            Report.Status.CLOSED,
            timezone.now(),
            moderator,
        )
        found.note = note.strip()
        found.save()
        record("quote_report.closed", found, actor=moderator, request=str(found.request_id))
    return found


def open_report(report_id: int) -> Report:
    """An open report (404 otherwise): the only way a moderator reaches patient data."""
    found = (
        Report.objects.filter(pk=report_id, status=Report.Status.OPEN)
        .select_related("request", "from_clinic")
        .first()
    )
    if found is None:
        raise Http404
    return found


@transaction.atomic
def read_reported(found: Report, moderator: Any) -> None:
    record("quote_request.read", found.request, actor=moderator, role="moderator", report=found.pk)


def upload_of(found: Report, upload_id: Any) -> Upload:
    upload = Upload.objects.filter(pk=upload_id, request_id=found.request_id).first()
    if upload is None:
        raise Http404
    return upload
