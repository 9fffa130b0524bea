"""Write everything the platform holds about one person to a ZIP (an access request,
GDPR Art. 15): `manage.py export_personal_data EMPLOYEE_ID [--output FILE]`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from organisation.models import StaffMember
from reports.personal_data import export_zip


class Command(BaseCommand):
    help = "Export one person's data (JSON and a readable HTML summary) as a ZIP."

    def add_arguments(self, parser):
        parser.add_argument("employee_id")
        parser.add_argument("--output", help="the ZIP to write (default personal-data-ID.zip)")

    def handle(self, *args, employee_id, output=None, **options):
        staff = (
            StaffMember.objects.select_related("user", "service_point__division", "role")
            .filter(employee_id=employee_id)
            .first()
        )
        if staff is None:
            raise CommandError(f"no staff member with employee id {employee_id!r}")
        path = Path(output or f"personal-data-{employee_id}.zip")
        path.write_bytes(export_zip(staff))
        self.stdout.write(f"wrote {path}")
