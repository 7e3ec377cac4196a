"""Notifications moved from meetings to their own app without moving a row: a database at the previous schema,
with notifications in it, migrates forward and every notification is still there, read through the new model."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from notifications.models import Notification
from tests.factories import UserFactory

BEFORE = [("meetings", "0001_initial"), ("notifications", None)]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()  # the applied set changed
    return executor


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_notifications_written_before_the_move_are_there_after_it():
    person = UserFactory()
    latest = _latest()
    try:
        executor = _migrate(BEFORE)
        old_apps = executor.loader.project_state(BEFORE[0]).apps
        with pytest.raises(LookupError):
            old_apps.get_model("notifications", "Notification")
        OldNotification = old_apps.get_model("meetings", "Notification")
        OldNotification.objects.create(
            user_id=person.pk, text="Reminder: tripartite meeting", url="/meetings/1/", level="essential"
        )
        OldNotification.objects.create(user_id=person.pk, text="Minutes to confirm", url="")
        old_type, _ = ContentType.objects.get_or_create(app_label="meetings", model="notification")
        ContentType.objects.filter(app_label="notifications", model="notification").delete()
    finally:
        _migrate(latest)

    moved = Notification.objects.filter(user=person).order_by("pk")
    assert [(n.text, n.url, n.level, n.read_at) for n in moved] == [
        ("Reminder: tripartite meeting", "/meetings/1/", Notification.Level.ESSENTIAL, None),
        ("Minutes to confirm", "", Notification.Level.NORMAL, None),
    ]
    assert person.notifications.count() == 2
    assert Notification._meta.db_table == "meetings_notification"
    # Permissions and admin history follow the model: the content type is relabelled, not recreated.
    ContentType.objects.clear_cache()
    assert ContentType.objects.get(pk=old_type.pk).app_label == "notifications"
    assert ContentType.objects.get_for_model(Notification).pk == old_type.pk
