"""E-mail through a real SMTP server (aiosmtpd on a free localhost port), and with it down."""

import socket
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.tasks import task_backends
from django.tasks.backends.dummy import DummyBackend
from django.utils import timezone

from saisei.outbox import services as outbox
from saisei.outbox.models import OutboundEmail
from saisei.quotes import services

from .conftest import make_request

pytestmark = pytest.mark.django_db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Collect:
    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


def smtp_mailers(port: int) -> dict:
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }


@pytest.fixture
def smtp(settings):
    handler = Collect()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = smtp_mailers(port)
    yield handler
    controller.stop()


@pytest.fixture
def smtp_down(settings):
    settings.MAILERS = smtp_mailers(free_port())  # nothing listens there


def test_new_request_mail_reaches_a_real_smtp_server(
    smtp, alice, carol, clinic_a, django_capture_on_commit_callbacks
):
    request = make_request(alice, [clinic_a], send=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_request(alice, request.pk)
    (message,) = smtp.messages
    assert message["To"] == "carol@example.com"
    assert message["Subject"] == "[Saisei] New quote request"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    recipient = request.recipients.get()
    assert f"/clinics/clinic-a/manage/quotes/{recipient.pk}/" in text
    assert "href=" in html
    for medical in ("Osteoarthritis", "Physiotherapy", "Kellgren"):
        assert medical not in text and medical not in html
    assert OutboundEmail.objects.get().status == "sent"


def test_mail_server_down_loses_nothing_and_retries_with_backoff(
    smtp_down, settings, alice, carol, clinic_a, mia, client_for, django_capture_on_commit_callbacks
):
    request = make_request(alice, [clinic_a], send=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_request(alice, request.pk)  # the site keeps working
    request.refresh_from_db()
    assert request.status == "open"
    message = OutboundEmail.objects.get()
    assert (message.status, message.attempts) == ("pending", 1)
    assert "ConnectionRefused" in message.last_error
    assert message.next_attempt_at is not None
    assert message.next_attempt_at > timezone.now() + timedelta(seconds=50)

    page = client_for(mia).get("/moderation/outbox/").content.decode()
    assert "[Saisei] New quote request" in page and "ConnectionRefused" in page

    # The server is back: the next due attempt delivers it.
    handler = Collect()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.MAILERS = smtp_mailers(port)
        OutboundEmail.objects.update(next_attempt_at=timezone.now() - timedelta(minutes=1))
        assert outbox.retry_due() == {}  # its queued task will run: not overdue yet
        OutboundEmail.objects.update(next_attempt_at=timezone.now() - timedelta(minutes=6))
        assert outbox.retry_due() == {"sent": 1}
    finally:
        controller.stop()
    assert len(handler.messages) == 1
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("sent", 2)


def test_a_failed_send_reenqueues_itself_with_a_delay(
    smtp_down, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox.queue(to=["x@example.com"], subject="s", body="b")
    backend = task_backends["default"]
    assert isinstance(backend, DummyBackend)
    assert len(backend.results) == 1  # enqueued once, on commit
    with django_capture_on_commit_callbacks(execute=True):
        assert outbox.attempt_delivery(message.pk) == "pending"
    again = backend.results[-1]
    assert len(backend.results) == 2
    run_after = again.task.run_after
    assert run_after is not None and run_after > timezone.now() + timedelta(seconds=50)
    assert again.args == [message.pk]


def test_after_the_last_attempt_the_mail_is_failed_and_a_moderator_can_retry(
    smtp_down, mia, client_for
):
    message = outbox.queue(to=["x@example.com"], subject="s", body="b")
    for _n in range(outbox.MAX_ATTEMPTS):
        outbox.attempt_delivery(message.pk)
    message.refresh_from_db()
    assert (message.status, message.attempts, message.next_attempt_at) == ("failed", 6, None)
    response = client_for(mia).post(f"/moderation/outbox/{message.pk}/retry/")
    assert response.status_code == 302
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("pending", 0)


def test_backoff_doubles():
    assert [outbox.backoff(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]


def test_a_rolled_back_change_queues_no_mail(alice, clinic_a, django_capture_on_commit_callbacks):
    from django.db import transaction

    request = make_request(alice, [clinic_a], send=False)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.send_request(alice, request.pk)
        raise RuntimeError
    assert not OutboundEmail.objects.exists()
