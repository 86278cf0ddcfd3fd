"""Compile locale/*/LC_MESSAGES/*.po into .mo files with Babel (no GNU gettext needed)."""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile the translation catalogues (.po to .mo); skips those already up to date."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--force", action="store_true", help="Recompile every catalogue.")

    def handle(self, *args, force: bool = False, **options) -> None:
        compiled = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if (
                    not force
                    and mo_path.exists()
                    and mo_path.stat().st_mtime >= po_path.stat().st_mtime
                ):
                    continue
                try:
                    with po_path.open("rb") as po_file:
                        catalog = read_po(po_file, locale=po_path.parts[-3])
                except Exception as error:
                    raise CommandError(f"{po_path}: {error}") from error
                with mo_path.open("wb") as mo_file:
                    write_mo(mo_file, catalog, use_fuzzy=False)
                compiled += 1
        if options["verbosity"] >= 1:
            self.stdout.write(f"Compiled {compiled} catalogue(s).")
