"""Builders for the employer side of mentor courses: invitation links with a known token."""

from datetime import timedelta

from django.utils import timezone

from registry.employers.tokens import make_token, new_link_version, token_hash
from registry.models import EmployerInvitation


def make_invitation(course, company, *, by, days=30, **kwargs) -> tuple[EmployerInvitation, str]:
    """An invitation (no e-mail queued) and the token of its link."""
    version = new_link_version()
    token = make_token(version)
    kwargs.setdefault("contact_name", "Petra Smit")
    kwargs.setdefault("contact_email", "hr@korenschoof.example")
    invitation = EmployerInvitation.objects.create(
        course=course,
        company=company,
        invited_by=by,
        link_version=version,
        token_hash=token_hash(token),
        expires_at=timezone.now() + timedelta(days=days),
        **kwargs,
    )
    return invitation, token
