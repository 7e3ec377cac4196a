"""Whether a person may log in with a password, now that a school can switch password log-in off."""

from ..models import Membership, User


def password_login_allowed(user: User) -> bool:
    """Staff always may. Anyone else may unless every role they hold is at a school that switched password log-in
    off: such a school signs its people in with its own identity provider. A role at a company (work mentor,
    company admin) keeps the password, since companies have no school provider to sign in with."""
    if user.is_staff:
        return True
    roles = Membership.objects.filter(user=user, ended_at__isnull=True)
    if roles.filter(company__isnull=False).exists():
        return True
    schools = roles.filter(school__isnull=False)
    return not schools.exists() or schools.filter(school__password_login_enabled=True).exists()
