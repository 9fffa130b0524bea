"""Compile every .po file of the project to .mo with polib (no GNU gettext needed)."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

APPS = [
    "home",
    "organisation",
    "courses",
    "assessments",
    "certificates",
    "reports",
    "accessibility",
]


class Command(BaseCommand):
    help = "Compile the project's translations (.po to .mo) without GNU gettext."

    def handle(self, *args, **options):
        roots = [Path(settings.BASE_DIR) / "locale"] + [
            Path(settings.BASE_DIR) / app / "locale" for app in APPS
        ]
        count = 0
        for root in roots:
            for po_path in sorted(root.glob("*/LC_MESSAGES/*.po")):
                polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
                count += 1
        self.stdout.write(f"compiled {count} translation files")
