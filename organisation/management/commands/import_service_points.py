from organisation.imports import import_service_points

from ._importing import ImportCommand


class Command(ImportCommand):
    help = (
        "Import service points (and their divisions) from CSV: code,name_fi,name_sv,name_en,"
        "division_code,division_name_fi,division_name_sv,division_name_en,active. "
        "All rows or none."
    )
    action = "import_service_points"

    def run_import(self, data, options):
        return import_service_points(data, dry_run=options["dry_run"])
