"""`manage.py import_rates PATH [PATH ...] [--source TEXT] [--source-url URL]`."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator

from saisei.lib.models import ExchangeRate
from saisei.lib.rates_import import (
    ECB_SOURCE,
    ECB_SOURCE_URL,
    RateImportError,
    import_rate_files,
)

MAX_PROBLEMS_SHOWN = 20


class Command(BaseCommand):
    help = (
        "Import euro exchange rates from files in the ECB's CSV layout (eurofxref.csv or "
        "eurofxref-hist.csv). Every row is stored; re-importing the same file changes nothing."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument(
            "--source",
            help=f'Who published the rates (default: "{ECB_SOURCE}").',
        )
        parser.add_argument(
            "--source-url",
            default=None,
            help="Where the rates are published (default: the ECB's page, with the default "
            "source only; none with --source).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        source: str = (options["source"] or "").strip() or ECB_SOURCE
        source_url: str | None = options["source_url"]
        if source_url is None:
            source_url = ECB_SOURCE_URL if source == ECB_SOURCE else ""
        source_url = source_url.strip()
        max_source = ExchangeRate._meta.get_field("source").max_length or 200
        if len(source) > max_source:
            raise CommandError(f"--source is longer than {max_source} characters.")
        if source_url:
            try:
                URLValidator(schemes=["http", "https"])(source_url)
            except ValidationError as error:
                raise CommandError(f"--source-url {source_url!r} is not a web address.") from error
        try:
            summary = import_rate_files(options["paths"], source, source_url)
        except RateImportError as error:
            shown = error.problems[:MAX_PROBLEMS_SHOWN]
            more = len(error.problems) - len(shown)
            lines = [*shown, *([f"... and {more} more problems"] if more > 0 else [])]
            raise CommandError(
                "Nothing was imported:\n" + "\n".join(f"  {line}" for line in lines)
            ) from error
        if summary.ignored_columns and options["verbosity"] >= 2:
            self.stdout.write(
                "Ignored columns (not supported currencies): " + ", ".join(summary.ignored_columns)
            )
        dates = (
            str(summary.first_date)
            if summary.first_date == summary.last_date
            else f"{summary.first_date} to {summary.last_date}"
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Rates from {len(summary.files)} file(s), {dates}, "
                f"{', '.join(summary.currencies)}: {summary.created} created, "
                f"{summary.updated} updated, {summary.unchanged} unchanged."
            )
        )
