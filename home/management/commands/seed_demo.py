"""Seed the demo: home page translations, the city's organisation, demo accounts, and
(when those apps provide them) modules, quizzes and certificates.

Idempotent: running it again leaves existing rows as they are. Refuses to run with the
production settings, so demo accounts never exist on a real site.
"""

from __future__ import annotations

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from home.demo import organisation
from home.models import HomePage

HOME_CONTENT = {
    "fi": (
        "Aspa 2030 – oppiminen",
        "koti",
        "<p>Kohtaamisen ja monimuotoisuuden osaamista kaupungin asiakaspalvelun "
        "henkilöstölle: opi kohtaamaan jokainen asukas hyvin, kielestä ja taustasta "
        "riippumatta.</p>",
    ),
    "sv": (
        "Aspa 2030 – lärande",
        "hem",
        "<p>Kompetens i bemötande och mångfald för stadens kundtjänstpersonal: lär dig "
        "att bemöta varje invånare väl, oavsett språk och bakgrund.</p>",
    ),
    "en": (
        "Aspa 2030 – learning",
        "home",
        "<p>Encounter and diversity competence for the city's customer-service staff: "
        "learn to meet every resident well, whatever their language or background.</p>",
    ),
}

# Other parts of the demo live next to their apps' data; each is seeded only if its
# module exists. Add a module to home/demo/ with a `seed(stdout)` function to join in.
OPTIONAL_SEEDS = [
    "home.demo.courses",
    "home.demo.quizzes",
    "home.demo.certificates",
    "home.demo.reports",
]


class Command(BaseCommand):
    help = "Create the demo organisation, accounts and content (idempotent; never in production)."

    def handle(self, *args, **options):
        if not getattr(settings, "ALLOW_DEMO_DATA", False):
            raise CommandError(
                "Demo data is disabled in these settings (production): "
                "seed_demo never creates demo accounts on a real site."
            )
        with transaction.atomic():
            self.seed_home_pages()
        result = organisation.seed(self.stdout)

        # --- optional demo seeds: each runs only if its module exists ---------------
        for name in OPTIONAL_SEEDS:
            try:
                module = importlib.import_module(name)
            except ModuleNotFoundError as exc:
                if exc.name != name:
                    raise
                continue
            module.seed(self.stdout)
        # --- end of optional demo seeds ---------------------------------------------

        self.print_accounts(result.accounts or [])

    def seed_home_pages(self) -> None:
        source = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        if source is None:
            raise CommandError("No Finnish home page: run `manage.py migrate` first.")
        if not source.intro:
            source.intro = HOME_CONTENT["fi"][2]
            source.save_revision().publish()
        for code in ("sv", "en"):
            locale, _ = Locale.objects.get_or_create(language_code=code)
            if source.has_translation(locale):
                continue
            title, slug, intro = HOME_CONTENT[code]
            page = source.copy_for_translation(locale)
            page.title = page.draft_title = title
            page.slug = slug
            page.intro = intro
            page.save()
            page.save_revision().publish()
            self.stdout.write(f"home page: created the {code} translation")

    def print_accounts(self, accounts: list[tuple[str, str, str]]) -> None:
        if not settings.SHOW_DEMO_PASSWORDS:
            self.stdout.write(
                "Demo accounts exist; their passwords are shown only with the dev settings."
            )
            return
        width = max(len(u) for u, _, _ in accounts) + 2
        pwidth = max(len(p) for _, p, _ in accounts) + 2
        line = "-" * (width + pwidth + 40)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Demo logins (development only)"))
        self.stdout.write(line)
        self.stdout.write(f"{'username':<{width}}{'password':<{pwidth}}who")
        self.stdout.write(line)
        for username, password, description in accounts:
            self.stdout.write(f"{username:<{width}}{password:<{pwidth}}{description}")
        self.stdout.write(line)
        self.stdout.write(f"Log in at {settings.SITE_BASE_URL}/fi/accounts/login/")
