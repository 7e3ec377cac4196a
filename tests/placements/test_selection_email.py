"""Each candidate hears the decision once, by e-mail, in their own language."""

from smtplib import SMTPException

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from accounts.models import User
from placements.models import Candidate
from placements.selection.emails import selection_decision_send
from placements.selection.services import Appointment, candidate_decide
from placements.selection.tasks import send_selection_decision
from tests.helpers import wait_for_mail

from .factories_recruitment import add_criteria, make_candidate, make_opening, make_profile, score


@pytest.fixture
def candidate(world):
    opening = make_opening(world, title="Baker's assistant")
    add_criteria(opening)
    make_profile(world.other_learner, world.school, programme=world.programme)
    candidate = make_candidate(opening, world.other_learner, "A")
    score(candidate, world.mentor, [4, 4, 4])
    score(candidate, world.colleague_mentor, [4, 4, 4])
    return candidate


def appoint_data(world, opening):
    return {
        "form": "appoint",
        "appoint-mentor": world.mentor.pk,
        "appoint-supervisor": world.supervisor.pk,
        "appoint-programme": world.programme.pk,
        "appoint-start_date": opening.start_date.isoformat(),
        "appoint-end_date": opening.end_date.isoformat(),
        "appoint-hours_per_week": 32,
    }


def test_the_appointed_candidate_is_told_once_with_company_start_and_mentor(
    client, world, candidate, mailoutbox, task_worker
):
    client.force_login(world.company_admin)
    response = client.post(reverse("selection_decide", args=[candidate.pk]), appoint_data(world, candidate.opening))
    assert response.status_code == 302
    outbox = wait_for_mail(1)
    assert len(wait_for_mail(2, timeout=1.5)) == 1
    message = outbox[0]
    assert message.to == [world.other_learner.email]
    assert "You have been appointed: Baker's assistant at Bakkerij De Korenschoof" in message.subject
    assert date_format(candidate.opening.start_date, "l j F Y") in message.body
    assert "Marieke de Vries" in message.body  # the work mentor
    candidate.refresh_from_db()
    assert candidate.decision_sent_at is not None
    assert reverse("placement_detail", args=[candidate.placement_id]) in message.body

    send_selection_decision(candidate.pk)  # a second task for the same decision
    client.post(reverse("selection_decide", args=[candidate.pk]), appoint_data(world, candidate.opening))
    assert len(wait_for_mail(2, timeout=1.5)) == 1


def test_the_candidate_not_selected_reads_the_reason(world, candidate, mailoutbox, task_worker):
    candidate_decide(
        candidate=candidate,
        by=world.company_admin,
        status=Candidate.Status.REJECTED,
        reason="We chose a candidate with more experience in the shop.",
    )
    outbox = wait_for_mail(1)
    assert len(wait_for_mail(2, timeout=1.5)) == 1
    body = outbox[0].body
    assert "We chose a candidate with more experience in the shop." in body
    assert "not been selected this time" in body
    assert "This is not a judgement of you as a person." in body


def test_reserve_then_appointed_sends_two_different_emails(world, candidate, mailoutbox, task_worker):
    candidate_decide(candidate=candidate, by=world.company_admin, status=Candidate.Status.RESERVE)
    outbox = wait_for_mail(1)
    assert len(outbox) == 1
    assert "reserve list" in outbox[0].subject
    opening = candidate.opening
    candidate_decide(
        candidate=Candidate.objects.get(pk=candidate.pk),
        by=world.company_admin,
        status=Candidate.Status.APPOINTED,
        appointment=Appointment(
            mentor=world.mentor,
            supervisor=world.supervisor,
            programme=world.programme,
            start_date=opening.start_date,
            end_date=opening.end_date,
            hours_per_week=32,
        ),
    )
    outbox = wait_for_mail(2)
    assert len(wait_for_mail(3, timeout=1.5)) == 2
    assert "You have been appointed" in outbox[1].subject


def test_the_email_is_in_the_candidates_language(client, world, candidate, mailoutbox, task_worker):
    User.objects.filter(pk=world.other_learner.pk).update(language="nl")
    client.force_login(world.company_admin)
    client.post(reverse("selection_decide", args=[candidate.pk]), appoint_data(world, candidate.opening))
    outbox = wait_for_mail(1)
    assert len(wait_for_mail(2, timeout=1.5)) == 1
    with translation.override("nl"):
        dutch_date = date_format(candidate.opening.start_date, "l j F Y")
    assert dutch_date in outbox[0].body  # the Dutch day and month names, whatever the admin's language


def test_a_mail_server_failure_lets_the_retry_send_it(world, candidate, mailoutbox, monkeypatch):
    Candidate.objects.filter(pk=candidate.pk).update(status=Candidate.Status.RESERVE)
    candidate = Candidate.objects.select_related("learner", "opening__company").get(pk=candidate.pk)

    def broken(self, *args, **kwargs):
        raise SMTPException("mail server down")

    with monkeypatch.context() as patch:
        patch.setattr("django.core.mail.EmailMessage.send", broken)
        with pytest.raises(SMTPException):
            selection_decision_send(candidate=candidate)
    assert Candidate.objects.get(pk=candidate.pk).decision_sent_at is None
    assert selection_decision_send(candidate=candidate) is True
    assert len(mailoutbox) == 1


def test_someone_who_wants_no_email_gets_none(world, candidate, mailoutbox, task_worker):
    User.objects.filter(pk=world.other_learner.pk).update(notification_level=User.NotificationLevel.NONE)
    candidate_decide(
        candidate=Candidate.objects.get(pk=candidate.pk), by=world.company_admin, status=Candidate.Status.RESERVE
    )
    assert wait_for_mail(1, timeout=1.5) == []
