"""E-mail is sent by the task worker, never in the request."""

from django.core.mail import EmailMultiAlternatives, mailers
from django.tasks import task


@task
def send_email(subject: str, body: str, to: list[str], from_email: str, html: str = "") -> int:
    """Send one message through the default mailer (settings.MAILERS)."""
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html:
        message.attach_alternative(html, "text/html")
    return mailers.default.send_messages([message])
