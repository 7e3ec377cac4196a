"""Two-factor authentication: setting it up, the code after the password, recovery codes, switching it off."""

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.two_factor import state
from tests.accounts.two_factor_helpers import PASSWORD, code_for, next_code, turn_on
from tests.factories import UserFactory


@pytest.fixture
def member(db):
    return UserFactory(email="ingrid@example.org")


def log_in(client, user):
    response = client.post(reverse("login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content
    return response


def test_setup_with_a_real_code_turns_it_on_and_shows_ten_recovery_codes_once(client, member):
    client.force_login(member)
    page = client.get(reverse("two_factor_setup"))
    assert page.status_code == 200
    assert 'src="data:image/png;base64,' in page.text
    key = client.session[state.SETUP_KEY_KEY]
    assert page.context["secret"].replace(" ", "") in page.text.replace(" ", "")
    assert client.get(reverse("two_factor_setup")).context["secret"] == page.context["secret"]  # same key on reload

    response = client.post(reverse("two_factor_setup"), {"code": code_for(key)})
    assert response.status_code == 302 and response.url.startswith(reverse("two_factor_codes"))
    device = TOTPDevice.objects.get(user=member)
    assert device.confirmed and device.key == key
    codes = client.get(response.url)
    assert codes.status_code == 200 and codes["Cache-Control"] == "private, no-store"
    assert len(codes.context["codes"]) == 10
    assert StaticToken.objects.filter(device__user=member).count() == 10
    assert codes.context["codes"][0] in codes.text
    assert client.get(reverse("two_factor_codes")).status_code == 302  # shown once
    # The session that set it up has shown a code: it is not asked again.
    assert client.get(reverse("dashboard")).status_code == 200


def test_a_wrong_setup_code_is_refused_and_nothing_is_saved(client, member):
    client.force_login(member)
    client.get(reverse("two_factor_setup"))
    key = client.session[state.SETUP_KEY_KEY]
    wrong = f"{(int(code_for(key)) + 1) % 1_000_000:06d}"
    response = client.post(reverse("two_factor_setup"), {"code": wrong})
    assert response.status_code == 400
    assert "does not match" in response.text
    response = client.post(reverse("two_factor_setup"), {"code": "abc"})
    assert response.status_code == 400 and "Enter the 6 digits" in response.text
    assert not TOTPDevice.objects.filter(user=member).exists()


def test_after_the_password_a_code_is_asked_before_anything_else(client, member, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the wrong code and the right one follow each other within a second
    device, _codes = turn_on(member)
    log_in(client, member)
    for name in ("dashboard", "my_account", "two_factor", "placement_list"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.url.startswith(reverse("two_factor_verify")), name
    assert client.get("/admin/").url.startswith(reverse("two_factor_verify"))
    page = client.get(reverse("two_factor_verify") + "?next=" + reverse("my_account"))
    assert page.status_code == 200 and "Enter your code" in page.text

    wrong = client.post(reverse("two_factor_verify"), {"code": "000000", "next": reverse("my_account")})
    assert wrong.status_code == 400 and "That code is not right." in wrong.text
    assert client.get(reverse("dashboard")).status_code == 302
    right = client.post(reverse("two_factor_verify"), {"code": next_code(device), "next": reverse("my_account")})
    assert right.status_code == 302 and right.url == reverse("my_account")
    assert client.get(reverse("dashboard")).status_code == 200
    assert client.get(reverse("my_account")).context["two_factor_on"] is True


def test_a_code_is_accepted_only_once(client, member):
    device, _codes = turn_on(member)
    used = code_for(device.key)  # confirmed the set-up
    client.force_login(member)
    response = client.post(reverse("two_factor_verify"), {"code": used})
    assert response.status_code == 400


def test_logging_out_and_switching_language_stay_open_while_a_code_is_owed(client, member):
    turn_on(member)
    client.force_login(member)
    assert client.post(reverse("set_language"), {"language": "nl"}).status_code == 302
    assert client.get(reverse("healthz")).status_code in (200, 503)
    assert client.post(reverse("logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_recovery_code_lets_in_once(client, member):
    _device, codes = turn_on(member)
    log_in(client, member)
    typed = f"{codes[3][:4].upper()}-{codes[3][4:].upper()}"  # as printed, in capitals
    response = client.post(reverse("two_factor_verify"), {"code": typed})
    assert response.status_code == 302
    assert client.get(reverse("dashboard")).status_code == 200
    assert StaticToken.objects.filter(device__user=member).count() == 9
    client.post(reverse("logout"))

    log_in(client, member)
    response = client.post(reverse("two_factor_verify"), {"code": typed})
    assert response.status_code == 400 and "That code is not right." in response.text


def test_five_wrong_codes_log_the_session_out(client, member, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    turn_on(member)
    log_in(client, member)
    for _ in range(settings.TWO_FACTOR_MAX_FAILURES - 1):
        assert client.post(reverse("two_factor_verify"), {"code": "123456"}).status_code == 400
    response = client.post(reverse("two_factor_verify"), {"code": "123456"}, follow=True)
    assert response.redirect_chain[0][0] == reverse("login")
    assert "Too many wrong codes" in response.text
    assert "_auth_user_id" not in client.session


def test_after_a_wrong_code_the_device_waits_before_it_takes_another(client, member):
    device, _codes = turn_on(member)
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        client.force_login(member)
        assert client.post(reverse("two_factor_verify"), {"code": "000000"}).status_code == 400
        assert client.post(reverse("two_factor_verify"), {"code": "000001"}).status_code == 400
        response = client.post(reverse("two_factor_verify"), {"code": next_code(device)})
        assert response.status_code == 400 and "Too many wrong codes in a row. Wait until" in response.text
        traveller.shift(3)
        assert client.post(reverse("two_factor_verify"), {"code": next_code(device)}).status_code == 302


@pytest.mark.parametrize("garbage", ["", "x" * 10_000, "12 34 5\x00", "ščř-ďťň", "1234567"])
def test_garbage_in_the_code_field_is_a_form_error(client, member, garbage):
    turn_on(member)
    client.force_login(member)
    response = client.post(reverse("two_factor_verify"), {"code": garbage})
    assert response.status_code == 400
    assert response.context["form"].errors


def test_switching_off_needs_a_current_code_or_the_password(client, member):
    device, _codes = turn_on(member)
    client.force_login(member)
    client.post(reverse("two_factor_verify"), {"code": next_code(device)})
    assert client.get(reverse("two_factor_disable")).status_code == 200
    assert client.post(reverse("two_factor_disable"), {}).status_code == 400
    response = client.post(reverse("two_factor_disable"), {"password": "not my password"})
    assert response.status_code == 400 and "That password is not right." in response.text
    assert TOTPDevice.objects.filter(user=member).exists()

    response = client.post(reverse("two_factor_disable"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=member).exists()
    assert not StaticToken.objects.filter(device__user=member).exists()
    assert client.get(reverse("dashboard")).status_code == 200


def test_switching_off_with_a_recovery_code(client, member, settings):
    settings.OTP_STATIC_THROTTLE_FACTOR = 0  # the used code and the next follow each other within a second
    _device, codes = turn_on(member)
    client.force_login(member)
    client.post(reverse("two_factor_verify"), {"code": codes[0]})
    assert client.post(reverse("two_factor_disable"), {"code": codes[0]}).status_code == 400  # used up
    assert client.post(reverse("two_factor_disable"), {"code": codes[1]}).status_code == 302
    assert not TOTPDevice.objects.filter(user=member).exists()


def test_new_recovery_codes_replace_the_old_ones(client, member):
    device, old = turn_on(member)
    client.force_login(member)
    client.post(reverse("two_factor_verify"), {"code": next_code(device)})
    assert client.get(reverse("two_factor_regenerate")).status_code == 405
    response = client.post(reverse("two_factor_regenerate"))
    assert response.url == reverse("two_factor_codes")
    new = client.get(response.url).context["codes"]
    assert len(new) == 10
    tokens = set(StaticToken.objects.filter(device__user=member).values_list("token", flat=True))
    assert tokens == {code.replace("-", "") for code in new}
    assert not tokens & set(old)


def test_the_pages_show_only_the_signed_in_persons_own_set_up(client, member):
    other = UserFactory(email="other@example.org")
    turn_on(other)
    client.force_login(member)
    status = client.get(reverse("two_factor"))
    assert status.status_code == 200 and status.context["device"] is None
    setup = client.get(reverse("two_factor_setup"))
    assert setup.status_code == 200
    other_key = TOTPDevice.objects.get(user=other).key
    assert client.session[state.SETUP_KEY_KEY] != other_key
    assert client.get(reverse("two_factor_disable")).status_code == 302  # nothing of theirs to switch off
    assert client.post(reverse("two_factor_regenerate")).status_code == 302
    assert not StaticToken.objects.filter(device__user=member).exists()
    client.logout()
    for name in ("two_factor", "two_factor_setup", "two_factor_disable", "two_factor_verify", "school_security"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.url.startswith(reverse("login")), name


def test_a_session_without_two_factor_costs_no_query_for_it(client, member, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(member)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("dashboard")).status_code == 200
    assert not [query for query in queries.captured_queries if "otp_" in query["sql"]]


def test_a_fragment_the_page_loads_by_itself_gets_nothing_while_a_code_is_owed(client, member):
    turn_on(member)
    client.force_login(member)
    response = client.get(reverse("notification_badge"), headers={"HX-Request": "true"})
    assert response.status_code == 204 and response.content == b""


def test_an_authenticator_removed_by_staff_since_the_log_in_asks_for_no_code(client, member):
    device, _codes = turn_on(member)
    client.force_login(member)
    device.delete()
    response = client.get(reverse("two_factor_verify"), {"next": reverse("my_account")})
    assert response.status_code == 302 and response.url == reverse("my_account")
    assert client.get(reverse("my_account")).status_code == 200
