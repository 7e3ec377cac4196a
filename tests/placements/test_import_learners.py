"""Importing learners: the dry run's outcome per row, all or nothing, and nothing changed by importing twice."""

from datetime import date

import pytest

from accounts.invitations.models import Invitation
from accounts.models import Membership, Role, User
from placements.imports.services import apply, dry_run
from placements.imports.steps import ImportRefused, upload
from placements.models import ImportBatch, LearnerRecord
from tests.factories import person

from .factories_imports import checked, generated_learners, imported, learner_csv, outcomes, sample, school_programmes


@pytest.fixture
def programmes(world):
    return school_programmes(world)


def test_the_dry_run_shows_every_row_as_new_and_writes_nothing(world, programmes):
    batch = checked(world, "learners_export.csv")
    assert batch.status == ImportBatch.Status.CHECKED
    assert outcomes(batch) == ["create"] * 20
    assert (batch.created, batch.updated, batch.unchanged, batch.errors) == (20, 0, 0, 0)
    assert batch.results[0] == [2, "create", "100231 · Zoë Bakker", "New account and learner record."]
    assert not LearnerRecord.objects.exists()
    assert not User.objects.filter(email__endswith="@student.rijnland.nl").exists()


def test_apply_creates_accounts_roles_and_records_with_every_field(world, programmes):
    bakery, cook = programmes
    batch = imported(world, "learners_export.csv")
    assert batch.status == ImportBatch.Status.APPLIED
    assert LearnerRecord.objects.filter(school=world.school).count() == 20
    record = LearnerRecord.objects.select_related("user").get(student_number="100232")
    assert (record.user.first_name, record.user.last_name) == ("Daniël", "van der Berg")
    assert record.user.email == "daniel.vanderberg@student.rijnland.nl"
    assert record.user.is_active and not record.user.has_usable_password()
    assert (record.programme, record.cohort, record.date_of_birth) == (bakery, "2025-2026", date(2008, 7, 2))
    assert (record.guardian_name, record.guardian_email) == ("Peter van der Berg", "p.vandenberg@kpnmail.nl")
    assert record.guardian_phone == "06-12345602"
    assert LearnerRecord.objects.get(student_number="100233").programme == cook
    learners = Membership.objects.filter(role=Role.LEARNER, school=world.school, user__learner_record__isnull=False)
    assert learners.count() == 20
    # The roles' audit history says who gave them.
    assert learners.first().history.get().history_user == world.coordinator
    # The file is not kept once it has been imported; every row's outcome is.
    batch.refresh_from_db()
    assert bytes(batch.content) == b"" and len(batch.results) == 20


def test_importing_the_same_file_twice_changes_nothing_the_second_time(world, programmes):
    imported(world, "learners_export.csv")
    before = list(LearnerRecord.objects.order_by("pk").values())
    users_before = User.objects.count()
    second = imported(world, "learners_export.csv")
    assert outcomes(second) == ["unchanged"] * 20
    assert list(LearnerRecord.objects.order_by("pk").values()) == before
    assert User.objects.count() == users_before


def test_the_xlsx_export_of_the_same_learners_is_unchanged_after_the_csv(world, programmes):
    imported(world, "learners_export.csv")
    assert outcomes(checked(world, "learners_export.xlsx")) == ["unchanged"] * 20


def test_a_changed_row_is_an_update_naming_what_changes(world, programmes):
    imported(world, "learners_export.csv")
    text = sample("learners_export.csv").decode("utf-8-sig")
    text = text.replace("100231;Zoë;;Bakker", "100231;Zoë;;Bakker-Smit").replace("2024-2025", "2025-2026", 1)
    batch = imported(world, "changed.csv", text.encode())
    results = {row: (outcome, message) for row, outcome, _what, message in batch.results}
    assert results[2] == ("update", "Changes: Last name.")
    assert results[6] == ("update", "Changes: Cohort.")
    assert [outcome for outcome, _message in results.values()].count("unchanged") == 18
    record = LearnerRecord.objects.select_related("user").get(student_number="100231")
    assert record.user.last_name == "Bakker-Smit"
    assert LearnerRecord.objects.get(student_number="100235").cohort == "2025-2026"


