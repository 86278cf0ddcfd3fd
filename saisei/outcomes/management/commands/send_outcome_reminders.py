from typing import Any

from django.core.management.base import BaseCommand

from saisei.outcomes.tasks import send_reminders


class Command(BaseCommand):
    help = "Queue today's questionnaire invitations and reminders (run once a day, e.g. cron)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--now", action="store_true", help="Send in this process, not queued.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            result = send_reminders.call()
            self.stdout.write(
                f"Invitations: {result['invitations']}, reminders: {result['reminders']}"
            )
        else:
            send_reminders.enqueue()
            self.stdout.write("Queued the reminders task.")
