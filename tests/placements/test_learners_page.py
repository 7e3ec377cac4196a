"""The learners page: a school's staff see their own school's learners; coordinators add, edit, mark as left."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.invitations.models import Invitation
from accounts.models import Membership, Role, User
from placements.models import LearnerRecord


@pytest.fixture
def records(world):
    own = LearnerRecord.objects.create(
        user=world.learner, school=world.school, student_number="100001", programme=world.programme, cohort="2025"
    )
    other = LearnerRecord.objects.create(user=world.outsider, school=world.other_school, student_number="200001")
    return own, other


NEW = {
    "first_name": "Zoë", "last_name": "de Boer", "email": "Zoe.deBoer@student.example.org", "student_number": "100300",
    "cohort": "2025-2026", "date_of_birth": "2009-04-01", "guardian_name": "Anna de Boer",
    "guardian_email": "anna@example.org", "guardian_phone": "06-1", "send_invitation": "on",
}  # fmt: skip


@pytest.mark.parametrize("who", ["coordinator", "supervisor"])
def test_the_schools_staff_see_their_own_learners_only(client, world, records, who):
    client.force_login(getattr(world, who))
    page = client.get(reverse("learner_list"))
    assert page.status_code == 200
    assert "100001" in page.text and world.learner.get_full_name() in page.text
    assert "200001" not in page.text and world.outsider.email not in page.text


@pytest.mark.parametrize("who", ["mentor", "learner", "company_admin", "nobody"])
def test_people_outside_the_schools_staff_are_refused_the_list(client, world, records, who):
    client.force_login(getattr(world, who))
    assert client.get(reverse("learner_list")).status_code == 403


def test_search_by_name_or_student_number(client, world, records):
    LearnerRecord.objects.create(user=world.other_learner, school=world.school, student_number="100002")
    client.force_login(world.coordinator)
    page = client.get(reverse("learner_list"), {"q": "100002"})
    assert [record.student_number for record in page.context["page"].object_list] == ["100002"]
    page = client.get(reverse("learner_list"), {"q": world.learner.last_name.upper()})
    assert [record.student_number for record in page.context["page"].object_list] == ["100001"]
    page = client.get(reverse("learner_list"), {"q": "200001"})  # the other school's number
    assert list(page.context["page"].object_list) == []


def test_the_list_costs_a_fixed_number_of_queries(client, world, records, django_assert_max_num_queries):
    client.force_login(world.coordinator)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("learner_list")).status_code == 200


def test_a_coordinator_adds_a_learner_with_an_invitation(client, world):
    client.force_login(world.coordinator)
    response = client.post(reverse("learner_new"), {**NEW, "programme": world.programme.pk})
    assert response.status_code == 302
    record = LearnerRecord.objects.select_related("user").get(student_number="100300")
    assert record.user.email == "zoe.deboer@student.example.org"
    assert (record.school, record.programme, record.guardian_name) == (world.school, world.programme, "Anna de Boer")
    assert Membership.objects.filter(user=record.user, role=Role.LEARNER, school=world.school).exists()
    invitation = Invitation.objects.get(email="zoe.deboer@student.example.org")
    assert invitation.role == Role.LEARNER and invitation.invited_by == world.coordinator


def test_adding_a_taken_student_number_or_another_schools_learner_is_a_form_error(client, world, records):
    client.force_login(world.coordinator)
    response = client.post(reverse("learner_new"), {**NEW, "student_number": "100001"})
    assert response.status_code == 400
    assert "This student number is already in use at the school." in response.text
    response = client.post(reverse("learner_new"), {**NEW, "email": world.outsider.email})
    assert response.status_code == 400
    assert "is a learner at another school" in response.text
    assert not User.objects.filter(email="zoe.deboer@student.example.org").exists()


def test_a_programme_of_another_school_cannot_be_chosen(client, world):
    from tests.factories import ProgrammeFactory

    foreign = ProgrammeFactory(school=world.other_school)
    client.force_login(world.coordinator)
    response = client.post(reverse("learner_new"), {**NEW, "programme": foreign.pk})
    assert response.status_code == 400
    assert not LearnerRecord.objects.exists()


def test_a_coordinator_edits_a_record(client, world, records):
    client.force_login(world.coordinator)
    url = reverse("learner_edit", args=[world.learner.pk])
    assert client.get(url).status_code == 200
    data = {**NEW, "email": world.learner.email, "student_number": "100001", "programme": ""}
    assert client.post(url, data).status_code == 302
    record = LearnerRecord.objects.select_related("user").get(user=world.learner)
    assert (record.user.first_name, record.cohort, record.programme) == ("Zoë", "2025-2026", None)
    response = client.post(url, {**data, "email": world.mentor.email})
    assert "This e-mail address belongs to another account." in response.text


@pytest.mark.parametrize(
    ("who", "status"),
    [("supervisor", 403), ("other_coordinator", 404), ("mentor", 404), ("learner", 404), ("company_admin", 404)],
)
def test_only_the_schools_coordinators_edit_or_mark_as_left(client, world, records, who, status):
    client.force_login(getattr(world, who))
    for name in ("learner_edit", "learner_left"):
        assert client.get(reverse(name, args=[world.learner.pk])).status_code == status
    response = client.post(reverse("learner_left", args=[world.learner.pk]), {"left_on": "2026-01-01"})
    assert response.status_code == status
    assert LearnerRecord.objects.get(user=world.learner).left_on is None


def test_another_schools_coordinator_cannot_add_at_this_school(client, world):
    client.force_login(world.other_coordinator)
    client.post(reverse("learner_new"), {**NEW, "school": world.school.pk})
    assert not LearnerRecord.objects.filter(school=world.school).exists()


def test_marking_as_left_ends_the_role_and_closes_an_account_with_no_other_role(client, world, records):
    client.force_login(world.coordinator)
    today = timezone.localdate()
    response = client.post(reverse("learner_left", args=[world.learner.pk]), {"left_on": today.isoformat()})
    assert response.status_code == 302
    world.learner.refresh_from_db()
    assert not world.learner.is_active
    assert Membership.objects.get(user=world.learner, role=Role.LEARNER).ended_at is not None
    assert LearnerRecord.objects.get(user=world.learner).left_on == today
    assert "left on" in client.get(reverse("learner_list")).text

    assert client.post(reverse("learner_left", args=[world.learner.pk]), {"return": "1"}).status_code == 302
    world.learner.refresh_from_db()
    assert world.learner.is_active
    assert Membership.objects.get(user=world.learner, role=Role.LEARNER).ended_at is None


def test_a_leaving_date_in_the_future_is_refused(client, world, records):
    client.force_login(world.coordinator)
    response = client.post(reverse("learner_left", args=[world.learner.pk]), {"left_on": "2999-01-01"})
    assert response.status_code == 400
    assert "Give the day the learner left: today or earlier." in response.text


def test_staff_read_learner_records_and_imports_in_the_admin_but_cannot_change_an_import(client, world, records):
    from tests.placements.factories_imports import checked, learner_csv

    batch = checked(world, "x.csv", learner_csv(["2;A;;B;a@example.org;;;"]))
    world.staff.is_superuser = True
    world.staff.save()
    client.force_login(world.staff)
    assert "100001" in client.get(reverse("admin:placements_learnerrecord_changelist"), {"q": "100001"}).text
    assert client.get(reverse("admin:placements_learnerrecord_change", args=[records[0].pk])).status_code == 200
    url = reverse("admin:placements_importbatch_change", args=[batch.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"status": "applied"}).status_code == 403
    assert client.get(reverse("admin:placements_importbatch_add")).status_code == 403


def test_a_learner_who_never_signed_in_can_be_invited_later(client, world):
    from tests.placements.factories_imports import imported, learner_csv

    imported(world, "one.csv", learner_csv(["7;Zoë;;Bakker;zoe@example.org;;;"]), invite=False)
    zoe = User.objects.get(email="zoe@example.org")
    client.force_login(world.coordinator)
    page = client.get(reverse("learner_list"))
    assert "not signed in yet" in page.text
    assert reverse("learner_invite", args=[zoe.pk]) in page.text
    response = client.post(reverse("learner_invite", args=[zoe.pk]), follow=True)
    assert "An invitation e-mail is on its way to zoe@example.org." in response.text
    first = Invitation.objects.get(email="zoe@example.org")
    assert first.accepted_at is None and first.school == world.school
    client.post(reverse("learner_invite", args=[zoe.pk]))  # again: a new link for the same invitation
    assert Invitation.objects.get(email="zoe@example.org").link_version != first.link_version


def test_a_learner_who_signs_in_already_is_not_invited(client, world, records):
    client.force_login(world.coordinator)
    world.learner.last_login = timezone.now()
    world.learner.save(update_fields=["last_login"])
    response = client.post(reverse("learner_invite", args=[world.learner.pk]), follow=True)
    assert f"{world.learner.get_full_name()} has signed in already." in response.text
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(("who", "status"), [("supervisor", 403), ("other_coordinator", 404), ("learner", 404)])
def test_only_the_schools_coordinators_invite_a_learner(client, world, records, who, status):
    client.force_login(getattr(world, who))
    assert client.post(reverse("learner_invite", args=[world.learner.pk])).status_code == status
    assert not Invitation.objects.exists()