def test_a_file_with_one_bad_row_changes_nothing_and_names_the_row_and_the_reason(world, programmes):
    batch = checked(world, "learners_one_bad_row.csv")
    errors = [result for result in batch.results if result[1] == "error"]
    assert errors == [[8, "error", "100237", "Date of birth “31-02-2009” is not a date (write it as 31-12-2025)."]]
    assert batch.errors == 1 and batch.created == 9
    with pytest.raises(Exception, match="Correct the rows"):
        apply(batch, send_invitations=False)
    assert not LearnerRecord.objects.exists()
    assert not User.objects.filter(email__endswith="@student.rijnland.nl").exists()


def test_a_row_that_went_bad_after_the_dry_run_stops_the_whole_import(world, programmes):
    batch = checked(world, "learners_export.csv")
    # Between the dry run and the import, someone else took the e-mail address of row 11.
    person(Role.LEARNER, world.other_school, email="lotte.mulder@student.rijnland.nl")
    LearnerRecord.objects.create(
        user=User.objects.get(email="lotte.mulder@student.rijnland.nl"), school=world.other_school, student_number="9"
    )
    with pytest.raises(ImportRefused):
        apply(batch, send_invitations=True)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CHECKED
    assert batch.error.startswith("Nothing was imported: 1 row(s) have an error. The first is row 11:")
    assert "lotte.mulder@student.rijnland.nl is a learner at another school." in batch.error
    assert LearnerRecord.objects.filter(school=world.school).count() == 0
    assert not Membership.objects.filter(school=world.school, user__email__endswith="@student.rijnland.nl").exists()


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("1;Zoë;;Bakker;not-an-email;;;", "E-mail address “not-an-email” is not an e-mail address."),
        (";Zoë;;Bakker;zoe@example.org;;;", "The student number is missing."),
        ("1;;;Bakker;zoe@example.org;;;", "The first name and the last name are both needed."),
        ("1;Zoë;;Bakker;;;;", "The e-mail address is missing: the learner needs it to log in."),
        ("1;Zoë;;Bakker;zoe@example.org;01-01-2100;;", "The date of birth 01-01-2100 is in the future."),
        ("1;Zoë;;Bakker;zoe@example.org;;Astronaut;", "“Astronaut” is not a programme of the school"),
        ("1;Zoë;;Bakker;zoe@example.org;;;" + "x" * 21, "Cohort is longer than 20 characters."),
        ("1" * 41 + ";Zoë;;Bakker;zoe@example.org;;;", "Student number is longer than 40 characters."),
    ],
)
def test_each_kind_of_bad_row_gets_a_clear_reason(world, programmes, row, reason):
    batch = checked(world, "bad.csv", learner_csv([row]))
    assert batch.results[0][1] == "error"
    assert reason in batch.results[0][3]


def test_duplicates_within_the_file_name_the_earlier_row(world, programmes):
    batch = checked(world, "dupes.csv", learner_csv([
        "1;Zoë;;Bakker;zoe@example.org;;;", "1;Sem;;Visser;sem@example.org;;;", "2;Sem;;Visser;ZOE@example.org;;;",
    ]))  # fmt: skip
    assert [result[3] for result in batch.results[1:]] == [
        "Student number 1 is also on row 2.",
        "The e-mail address zoe@example.org is also on row 2.",
    ]


def test_an_existing_account_gets_a_record_and_the_role_not_a_second_account(world, programmes):
    teacher = world.colleague_teacher
    batch = imported(world, "one.csv", learner_csv([f"77;Jan;;Docent;{teacher.email.upper()};;;"]))
    assert batch.results[0][3] == f"Learner record for the existing account {teacher.email}."
    assert LearnerRecord.objects.get(student_number="77").user == teacher
    assert Membership.objects.filter(user=teacher, role=Role.LEARNER, school=world.school).exists()
    assert User.objects.filter(email__iexact=teacher.email).count() == 1


