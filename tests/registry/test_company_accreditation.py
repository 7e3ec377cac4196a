"""A host company's accreditation, kept in the app: who may see and change it, the checks, its history, the list."""

from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import Company
from placements.models import Placement
from tests.factories import CompanyFactory, make_placement

SUSPENDED = Company.Accreditation.SUSPENDED


def form_data(**changes):
    data = {
        "accreditation_status": "accredited",
        "accreditation_reason": "",
        "recognition_number": "100234567",
        "accredited_on": "2026-01-15",
        "accreditation_valid_until": "2029-01-14",
    }
    return {**data, **changes}


def edit_url(company):
    return reverse("company_accreditation", args=[company.pk])


# Who may open the edit page: the school's coordinator and staff; insiders who see the company's page 403, the rest 404.
@pytest.mark.parametrize(
    "role, status",
    [
        ("coordinator", 200),
        ("staff", 200),
        ("supervisor", 403),  # sees the register, does not keep it
        ("company_admin", 403),  # sees their own company's accreditation
        ("mentor", 403),
        ("learner", 404),
        ("other_coordinator", 404),  # the company hosts none of their school's learners
        ("other_company_admin", 404),
        ("nobody", 404),
    ],
)
def test_who_may_change_the_accreditation(client, world, role, status):
    client.force_login(getattr(world, role))
    assert client.get(edit_url(world.company)).status_code == status
    response = client.post(edit_url(world.company), form_data())
    assert response.status_code == (302 if status == 200 else status)
    world.company.refresh_from_db()
    assert world.company.accreditation_status == ("accredited" if status == 200 else "pending")


@pytest.mark.parametrize(
    "role, status",
    [("coordinator", 200), ("supervisor", 200), ("company_admin", 200), ("mentor", 200), ("staff", 200),
     ("learner", 404), ("other_coordinator", 404), ("other_company_admin", 404)],
)  # fmt: skip
def test_who_may_see_the_company_page(client, world, role, status):
    client.force_login(getattr(world, role))
    response = client.get(reverse("company_register_detail", args=[world.company.pk]))
    assert response.status_code == status
    if status == 200:
        may_change = role in ("coordinator", "staff")
        assert (edit_url(world.company) in response.text) is may_change


def test_a_coordinator_of_any_school_hosted_there_keeps_it_also_after_the_placement_ended(client, world):
    make_placement(school=world.other_school, company=world.company, status=Placement.Status.COMPLETED)
    client.force_login(world.other_coordinator)
    assert client.get(edit_url(world.company)).status_code == 200


def test_a_huge_id_is_not_found(client, world):
    client.force_login(world.staff)
    assert client.get(f"/register/companies/{2**70}/accreditation/").status_code == 404


def test_a_suspension_needs_a_reason(client, world):
    client.force_login(world.coordinator)
    response = client.post(edit_url(world.company), form_data(accreditation_status=SUSPENDED, accreditation_reason=" "))
    assert response.status_code == 400
    assert "Say why the accreditation is suspended or refused" in response.text
    world.company.refresh_from_db()
    assert world.company.accreditation_status == "pending"

    reason = "Inspection found no qualified work mentor."
    data = form_data(accreditation_status=SUSPENDED, accreditation_reason=reason)
    response = client.post(edit_url(world.company), data)
    assert response.status_code == 302
    world.company.refresh_from_db()
    assert (world.company.accreditation_status, world.company.accreditation_reason) == (SUSPENDED, reason)
    page = client.get(reverse("company_register_detail", args=[world.company.pk]))
    assert reason in page.text


def test_not_accredited_needs_a_reason_and_accredited_needs_a_start(client, world):
    client.force_login(world.coordinator)
    response = client.post(edit_url(world.company), form_data(accreditation_status="not_accredited"))
    assert "Say why the accreditation is suspended or refused" in response.text
    response = client.post(edit_url(world.company), form_data(accredited_on=""))
    assert response.status_code == 400
    assert "An accredited company needs the date its accreditation starts." in response.text


