from typing import Any

from django.core.management.base import BaseCommand

from saisei.outcomes.demo import load_demo_outcomes


class Command(BaseCommand):
    help = "Load fictional outcome data for the demo clinics (run after load_demo)."

    def handle(self, *args: Any, **options: Any) -> None:
        loaded = load_demo_outcomes()
        if not loaded:
            self.stdout.write("No demo clinics found: run `manage.py load_demo` first.")
        for slug, count in loaded.items():
            self.stdout.write(f"{slug}: {count} fictional treatments with questionnaires")
