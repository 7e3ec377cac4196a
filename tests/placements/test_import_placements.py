"""Importing placements: learner by student number, company by KvK number, people by e-mail, idempotent."""

from datetime import date

import pytest

from accounts.models import Company, Membership, Role, User
from placements.imports.services import apply
from placements.models import ImportKind, LearnerRecord, Placement
from tests.factories import person

from .factories_imports import checked, imported, outcomes, placement_companies, sample, school_programmes

PLACEMENTS = ImportKind.PLACEMENTS
HEADER = "Studentnummer,KvK-nummer,E-mail praktijkopleider,BPV-begeleider,Begindatum,Einddatum,Uren per week,Crebo"


@pytest.fixture
def learners(world):
    school_programmes(world)
    placement_companies(world)
    imported(world, "learners_export.csv")
    return world


def placements_csv(*rows: str) -> bytes:
    return "\n".join([HEADER, *rows]).encode()


def test_the_placements_sample_creates_each_placement_with_its_people(learners):
    world = learners
    batch = imported(world, "placements_export.csv", kind=PLACEMENTS)
    assert outcomes(batch) == ["create"] * 12
    placement = Placement.objects.get(learner__learner_record__student_number="100233")
    assert placement.company.name == "Restaurant De Gouden Lepel"
    assert placement.mentor.email == "chef@goudenlepel.nl"
    assert placement.supervisor == world.colleague_teacher
    assert (placement.start_date, placement.end_date, placement.hours_per_week) == (
        date(2026, 2, 2), date(2026, 7, 3), 36,
    )  # fmt: skip
    assert placement.programme.code == "25181"
    assert placement.status == Placement.Status.PLANNED and placement.school == world.school
    # No CREBO in the file: the programme on the learner's record; "MENTOR@..." is the mentor's address.
    sem = Placement.objects.get(learner__learner_record__student_number="100237")
    assert (sem.programme, sem.mentor) == (world.programme, world.mentor)
    # Placements are audited: the import wrote their history, by the coordinator.
    assert placement.history.get().history_user == world.coordinator


def test_importing_the_placements_twice_changes_nothing(learners):
    imported(learners, "placements_export.csv", kind=PLACEMENTS)
    before = [list(model.objects.order_by("pk").values()) for model in (Placement, Company, User, Membership)]
    second = imported(learners, "placements_export.csv", kind=PLACEMENTS)
    assert outcomes(second) == ["unchanged"] * 12
    assert [list(model.objects.order_by("pk").values()) for model in (Placement, Company, User, Membership)] == before


def test_a_changed_end_date_and_mentor_update_the_same_placement(learners):
    world = learners
    imported(world, "placements_export.csv", kind=PLACEMENTS)
    batch = imported(world, "again.csv", placements_csv(
        "100231,27312345,colleague@example.org,supervisor@example.org,02-02-2026,03-07-2026,32,25180",
    ), kind=PLACEMENTS)  # fmt: skip
    assert batch.results[0][1:] == [
        "update", "100231 · KvK 27312345 · 2026-02-02", "Changes: End date, Work mentor's e-mail (praktijkopleider).",
    ]  # fmt: skip
    placement = Placement.objects.get(learner__learner_record__student_number="100231")
    assert (placement.end_date, placement.mentor) == (date(2026, 7, 3), world.colleague_mentor)
    assert Placement.objects.filter(learner=placement.learner).count() == 1


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("999999,27312345,mentor@example.org,supervisor@example.org,02-02-2026,26-06-2026,32,",
         "No learner with student number 999999 at the school: import the learners first."),
        ("100231,11112222,mentor@example.org,supervisor@example.org,02-02-2026,26-06-2026,32,",
         "No company with KvK number 11112222 is known: the company's name is needed to add it."),
        ("100231,1234,mentor@example.org,supervisor@example.org,02-02-2026,26-06-2026,32,",
         "KvK number “1234” is not eight digits."),
        ("100231,27312345,new.mentor@example.org,supervisor@example.org,02-02-2026,26-06-2026,32,",
         "new.mentor@example.org is not known in the app: their name is needed to add them as work mentor."),
        ("100231,27312345,mentor@example.org,new.teacher@example.org,02-02-2026,26-06-2026,32,",
         "new.teacher@example.org is not known in the app: their name is needed to add them as school supervisor."),
        ("100231,27312345,mentor@example.org,mentor@example.org,02-02-2026,26-06-2026,32,",
         "The work mentor and the school supervisor cannot be the same person."),
        ("100231,27312345,mentor@example.org,other.learner@example.org,02-02-2026,26-06-2026,32,",
         "other.learner@example.org is a learner at the school, not a school supervisor."),
        ("100231,27312345,zoe.bakker@student.rijnland.nl,supervisor@example.org,02-02-2026,26-06-2026,32,",
         "The learner cannot be their own work mentor or supervisor."),
        ("100231,27312345,mentor@example.org,supervisor@example.org,26-06-2026,02-02-2026,32,",
         "The end date must be after the start date."),
        ("100231,27312345,mentor@example.org,supervisor@example.org,02-02-2026,26-06-2026,61,",
         "Hours per week “61” must be a whole number from 1 to 60."),
        ("100231,27312345,mentor@example.org,supervisor@example.org,02-02-2026,26-06-2026,32,99999",
         "“99999” is not a programme of the school"),
    ],
)  # fmt: skip
def test_each_bad_placement_row_names_its_reason_and_nothing_is_made(learners, row, reason):
    counts = [model.objects.count() for model in (Company, User, Membership)]
    batch = checked(learners, "bad.csv", placements_csv(row), kind=PLACEMENTS)
    assert batch.results[0][1] == "error"
    assert reason in batch.results[0][3]
    with pytest.raises(Exception, match="Correct the rows"):
        apply(batch, send_invitations=True)
    assert [model.objects.count() for model in (Company, User, Membership)] == counts


