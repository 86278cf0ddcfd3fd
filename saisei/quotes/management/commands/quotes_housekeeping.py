from django.core.management.base import BaseCommand

from saisei.outbox.services import retry_due
from saisei.quotes import services


class Command(BaseCommand):
    help = (
        "Expire quotes past their validity date, e-mail reminders for quotes that expire "
        "within 3 days, and retry due e-mails. Run it from cron, e.g. every hour."
    )

    def handle(self, *args: object, **options: object) -> None:
        expired = services.expire_quotes()
        reminded = services.send_expiry_reminders()
        mail = retry_due()
        self.stdout.write(f"expired {expired}, reminders {reminded}, e-mail retries {mail}")
