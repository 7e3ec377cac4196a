"""Who must use two-factor authentication: a school's coordinators when it says so, staff when the site says so;
sessions signed in through single sign-on are exempt. The school's Security page, per role."""

import pytest
from django.urls import reverse

from accounts.models import Role
from accounts.two_factor import state
from tests.accounts.two_factor_helpers import PASSWORD, code_for, next_code, turn_on
from tests.factories import grant
from tests.test_settings import PRODUCTION_ENV, run_python


def log_in(client, user):
    response = client.post(reverse("login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content


def sent_to_setup(response) -> bool:
    return response.status_code == 302 and response.url.startswith(reverse("two_factor_setup"))


@pytest.fixture
def strict_school(world):
    world.school.require_two_factor_for_staff = True
    world.school.save()
    return world.school


def test_a_school_that_requires_it_sends_its_coordinator_to_set_up_but_not_its_mentor(client, world, strict_school):
    log_in(client, world.coordinator)
    assert sent_to_setup(client.get(reverse("dashboard")))
    assert sent_to_setup(client.get(reverse("placement_detail", args=[world.placement.pk])))
    page = client.get(reverse("two_factor_setup"))
    assert page.status_code == 200 and "must use two-factor authentication" in page.text
    # Set up: the coordinator is in, and may not switch it off again.
    key = client.session[state.SETUP_KEY_KEY]
    client.post(reverse("two_factor_setup"), {"code": code_for(key)})
    assert client.get(reverse("dashboard")).status_code == 200
    assert client.get(reverse("two_factor_disable")).status_code == 403
    client.post(reverse("logout"))

    for someone in (world.mentor, world.supervisor, world.learner, world.other_coordinator):
        log_in(client, someone)
        assert client.get(reverse("dashboard")).status_code == 200, someone
        client.post(reverse("logout"))


def test_a_coordinator_with_an_authenticator_is_asked_for_a_code_not_a_new_set_up(client, world, strict_school):
    device, _codes = turn_on(world.coordinator)
    log_in(client, world.coordinator)
    assert client.get(reverse("dashboard")).url.startswith(reverse("two_factor_verify"))
    client.post(reverse("two_factor_verify"), {"code": next_code(device)})
    assert client.get(reverse("dashboard")).status_code == 200


def test_staff_must_set_it_up_when_the_site_requires_it(client, world, settings):
    settings.TWO_FACTOR_REQUIRED_FOR_STAFF = True
    log_in(client, world.staff)
    assert sent_to_setup(client.get(reverse("dashboard")))
    assert sent_to_setup(client.get("/admin/"))
    client.post(reverse("logout"))
    settings.TWO_FACTOR_REQUIRED_FOR_STAFF = False
    log_in(client, world.staff)
    assert client.get(reverse("dashboard")).status_code == 200


def test_staff_need_it_in_production_but_not_in_development_where_the_demo_logs_in_without_it():
    code = "from django.conf import settings; print(settings.TWO_FACTOR_REQUIRED_FOR_STAFF)"
    production = run_python(code, PRODUCTION_ENV)
    development = run_python(code, {**PRODUCTION_ENV, "DEBUG": "true"})  # ./scripts/run
    assert (production.stdout.strip(), development.stdout.strip()) == ("True", "False"), production.stderr


def test_a_session_signed_in_through_single_sign_on_is_not_asked(client, world, strict_school):
    turn_on(world.coordinator)
    client.force_login(world.coordinator)
    session = client.session
    session[state.LOGIN_METHOD_KEY] = "oidc"  # as accounts/sso/views.py marks it after the provider's sign-in
    session.save()
    assert client.get(reverse("dashboard")).status_code == 200
    assert client.get(reverse("placement_list")).status_code == 200


def test_a_stale_single_sign_on_mark_does_not_excuse_a_password_log_in(client, world):
    turn_on(world.coordinator)
    session = client.session
    session[state.LOGIN_METHOD_KEY] = "oidc"
    session.save()
    log_in(client, world.coordinator)
    assert client.get(reverse("dashboard")).url.startswith(reverse("two_factor_verify"))


# --- The school's Security page ------------------------------------------------------------------------------


def test_a_coordinator_requires_it_for_their_school_and_sets_it_up_right_away(client, world):
    client.force_login(world.coordinator)
    page = client.get(reverse("school_security"))
    assert page.status_code == 200 and world.school.name in page.text
    response = client.post(reverse("school_security"), {"require_two_factor_for_staff": "on"})
    assert sent_to_setup(response)
    world.school.refresh_from_db()
    assert world.school.require_two_factor_for_staff
    assert sent_to_setup(client.get(reverse("dashboard")))


def test_turning_it_off_again(client, world, strict_school):
    device, _codes = turn_on(world.coordinator)
    client.force_login(world.coordinator)
    client.post(reverse("two_factor_verify"), {"code": next_code(device)})
    response = client.post(reverse("school_security"), {})
    assert response.status_code == 302
    world.school.refresh_from_db()
    assert not world.school.require_two_factor_for_staff


@pytest.mark.parametrize("who", ["learner", "mentor", "supervisor", "company_admin", "nobody"])
def test_only_coordinators_and_staff_open_the_security_page(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(reverse("school_security")).status_code == 403
    assert client.post(reverse("school_security"), {"require_two_factor_for_staff": "on"}).status_code == 403
    world.school.refresh_from_db()
    assert not world.school.require_two_factor_for_staff


def test_a_coordinator_cannot_change_another_schools_security(client, world):
    client.force_login(world.coordinator)
    url = reverse("school_security") + f"?school={world.other_school.pk}"
    assert client.get(url).status_code == 404
    assert client.post(url, {"require_two_factor_for_staff": "on"}).status_code == 404
    world.other_school.refresh_from_db()
    assert not world.other_school.require_two_factor_for_staff
    assert client.get(reverse("school_security") + "?school=99999999999999999999").status_code == 404


def test_staff_choose_any_school(client, world):
    client.force_login(world.staff)
    url = reverse("school_security") + f"?school={world.other_school.pk}"
    assert client.get(url).context["school"] == world.other_school
    assert client.post(url, {"require_two_factor_for_staff": "on"}).status_code == 302
    world.other_school.refresh_from_db()
    assert world.other_school.require_two_factor_for_staff
    # Staff are not coordinators there: nothing is asked of them now.
    assert client.get(reverse("dashboard")).status_code == 200


def test_a_coordinator_of_two_schools_picks_one(client, world):
    grant(world.coordinator, Role.COORDINATOR, world.other_school)
    client.force_login(world.coordinator)
    page = client.get(reverse("school_security"))
    assert len(page.context["schools"]) == 2 and 'id="school-choice"' in page.text


def test_the_pages_read_in_dutch(client, world, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    device, _codes = turn_on(world.coordinator)
    client.force_login(world.coordinator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    assert "Voer je code in" in client.get(reverse("two_factor_verify")).text
    wrong = client.post(reverse("two_factor_verify"), {"code": "000000"}).text
    assert "Die code klopt niet." in wrong
    client.post(reverse("two_factor_verify"), {"code": next_code(device)})
    assert "Tweestapsverificatie" in client.get(reverse("two_factor")).text
    assert "Beveiliging" in client.get(reverse("school_security")).text
    client.post(reverse("two_factor_regenerate"))
    assert "herstelcodes" in client.get(reverse("two_factor_codes")).text
