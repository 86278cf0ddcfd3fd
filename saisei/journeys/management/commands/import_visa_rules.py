"""`manage.py import_visa_rules PATH`: load the visa exemption table from its CSV file."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from saisei.journeys.services import import_visa_rules
from saisei.journeys.visa_import import VisaImportError

MAX_PROBLEMS_SHOWN = 30


class Command(BaseCommand):
    help = (
        "Import the visa exemption table (e.g. saisei/journeys/data/visa_exemptions.csv). The "
        "file is the whole table: rows it no longer has are deleted. One transaction: on any "
        "error nothing changes. Importing the same file again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, metavar="PATH")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        try:
            summary = import_visa_rules(path, actor_label="manage.py import_visa_rules")
        except VisaImportError as error:
            shown = error.problems[:MAX_PROBLEMS_SHOWN]
            more = len(error.problems) - len(shown)
            lines = [*shown, *([f"... and {more} more problems"] if more > 0 else [])]
            raise CommandError("Nothing was imported:\n" + "\n".join(lines)) from error
        self.stdout.write(
            f"Visa rules from {path}: {summary.created} created, {summary.updated} updated, "
            f"{summary.unchanged} unchanged, {summary.deleted} deleted."
        )
