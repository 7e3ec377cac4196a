"""The issue's "done when": a fresh database, a school set up in the app, the two sample exports imported through
the pages with invitations, and every invited person (coordinator, learners, work mentors, school supervisors,
a company admin) activating their account from the e-mailed link and finding their own placements on the
dashboard. Nothing here uses /admin/; tasks (the invitation e-mails) run in-process from the outbox."""

import csv
import io
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accounts.invitations.models import Invitation
from accounts.models import Company, Role, School, User
from placements.models import ImportBatch, Placement, Programme

from .factories_imports import sample

PASSWORD = "Korenschoof-Leiden-2026"


def rows(name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(sample(name).decode("utf-8-sig")), delimiter=";"))


def links_by_email() -> dict[str, str]:
    """The activation link of every invitation e-mail sent so far, by recipient."""
    found = {}
    for message in mail.outbox:
        link = re.search(r"https?://[^/\s]+(/accounts/invitation/\S+/)", message.body)
        if link:
            found[message.to[0]] = link.group(1)
    return found


def import_through_the_pages(client, name: str, kind: str) -> ImportBatch:
    upload = SimpleUploadedFile(name, sample(name), content_type="text/csv")
    response = client.post(reverse("sis_import_upload"), {"kind": kind, "file": upload})
    columns_page = client.get(response.url)
    guessed = {bound.name: bound.value() for bound in columns_page.context["form"]}
    response = client.post(response.url, guessed)  # the guesses as they are: the dry run
    batch = ImportBatch.objects.get(filename=name)
    assert (batch.status, batch.errors) == ("checked", 0), batch.results
    response = client.post(reverse("sis_import_apply", args=[batch.public_id]), {"send_invitations": "on"})
    batch.refresh_from_db()
    assert batch.status == "applied", batch.error
    return batch


def activate_log_in_and_open_the_dashboard(email: str, link: str):
    invitation = Invitation.objects.get(email=email, accepted_at__isnull=True)
    names = {"first_name": invitation.first_name, "last_name": invitation.last_name}
    response = Client().post(link, {**names, "password1": PASSWORD, "password2": PASSWORD})
    assert (response.status_code, response["Location"]) == (302, reverse("dashboard")), email
    browser = Client()  # another day: log in with the new password
    response = browser.post(reverse("login"), {"username": email, "password": PASSWORD})
    assert response.status_code == 302, email
    dashboard = browser.get(reverse("dashboard"))
    assert dashboard.status_code == 200
    return dashboard


def shown(dashboard, role: str, list_name: str) -> set[str]:
    """Student numbers of the placements a dashboard panel lists."""
    (panel,) = [panel for panel in dashboard.context["panels"] if panel.role == role]
    placements = panel.lists[list_name]
    placements = [placements] if isinstance(placements, Placement) else placements or []
    return {placement.learner.learner_record.student_number for placement in placements}


@pytest.mark.django_db
def test_a_new_school_imports_its_exports_and_every_invited_person_starts(
    client, tasks_in_process, django_capture_on_commit_callbacks
):
    # Staff set up the school and invite its first coordinator, in the app.
    User.objects.create_superuser(email="staff@werkmentor.example.org", password=PASSWORD)
    client.post(reverse("login"), {"username": "staff@werkmentor.example.org", "password": PASSWORD})
    response = client.post(
        reverse("people_school_new"), {"name": "Rijnland Vakcollege", "city": "Leiden", "country": "NL"}
    )
    school = School.objects.get()
    assert response.url.startswith(reverse("people_add", args=["school", school.pk]))
    invite = {"email": "f.dewit@rijnland.nl", "first_name": "Femke", "last_name": "de Wit", "role": "coordinator"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("people_add", args=["school", school.pk]), {**invite, "language": "en"})

    # The coordinator activates, adds the school's programmes and imports both exports through the pages.
    coordinator = Client()
    activate_log_in_and_open_the_dashboard("f.dewit@rijnland.nl", links_by_email()["f.dewit@rijnland.nl"])
    coordinator.post(reverse("login"), {"username": "f.dewit@rijnland.nl", "password": PASSWORD})
    for name, code in (("Medewerker bakkerij", "25180"), ("Zelfstandig werkend kok", "25181")):
        added = coordinator.post(
            reverse("programme_new"),
            {"school": school.pk, "name": name, "code": code, "required_hours": 800, "is_active": "on"},
        )
        assert added.status_code == 302, name
    assert Programme.objects.filter(school=school).count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        import_through_the_pages(coordinator, "learners_export.csv", "learners")
        placements = import_through_the_pages(coordinator, "placements_export.csv", "placements")
    assert placements.created == 12 and Company.objects.count() == 5

    # A company the import added hosts the school's learners: its page lets the coordinator invite its admin.
    during = Company.objects.get(registration_number="01234567")
    edit = coordinator.get(reverse("people_company_edit", args=[during.pk]))
    invite_admin = reverse("people_add", args=["company", during.pk])
    assert edit.status_code == 200 and invite_admin in edit.text
    admin = {"email": "info@gebrduring.nl", "first_name": "Ans", "last_name": "Düring", "role": "company_admin"}
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(invite_admin, {**admin, "language": "nl"})

    # Who should see which learners, read from the exports themselves.
    learners = {row["E-mailadres"]: row["Studentnummer"] for row in rows("learners_export.csv")}
    mentors, supervisors = {}, {}
    for row in rows("placements_export.csv"):
        mentors.setdefault(row["E-mail praktijkopleider"].lower(), set()).add(row["Studentnummer"])
        supervisors.setdefault(row["E-mail BPV-begeleider"], set()).add(row["Studentnummer"])
    placed = set().union(*mentors.values())

    links = links_by_email()
    assert set(links) == {"f.dewit@rijnland.nl", "info@gebrduring.nl", *learners, *mentors, *supervisors}
    assert len(mail.outbox) == len(links)  # one e-mail each, however many rows name someone
    for email, number in learners.items():
        dashboard = activate_log_in_and_open_the_dashboard(email, links[email])
        assert shown(dashboard, Role.LEARNER, "current") == ({number} if number in placed else set())
    for email, numbers in mentors.items():
        assert shown(activate_log_in_and_open_the_dashboard(email, links[email]), Role.MENTOR, "open") == numbers
    for email, numbers in supervisors.items():
        assert shown(activate_log_in_and_open_the_dashboard(email, links[email]), Role.TEACHER, "open") == numbers
    dashboard = activate_log_in_and_open_the_dashboard("info@gebrduring.nl", links["info@gebrduring.nl"])
    assert shown(dashboard, Role.COMPANY_ADMIN, "open") == {"100240", "100242"}
    assert "Lotte Mulder" in dashboard.text
    # Every account activated, none twice.
    assert not Invitation.objects.filter(accepted_at__isnull=True).exists()
    assert User.objects.count() == len(links) + 1  # and the staff member
