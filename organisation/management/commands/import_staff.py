from organisation.imports import import_staff

from ._importing import ImportCommand


class Command(ImportCommand):
    help = (
        "Import staff from CSV: employee_id,first_name,last_name,email,service_point_code,"
        "role,start_date,language,active. All rows or none."
    )
    action = "import_staff"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--deactivate-missing",
            action="store_true",
            help="deactivate active staff absent from the file and end their sessions",
        )

    def run_import(self, data, options):
        return import_staff(
            data,
            dry_run=options["dry_run"],
            deactivate_missing=options["deactivate_missing"],
        )
