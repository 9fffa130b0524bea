"""`python manage.py import_completions FILE [--dry-run]`: record completions done elsewhere.

Exit status 0 with one summary line ``issued X, unchanged Y``; on any problem every
``line N: column: message`` goes to stderr, nothing changes and the exit status is 1."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError, no_translations

from certificates.imports import import_completions
from organisation.imports import ImportFailed


class Command(BaseCommand):
    help = "Record module completions done elsewhere and issue their certificates."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="CSV: employee_id,module,completed_on,source ('-' = stdin)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report; change nothing."
        )

    @no_translations  # the output is a contract for other tools: always English
    def handle(self, *args, file: str, dry_run: bool = False, **options):
        try:
            if file == "-":
                data = sys.stdin.buffer.read()
            else:
                with open(file, "rb") as fh:
                    data = fh.read()
        except OSError as exc:
            raise CommandError(f"cannot read {file}: {exc.strerror}")
        try:
            summary = import_completions(data, dry_run=dry_run)
        except ImportFailed as exc:
            for message in exc.messages:
                self.stderr.write(message)
            self.stderr.write("nothing was changed")
            sys.exit(1)
        prefix = "dry run: " if dry_run else ""
        self.stdout.write(f"{prefix}{summary}")
