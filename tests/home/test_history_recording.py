"""Audit history (issue 14, item 5): each audited change writes a history row with who, when, old and new value.

Audited: certificates, assessment records and their amendments, placements, companies (their accreditation),
roles (memberships), and a school's registry and meeting settings.
"""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from accounts.models import Membership, Role
from assessments.models import AssessmentRecord
from meetings.models import MeetingSettings
from placements.models import Placement
from registry.certificates.revoke import certificate_erase, certificate_revoke
from registry.certificates.selectors import ERASED
from registry.models import Certificate, RegistrySettings
from registry.register.services import certificates_import
from tests.assessments.factories_assessments import lock, make_record
from tests.registry.factories_register import make_certificate

from .history_helpers import as_request_by, changed_fields, rows_of

pytestmark = pytest.mark.django_db


def test_a_certificate_records_its_issue_and_its_revocation_by_the_coordinator(client, world):
    certificate = as_request_by(world.coordinator, lambda: make_certificate(school=world.school, company=world.company))
    client.force_login(world.coordinator)
    response = client.post(
        reverse("certificate_revoke", args=[certificate.pk]), {"revoke-reason": "Issued to the wrong person."}
    )
    assert response.status_code == 302

    created, revoked = rows_of(certificate)
    assert (created.history_type, created.history_user) == ("+", world.coordinator)
    assert created.holder_name == "Marieke de Vries"
    assert revoked.history_type == "~"
    assert revoked.history_user == world.coordinator
    changes = changed_fields(revoked)
    assert changes["revocation_reason"] == ("", "Issued to the wrong person.")
    assert changes["revoked_at"][0] is None and changes["revoked_at"][1] is not None
    assert changes["revoked_by"] == (None, world.coordinator.pk)


def test_erasing_the_holders_data_removes_it_from_the_history_too(client, world):
    certificate = make_certificate(school=world.school, holder=world.mentor, holder_email="marieke@example.org")
    as_request_by(
        world.coordinator,
        lambda: certificate_revoke(
            certificate=certificate, revoked_by=world.coordinator, reason="Left the trade.", notify_holder=False
        ),
    )
    as_request_by(
        world.coordinator,
        lambda: certificate_erase(
            certificate=certificate, erased_by=world.coordinator, reason="The holder asked (GDPR)."
        ),
    )
    rows = rows_of(certificate)
    assert len(rows) == 3
    assert {(row.holder_name, row.holder_email, row.holder_id) for row in rows} == {(ERASED, "", None)}
    assert rows[-1].history_user == world.coordinator
    # The page still says that (and by whom) the data was removed, without saying what it was.
    client.force_login(world.coordinator)
    page = client.get(reverse("history", args=["certificate", certificate.pk]))
    erased = page.context["entries"][0]
    assert (erased.who, erased.reason) == (world.coordinator.get_full_name(), "the holder's personal data was removed")
    assert "Marieke" not in page.text and "marieke@example.org" not in page.text


def test_an_assessment_record_records_its_creation_and_each_change(world):
    record = as_request_by(world.mentor, lambda: make_record(world.placement, rate=False))

    def retitle():
        record.title = "Final assessment"
        record.strengths = "Careful with the dough."
        record.save()

    as_request_by(world.supervisor, retitle)
    created, changed = rows_of(record)
    assert (created.history_type, created.history_user, created.title) == ("+", world.mentor, "Mid-term assessment")
    assert changed.history_user == world.supervisor
    assert changed_fields(changed) == {
        "title": ("Mid-term assessment", "Final assessment"),
        "strengths": ("", "Careful with the dough."),
    }


def test_amending_a_signed_record_records_the_amendment_and_the_replaced_record(client, world):
    record = lock(as_request_by(world.mentor, lambda: make_record(world.placement)))
    client.force_login(world.supervisor)
    response = client.post(reverse("assessment_amend", args=[record.pk]), {"reason": "A rating was mistyped."})
    assert response.status_code == 302
    amendment = AssessmentRecord.objects.get(amends=record)

    (created,) = rows_of(amendment)
    assert (created.history_type, created.history_user) == ("+", world.supervisor)
    assert (created.amends_id, created.amendment_reason, created.version) == (record.pk, "A rating was mistyped.", 2)
    replaced = rows_of(record)[-1]
    assert replaced.history_user == world.supervisor
    # The signing itself happened outside the history (lock() updates the rows directly), so the row before
    # is the draft; the amendment's row says what the record is now.
    assert changed_fields(replaced)["status"] == ("draft", "amended")


