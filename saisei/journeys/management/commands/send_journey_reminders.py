from django.core.management.base import BaseCommand

from saisei.journeys.saved import send_due_reminders


class Command(BaseCommand):
    help = (
        "E-mail every saved plan's reminder whose time has come and that was not sent or "
        "cancelled. The worker already sends them at their time (tasks with run_after); run "
        "this from cron (e.g. every 15 minutes) with a task backend that cannot defer, or as a "
        "safety net. A reminder is never sent twice."
    )

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"reminders sent {send_due_reminders()}")
