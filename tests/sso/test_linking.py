"""Who a first sign-in is: only an invitation or a verified claim links an account, never an unverified e-mail;
anyone else gets a page saying to ask the coordinator for an invitation."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user
from django.utils import timezone

from accounts.invitations.services import invite
from accounts.invitations.tokens import make_token
from accounts.models import IdentityProvider, Membership, Role, SsoIdentity, User
from placements.models import LearnerRecord
from tests.factories import SchoolFactory, person
from tests.sso.oidc_provider import INVITEE, LEARNER, STRANGER, TEACHER, UNVERIFIED

NO_ACCOUNT = b"no Werkmentor account for you at Rijnland Vakcollege yet. Ask your coordinator for an invitation."


def _refused(client, response, text=NO_ACCOUNT):
    assert response.status_code == 403
    assert text in response.content
    assert get_user(client).is_anonymous
    return True


def test_an_unknown_person_gets_the_clear_page(client, idp, teacher, sso):
    assert _refused(client, sso(idp, STRANGER))
    assert not SsoIdentity.objects.exists()
    assert not User.objects.filter(email="stranger@elsewhere.example").exists()


def test_an_unverified_email_does_not_take_over_the_account(client, idp, teacher, sso):
    """The provider says the address is teacher@school.example, but not that it verified it."""
    assert _refused(client, sso(idp, UNVERIFIED))
    assert not SsoIdentity.objects.exists()
    # Nor does a later verified sign-in of someone else find a link made by it.
    assert sso(idp, TEACHER).status_code == 302
    assert SsoIdentity.objects.get().subject == TEACHER


def test_a_verified_email_from_an_untrusted_provider_does_not_link(client, idp, teacher, sso):
    idp.email_trusted = False
    idp.save()
    assert _refused(client, sso(idp, TEACHER))
    assert not SsoIdentity.objects.exists()


def test_a_verified_email_of_another_schools_person_does_not_link(client, idp, sso):
    other = SchoolFactory(name="Noordkust College")
    person(Role.TEACHER, other, email="teacher@school.example")
    assert _refused(client, sso(idp, TEACHER))


def test_a_pending_invitation_is_accepted_on_the_first_sign_in(client, idp, school, sso):
    invitation = invite(
        email="Invitee@School.example",
        first_name="Ilse",
        last_name="Nieuw",
        role=Role.TEACHER,
        school=school,
        invited_by=None,
    )
    response = sso(idp, INVITEE)
    assert response.status_code == 302
    user = get_user(client)
    assert (user.email, user.first_name) == ("invitee@school.example", "Ilse")
    assert not user.has_usable_password()
    assert Membership.objects.filter(user=user, role=Role.TEACHER, school=school, ended_at__isnull=True).exists()
    invitation.refresh_from_db()
    assert (invitation.accepted_user, invitation.accepted_at is not None) == (user, True)
    assert SsoIdentity.objects.get(user=user).linked_by == "invitation"


def test_an_invitation_to_another_school_is_not_accepted(client, idp, sso):
    invite(
        email="invitee@school.example",
        first_name="I",
        last_name="N",
        role=Role.TEACHER,
        school=SchoolFactory(name="Noordkust College"),
        invited_by=None,
    )
    assert _refused(client, sso(idp, INVITEE))


def test_the_invitation_link_followed_to_the_button_is_accepted(client, idp, school, sso):
    """The invitation e-mail's link proves the invitee; their provider account may have another address."""
    invitation = invite(
        email="new.learner@home.example",
        first_name="Noor",
        last_name="Smit",
        role=Role.LEARNER,
        school=school,
        invited_by=None,
    )
    response = sso(idp, STRANGER, query=f"?invitation={make_token(invitation.link_version)}")
    assert response.status_code == 302
    user = get_user(client)
    assert user.email == "new.learner@home.example"
    assert SsoIdentity.objects.get(user=user).subject == STRANGER


def test_an_expired_invitation_link_does_not_link(client, idp, school, sso):
    invitation = invite(
        email="new.learner@home.example",
        first_name="N",
        last_name="S",
        role=Role.LEARNER,
        school=school,
        invited_by=None,
    )
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    assert _refused(client, sso(idp, STRANGER, query=f"?invitation={make_token(invitation.link_version)}"))


@pytest.fixture
def number_idp(idp):
    idp.match_claim = IdentityProvider.MatchClaim.NUMBER
    idp.email_trusted = False
    idp.save()
    return idp


def test_the_number_claim_matches_the_learners_student_number(client, number_idp, school, sso):
    learner = person(Role.LEARNER, school, email="l.bakker@home.example")
    LearnerRecord.objects.create(user=learner, school=school, student_number="500123")
    response = sso(number_idp, LEARNER)
    assert response.status_code == 302
    assert get_user(client) == learner
    assert SsoIdentity.objects.get().linked_by == "number"


def test_a_number_of_another_school_or_a_leaver_does_not_match(client, number_idp, school, sso):
    other = SchoolFactory(name="Noordkust College")
    learner = person(Role.LEARNER, other, email="l.bakker@home.example")
    LearnerRecord.objects.create(user=learner, school=other, student_number="500123")
    assert _refused(client, sso(number_idp, LEARNER))
    leaver = person(Role.LEARNER, school, email="leaver@home.example")
    LearnerRecord.objects.create(
        user=leaver, school=school, student_number="500123", left_on=timezone.localdate() - timedelta(days=1)
    )
    assert _refused(client, sso(number_idp, LEARNER))


def test_a_deactivated_or_departed_person_is_turned_away(client, idp, teacher, sso):
    assert sso(idp, TEACHER).status_code == 302
    client.logout()
    Membership.objects.filter(user=teacher).update(ended_at=timezone.now())
    assert _refused(client, sso(idp, TEACHER), b"has ended your access to Werkmentor")
    teacher.is_active = False
    teacher.save()
    assert _refused(client, sso(idp, TEACHER), b"has ended your access to Werkmentor")


def test_a_session_of_a_deactivated_person_ends(client, idp, teacher, sso):
    sso(idp, TEACHER)
    assert get_user(client) == teacher
    User.objects.filter(pk=teacher.pk).update(is_active=False)
    assert get_user(client).is_anonymous


def test_an_account_linked_to_one_subject_is_not_taken_by_another(client, idp, teacher, sso):
    SsoIdentity.objects.create(provider=idp, user=teacher, subject="an-earlier-account", linked_by="email")
    assert _refused(client, sso(idp, TEACHER), b"already linked to another account at Rijnland ID")
