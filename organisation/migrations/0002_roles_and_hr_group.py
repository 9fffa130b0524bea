"""The job roles the city uses in its HR data, and the HR group."""

from django.db import migrations

ROLES = [
    ("customer-service", "Asiakaspalvelu", "Kundservice", "Customer service"),
    ("guidance", "Ohjaus ja neuvonta", "Handledning och rådgivning", "Guidance and advice"),
    ("specialist", "Asiantuntija", "Sakkunnig", "Specialist"),
    ("manager", "Esihenkilö", "Chef", "Manager"),
    ("other", "Muu", "Annan", "Other"),
]


def create(apps, schema_editor):
    Role = apps.get_model("organisation", "Role")
    Group = apps.get_model("auth", "Group")
    for code, fi, sv, en in ROLES:
        Role.objects.get_or_create(code=code, defaults={"name_fi": fi, "name_sv": sv, "name_en": en})
    Group.objects.get_or_create(name="HR")


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
