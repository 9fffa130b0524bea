"""Compile every .po file of the project to .mo with polib (no GNU gettext needed)."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def locale_dirs(base: Path) -> list[Path]:
    """The project's `locale/` and every app's `<app>/locale/` (found, not listed)."""
    return [base / "locale"] + sorted(
        path for path in base.glob("*/locale") if path.is_dir() and path.parent.name != "locale"
    )


class Command(BaseCommand):
    help = "Compile the project's translations (.po to .mo) without GNU gettext."
    # Compiling translations must work even while a model check fails (e.g. mid-install).
    requires_system_checks = []

    def handle(self, *args, **options):
        count = 0
        for root in locale_dirs(Path(settings.BASE_DIR)):
            for po_path in sorted(root.glob("*/LC_MESSAGES/*.po")):
                polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
                count += 1
        self.stdout.write(f"compiled {count} translation files")
