"""The worker sends a saved plan's reminder at its time (enqueued with run_after)."""

from django.tasks import task


@task
def send_reminder(reminder_id: int) -> str:
    from .saved import deliver_reminder

    return deliver_reminder(reminder_id)
