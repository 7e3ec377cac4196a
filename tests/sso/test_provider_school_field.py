"""The identity-provider form (staff, in the admin) searches schools through the admin's autocomplete: the
page carries the chosen school only, not every school in the country, and still takes a posted id."""

import pytest
from django.urls import reverse

from accounts.models import School

pytestmark = pytest.mark.django_db


def test_the_admin_form_does_not_list_every_school(client, world):
    School.objects.bulk_create([School(name=f"Bulk School {number:03}", city="Zwolle") for number in range(40)])
    world.staff.is_superuser = True
    world.staff.save()
    client.force_login(world.staff)
    page = client.get(reverse("admin:accounts_identityprovider_add"))
    assert page.status_code == 200
    assert "Bulk School" not in page.text
    assert "admin-autocomplete" in page.text
    found = client.get(
        reverse("admin:autocomplete"),
        {"term": "bulk school 03", "app_label": "accounts", "model_name": "identityprovider", "field_name": "school"},
    ).json()
    # Every word matches: 003 and 030-039; the admin pages its answers by 20.
    assert len(found["results"]) == 11
