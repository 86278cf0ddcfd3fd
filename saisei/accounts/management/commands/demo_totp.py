from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from saisei.accounts import demo
from saisei.accounts.totp import current_code


class Command(BaseCommand):
    help = "Print the current TOTP code of a demo account (demo accounts only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: Any, **options: Any) -> None:
        spec = next((a for a in demo.ACCOUNTS if a.email == options["email"]), None)
        if spec is None or not spec.totp_secret:
            raise CommandError("Not a demo account with two-factor authentication.")
        self.stdout.write(current_code(spec.totp_secret))
