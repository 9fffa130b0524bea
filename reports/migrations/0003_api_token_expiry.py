import datetime

from django.db import migrations, models


def expire_a_year_after_creation(apps, schema_editor):
    ApiToken = apps.get_model("reports", "ApiToken")
    for token in ApiToken.objects.filter(expires_on__isnull=True).only("pk", "created_at"):
        token.expires_on = token.created_at.date() + datetime.timedelta(days=365)
        token.save(update_fields=["expires_on"])


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_snapshot_per_role"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_on",
            field=models.DateField(null=True),
        ),
        migrations.RunPython(expire_a_year_after_creation, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="expires_on",
            field=models.DateField(
                help_text="The token stops working after this day.", verbose_name="valid until"
            ),
        ),
    ]
