"""Test-only URLs: views that need a row lock or run a slow statement, for tests/core/test_database_busy.py."""

from django.db import connection, transaction
from django.http import HttpResponse
from django.urls import path

from accounts.models import User


def lock_user(request, pk):
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=pk)
        return HttpResponse(f"locked {user.pk}")


def slow_statement(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(5)")
    return HttpResponse("slept")


urlpatterns = [
    path("busy/lock/<int:pk>/", lock_user),
    path("busy/slow/", slow_statement),
]
