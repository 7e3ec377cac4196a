"""The activation page opened from the e-mail, and the pending invitations list with re-send and revoke."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.invitations.models import Invitation
from accounts.invitations.services import invite, revoke
from accounts.models import Role, User

# The invitation e-mails are checked where they are sent: in this process, also when REDIS_URL is set (CI).
pytestmark = pytest.mark.usefixtures("tasks_in_process")

PASSWORD = "bakkerij-korenschoof-2026"


@pytest.fixture
def invited(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(
            email="sanne@example.org", first_name="Sanne", last_name="Bakker", role=Role.MENTOR,
            company=world.company, invited_by=world.company_admin, language="nl",
        )  # fmt: skip
    return Invitation.objects.get(email="sanne@example.org")


def _link(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/invitation/\S+/)", message.body).group(1)


def test_the_link_in_the_email_activates_the_account_and_logs_in(client, invited):
    (message,) = mail.outbox
    assert message.subject == "Je bent door Bakkerij De Korenschoof uitgenodigd voor Werkmentor"
    assert "Hallo Sanne" in message.body and "als werkmentor bij Bakkerij De Korenschoof" in message.body
    link = _link(message)
    page = client.get(link)
    assert page.status_code == 200
    assert page["Cache-Control"] == "no-store" and page["Referrer-Policy"] == "same-origin"
    assert page.context["form"]["first_name"].value() == "Sanne"
    response = client.post(
        link, {"first_name": "Sanne", "last_name": "Bakker", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")
    user = User.objects.get(email="sanne@example.org")
    assert user.check_password(PASSWORD) and user.language == "nl"
    assert int(client.session["_auth_user_id"]) == user.pk
    assert client.get(reverse("dashboard")).status_code == 200
    # Used: the same link now says so, and makes no second account.
    again = client.get(link)
    assert again.status_code == 410 and "al gebruikt" in again.text  # she reads Dutch now she is logged in
    assert User.objects.filter(email="sanne@example.org").count() == 1


@pytest.mark.parametrize(
    ("password1", "password2", "error"),
    [
        ("short", "short", "too short"),
        ("12345678901", "12345678901", "entirely numeric"),
        ("sanne@example.org", "sanne@example.org", "too similar"),
        (PASSWORD, PASSWORD + "x", "differ"),
    ],
)
def test_the_password_must_pass_the_sites_validators(client, invited, password1, password2, error):
    link = _link(mail.outbox[0])
    response = client.post(
        link, {"first_name": "Sanne", "last_name": "Bakker", "password1": password1, "password2": password2}
    )
    assert response.status_code == 400 and error in response.text
    assert not User.objects.filter(email="sanne@example.org").exists()


def test_an_expired_link_is_a_clear_page(client, invited):
    Invitation.objects.filter(pk=invited.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(_link(mail.outbox[0]))
    assert response.status_code == 410 and "expired" in response.text
    assert response["Cache-Control"] == "no-store"


def test_a_revoked_link_is_a_clear_page(client, invited, world):
    revoke(invited, world.company_admin)
    response = client.post(_link(mail.outbox[0]), {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 410 and "withdrawn" in response.text
    assert not User.objects.filter(email="sanne@example.org").exists()


@pytest.mark.parametrize("token", ["0" * 64, "not-a-token", "x" * 300])
def test_a_made_up_link_is_a_404_page(client, db, token):
    response = client.get(reverse("invitation_accept", args=[token]))
    assert response.status_code == 404 and "not valid" in response.text


def test_resending_from_the_list_kills_the_old_link(client, world, invited, django_capture_on_commit_callbacks):
    client.force_login(world.company_admin)
    listing = client.get(reverse("people_invitations", args=["company", world.company.pk]))
    assert "sanne@example.org" in listing.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("people_invitation_resend", args=[invited.pk]))
    assert response.status_code == 302
    old, new = _link(mail.outbox[0]), _link(mail.outbox[1])
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_revoking_from_the_list(client, world, invited):
    client.force_login(world.company_admin)
    client.post(reverse("people_invitation_revoke", args=[invited.pk]))
    invited.refresh_from_db()
    assert invited.revoked_at is not None and invited.revoked_by == world.company_admin
    listing = client.get(reverse("people_invitations", args=["company", world.company.pk]))
    assert listing.context["invitations"] == []
    response = client.post(reverse("people_invitation_revoke", args=[invited.pk]), follow=True)
    assert "has been revoked" in response.text  # said again, nothing changed


@pytest.mark.parametrize(("who", "status"), [("mentor", 403), ("coordinator", 404), ("other_company_admin", 404)])
def test_others_cannot_resend_or_revoke(client, world, invited, who, status):
    client.force_login(getattr(world, who))
    assert client.post(reverse("people_invitation_resend", args=[invited.pk])).status_code == status
    assert client.post(reverse("people_invitation_revoke", args=[invited.pk])).status_code == status
    invited.refresh_from_db()
    assert invited.revoked_at is None and len(mail.outbox) == 1


def test_someone_who_made_an_account_meanwhile_is_told_to_log_in(client, world, invited):
    User.objects.create_user(email="Sanne@example.org", password="her-own-password-1", first_name="S")
    link = _link(mail.outbox[0])
    page = client.get(link)
    assert "You already have an account" in page.text and page.context["form"] is None
    response = client.post(link)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    user = User.objects.get(email__iexact="sanne@example.org")
    assert user.check_password("her-own-password-1")  # the link did not change her password
    assert user.memberships.filter(role=Role.MENTOR, company=world.company).exists()
    assert "_auth_user_id" not in client.session


def test_the_activation_page_is_rate_limited(client, invited, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "signed_link": (2, 60)}
    from django.core.cache import cache

    cache.clear()
    link = _link(mail.outbox[0])
    assert [client.get(link).status_code for _ in range(3)] == [200, 200, 429]


def test_staff_read_invitations_in_the_admin_but_do_not_make_or_change_them(client, world, invited):
    world.staff.is_superuser = True
    world.staff.save()
    client.force_login(world.staff)
    listing = client.get(reverse("admin:accounts_invitation_changelist"))
    assert listing.status_code == 200 and "sanne@example.org" in listing.text
    detail = client.get(reverse("admin:accounts_invitation_change", args=[invited.pk]))
    assert detail.status_code == 200 and invited.token_hash not in detail.text
    assert client.get(reverse("admin:accounts_invitation_add")).status_code == 403


def test_a_school_invitation_offers_the_schools_sign_in_instead_of_a_password(
    client, world, django_capture_on_commit_callbacks
):
    from accounts.models import IdentityProvider

    provider = IdentityProvider.objects.create(
        school=world.school, name="Rijnland account", issuer="https://login.rijnland.example", client_id="werkmentor"
    )
    with django_capture_on_commit_callbacks(execute=True):
        invite(
            email="noor@example.org", first_name="Noor", last_name="Visser", role=Role.TEACHER, school=world.school,
            invited_by=world.coordinator,
        )  # fmt: skip
    link = _link(mail.outbox[0])
    token = link.rstrip("/").rsplit("/", 1)[1]
    page = client.get(link)
    start = reverse("sso_start", args=[provider.pk])
    assert f"{start}?next=%2F&amp;invitation={token}" in page.text
    assert "Sign in with Rijnland account" in page.text
