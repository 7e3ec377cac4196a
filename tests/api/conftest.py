"""The API's cast: `world` (tests/conftest.py) plus tokens of its school and of the other school."""

from types import SimpleNamespace

import pytest
from django.test import Client

from api.models import ApiToken
from api.tokens import token_create


@pytest.fixture
def tokens(world):
    read, read_text = token_create(school=world.school, by=world.coordinator, name="SIS", scope=ApiToken.Scope.READ)
    write, write_text = token_create(
        school=world.school, by=world.coordinator, name="SIS write", scope=ApiToken.Scope.WRITE
    )
    other, other_text = token_create(
        school=world.other_school, by=world.other_coordinator, name="Other", scope=ApiToken.Scope.WRITE
    )
    return SimpleNamespace(
        read=read, read_text=read_text, write=write, write_text=write_text, other=other, other_text=other_text
    )


def bearer(text: str) -> Client:
    """A client that sends the token on every request (no session, no cookies)."""
    return Client(HTTP_AUTHORIZATION=f"Bearer {text}")


@pytest.fixture
def read_client(tokens):
    return bearer(tokens.read_text)


@pytest.fixture
def write_client(tokens):
    return bearer(tokens.write_text)


@pytest.fixture
def other_client(tokens):
    return bearer(tokens.other_text)