def test_a_learner_of_another_school_cannot_be_claimed_by_e_mail_or_changed(world, programmes):
    LearnerRecord.objects.create(user=world.outsider, school=world.other_school, student_number="500")
    batch = checked(world, "claim.csv", learner_csv([f"500;Mallory;;Claims;{world.outsider.email};;;"]))
    reason = f"{world.outsider.email} is a learner at another school."
    assert batch.results[0][1:] == ["error", "500 · Mallory Claims", reason]
    assert LearnerRecord.objects.get(user=world.outsider).school == world.other_school


def test_an_e_mail_change_to_someone_elses_address_is_refused(world, programmes):
    imported(world, "one.csv", learner_csv(["1;Zoë;;Bakker;zoe@example.org;;;"]))
    batch = checked(world, "two.csv", learner_csv([f"1;Zoë;;Bakker;{world.mentor.email};;;"]))
    assert batch.results[0][3] == f"The e-mail address {world.mentor.email} belongs to another account."


def test_apply_with_invitations_sends_each_new_learner_an_activation_e_mail(world, programmes, mailoutbox):
    with_existing = learner_csv([
        "1;Zoë;;Bakker;zoe@example.org;;;", f"2;Jan;;Docent;{world.colleague_teacher.email};;;",
    ])  # fmt: skip
    batch = checked(world, "invite.csv", with_existing)
    apply(batch, send_invitations=True)
    invitation = Invitation.objects.get(email="zoe@example.org")
    assert (invitation.role, invitation.school, invitation.invited_by) == ("learner", world.school, world.coordinator)
    assert invitation.accepted_at is None
    # The account that existed gets the role through the same service, recorded as accepted at once.
    assert Invitation.objects.get(email=world.colleague_teacher.email).accepted_user == world.colleague_teacher
    assert LearnerRecord.objects.filter(school=world.school).count() == 2


def test_without_invitations_nobody_is_invited(world, programmes):
    imported(world, "learners_export.csv", invite=False)
    assert not Invitation.objects.exists()


def test_the_dry_run_costs_the_same_few_queries_for_20_rows_as_for_200(
    world, programmes, django_assert_max_num_queries
):
    small = upload(school=world.school, kind="learners", filename="s.csv", data=generated_learners(20),
                   by=world.coordinator)  # fmt: skip
    large = upload(school=world.school, kind="learners", filename="l.csv", data=generated_learners(200),
                   by=world.coordinator)  # fmt: skip
    with django_assert_max_num_queries(12):
        dry_run(small)
    with django_assert_max_num_queries(12):
        dry_run(large)
    assert outcomes(large) == ["create"] * 200


def test_apply_of_200_learners_uses_bulk_queries(world, programmes, django_assert_max_num_queries):
    batch = checked(world, "l.csv", generated_learners(200))
    with django_assert_max_num_queries(30):
        apply(batch, send_invitations=False)
    assert LearnerRecord.objects.filter(school=world.school).count() == 200
    assert outcomes(checked(world, "l.csv", generated_learners(200))) == ["unchanged"] * 200


def test_an_invited_learner_activates_the_imported_account_from_the_link(client, world, programmes):
    from django.urls import reverse

    from accounts.invitations.tokens import make_token

    password = "deeg-kneden-en-bakken-2026"
    apply(checked(world, "one.csv", learner_csv(["1;Zoë;;Bakker;zoe@example.org;;;"])), send_invitations=True)
    invitation = Invitation.objects.get(email="zoe@example.org")
    url = reverse("invitation_accept", args=[make_token(invitation.link_version)])
    assert 'name="password1"' in client.get(url).text
    client.post(url, {"first_name": "Zoë", "last_name": "Bakker", "password1": password, "password2": password})
    learner = LearnerRecord.objects.select_related("user").get(student_number="1").user
    assert learner.check_password(password)
    assert User.objects.filter(email__iexact="zoe@example.org").count() == 1
