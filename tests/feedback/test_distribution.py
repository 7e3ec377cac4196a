"""Distribution rules: each rule sends once per person and moment, with one reminder, even when the scan runs
twice; answering in the app or through the signed link stores the answers apart from the person."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from feedback.distribution.links import SURVEY_LINK
from feedback.distribution.scan import scan
from feedback.models import Answer, Response, SurveyInvitation
from tests.factories import make_placement
from tests.feedback.factories_feedback import answer_all, rule_for
from tests.registry.factories_courses import add_session, enrol, make_course

pytestmark = pytest.mark.usefixtures("tasks_in_process")


@pytest.fixture
def ending(world):
    """The world's placement ends in five days; the end-of-placement survey goes seven days before the end."""
    world.placement.end_date = timezone.localdate() + timedelta(days=5)
    world.placement.save()
    return rule_for(world, "learner-end-placement", "before_end", days=7)


def test_each_rule_sends_once_per_person_and_moment_even_when_the_scan_runs_twice(
    world, ending, django_capture_on_commit_callbacks
):
    rule_for(world, "mentor-end-placement", "before_end", days=7)
    with django_capture_on_commit_callbacks(execute=True):
        first = scan()
    with django_capture_on_commit_callbacks(execute=True):
        second = scan()
    assert first.invitations == 2 and second.invitations == 0
    assert SurveyInvitation.objects.count() == 2
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["learner@example.org", "mentor@example.org"]
    assert all(i.sent_at for i in SurveyInvitation.objects.all())
    assert SurveyInvitation.objects.get(recipient=world.learner).version.first_sent_at is not None


def test_not_due_yet_and_long_past_are_not_sent(world):
    rule_for(world, "learner-end-placement", "before_end", days=7)  # ends in 90 days
    today = timezone.localdate()
    past = make_placement(
        school=world.school, company=world.company, start_date=today - timedelta(days=400),
        end_date=today - timedelta(days=200), status="completed",
    )  # fmt: skip
    rule_for(world, "learner-mid-placement", "after_end", days=0)
    scan()
    assert not SurveyInvitation.objects.filter(placement__in=[world.placement, past]).exists()


def test_halfway_and_course_rules(world, django_capture_on_commit_callbacks):
    world.placement.start_date = timezone.localdate() - timedelta(days=60)
    world.placement.end_date = timezone.localdate() + timedelta(days=58)
    world.placement.save()
    rule_for(world, "learner-mid-placement", "halfway")
    course = make_course(world)
    add_session(course, days=-3)
    enrol(course, world.mentor, world.company)
    rule_for(world, "course-participant", "after_course", days=1)
    rule_for(world, "course-effect-employer", "after_course", days=90)  # not yet
    with django_capture_on_commit_callbacks(execute=True):
        scan()
    assert set(SurveyInvitation.objects.values_list("recipient__email", "subject_key")) == {
        ("learner@example.org", f"placement:{world.placement.pk}"),
        ("mentor@example.org", f"course:{course.pk}"),
    }


def test_one_reminder_after_the_delay(world, ending, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        scan()
    SurveyInvitation.objects.update(sent_at=timezone.now() - timedelta(days=8))
    mail.outbox.clear()
    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            scan()
    assert len(mail.outbox) == 1 and "Reminder" in mail.outbox[0].subject


def test_the_learner_answers_through_the_emailed_link(client, world, ending, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        scan()
    invitation = SurveyInvitation.objects.get()
    link = reverse("survey_answer_signed", args=[SURVEY_LINK.make(invitation)])
    assert link in mail.outbox[0].body
    page = client.get(link)
    assert page.status_code == 200 and page["Cache-Control"] == "no-store"
    data = {}
    for question in invitation.version.questions.all():
        data[f"q{question.pk}"] = "Kind and patient" if question.kind == "text" else str(question.scale[-1])
    assert client.post(link, data).status_code == 302
    invitation.refresh_from_db()
    assert invitation.answered
    response = Response.objects.get()
    assert (response.company_id, response.mentor_id, response.school_id) == (
        world.company.pk,
        world.mentor.pk,
        world.school.pk,
    )
    assert Answer.objects.filter(response=response, text="Kind and patient").exists()
    field_names = {field.name for field in Response._meta.get_fields()}
    assert not field_names & {"invitation", "respondent", "user", "learner", "created_at"}
    again = client.get(link)
    assert again.status_code == 410  # answered: the link no longer works


def test_a_survey_is_answered_once(world, ending):
    scan()
    invitation = SurveyInvitation.objects.get()
    answer_all(invitation)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        answer_all(invitation)
    assert Response.objects.count() == 1


def test_a_mentors_own_answers_do_not_name_the_mentor(world):
    world.placement.end_date = timezone.localdate() + timedelta(days=5)
    world.placement.save()
    rule_for(world, "mentor-end-placement", "before_end", days=7)
    scan()
    answer_all(SurveyInvitation.objects.get())
    assert Response.objects.get().mentor_id is None


@pytest.mark.parametrize("who", ["other_learner", "mentor", "coordinator", "staff"])
def test_nobody_else_opens_someones_survey(client, world, ending, who):
    scan()
    invitation = SurveyInvitation.objects.get()
    client.force_login(getattr(world, who))
    assert client.get(reverse("survey_answer", args=[invitation.pk])).status_code == 404


def test_the_learner_answers_in_the_app(client, world, ending):
    scan()
    client.force_login(world.learner)
    page = client.get(reverse("my_surveys"))
    invitation = SurveyInvitation.objects.get()
    assert reverse("survey_answer", args=[invitation.pk]) in page.content.decode()
    empty = client.post(reverse("survey_answer", args=[invitation.pk]), {})
    assert empty.status_code == 400


@pytest.mark.parametrize("who, status", [("coordinator", 200), ("supervisor", 404), ("mentor", 404), ("learner", 404)])
def test_only_coordinators_manage_rules(client, world, who, status):
    client.force_login(getattr(world, who))
    assert client.get(reverse("feedback_rules")).status_code == status
    assert client.get(reverse("feedback_settings")).status_code == status


def test_a_rule_of_another_school_is_404(client, world):
    rule = rule_for(world, "learner-end-placement", "before_end", days=7)
    client.force_login(world.other_coordinator)
    assert client.get(reverse("feedback_rule_edit", args=[rule.pk])).status_code == 404
