"""The menu bar and the footer's language form are kept per process (home/templatetags/site_menu.py): each person
still sees their own menu, and each request its own CSRF token and the page it came from."""

import re

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _kept_as_in_production(settings):
    settings.DEBUG = False


def test_each_person_sees_their_own_menu_after_another_was_kept(client, world):
    client.force_login(world.coordinator)
    coordinator_page = client.get(reverse("my_account")).text
    client.force_login(world.learner)
    learner_page = client.get(reverse("my_account")).text
    assert f'href="{reverse("register")}"' in coordinator_page
    assert f'href="{reverse("register")}"' not in learner_page
    assert world.learner.email in learner_page
    assert world.coordinator.email not in learner_page


def test_the_log_out_and_language_forms_carry_this_requests_token_and_it_works(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.mentor)
    first = client.get(reverse("my_account")).text
    second = client.get(reverse("my_account")).text
    tokens = TOKEN.findall(second)
    assert len(tokens) >= 2 and "stand-in" not in second
    assert TOKEN.findall(first)[0] != tokens[0]  # a masked token of its own for each response
    response = client.post(reverse("logout"), {"csrfmiddlewaretoken": tokens[0]})
    assert response.status_code == 302
    assert client.get(reverse("my_account")).status_code == 302  # logged out: back to the log-in page


def test_the_language_form_returns_to_this_page_escaped(client, world):
    client.force_login(world.mentor)
    page = client.get(reverse("my_account"), QUERY_STRING='q="><b>x</b>&lang=nl').text
    assert 'name="next" type="hidden" value="/accounts/me/?q=%22%3E%3Cb%3Ex%3C/b%3E&amp;lang=nl"' in page
    assert "<b>x</b>" not in page
    other = client.get(reverse("dashboard")).text
    assert f'name="next" type="hidden" value="{reverse("dashboard")}"' in other


def test_the_menu_marks_the_page_it_is_on(client, world):
    client.force_login(world.coordinator)
    register = client.get(reverse("register")).text
    account = client.get(reverse("my_account")).text
    assert 'aria-current="page" href="/register/"' in register
    assert 'aria-current="page" href="/register/"' not in account
