"""Courses that reach employers: a teacher's invitation link for an employer's contact, and the nomination of
a participant of a closed cohort (such as a manager track) for a recognised qualification."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Company

from .courses import Course, Enrolment


class EmployerInvitationQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class EmployerInvitation(models.Model):
    """A link, sent to an employer's contact, with which they enrol their employees in one course.

    Only the SHA-256 of the token is stored; the e-mail task rebuilds the token from `link_version`, so no
    working link sits in the database or the outbox (as with account invitations).
    """

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="employer_invitations")
    company = models.ForeignKey(
        Company, on_delete=models.PROTECT, related_name="course_invitations", verbose_name=_("employer")
    )
    contact_name = models.CharField(_("contact's name"), max_length=200)
    contact_email = models.EmailField(_("contact's e-mail address"))
    language = models.CharField(_("language of the e-mail"), max_length=8, blank=True)
    message = models.TextField(_("personal message"), blank=True)
    link_version = models.CharField(max_length=64)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = EmployerInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("employer invitation")
        verbose_name_plural = _("employer invitations")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.company} · {self.course}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()


class QualificationNomination(models.Model):
    """A participant put forward for the course's recognised qualification (seed 002: managers who completed
    the workshops were nominated for a recognised qualification in mentoring)."""

    enrolment = models.OneToOneField(Enrolment, on_delete=models.CASCADE, related_name="nomination")
    qualification = models.CharField(_("qualification"), max_length=200)
    note = models.CharField(_("note"), max_length=500, blank=True)
    nominated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    nominated_at = models.DateTimeField(_("nominated"), auto_now_add=True)

    class Meta:
        verbose_name = _("qualification nomination")
        verbose_name_plural = _("qualification nominations")

    def __str__(self):
        return f"{self.enrolment} · {self.qualification}"
