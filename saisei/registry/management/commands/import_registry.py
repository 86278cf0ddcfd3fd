"""`manage.py import_registry PATH [PATH ...]`: import registry plans and prices files."""

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper

from saisei.registry.importer import ImportFailed, ImportReport, import_registry

MAX_WARNINGS_SHOWN = 50
BAR_WIDTH = 30


def _plain(text: str) -> str:
    return text


class ProgressPrinter:
    """A bar redrawn with \\r on a terminal; a line every 10% otherwise."""

    LABELS = {"read": ("Reading", "read"), "save": ("Saving", "saved")}

    def __init__(self, out: OutputWrapper) -> None:
        self.out = out
        self.tty = out.isatty()
        self.shown: dict[str, int] = {}
        self.line_open = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if total <= 0:
            return
        label, verb = self.LABELS.get(stage, (stage.capitalize(), stage))
        percent = done * 100 // total
        step = percent if self.tty else percent // 10
        if self.shown.get(stage) == step:
            return
        self.shown[stage] = step
        if self.tty:
            filled = BAR_WIDTH * done // total
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            text = f"\r{label} [{bar}] {percent:3d}% ({done:,} of {total:,} rows)"
            self.out.write(text, style_func=_plain, ending="")
            self.line_open = done < total
            if not self.line_open:
                self.out.write("", style_func=_plain)
            self.out.flush()
        else:
            self.out.write(f"{verb} {done} of {total} rows", style_func=_plain)

    def close(self) -> None:
        """End a bar left open (when the import stopped half-way)."""
        if self.line_open:
            self.out.write("", style_func=_plain)
            self.line_open = False


class Command(BaseCommand):
    help = (
        "Import registry extracts: a plans file (a full extract: plans it leaves out become "
        "'no longer listed') and/or a prices file. All files are imported in one transaction; "
        "on any error nothing is imported."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="CSV files")

    def handle(self, *args: Any, **options: Any) -> None:
        paths: list[Path] = options["paths"]
        printer = ProgressPrinter(self.stderr)
        started = time.monotonic()
        try:
            report = import_registry(
                paths, progress=printer, actor_label="manage.py import_registry"
            )
        except ImportFailed as failed:
            printer.close()
            for error in failed.errors:
                self.stderr.write(str(error))
            files = len({error.file for error in failed.errors})
            raise CommandError(
                f"{len(failed.errors)} error(s) in {files} file(s). Nothing was imported."
            ) from failed
        printer.close()
        self._print_warnings(report)
        self._print_counts(report, time.monotonic() - started)

    def _print_warnings(self, report: ImportReport) -> None:
        for warning in report.warnings[:MAX_WARNINGS_SHOWN]:
            self.stderr.write(f"warning: {warning}", style_func=self.style.WARNING)
        more = len(report.warnings) - MAX_WARNINGS_SHOWN
        if more > 0:
            self.stderr.write(f"... and {more} more warnings", style_func=self.style.WARNING)

    def _print_counts(self, report: ImportReport, seconds: float) -> None:
        c = report.counts
        for source in report.files:
            self.stdout.write(
                f"Read {source['name']}: {source['kind']}, {source['rows']:,} rows "
                f"({source['encoding']})."
            )
        plans = (
            f"Plans: {c['plans_new']:,} new, {c['plans_changed']:,} changed, "
            f"{c['plans_unchanged']:,} unchanged, {c['plans_no_longer_listed']:,} no longer listed"
        )
        if c["plans_relisted"]:
            plans += f" ({c['plans_relisted']:,} of the changed listed again)"
        self.stdout.write(plans + ".")
        self.stdout.write(
            f"Facilities: {c['facilities_new']:,} new, {c['facilities_changed']:,} changed, "
            f"{c['facilities_unchanged']:,} unchanged."
        )
        prices = (
            f"Prices: {c['prices_new']:,} new, {c['prices_changed']:,} changed, "
            f"{c['prices_unchanged']:,} unchanged, "
            f"{c['prices_no_longer_listed']:,} no longer listed"
        )
        if c["prices_repeats"]:
            prices += (
                f"; {c['prices_repeats']:,} repeat an amount already found for the same plan "
                "and are counted once"
            )
        if c["prices_merged"]:
            prices += f"; {c['prices_merged']:,} exact duplicate rows stored once"
        self.stdout.write(prices + ".")
        warnings = c["warnings"]
        self.stdout.write(f"Warnings: {warnings:,}." if warnings else "No warnings.")
        self.stdout.write(
            self.style.SUCCESS(f"Import run {report.run_id} finished in {seconds:.1f} s.")
        )
