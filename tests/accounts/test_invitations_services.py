"""invite / resend / revoke / accept: one account per e-mail, the e-mail in the invitee's language, dead old links."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.invitations import services
from accounts.invitations.models import Invitation
from accounts.invitations.selectors import invitation_for_token
from accounts.models import Membership, Role, User
from accounts.selectors import roles_of

# The invitation e-mails are checked where they are sent: in this process, also when REDIS_URL is set (CI).
pytestmark = pytest.mark.usefixtures("tasks_in_process")


def _token(message) -> str:
    return re.search(r"/accounts/invitation/([0-9a-f]+)/", message.body).group(1)


def _invite(world, django_capture_on_commit_callbacks, **kwargs):
    fields = {
        "email": "New.Mentor@Example.org",
        "first_name": "Sanne",
        "last_name": "Bakker",
        "role": Role.MENTOR,
        "company": world.company,
        "invited_by": world.company_admin,
        "language": "nl",
    }
    with django_capture_on_commit_callbacks(execute=True):
        return services.invite(**{**fields, **kwargs})


def test_invite_sends_a_link_in_the_invitees_language_and_stores_only_its_hash(
    world, django_capture_on_commit_callbacks
):
    invitation = _invite(world, django_capture_on_commit_callbacks)
    assert invitation.outcome == services.INVITED
    assert invitation.email == "new.mentor@example.org"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.mentor@example.org"]
    assert "Hallo Sanne" in message.body and "werkmentor" in message.body.lower()
    token = _token(message)
    assert token not in invitation.token_hash and token != invitation.link_version
    assert invitation_for_token(token) == invitation
    assert invitation.expires_at - timezone.now() > timedelta(days=13)


def test_invite_respects_invitation_days(world, django_capture_on_commit_callbacks, settings):
    settings.INVITATION_DAYS = 3
    invitation = _invite(world, django_capture_on_commit_callbacks)
    assert timedelta(days=2) < invitation.expires_at - timezone.now() <= timedelta(days=3)


def test_inviting_again_resends_the_one_pending_invitation(world, django_capture_on_commit_callbacks):
    first = _invite(world, django_capture_on_commit_callbacks)
    again = _invite(world, django_capture_on_commit_callbacks, email="new.mentor@EXAMPLE.org")
    assert again.pk == first.pk and again.outcome == services.RESENT
    assert Invitation.objects.pending().count() == 1
    old, new = _token(mail.outbox[0]), _token(mail.outbox[1])
    assert invitation_for_token(old) is None and invitation_for_token(new) == first


def test_existing_account_gets_the_role_at_once_and_no_second_account(world, django_capture_on_commit_callbacks):
    invitation = _invite(world, django_capture_on_commit_callbacks, email="SUPERVISOR@example.org", language="nl")
    assert invitation.outcome == services.GRANTED
    assert User.objects.filter(email__iexact="supervisor@example.org").count() == 1
    assert Membership.objects.filter(user=world.supervisor, role=Role.MENTOR, company=world.company).exists()
    assert invitation.accepted_user == world.supervisor and not invitation.is_pending
    (message,) = mail.outbox
    assert "You now also have the role work mentor" in message.body  # their own language (English), not "nl"
    assert "/invitation/" not in message.body
    assert world.company.pk in roles_of(User.objects.get(pk=world.supervisor.pk)).companies_as(Role.MENTOR)


def test_inviting_someone_to_a_role_they_hold_changes_nothing(world, django_capture_on_commit_callbacks):
    invitation = _invite(world, django_capture_on_commit_callbacks, email="mentor@example.org")
    assert invitation.outcome == services.ALREADY
    assert mail.outbox == []


def test_send_false_queues_no_mail(world, django_capture_on_commit_callbacks):
    invitation = _invite(world, django_capture_on_commit_callbacks, send=False)
    assert invitation.sent_at is None and mail.outbox == []


def test_role_must_match_the_organisation(world, django_capture_on_commit_callbacks):
    with pytest.raises(ValidationError):
        _invite(world, django_capture_on_commit_callbacks, role=Role.COORDINATOR)
    with pytest.raises(ValidationError):
        _invite(world, django_capture_on_commit_callbacks, role=Role.MENTOR, company=None, school=world.school)


def test_resend_kills_the_old_link_and_renews_the_expiry(world, django_capture_on_commit_callbacks):
    invitation = _invite(world, django_capture_on_commit_callbacks)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        services.resend(invitation, world.company_admin)
    old, new = _token(mail.outbox[0]), _token(mail.outbox[1])
    assert invitation_for_token(old) is None
    renewed = invitation_for_token(new)
    assert renewed.pk == invitation.pk and not renewed.is_expired


def test_revoke_and_accept(world, django_capture_on_commit_callbacks):
    invitation = _invite(world, django_capture_on_commit_callbacks)
    services.revoke(invitation, world.company_admin)
    with pytest.raises(ValidationError):
        services.accept(invitation, password="a-long-password-2026")
    with pytest.raises(ValidationError):
        services.resend(invitation, world.company_admin)
    assert not User.objects.filter(email="new.mentor@example.org").exists()


def test_accept_creates_the_account_with_the_role_once(world, django_capture_on_commit_callbacks):
    invitation = _invite(world, django_capture_on_commit_callbacks)
    user = services.accept(invitation, first_name="Sanne", last_name="Bakker-Smit", password="a-long-password-2026")
    assert user.check_password("a-long-password-2026") and user.language == "nl" and user.last_name == "Bakker-Smit"
    assert list(user.memberships.values_list("role", "company")) == [(Role.MENTOR, world.company.pk)]
    with pytest.raises(ValidationError):
        services.accept(invitation, password="another-long-password")


def test_expired_invitation_cannot_be_accepted(world, django_capture_on_commit_callbacks):
    invitation = _invite(world, django_capture_on_commit_callbacks)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    invitation.refresh_from_db()
    with pytest.raises(ValidationError):
        services.accept(invitation, password="a-long-password-2026")


def test_a_stale_queued_mail_after_a_resend_sends_nothing(world, django_capture_on_commit_callbacks):
    from accounts.invitations.tasks import send_invitation

    invitation = _invite(world, django_capture_on_commit_callbacks)
    old_version = invitation.link_version
    services.resend(invitation, world.company_admin)
    mail.outbox.clear()
    send_invitation(invitation.pk, old_version)
    assert mail.outbox == []


def test_an_ended_role_is_given_back_and_the_account_reopened(world, django_capture_on_commit_callbacks):
    Membership.objects.filter(user=world.colleague_mentor).update(ended_at=timezone.now())
    User.objects.filter(pk=world.colleague_mentor.pk).update(is_active=False)
    invitation = _invite(world, django_capture_on_commit_callbacks, email="colleague@example.org")
    assert invitation.outcome == services.GRANTED
    user = User.objects.get(pk=world.colleague_mentor.pk)
    assert user.is_active
    assert user.memberships.get(role=Role.MENTOR).ended_at is None


def test_an_account_made_by_an_import_is_activated_through_the_link(world, django_capture_on_commit_callbacks, client):
    imported = User.objects.create_user(email="zoe@example.org", first_name="Zoë", last_name="Bakker")
    invitation = _invite(world, django_capture_on_commit_callbacks, email="zoe@example.org")
    assert invitation.outcome == services.INVITED and invitation.is_pending
    assert Membership.objects.filter(user=imported, role=Role.MENTOR, company=world.company).exists()
    page = client.get(f"/accounts/invitation/{_token(mail.outbox[0])}/")
    assert 'name="password1"' in page.text
    user = services.accept(invitation, first_name="Zoë", last_name="Bakker", password="deeg-kneden-2026")
    assert user.pk == imported.pk and user.check_password("deeg-kneden-2026")
    assert User.objects.filter(email__iexact="zoe@example.org").count() == 1


def test_someone_who_signs_in_only_through_the_school_is_an_existing_account(world, django_capture_on_commit_callbacks):
    sso_user = User.objects.create_user(email="sso@example.org", first_name="S", last_name="O")
    User.objects.filter(pk=sso_user.pk).update(last_login=timezone.now())
    invitation = _invite(world, django_capture_on_commit_callbacks, email="sso@example.org")
    assert invitation.outcome == services.GRANTED
    assert "/invitation/" not in mail.outbox[0].body
