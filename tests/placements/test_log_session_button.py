"""A "Log a session" button for the work mentor on the placement overview and the dashboard (issue 12).

Only the placement's work mentor may log sessions (the session form's rule), so only they see the button.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from placements.models import Placement
from tests.cast import EVERYONE
from tests.factories import make_placement

ROLES = EVERYONE


def _new_session_url(placement):
    return reverse("mentoring_session_new", args=[placement.pk])


@pytest.mark.parametrize("role", ROLES)
def test_the_overview_offers_logging_a_session_to_the_mentor_only(client, world, role):
    user = getattr(world, role)
    client.force_login(user)
    response = client.get(reverse("placement_detail", args=[world.placement.pk]))
    if response.status_code == 404:  # the placement is not theirs to see at all
        assert role != "mentor"
        return
    assert response.status_code == 200
    shown = _new_session_url(world.placement) in response.text
    assert shown == (role == "mentor")
    assert ("Log a session" in response.text) == (role == "mentor")
    # The button's promise holds: whoever sees it may open the form, the others may not.
    form = client.get(_new_session_url(world.placement))
    assert (form.status_code == 200) == shown


def test_the_button_leads_to_the_session_form(client, world):
    client.force_login(world.mentor)
    page = client.get(reverse("placement_detail", args=[world.placement.pk])).text
    assert f'class="btn btn-primary" href="{_new_session_url(world.placement)}">Log a session</a>' in page


@pytest.mark.parametrize("role", ROLES)
def test_the_dashboard_offers_it_per_active_placement_to_the_mentor(client, world, role):
    today = timezone.localdate()
    planned = make_placement(
        school=world.school,
        company=world.company,
        learner=world.other_learner,
        mentor=world.mentor,
        supervisor=world.supervisor,
        status=Placement.Status.PLANNED,
        start_date=today + timedelta(days=20),
        end_date=today + timedelta(days=120),
    )
    client.force_login(getattr(world, role))
    page = client.get(reverse("dashboard")).text
    assert (_new_session_url(world.placement) in page) == (role == "mentor")
    if role == "mentor":
        name = world.learner.get_full_name()
        assert f'Log a session<span class="visually-hidden">: {name}</span>' in page
        assert world.other_learner.get_full_name() in page  # the planned placement is listed, without the button
    assert _new_session_url(planned) not in page  # not on a placement that has not started
