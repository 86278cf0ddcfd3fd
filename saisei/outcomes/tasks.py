"""Background work: the daily invitations and reminders (run by `send_outcome_reminders`)."""

from django.tasks import task

from . import reminders


@task
def send_reminders() -> dict[str, int]:
    sent = reminders.send_due()
    return {"invitations": sent.invitations, "reminders": sent.reminders}
