"""Planning a meeting: the rules on time and place, the prefilled agenda, who is invited and told."""

from datetime import UTC, datetime, timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting, MeetingChange, Participant
from meetings.planning.services import meeting_plan
from mentoring.models import LearningGoal
from notifications.models import Notification
from tests.factories import make_placement

from .factories_meetings import make_action_item, make_goal, plan_data, row

# A fixed "now" for tests that plan on the days the clocks change in Europe/Amsterdam.
NOVEMBER_2026 = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def plan(client, world, **data):
    return client.post(reverse("meeting_new", args=[world.placement.pk]), plan_data(**data))


def test_the_agenda_is_prefilled_with_open_goals_and_open_action_items(client, world):
    make_goal(world, "Kneads bread dough by hand", progress=40, status=LearningGoal.Status.AT_RISK)
    make_goal(world, "Works hygienically", progress=100, status=LearningGoal.Status.ACHIEVED)
    make_action_item(world, "Practise shaping baguettes")
    make_action_item(world, "Read the HACCP booklet", done_at=timezone.now())
    client.force_login(world.supervisor)
    response = client.get(reverse("meeting_new", args=[world.placement.pk]))
    agenda = response.context["form"].initial["agenda"]
    assert "Kneads bread dough by hand (40%, at risk)" in agenda
    assert "Practise shaping baguettes (Daan Jansen, due" in agenda
    assert "Works hygienically" not in agenda
    assert "HACCP" not in agenda
    assert "Kneads bread dough by hand" in response.text  # the planner sees it and can edit it


def test_the_agenda_has_a_plain_outline_without_a_coaching_plan(client, world):
    client.force_login(world.mentor)
    agenda = client.get(reverse("meeting_new", args=[world.placement.pk])).context["form"].initial["agenda"]
    assert "Open learning goals" not in agenda
    assert "Agreements and the next meeting" in agenda


def test_planning_invites_learner_mentor_and_supervisor_and_records_the_history(client, world):
    client.force_login(world.mentor)
    response = plan(client, world, agenda="1. Oven schedule")
    meeting = Meeting.objects.get(placement=world.placement)
    assert response.status_code == 302
    assert response["Location"] == reverse("meeting_detail", args=[meeting.pk])
    assert meeting.status == Meeting.Status.PROPOSED
    assert meeting.sequence == 0
    assert meeting.organiser == world.mentor
    assert meeting.agenda == "1. Oven schedule"
    assert timezone.localtime(meeting.starts_at).hour == 10
    people = {p.user: (p.role, p.response) for p in meeting.participants.all()}
    assert people == {
        world.learner: (Participant.Role.LEARNER, Participant.Response.PENDING),
        # The planner picked the time, so their own answer is yes.
        world.mentor: (Participant.Role.MENTOR, Participant.Response.ACCEPTED),
        world.supervisor: (Participant.Role.SUPERVISOR, Participant.Response.PENDING),
    }
    change = meeting.changes.get()
    assert (change.kind, change.new_starts_at, change.by) == (
        MeetingChange.Kind.PLANNED,
        meeting.starts_at,
        world.mentor,
    )


def test_other_participants_are_added_and_linked_to_their_account_when_they_have_one(client, world):
    client.force_login(world.supervisor)
    plan(client, world, others="Jan Bakker, jan@korenschoof.example\nRuud van Leeuwen <ADMIN@example.org>\n\n")
    meeting = Meeting.objects.get()
    guest = meeting.participants.get(email="jan@korenschoof.example")
    assert (guest.name, guest.user, guest.role) == ("Jan Bakker", None, Participant.Role.OTHER)
    admin = meeting.participants.get(email="admin@example.org")
    assert (admin.name, admin.user) == ("Ruud van Leeuwen", world.company_admin)
    assert meeting.participants.count() == 5


def test_a_line_without_an_email_address_is_refused_with_its_line_number(client, world):
    client.force_login(world.supervisor)
    response = plan(client, world, others="Jan Bakker, jan@korenschoof.example\nPiet from the office")
    assert response.status_code == 200
    assert "Line 2: write a name, a comma and an e-mail address." in response.text
    assert not Meeting.objects.exists()


