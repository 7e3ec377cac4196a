"""The Notification model moves here from meetings; its table (meetings_notification) and rows stay as they are.

State only: meetings.0002 removes the model from meetings' state after this one adds it here. The content type
is relabelled so permissions and admin history follow the model.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def relabel_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label="notifications", model="notification").exists():
        ContentType.objects.using(db).filter(app_label="meetings", model="notification").update(
            app_label="notifications"
        )


def unlabel_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label="meetings", model="notification").exists():
        ContentType.objects.using(db).filter(app_label="notifications", model="notification").update(
            app_label="meetings"
        )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("meetings", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Notification",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("level", models.CharField(choices=[("essential", "essential"), ("normal", "normal")], default="normal", max_length=20)),
                        ("text", models.CharField(max_length=300, verbose_name="message")),
                        ("url", models.CharField(blank=True, max_length=300)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("read_at", models.DateTimeField(blank=True, null=True)),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="notifications", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "verbose_name": "notification",
                        "verbose_name_plural": "notifications",
                        "db_table": "meetings_notification",
                        "ordering": ["-created_at", "-pk"],
                        "indexes": [models.Index(fields=["user", "read_at"], name="meetings_no_user_id_1fd839_idx")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(relabel_content_type, unlabel_content_type, elidable=True),
    ]
