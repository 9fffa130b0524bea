"""Shared behaviour of the HR import commands."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, no_translations

from organisation.imports import ImportFailed, Summary
from organisation.models import AuditEvent


class ImportCommand(BaseCommand):
    action = ""

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file (UTF-8, comma or semicolon separated)")
        parser.add_argument(
            "--dry-run", action="store_true", help="validate and summarise, change nothing"
        )

    def run_import(self, data: bytes, options) -> Summary:
        raise NotImplementedError

    @no_translations  # the output is a contract for other tools: always English
    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            size = path.stat().st_size
            if size > settings.IMPORT_MAX_BYTES:
                raise CommandError(
                    f"{path.name} is {size:,} bytes, more than IMPORT_MAX_BYTES "
                    f"({settings.IMPORT_MAX_BYTES:,}); nothing was changed",
                    returncode=1,
                )
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror}")
        try:
            summary = self.run_import(data, options)
        except ImportFailed as exc:
            for message in exc.messages:
                self.stderr.write(message)
            raise CommandError(
                f"{len(exc.errors)} problem(s) in {path.name}; nothing was changed",
                returncode=1,
            )
        if not summary.dry_run:
            AuditEvent.record(None, self.action, path.name, source="command", **summary.as_dict())
        self.stdout.write(str(summary))
