"""The dashboard never links a count of zero: "0 sets of minutes to confirm" is not shown (issue 12)."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from .factories_meetings import held_meeting
from .factories_minutes import write_minutes


def _minutes_line(client, user) -> str:
    client.force_login(user)
    page = client.get(reverse("dashboard")).text
    match = re.search(r"<p>(?:(?!</p>).)*minutes(?:(?!</p>).)*</p>", page, re.S)
    return match.group(0) if match else ""


def _links(html: str) -> list[str]:
    return [" ".join(text.split()) for text in re.findall(r"<a [^>]*>(.*?)</a>", html, re.S)]


def test_the_writer_with_nothing_to_confirm_sees_only_what_waits_for_others(client, world):
    write_minutes(world, held_meeting(world), send=True)  # the mentor writes and sends: nothing left to confirm
    line = _minutes_line(client, world.mentor)
    assert "0 sets of minutes" not in line and "to confirm</a>" not in line
    assert _links(line) == ["1 set of minutes waiting for others"]


def test_a_participant_with_minutes_to_confirm_gets_a_link_and_no_zero_count(client, world):
    write_minutes(world, held_meeting(world), send=True)
    line = _minutes_line(client, world.learner)
    assert _links(line) == ["1 set of minutes to confirm"]
    assert "0 " not in re.sub(r"<[^>]+>", "", line)
    assert "·" not in line


def test_both_counts_link_when_both_are_above_zero(client, world):
    write_minutes(world, held_meeting(world), send=True)  # waits for the learner and the supervisor
    earlier = held_meeting(world, starts_at=timezone.now() - timedelta(days=20))
    write_minutes(world, earlier, by=world.supervisor, send=True)  # waits for the learner and the mentor
    line = _minutes_line(client, world.supervisor)
    # Both wait for the learner as well: the supervisor follows them as the placement's supervisor.
    assert _links(line) == ["1 set of minutes to confirm", "2 sets of minutes waiting for others"]
    assert "·" in line


def test_nothing_waiting_shows_no_minutes_line(client, world):
    assert _minutes_line(client, world.mentor) == ""