def test_the_accreditation_cannot_end_before_it_starts(client, world):
    client.force_login(world.coordinator)
    response = client.post(edit_url(world.company), form_data(accreditation_valid_until="2025-12-31"))
    assert response.status_code == 400
    assert "The accreditation cannot end before it starts (valid until ≥ valid from)." in response.text
    assert response.context["form"].errors["accreditation_valid_until"]
    # The database holds the same rule for every other way in (the admin, an import, a shell).
    world.company.accredited_on, world.company.accreditation_valid_until = date(2026, 1, 2), date(2026, 1, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        world.company.save()


def test_the_recognition_number_is_kept_as_digits(client, world):
    client.force_login(world.coordinator)
    assert client.post(edit_url(world.company), form_data(recognition_number="1002 345.67")).status_code == 302
    world.company.refresh_from_db()
    assert world.company.recognition_number == "100234567"
    response = client.post(edit_url(world.company), form_data(recognition_number="SBB-12AB"))
    assert response.status_code == 400
    assert "A recognition number has 4 to 12 digits." in response.text


def test_each_change_is_in_the_history_with_who_and_old_and_new_values(client, world):
    client.force_login(world.coordinator)
    client.post(edit_url(world.company), form_data())
    client.force_login(world.staff)
    client.post(edit_url(world.company), form_data(accreditation_status=SUSPENDED, accreditation_reason="Bankrupt"))
    first, second = world.company.history.filter(history_type="~").order_by("history_date", "history_id")
    assert first.history_user == world.coordinator
    assert second.history_user == world.staff
    changes = {c.field: (c.old, c.new) for c in second.diff_against(first).changes}
    assert changes == {"accreditation_status": ("accredited", SUSPENDED), "accreditation_reason": ("", "Bankrupt")}
    assert {c.field for c in first.diff_against(first.prev_record).changes} == {
        "accreditation_status", "recognition_number", "accredited_on", "accreditation_valid_until",
    }  # fmt: skip
    # Saving without a change writes no history row.
    client.post(edit_url(world.company), form_data(accreditation_status=SUSPENDED, accreditation_reason="Bankrupt"))
    assert world.company.history.filter(history_type="~").count() == 2
    # The History page, linked from the company's page, shows who changed what.
    client.force_login(world.coordinator)
    page = client.get(reverse("company_register_detail", args=[world.company.pk]))
    history = reverse("history", args=["company", world.company.pk])
    assert history in page.text
    text = client.get(history).text
    assert "Bankrupt" in text and "accreditation suspended" in text


def test_the_register_shows_reason_validity_and_an_expired_accreditation(client, world):
    today = timezone.localdate()
    expired = CompanyFactory(
        name="Verlopen Bakkerij", accreditation_status="accredited", accredited_on=today - timedelta(days=900),
        accreditation_valid_until=today - timedelta(days=1),
    )  # fmt: skip
    current = CompanyFactory(
        name="Geldige Bakkerij", accreditation_status="accredited", accredited_on=today - timedelta(days=10),
        accreditation_valid_until=today + timedelta(days=300),
    )  # fmt: skip
    suspended = CompanyFactory(name="Geschorst BV", accreditation_status=SUSPENDED, accreditation_reason="No mentor")
    for company in (expired, current, suspended):
        make_placement(school=world.school, company=company)
    client.force_login(world.coordinator)

    def names(**params):
        response = client.get(reverse("company_register"), params)
        return {company.name for company in response.context["page"].object_list}, response.text

    listed, text = names()
    assert "Accreditation expired" in text and "No mentor" in text
    assert names(accreditation="expired")[0] == {"Verlopen Bakkerij"}
    assert names(accreditation="accredited")[0] == {"Geldige Bakkerij"}
    assert names(accreditation="suspended")[0] == {"Geschorst BV"}
    page = client.get(reverse("company_register_detail", args=[expired.pk]))
    assert "expired on" in page.text


def test_a_company_admin_sees_their_own_status_but_not_anothers(client, world):
    world.company.accreditation_status, world.company.accreditation_reason = SUSPENDED, "Under review"
    world.company.save()
    client.force_login(world.company_admin)
    page = client.get(reverse("company_register_detail", args=[world.company.pk]))
    assert "Under review" in page.text
    assert client.get(reverse("company_register_detail", args=[world.other_company.pk])).status_code == 404
