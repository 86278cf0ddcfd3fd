"""Render an e-mail now, send it from the task worker once the transaction commits."""

from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from saisei.outbox import services as outbox

SUBJECT_PREFIX = "[Saisei] "


def enqueue_message(message: EmailMessage, kind: str = "") -> None:
    """Queue an already rendered message in the outbox; nothing is queued on a rollback."""
    html = ""
    if isinstance(message, EmailMultiAlternatives):
        html = next((str(c) for c, mimetype in message.alternatives if mimetype == "text/html"), "")
    subject, body, to = str(message.subject), str(message.body), list(message.to)
    from_email = message.from_email or settings.DEFAULT_FROM_EMAIL
    outbox.queue(to=to, subject=subject, body=body, html=html, from_email=from_email, kind=kind)


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
    enqueue_message(message, kind=template_prefix.rsplit("/", 1)[-1])
