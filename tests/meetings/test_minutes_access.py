"""Who may read, write, confirm, withdraw and print the minutes of a meeting: every endpoint, every role."""

import pytest
from django.urls import reverse

from meetings.models import Minutes, MinutesConfirmation
from tests.cast import COACHING_VIEWERS, EVERYONE

from .factories_meetings import held_meeting
from .factories_minutes import form_data, write_minutes

SEES = COACHING_VIEWERS  # the placement's coaching viewers, who are also the ones who see its meetings
WRITES = {"mentor", "supervisor", "coordinator", "staff"}
PARTICIPANTS = {"learner", "mentor", "supervisor"}


def expected_write(who):
    if who in WRITES:
        return 200
    return 403 if who in SEES else 404


@pytest.fixture
def meeting(world):
    return held_meeting(world)


@pytest.fixture
def sent(world, meeting):
    """Minutes sent by the coordinator, who is not a participant: all three still have to confirm."""
    return write_minutes(world, meeting, by=world.coordinator, send=True)


@pytest.mark.parametrize("who", EVERYONE)
def test_minutes_page_is_for_those_who_see_the_meeting(client, world, meeting, sent, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("minutes_detail", args=[meeting.pk]))
    assert response.status_code == (200 if who in SEES else 404)
    if response.status_code == 200:
        assert "Daan works carefully" in response.text
        assert "Practise shaping baguettes every Friday" in response.text


@pytest.mark.parametrize("who", EVERYONE)
def test_minutes_page_without_minutes_is_for_those_who_see_the_meeting(client, world, meeting, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("minutes_detail", args=[meeting.pk]))
    assert response.status_code == (200 if who in SEES else 404)
    if response.status_code == 200:
        assert ("Write the minutes" in response.text) == (who in WRITES)


@pytest.mark.parametrize("who", EVERYONE)
def test_draft_minutes_are_read_only_by_their_writers(client, world, meeting, who):
    write_minutes(world, meeting)
    client.force_login(getattr(world, who))
    response = client.get(reverse("minutes_detail", args=[meeting.pk]))
    assert response.status_code == (200 if who in SEES else 404)
    if response.status_code == 200:
        assert ("Daan works carefully" in response.text) == (who in WRITES)


@pytest.mark.parametrize("who", EVERYONE)
def test_edit_page_is_for_mentor_and_school(client, world, meeting, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("minutes_edit", args=[meeting.pk]))
    assert response.status_code == expected_write(who)


@pytest.mark.parametrize("who", EVERYONE)
def test_writing_minutes_is_for_mentor_and_school(client, world, meeting, who):
    client.force_login(getattr(world, who))
    response = client.post(reverse("minutes_edit", args=[meeting.pk]), form_data(action="send"))
    expected = expected_write(who)
    assert response.status_code == (302 if expected == 200 else expected)
    assert Minutes.objects.filter(meeting=meeting, status=Minutes.Status.AWAITING).exists() == (expected == 200)


@pytest.mark.parametrize("who", EVERYONE)
def test_confirming_is_for_the_participants(client, world, meeting, sent, who):
    client.force_login(getattr(world, who))
    response = client.post(reverse("minutes_confirm", args=[meeting.pk]))
    if who in PARTICIPANTS:
        assert response.status_code == 302
    else:
        assert response.status_code == (403 if who in SEES else 404)
    confirmed = set(MinutesConfirmation.objects.filter(minutes=sent).values_list("participant__user__email", flat=True))
    assert confirmed == ({getattr(world, who).email} if who in PARTICIPANTS else set())


@pytest.mark.parametrize("who", EVERYONE)
def test_withdrawing_is_for_mentor_and_school(client, world, meeting, sent, who):
    client.force_login(getattr(world, who))
    response = client.post(reverse("minutes_withdraw", args=[meeting.pk]))
    expected = expected_write(who)
    assert response.status_code == (302 if expected == 200 else expected)
    sent.refresh_from_db()
    assert (sent.status == Minutes.Status.DRAFT) == (expected == 200)


@pytest.mark.parametrize("who", EVERYONE)
def test_pdf_is_for_those_who_see_the_meeting(client, world, meeting, sent, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("minutes_pdf", args=[meeting.pk]))
    assert response.status_code == (200 if who in SEES else 404)
    if response.status_code == 200:
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize("who", EVERYONE)
def test_waiting_page_is_for_everyone_signed_in(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(reverse("minutes_waiting")).status_code == 200


def test_pdf_of_a_draft_is_not_for_the_learner(client, world, meeting):
    write_minutes(world, meeting)
    client.force_login(world.learner)
    assert client.get(reverse("minutes_pdf", args=[meeting.pk])).status_code == 404
    client.force_login(world.mentor)
    assert client.get(reverse("minutes_pdf", args=[meeting.pk])).status_code == 200


def test_an_invited_outsider_sees_the_minutes_of_that_meeting(client, world, meeting, sent):
    from meetings.models import Participant

    Participant.objects.create(meeting=meeting, user=world.company_admin, name="Admin", email=world.company_admin.email)
    client.force_login(world.company_admin)
    assert client.get(reverse("minutes_detail", args=[meeting.pk])).status_code == 200
    assert client.post(reverse("minutes_confirm", args=[meeting.pk])).status_code == 302
    assert client.get(reverse("minutes_edit", args=[meeting.pk])).status_code == 403


def test_colleague_teacher_is_told_why_writing_is_refused(client, world, meeting):
    client.force_login(world.colleague_teacher)
    response = client.get(reverse("minutes_edit", args=[meeting.pk]))
    assert response.status_code == 403
    assert "Only the work mentor and the school write the minutes" in response.text


@pytest.mark.parametrize("name", ["minutes_detail", "minutes_edit", "minutes_pdf"])
def test_anonymous_visitors_are_sent_to_login(client, world, meeting, name):
    response = client.get(reverse(name, args=[meeting.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_unknown_meeting_is_404_for_staff(client, world):
    client.force_login(world.staff)
    assert client.get(reverse("minutes_detail", args=[999999])).status_code == 404
    assert client.get(reverse("minutes_pdf", args=[999999])).status_code == 404


def test_minutes_pages_carry_no_inline_scripts_or_styles(client, world, meeting, sent):
    import re

    from meetings.selectors import MINUTES_LINK

    guest_url = reverse("minutes_confirm_signed", args=[MINUTES_LINK.make(meeting.participants.first())])
    client.force_login(world.supervisor)
    urls = [reverse("minutes_detail", args=[meeting.pk]), reverse("minutes_waiting"), guest_url]
    fresh = held_meeting(world)
    urls.append(reverse("minutes_edit", args=[fresh.pk]))
    for url in urls:
        html = client.get(url).text
        assert " style=" not in html, url
        assert "<style" not in html, url
        for tag in re.findall(r"<script[^>]*>", html):
            assert "src=" in tag, tag
