"""Shared output of the reminder commands."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError


class JobCommand(BaseCommand):
    job = None  # a function of reminders.services

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Show who would get a message; send nothing."
        )
        parser.add_argument(
            "--date", help="Run as of this date (YYYY-MM-DD) instead of today (for catching up)."
        )

    def parse_date(self, value):
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise CommandError(f"--date: not a date in the form YYYY-MM-DD: {value!r}")

    def run_job(self, **kwargs):
        return type(self).job(**kwargs)

    def handle(self, *args, **options):
        dry_run = options["dry_run"]
        result = self.run_job(today=self.parse_date(options["date"]), dry_run=dry_run)
        if dry_run or options["verbosity"] > 1:
            for planned in result.planned:
                names = ", ".join(
                    item.get("title") or item.get("service_point", "") for item in planned.items
                )
                self.stdout.write(f"{planned.staff.email}\t{planned.subject}\t{names}")
        prefix = "dry run: " if dry_run else ""
        self.stdout.write(prefix + result.summary())
