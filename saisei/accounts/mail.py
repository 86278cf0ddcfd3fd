"""Render an e-mail now, send it from the task worker once the transaction commits."""

from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import send_email

SUBJECT_PREFIX = "[Saisei] "


def enqueue_message(message: EmailMessage) -> None:
    """Queue an already rendered message; nothing is queued if the transaction rolls back."""
    html = ""
    if isinstance(message, EmailMultiAlternatives):
        html = next((str(c) for c, mimetype in message.alternatives if mimetype == "text/html"), "")
    subject, body, to = str(message.subject), str(message.body), list(message.to)
    from_email = message.from_email or settings.DEFAULT_FROM_EMAIL
    transaction.on_commit(
        lambda: send_email.enqueue(
            subject=subject, body=body, to=to, from_email=from_email, html=html
        )
    )


def send_templated(
    template_prefix: str, to: str, context: dict[str, Any], language: str | None = None
) -> None:
    """Render `<prefix>_subject.txt`, `_message.txt` and `_message.html` and queue the mail."""
    with translation.override(language or translation.get_language() or "en"):
        context = {"site_url": settings.SITE_URL, **context}
        raw_subject = render_to_string(f"{template_prefix}_subject.txt", context)
        subject = SUBJECT_PREFIX + " ".join(raw_subject.splitlines()).strip()
        body = render_to_string(f"{template_prefix}_message.txt", context).strip()
        html = render_to_string(f"{template_prefix}_message.html", context).strip()
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
    message.attach_alternative(html, "text/html")
    enqueue_message(message)