def test_a_placement_records_creation_and_an_edit_through_the_form(client, world):
    client.force_login(world.coordinator)
    placement = world.placement
    data = {
        "learner": placement.learner_id,
        "school": placement.school_id,
        "company": placement.company_id,
        "mentor": placement.mentor_id,
        "supervisor": placement.supervisor_id,
        "programme": placement.programme_id,
        "start_date": placement.start_date.isoformat(),
        "end_date": (placement.end_date + timedelta(days=14)).isoformat(),
        "hours_per_week": placement.hours_per_week + 4,
    }
    response = client.post(reverse("placement_edit", args=[placement.pk]), data)
    assert response.status_code == 302

    created, edited = rows_of(placement)
    assert created.history_type == "+"
    assert edited.history_user == world.coordinator
    assert changed_fields(edited) == {
        "end_date": (placement.end_date, placement.end_date + timedelta(days=14)),
        "hours_per_week": (placement.hours_per_week, placement.hours_per_week + 4),
    }
    # updated_at is left out of the history: it changes on every save.
    assert "updated_at" not in {f.name for f in Placement.history.model._meta.fields}


def test_a_company_records_its_accreditation_changed_in_the_admin(client, world):
    company = world.company
    world.staff.is_superuser = True
    world.staff.save()
    client.force_login(world.staff)
    page = client.get(reverse("admin:accounts_company_change", args=[company.pk]))
    data = {
        name: value
        for name, value in page.context["adminform"].form.initial.items()
        if value is not None and name != "id"
    }
    data.update(accreditation_status="accredited", accredited_on="2026-02-01")
    response = client.post(reverse("admin:accounts_company_change", args=[company.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    changed = rows_of(company)[-1]
    assert changed.history_type == "~"
    assert changed.history_user == world.staff
    assert changed_fields(changed) == {
        "accreditation_status": ("pending", "accredited"),
        "accredited_on": (None, date(2026, 2, 1)),
    }


def test_a_role_records_being_given_changed_and_taken_away(world):
    membership = as_request_by(
        world.staff, lambda: Membership.objects.create(user=world.nobody, role=Role.TEACHER, school=world.school)
    )

    def promote():
        membership.role = Role.COORDINATOR
        membership.save()

    as_request_by(world.coordinator, promote)
    pk = membership.pk
    as_request_by(world.staff, membership.delete)

    given, promoted, taken = Membership.history.filter(id=pk).order_by("history_date", "history_id")
    assert (given.history_type, given.history_user, given.user_id) == ("+", world.staff, world.nobody.pk)
    assert promoted.history_user == world.coordinator
    assert changed_fields(promoted) == {"role": ("teacher", "coordinator")}
    assert (taken.history_type, taken.history_user, taken.role) == ("-", world.staff, "coordinator")


def test_the_schools_registry_settings_record_the_coordinators_change(client, world):
    client.force_login(world.coordinator)
    client.get(reverse("registry_settings"))  # the settings are made with the defaults on first use
    response = client.post(
        reverse("registry_settings"),
        {
            "validity_years": "5",
            "min_experience_years": "0",
            "renewal_development_hours": "20",
            "expiry_reminder_days": "60",
            "certificate_language": "nl",
            "primary_colour": "#17496b",
            "publish_public_register": "on",
        },
    )
    assert response.status_code == 302
    settings_row = RegistrySettings.objects.get(school=world.school)
    created, changed = rows_of(settings_row)
    assert (created.history_type, created.history_user, created.validity_years) == ("+", world.coordinator, 3)
    assert changed.history_user == world.coordinator
    assert changed_fields(changed) == {"validity_years": (3, 5), "publish_public_register": (False, True)}


def test_the_schools_meeting_settings_record_a_change(world):
    rules = as_request_by(world.staff, lambda: MeetingSettings.objects.create(school=world.school))

    def change():
        rules.reminder_offsets_days = [14, 2]
        rules.save()

    as_request_by(world.coordinator, change)
    created, changed = rows_of(rules)
    assert (created.history_type, created.history_user) == ("+", world.staff)
    assert (changed.history_user, changed_fields(changed)) == (
        world.coordinator,
        {"reminder_offsets_days": ([7, 1], [14, 2])},
    )


def test_a_change_outside_a_request_is_recorded_without_a_person(world):
    (created,) = rows_of(world.company)  # made by the factory, outside any request
    assert (created.history_type, created.history_user) == ("+", None)


def test_imported_certificates_get_their_history_rows_with_the_importer(world):
    text = (
        "number,holder_name,holder_email,company_name,company_city,company_country,issued_on,valid_until\n"
        "WM-2019-000001,Anna Bakker,anna@example.org,Bakkerij De Korenschoof,Utrecht,NL,2019-05-01,2022-05-01\n"
    )
    as_request_by(world.coordinator, lambda: certificates_import(text=text, school=world.school))
    certificate = Certificate.objects.get(number="WM-2019-000001")
    (created,) = rows_of(certificate)
    assert (created.history_type, created.history_user, created.holder_name) == ("+", world.coordinator, "Anna Bakker")
