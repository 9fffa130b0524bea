from django.apps import AppConfig
from django.db.models.signals import post_migrate


class OrganisationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "organisation"

    def ready(self) -> None:
        from . import signals

        post_migrate.connect(signals.grant_hr_group_permissions, sender=self)
