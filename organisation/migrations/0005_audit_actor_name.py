from django.db import migrations, models


def fill_actor_names(apps, schema_editor):
    """Rows written before the snapshot existed take the actor's current user name."""
    AuditEvent = apps.get_model("organisation", "AuditEvent")
    for row in (
        AuditEvent.objects.filter(actor__isnull=False)
        .values("actor_id", "actor__username")
        .distinct()
    ):
        AuditEvent.objects.filter(actor_id=row["actor_id"]).update(
            actor_name=row["actor__username"]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0004_import_job_queued_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="actor_name",
            field=models.CharField(blank=True, max_length=150, verbose_name="who (name)"),
        ),
        migrations.RunPython(fill_actor_names, migrations.RunPython.noop),
    ]
