"""Feedback on the mentor: the request e-mail with a signed link, the short form answered once without logging in,
and the mentor's summary (per competency averages and comments)."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from assessments.growth.selectors import FEEDBACK_LINK
from assessments.growth.tasks import send_feedback_request
from assessments.models import FeedbackRequest
from core.outbox.models import OutboxEntry

from .growth_helpers import ensure_coach_profile, feedback_request


@pytest.fixture(autouse=True)
def _coach_profile(db):
    ensure_coach_profile()


LINK = re.compile(r"https?://\S+/feedback-for-mentor/\S+/")


def answer_url(request) -> str:
    return reverse("growth_feedback_answer", args=[FEEDBACK_LINK.make(request)])


def test_the_mentor_asks_the_supervisor_and_the_email_carries_a_working_link(client, world, mailoutbox):
    client.force_login(world.mentor)
    response = client.post(
        reverse("growth_feedback"),
        {
            "name": "Ingrid",
            "email": "Supervisor@Example.org",
            "relation": "supervisor",
            "items": ["B1", "B17"],
            "message": "How do I do in our meetings?",
        },
    )
    assert response.status_code == 302
    request = FeedbackRequest.objects.get()
    assert (request.email, request.items) == ("supervisor@example.org", ["B1", "B17"])
    assert OutboxEntry.objects.filter(task_name="assessments.tasks_growth.send_feedback_request").count() == 1

    assert send_feedback_request(request.pk)
    (message,) = mailoutbox
    assert message.to == ["supervisor@example.org"]
    assert "Marieke de Vries" in message.subject
    assert "How do I do in our meetings?" in message.body
    path = LINK.search(message.body).group(0).removeprefix(settings.SITE_URL)
    client.logout()
    form = client.get(path)
    assert form.status_code == 200
    assert "Sensitivity" in form.text and "Coaching" in form.text


INVALID_REQUESTS = [
    ({"items": []}, "items"),
    ({"items": ["B1", "B2", "B3", "B4", "B5", "B6", "B7"]}, "items"),
    ({"items": ["role-teamworker"]}, "items"),
    ({"email": "mentor@example.org"}, "email"),
    ({"email": "not an address"}, "email"),
]


def test_a_request_needs_a_few_competencies_and_someone_else(client, world):
    client.force_login(world.mentor)
    base = {"name": "Kees", "email": "kees@example.org", "relation": "colleague", "items": ["B1"]}
    for data, error in INVALID_REQUESTS:
        response = client.post(reverse("growth_feedback"), {**base, **data})
        assert response.status_code == 400, data
        assert error in response.context["form"].errors, data
    assert not FeedbackRequest.objects.exists()


def test_the_form_is_answered_once(client, world):
    request = feedback_request(world.mentor)
    url = answer_url(request)
    response = client.post(url, {"score_B1": "4", "score_B6": "", "comment": "Listens well."})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.scores == {"B1": 4}
    assert request.comment == "Listens well."
    assert request.answered_at

    again = client.post(url, {"score_B1": "1", "comment": "Changed my mind"})
    assert again.status_code == 410
    assert "can be answered once" in again.text
    request.refresh_from_db()
    assert request.scores == {"B1": 4}


def test_an_empty_or_out_of_scale_answer_is_refused(client, world):
    request = feedback_request(world.mentor)
    url = answer_url(request)
    assert client.post(url, {"score_B1": "", "comment": " "}).status_code == 400
    assert client.post(url, {"score_B1": "9"}).status_code == 400
    assert client.post(url, {"score_B2": "3"}).status_code == 400  # asked about B1 and B6 only
    request.refresh_from_db()
    assert request.answered_at is None


def test_bad_expired_and_withdrawn_links_are_404(client, world):
    request = feedback_request(world.mentor)
    url = answer_url(request)
    assert client.get(url[:-3] + "xx/").status_code == 404
    assert client.get(reverse("growth_feedback_answer", args=["nonsense"])).status_code == 404
    with time_machine.travel(timezone.now() + FEEDBACK_LINK.max_age + timedelta(days=1)):
        expired = client.get(url)
    assert expired.status_code == 404
    assert "expired" in expired.text
    assert "Marieke" not in expired.text

    client.force_login(world.mentor)
    assert client.post(reverse("growth_feedback_withdraw", args=[request.pk])).status_code == 302
    client.logout()
    assert client.get(url).status_code == 404


def test_an_answered_request_cannot_be_withdrawn(client, world):
    request = feedback_request(world.mentor, answered_at=timezone.now(), scores={"B1": 3})
    client.force_login(world.mentor)
    client.post(reverse("growth_feedback_withdraw", args=[request.pk]))
    assert FeedbackRequest.objects.filter(pk=request.pk).exists()


def test_the_mentor_sees_averages_per_competency_and_the_comments(client, world, django_assert_max_num_queries):
    now = timezone.now()
    feedback_request(world.mentor, answered_at=now, scores={"B1": 4, "B6": 2}, comment="Patient.")
    feedback_request(world.mentor, name="Kees", answered_at=now, scores={"B1": 5}, relation="colleague")
    feedback_request(world.mentor, name="Not yet")  # unanswered: not in the averages
    feedback_request(world.other_mentor, answered_at=now, scores={"B1": 1}, comment="Someone else's")
    client.force_login(world.mentor)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("growth_feedback"))
    averages = {line.item.key: (line.average, len(line.scores)) for line in response.context["lines"]}
    assert averages == {"B1": (4.5, 2), "B6": (2.0, 1)}
    assert "Patient." in response.text
    assert "Someone else" not in response.text
    assert "waiting for an answer" in response.text