def test_inviting_one_of_the_three_again_is_refused(client, world):
    client.force_login(world.supervisor)
    response = plan(client, world, others="Marieke, Mentor@example.org")
    assert response.status_code == 200
    assert "mentor@example.org is invited twice." in response.text
    assert not Meeting.objects.exists()


def test_a_time_in_the_past_is_refused(client, world):
    client.force_login(world.supervisor)
    yesterday = timezone.localdate() - timedelta(days=1)
    response = plan(client, world, date=yesterday.isoformat())
    assert response.status_code == 200
    assert "The time has to be in the future." in response.text
    assert not Meeting.objects.exists()


def test_a_place_or_an_online_link_is_required(client, world):
    client.force_login(world.supervisor)
    response = plan(client, world, location="", online_link="")
    assert response.status_code == 200
    assert "Give a place, an online link, or both." in response.text
    assert not Meeting.objects.exists()


def test_an_online_link_alone_is_enough(client, world):
    client.force_login(world.supervisor)
    assert plan(client, world, location="", online_link="https://meet.example.org/daan").status_code == 302
    assert Meeting.objects.get().online_link == "https://meet.example.org/daan"


def test_the_duration_has_limits(client, world):
    client.force_login(world.supervisor)
    response = plan(client, world, duration_minutes="5")
    assert response.status_code == 200
    assert not Meeting.objects.exists()


@time_machine.travel(NOVEMBER_2026)
def test_times_are_amsterdam_clock_times_on_both_sides_of_a_clock_change(client, world):
    client.force_login(world.supervisor)
    plan(client, world, date="2027-03-28", time="10:00")
    plan(client, world, date="2027-10-31", time="10:00")
    spring, autumn = Meeting.objects.order_by("starts_at")
    assert spring.starts_at == datetime(2027, 3, 28, 8, 0, tzinfo=UTC)
    assert autumn.starts_at == datetime(2027, 10, 31, 9, 0, tzinfo=UTC)


@time_machine.travel(NOVEMBER_2026)
def test_a_time_the_clocks_skip_is_refused(client, world):
    client.force_login(world.supervisor)
    response = plan(client, world, date="2027-03-28", time="02:30")
    assert response.status_code == 200
    assert "This time does not exist on that day" in response.text
    assert not Meeting.objects.exists()


def test_planning_notifies_the_invited_in_the_app_at_their_chosen_level(client, world):
    world.learner.notification_level = "essential"
    world.learner.save(update_fields=["notification_level"])
    world.supervisor.notification_level = "none"
    world.supervisor.save(update_fields=["notification_level"])
    client.force_login(world.mentor)
    plan(client, world)
    meeting = Meeting.objects.get()
    notice = Notification.objects.get()
    assert notice.user == world.learner  # not the planner, and not the supervisor who chose "none"
    assert notice.level == Notification.Level.ESSENTIAL
    assert notice.url == reverse("meeting_detail", args=[meeting.pk])
    assert notice.text.startswith("Invitation: tripartite meeting about Daan Jansen on ")


def test_the_meeting_page_shows_agenda_participants_answers_and_history(client, world):
    client.force_login(world.supervisor)
    plan(client, world, agenda="1. Oven schedule", others="Jan Bakker, jan@korenschoof.example")
    meeting = Meeting.objects.get()
    page = client.get(reverse("meeting_detail", args=[meeting.pk])).text
    for text in ("1. Oven schedule", "Jan Bakker", "Daan Jansen", "Marieke de Vries", "No answer yet", "Accepted"):
        assert text in page
    assert "Planned by" in page
    assert row(meeting, world.supervisor).response == Participant.Response.ACCEPTED


def test_one_person_in_two_roles_is_invited_once(world):
    placement = make_placement(school=world.school, company=world.company, mentor=world.mentor, supervisor=world.mentor)
    data = {"starts_at": timezone.now() + timedelta(days=3), "location": "Kantine", "agenda": ""}
    meeting = meeting_plan(placement=placement, user=world.mentor, data=data)
    assert meeting.participants.filter(email="mentor@example.org").count() == 1
    assert meeting.participants.count() == 2
