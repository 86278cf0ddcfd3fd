from django.core.management.base import BaseCommand

from saisei.outbox.services import retry_due


class Command(BaseCommand):
    help = "Attempt every pending e-mail whose next attempt is due (a cron job's safety net)."

    def handle(self, *args: object, **options: object) -> None:
        counts = retry_due()
        self.stdout.write(
            ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "nothing due"
        )
