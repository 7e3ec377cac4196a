"""The coach's critical situations: the mentor records one, reads the guidance, asks the school for support."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.outbox.models import OutboxEntry
from mentoring.critical.guidance import GUIDANCE
from mentoring.critical.tasks import send_critical_support_request
from mentoring.models import CriticalSituation
from tests.cast import EVERYONE
from tests.factories import make_placement

SEES = {"mentor", "supervisor", "colleague_teacher", "coordinator", "staff"}  # the learner never does
RECORDS = {"mentor"}


def make_situation(world, **kwargs):
    kwargs.setdefault("category", CriticalSituation.Category.GIFTS)
    kwargs.setdefault("occurred_on", timezone.localdate() - timedelta(days=1))
    kwargs.setdefault("description", "The learner's father offered me a crate of wine")
    return CriticalSituation.objects.create(placement=world.placement, recorded_by=world.mentor, **kwargs)


def urls(world, situation):
    args = [world.placement.pk]
    return {
        "list": reverse("mentoring_critical", args=args),
        "detail": reverse("mentoring_critical_detail", args=[*args, situation.pk]),
        "new": reverse("mentoring_critical_new", args=args),
        "support": reverse("mentoring_critical_support", args=[*args, situation.pk]),
    }


@pytest.mark.parametrize("who", EVERYONE)
def test_each_role_reaches_exactly_what_it_may(client, world, who):
    situation = make_situation(world)
    page = urls(world, situation)
    client.force_login(getattr(world, who))
    seen = 200 if who in SEES else 404
    assert client.get(page["list"]).status_code == seen
    assert client.get(page["detail"]).status_code == seen
    writes = 200 if who in RECORDS else 403 if who in SEES else 404
    assert client.get(page["new"]).status_code == writes
    asked = client.post(page["support"], {"question": "Can we talk?"})
    assert asked.status_code == (302 if who in RECORDS else writes)
    assert OutboxEntry.objects.filter(task_name=send_critical_support_request.name).exists() == (who in RECORDS)


@pytest.mark.parametrize("category", CriticalSituation.Category.values)
def test_recording_shows_the_guidance_of_its_category(client, world, category):
    client.force_login(world.mentor)
    response = client.post(
        reverse("mentoring_critical_new", args=[world.placement.pk]),
        {"category": category, "occurred_on": timezone.localdate().isoformat(), "description": "It happened"},
        follow=True,
    )
    assert response.status_code == 200
    situation = CriticalSituation.objects.get()
    assert situation.recorded_by == world.mentor and situation.category == category
    text = response.content.decode()
    assert str(GUIDANCE[category].steps[0]).replace("'", "&#x27;") in text
    other = next(value for value in CriticalSituation.Category.values if value != category)
    assert str(GUIDANCE[other].steps[0]).replace("'", "&#x27;") not in text


def test_the_form_lists_every_categorys_guidance_and_refuses_a_future_date(client, world):
    client.force_login(world.mentor)
    url = reverse("mentoring_critical_new", args=[world.placement.pk])
    page = client.get(url).content.decode()
    for label in CriticalSituation.Category.labels:
        assert str(label) in page
    refused = client.post(
        url,
        {
            "category": "gifts",
            "occurred_on": (timezone.localdate() + timedelta(days=2)).isoformat(),
            "description": "x",
        },
    )
    assert refused.status_code == 200 and "cannot be in the future" in refused.content.decode()
    assert not CriticalSituation.objects.exists()


def test_asking_for_support_goes_through_the_outbox_to_the_supervisor_once(client, world):
    situation = make_situation(world, category=CriticalSituation.Category.RELATIONSHIP)
    client.force_login(world.mentor)
    url = reverse("mentoring_critical_support", args=[world.placement.pk, situation.pk])
    assert client.post(url, {"question": "The learner texts me at night"}).status_code == 302
    entry = OutboxEntry.objects.get(task_name=send_critical_support_request.name)
    assert entry.args == [situation.pk]
    assert mail.outbox == []  # nothing is sent before the commit and the relay

    send_critical_support_request(*entry.args)
    assert [message.to for message in mail.outbox] == [["supervisor@example.org"]]
    body = mail.outbox[0].body
    assert "Marieke de Vries" in body and "Daan Jansen" in body
    assert "texts me at night" not in body  # the question stays behind the login
    assert reverse("mentoring_critical_detail", args=[world.placement.pk, situation.pk]) in body

    again = client.post(url, {"question": "Again"})
    assert again.status_code == 400 and "already been asked" in again.content.decode()
    assert OutboxEntry.objects.filter(task_name=send_critical_support_request.name).count() == 1
    situation.refresh_from_db()
    assert situation.support_question == "The learner texts me at night"


def test_an_empty_question_is_a_form_message(client, world):
    situation = make_situation(world)
    client.force_login(world.mentor)
    response = client.post(reverse("mentoring_critical_support", args=[world.placement.pk, situation.pk]), {})
    assert response.status_code == 400
    assert not OutboxEntry.objects.exists()
    situation.refresh_from_db()
    assert situation.support_requested_at is None


def test_another_placements_situation_is_not_found(client, world):
    other_placement = make_placement(
        school=world.school, company=world.company, learner=world.other_learner, mentor=world.mentor
    )
    other = CriticalSituation.objects.create(
        placement=other_placement,
        recorded_by=world.mentor,
        category="gifts",
        occurred_on=timezone.localdate(),
        description="x",
    )
    client.force_login(world.mentor)
    assert client.get(reverse("mentoring_critical_detail", args=[world.placement.pk, other.pk])).status_code == 404


def test_the_list_costs_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    for _ in range(5):
        make_situation(world)
    client.force_login(world.supervisor)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("mentoring_critical", args=[world.placement.pk]))
    assert response.content.decode().count("Corruption") == 5
