"""Queue e-mails in the outbox inside the caller's transaction; send them from the worker.

`queue()` writes the row in the current transaction and enqueues the `deliver` task once the
transaction commits, so a rolled-back change sends nothing and a committed one is never lost:
if the mail server is down, the attempt is recorded (attempts, last error) and the task is
enqueued again with a growing delay (`run_after`), up to MAX_ATTEMPTS; then the message is
marked failed and shown to moderators, who can retry it. `retry_due()` (run by
`manage.py send_outbox` or `quotes_housekeeping`) catches up whatever is more than GRACE
overdue: a task lost, or a backend that cannot defer.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from saisei.audit.services import record

from .models import OutboundEmail
from .tasks import deliver

MAX_ATTEMPTS = 6
FIRST_DELAY = timedelta(minutes=1)
# retry_due() leaves a message alone until it is this late: until then its task is queued.
GRACE = timedelta(minutes=5)


def backoff(attempts: int) -> timedelta:
    """1, 2, 4, 8, 16 minutes... after the 1st, 2nd, 3rd... failed attempt."""
    return FIRST_DELAY * (2 ** max(attempts - 1, 0))


def queue(
    *, to: list[str], subject: str, body: str, html: str = "", from_email: str = "", kind: str = ""
) -> OutboundEmail:
    message = OutboundEmail.objects.create(
        kind=kind,
        to=list(to),
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        subject=subject,
        body=body,
        html=html,
        next_attempt_at=timezone.now(),
    )
    pk = message.pk
    transaction.on_commit(lambda: _enqueue(pk))
    return message


def _enqueue(message_id: int, delay: timedelta | None = None) -> None:
    task = deliver
    if delay is not None:
        if not task.get_backend().supports_defer:
            return  # picked up by retry_due() (manage.py send_outbox)
        task = task.using(run_after=timezone.now() + delay)
    task.enqueue(message_id)


def _as_email(message: OutboundEmail) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        message.subject, message.body, message.from_email, list(message.to)
    )
    if message.html:
        email.attach_alternative(message.html, "text/html")
    return email


def attempt_delivery(message_id: int) -> str:
    """Send one pending message now; on failure schedule the next attempt. Returns the status."""
    with transaction.atomic():
        message = OutboundEmail.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.status != OutboundEmail.Status.PENDING:
            return message.status if message else "missing"
        message.attempts += 1
        try:
            mailers.default.send_messages([_as_email(message)])
        except Exception as error:  # any transport error: the server is down or refused it
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            if message.attempts >= MAX_ATTEMPTS:
                message.status = OutboundEmail.Status.FAILED
                message.next_attempt_at = None
                record("outbox.failed", message, actor_label="worker", error=message.last_error)
            else:
                delay = backoff(message.attempts)
                message.next_attempt_at = timezone.now() + delay
                transaction.on_commit(lambda: _enqueue(message_id, delay))
        else:
            message.status = OutboundEmail.Status.SENT
            message.sent_at = timezone.now()
            message.next_attempt_at = None
            message.last_error = ""
        message.save()
        return message.status


def due() -> QuerySet[OutboundEmail]:
    """Pending messages whose attempt is overdue, i.e. whose task was lost or never queued."""
    return OutboundEmail.objects.filter(
        status=OutboundEmail.Status.PENDING, next_attempt_at__lte=timezone.now() - GRACE
    )


def retry_due() -> dict[str, int]:
    """Attempt every pending message whose next attempt is due; returns counts by outcome."""
    counts: dict[str, int] = {}
    for pk in list(due().order_by("next_attempt_at").values_list("pk", flat=True)[:500]):
        status = attempt_delivery(pk)
        counts[status] = counts.get(status, 0) + 1
    return counts


@transaction.atomic
def retry_failed(message_id: int, moderator: object) -> OutboundEmail:
    """A moderator sends a failed message again (attempts start over)."""
    message = OutboundEmail.objects.select_for_update().get(pk=message_id)
    if message.status == OutboundEmail.Status.FAILED:
        message.status = OutboundEmail.Status.PENDING
        message.attempts = 0
        message.next_attempt_at = timezone.now()
        message.save()
        record("outbox.retried", message, actor=moderator)
        transaction.on_commit(lambda: _enqueue(message_id))
    return message


def unsent() -> QuerySet[OutboundEmail]:
    return OutboundEmail.objects.exclude(status=OutboundEmail.Status.SENT)
