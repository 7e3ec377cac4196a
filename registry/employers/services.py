"""Writes for courses that reach employers. Access is checked by the caller (the views, through selectors).

An employer's contact needs no account: the teacher's link is their access, limited to enrolling their own
company's employees in one course, revocable and expiring. Employees get accounts the way people invited to a
company do (accounts.invitations): one account per e-mail address, an activation link for newcomers.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.invitations.services import invite, normalise_email
from accounts.models import Company, Role, User
from core.outbox import enqueue

from ..courses.services import enrolment_enrol_invited
from ..models import Course, EmployerInvitation, Enrolment, QualificationNomination
from . import tasks
from .tokens import make_token, new_link_version, token_hash


def invitation_days() -> int:
    return getattr(settings, "EMPLOYER_INVITATION_DAYS", 30)


@transaction.atomic
def employer_invitation_send(
    *, course: Course, company: Company, contact_name: str, contact_email: str, by: User, language="", message=""
) -> EmployerInvitation:
    """A new link for the employer's contact, e-mailed through the outbox; links sent before keep working."""
    if course.status != Course.Status.OPEN:
        raise ValidationError(_("Open the course for enrolment first: the link is for enrolling employees."))
    if course.closed_for_id and company.pk != course.closed_for_id:
        raise ValidationError(
            {"company": _("This course is a closed group for %(company)s.") % {"company": course.closed_for}}
        )
    invitation = EmployerInvitation(
        course=course,
        company=company,
        contact_name=contact_name.strip(),
        contact_email=normalise_email(contact_email),
        language=language if language in dict(settings.LANGUAGES) else "",
        message=message.strip(),
        invited_by=by,
        link_version=new_link_version(),
        expires_at=timezone.now() + timedelta(days=invitation_days()),
    )
    invitation.token_hash = token_hash(make_token(invitation.link_version))
    invitation.full_clean()
    invitation.save()
    enqueue(tasks.send_employer_invitation, invitation.pk, invitation.link_version)
    return invitation


@transaction.atomic
def employer_invitation_revoke(*, invitation: EmployerInvitation, by: User) -> EmployerInvitation:
    """The link stops working at once; the invitation and who it enrolled stay on record."""
    if not EmployerInvitation.objects.filter(pk=invitation.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=by
    ):
        raise ValidationError(_("This invitation has been withdrawn already."))
    invitation.refresh_from_db()
    return invitation


def _account_for(email: str, first_name: str, last_name: str, language: str) -> User:
    """The account with this address, or a new one awaiting activation (as an import makes it)."""
    user = User.objects.annotate(email_lower=Lower("email")).filter(email_lower=email).first()
    if user is not None:
        return user
    try:
        with transaction.atomic():
            return User.objects.create_user(
                email=email, password=None, first_name=first_name, last_name=last_name, language=language
            )
    except IntegrityError:  # made at the same moment by another request: that account it is
        return User.objects.annotate(email_lower=Lower("email")).get(email_lower=email)


@transaction.atomic
def employees_enrol(*, invitation: EmployerInvitation, people: list[dict]) -> tuple[list[Enrolment], list[User]]:
    """Enrol the people the contact named (first_name, last_name, email), confirmed: the employer asks for it.

    Idempotent by e-mail address: someone already in the course is reported back, not enrolled twice, and one
    address named twice counts once. Returns (new enrolments, people who were enrolled already). The places
    limit holds for the new ones together; over it, nobody is enrolled and no account is made.
    """
    course = invitation.course
    named: dict[str, dict] = {}
    for person in people:  # the first line with an address counts
        named.setdefault(normalise_email(person["email"]), person)
    unique = list(named.items())
    if not unique:
        raise ValidationError(_("Name at least one employee."))
    active = course.enrolments.exclude(status=Enrolment.Status.WITHDRAWN)
    already_ids = set(
        active.annotate(email_lower=Lower("participant__email"))
        .filter(email_lower__in=[email for email, _p in unique])
        .values_list("participant_id", flat=True)
    )
    already = list(User.objects.filter(pk__in=already_ids))
    taken = {user.email.lower() for user in already}
    employees = []
    for email, person in unique:
        if email in taken:
            continue
        user = _account_for(email, person["first_name"], person["last_name"], invitation.language)
        # The employee's role at the company, as a company admin's invitation gives it: a newcomer gets the
        # activation link, someone with an account the role at once (nothing when they hold it already).
        invite(
            email=email,
            first_name=person["first_name"],
            last_name=person["last_name"],
            role=Role.MENTOR,
            company=invitation.company,
            invited_by=invitation.invited_by,
            language=invitation.language,
        )
        employees.append(user)
    enrolled = []
    if employees:
        enrolled = enrolment_enrol_invited(
            course=course, employees=employees, company=invitation.company, by=invitation.invited_by
        )
    return enrolled, already


@transaction.atomic
def nomination_record(*, enrolment: Enrolment, by: User, note: str = "") -> QualificationNomination:
    """Put a participant who completed the course forward for its recognised qualification; once per person."""
    course = enrolment.course
    if not course.qualification:
        raise ValidationError(_("This course names no recognised qualification."))
    if enrolment.status != Enrolment.Status.COMPLETED:
        raise ValidationError(
            _("%(name)s has not completed the course yet; only those who did are nominated.")
            % {"name": enrolment.participant}
        )
    nomination, _created = QualificationNomination.objects.get_or_create(
        enrolment=enrolment,
        defaults={"qualification": course.qualification, "note": note.strip()[:500], "nominated_by": by},
    )
    return nomination
