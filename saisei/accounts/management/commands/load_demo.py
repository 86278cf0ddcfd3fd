from typing import Any

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.conf import settings
from django.core.management.base import BaseCommand

from saisei.accounts import demo
from saisei.quotes.demo import load_from_accounts_demo as quotes_demo


class Command(BaseCommand):
    help = "Add the fictional demo clinics and demo accounts (idempotent); print the sign-ins."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.SAISEI_SHOW_DEMO:
            self.stdout.write("SHOW_DEMO is off: demo clinics and accounts were not loaded.")
            return
        result = demo.load_demo()
        quotes_demo(result)
        names = ", ".join(c.name_romaji for c in result.clinics)
        self.stdout.write(f"Demo clinics (fictional): {names}")
        self.stdout.write(f"Demo accounts (password for all: {demo.DEMO_PASSWORD}):")
        for spec, user in result.accounts:
            line = f"  {spec.role:<13} {spec.email}"
            if spec.totp_secret:
                codes = Authenticator.objects.get(user=user, type="recovery_codes")
                unused = RecoveryCodes(codes).get_unused_codes()
                line += (
                    f"\n                TOTP secret {spec.totp_secret}"
                    f" (add it to an authenticator app, or run"
                    f" `manage.py demo_totp {spec.email}`); recovery code {unused[0]}"
                )
            self.stdout.write(line)
