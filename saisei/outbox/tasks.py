"""The worker sends what the outbox holds; a failed send is retried later, with backoff."""

from django.tasks import task


@task
def deliver(message_id: int) -> str:
    from .services import attempt_delivery

    return attempt_delivery(message_id)
