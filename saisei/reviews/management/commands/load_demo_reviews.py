from typing import Any

from django.core.management.base import BaseCommand

from saisei.reviews.demo import load_demo_reviews


class Command(BaseCommand):
    help = "Load fictional reviews for the demo clinics (run after load_demo_outcomes)."

    def handle(self, *args: Any, **options: Any) -> None:
        loaded = load_demo_reviews()
        if not loaded:
            self.stdout.write("No demo clinics found: run `manage.py load_demo` first.")
        for slug, count in loaded.items():
            self.stdout.write(f"{slug}: {count} fictional reviews")
