from typing import Any

from allauth.account.adapter import DefaultAccountAdapter

from .mail import enqueue_message


class AccountAdapter(DefaultAccountAdapter):
    """allauth's e-mails (verification, password reset, notices) go through the task worker."""

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        from allauth.core import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request)}
        ctx.update(context)
        enqueue_message(self.render_mail(template_prefix, email, ctx))


def user_display(user: Any) -> str:
    """How allauth names a user in pages and e-mails: the address, never the username."""
    return str(getattr(user, "email", "") or "")
