"""The signed-link machinery on its own: one object, one purpose, one version, a limited time."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
import time_machine
from django.core import signing
from django.utils import timezone

from core.signing import SignedLink, TokenExpired, TokenInvalid, TokenOutdated


@dataclass
class Thing:
    pk: int
    version: int = 1


@pytest.fixture
def things():
    return {1: Thing(1), 2: Thing(2)}


def link_kind(things, salt="tests.thing", days=7):
    return SignedLink[Thing](
        salt=salt,
        max_age=timedelta(days=days),
        load=things.get,
        version=lambda thing: thing.version,
        expired_message="Too old.",
        outdated_message="Changed.",
    )


def test_a_link_names_its_object_and_is_the_django_timestamp_signer_format(things):
    link = link_kind(things)
    token = link.make(things[1])
    assert signing.TimestampSigner(salt="tests.thing").unsign(token) == "1:1"
    assert link.read(token) is things[1]
    assert link.read(link.make(things[2])) is things[2]


def test_a_link_lasts_its_max_age_and_then_says_so(things):
    link = link_kind(things, days=7)
    token = link.make(things[1])
    with time_machine.travel(timezone.now() + timedelta(days=6), tick=False):
        assert link.read(token) is things[1]
    with time_machine.travel(timezone.now() + timedelta(days=8), tick=False):
        with pytest.raises(TokenExpired) as refused:
            link.read(token)
        assert (refused.value.status, refused.value.message) == (410, "Too old.")
        assert link.read(token, max_age=timedelta(days=9)) is things[1]


@pytest.mark.parametrize(
    "token",
    [
        lambda link, things: link.make(things[1])[:-1] + "x",
        lambda link, things: "garbage",
        lambda link, things: link_kind(things, salt="tests.other").make(things[1]),
        lambda link, things: signing.TimestampSigner(salt="tests.thing").sign("one:1"),
    ],
    ids=["tampered", "garbage", "other purpose", "not a number"],
)
def test_a_link_not_made_for_this_purpose_is_invalid(things, token):
    link = link_kind(things)
    with pytest.raises(TokenInvalid) as refused:
        link.read(token(link, things))
    assert refused.value.status == 400
    assert "This link is not valid." in str(refused.value.message)


def test_a_link_to_a_changed_or_deleted_object_is_outdated(things):
    link = link_kind(things)
    token = link.make(things[1])
    things[1].version = 2
    with pytest.raises(TokenOutdated) as refused:
        link.read(token)
    assert (refused.value.status, refused.value.message, refused.value.obj) == (410, "Changed.", things[1])
    assert link.read(link.make(things[1])) is things[1]  # the newest e-mail's link works
    del things[1]
    with pytest.raises(TokenOutdated) as refused:
        link.read(token)
    assert refused.value.obj is None