def test_an_overlap_with_an_open_placement_or_another_row_is_refused(learners):
    world = learners
    imported(world, "placements_export.csv", kind=PLACEMENTS)
    batch = checked(world, "overlap.csv", placements_csv(
        "100231,28198765,chef@goudenlepel.nl,supervisor@example.org,01-03-2026,30-04-2026,20,25180",
        "100243,27312345,mentor@example.org,supervisor@example.org,01-03-2026,30-04-2026,20,25181",
        "100243,28198765,chef@goudenlepel.nl,supervisor@example.org,01-04-2026,30-05-2026,20,25181",
        "100243,27312345,mentor@example.org,supervisor@example.org,01-03-2026,30-04-2026,20,25181",
    ), kind=PLACEMENTS)  # fmt: skip
    assert [result[1] for result in batch.results] == ["error", "create", "error", "error"]
    assert "already has a placement at Bakkerij De Korenschoof from 2026-02-02 to 2026-06-26" in batch.results[0][3]
    assert "already has a placement at Bakkerij De Korenschoof from 2026-03-01" in batch.results[2][3]
    assert batch.results[3][3] == "The same placement is on an earlier row of the file."
    with pytest.raises(Exception, match="Correct the rows"):
        apply(batch, send_invitations=False)
    assert not Placement.objects.filter(learner__learner_record__student_number="100243").exists()


def test_an_ended_placement_is_not_changed_by_an_import(learners):
    world = learners
    imported(world, "placements_export.csv", kind=PLACEMENTS)
    Placement.objects.filter(learner__learner_record__student_number="100235").update(status="completed")
    batch = checked(world, "ended.csv", placements_csv(
        "100235,27312345,colleague@example.org,supervisor@example.org,01-09-2025,27-02-2026,24,25180",
    ), kind=PLACEMENTS)  # fmt: skip
    assert batch.results[0][3] == "This placement is completed; it is changed in the app, not by an import."


def test_a_mentor_whose_role_ended_or_whose_account_closed_is_not_brought_back_by_an_import(learners):
    world = learners
    world.mentor.memberships.filter(role=Role.MENTOR).update(ended_at="2026-01-01T00:00:00Z")
    User.objects.filter(pk=world.colleague_mentor.pk).update(is_active=False)
    batch = checked(world, "p.csv", sample("placements_export.csv"), kind=PLACEMENTS)
    assert batch.results[0][3] == (
        "mentor@example.org is no longer work mentor at Bakkerij De Korenschoof. Give the role back on the people "
        "page first, or name someone else."
    )
    assert batch.results[4][3] == (
        "colleague@example.org has left: their account is closed. Give them a role on the people page first, or "
        "name someone else."
    )


def test_another_schools_learner_number_is_not_found(learners):
    world = learners
    LearnerRecord.objects.create(user=world.outsider, school=world.other_school, student_number="555")
    person(Role.TEACHER, world.other_school, email="t@other.example.org")
    batch = checked(world, "p.csv", placements_csv(
        "555,27312345,mentor@example.org,supervisor@example.org,02-02-2026,26-06-2026,32,25180",
    ), kind=PLACEMENTS)  # fmt: skip
    assert batch.results[0][3] == "No learner with student number 555 at the school: import the learners first."
