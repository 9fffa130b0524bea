"""Apply the retention periods now: `manage.py apply_retention [--dry-run]`
(reports/retention.py says what goes when)."""

from django.core.management.base import BaseCommand

from reports.retention import apply_retention


class Command(BaseCommand):
    help = "Remove quiz answers and leavers' personal data past their retention periods."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only count what would go")

    def handle(self, *args, dry_run=False, **options):
        result = apply_retention(dry_run=dry_run)
        prefix = "would remove: " if dry_run else "removed: "
        self.stdout.write(prefix + result.summary())
