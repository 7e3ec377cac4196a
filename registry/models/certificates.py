import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Concat, Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.countries import COUNTRIES
from accounts.models import Company, School
from core.protection import ProtectedQuerySet, RefuseDeletion, protect

from .courses import Course, Enrolment
from .designs import CertificateDesign
from .folding import Fold


class CertificateQuerySet(ProtectedQuerySet):
    def currently_valid(self, today=None):
        today = today or timezone.localdate()
        return self.filter(revoked_at__isnull=True, valid_until__gte=today)

    def expired(self, today=None):
        today = today or timezone.localdate()
        return self.filter(revoked_at__isnull=True, valid_until__lt=today)

    def revoked(self):
        return self.filter(revoked_at__isnull=False)


class Certificate(RefuseDeletion, models.Model):
    """A work-mentor certificate. It belongs to the person, not the account: the register outlives jobs.

    Holder and company are copied at issue time, so the register still reads right after people move on.
    """

    class State(models.TextChoices):
        VALID = "valid", _("valid")
        EXPIRED = "expired", _("expired")
        REVOKED = "revoked", _("revoked")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField(_("certificate number"), max_length=20, unique=True)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("holder account"),
    )
    holder_name = models.CharField(_("holder"), max_length=200)
    holder_email = models.EmailField(_("holder's e-mail address"), blank=True)
    company = models.ForeignKey(
        Company,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("company"),
    )
    company_name = models.CharField(_("company"), max_length=200, blank=True)
    company_city = models.CharField(_("city"), max_length=100, blank=True)
    company_country = models.CharField(_("country"), max_length=2, choices=COUNTRIES, blank=True)
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="certificates", verbose_name=_("school"))
    course = models.ForeignKey(
        Course, on_delete=models.SET_NULL, null=True, blank=True, related_name="certificates", verbose_name=_("course")
    )
    enrolment = models.OneToOneField(
        Enrolment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificate",
        verbose_name=_("enrolment"),
    )
    renews = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="renewals", verbose_name=_("renews")
    )
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("valid until"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    language = models.CharField(_("language"), max_length=8, default="nl")
    # The design version the certificate was issued with: it is rendered with that one, whatever comes later.
    design = models.ForeignKey(
        CertificateDesign,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("design"),
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revocation_reason = models.TextField(_("reason for revoking"), blank=True)
    emailed_at = models.DateTimeField(_("e-mailed to the holder"), null=True, blank=True)
    imported = models.BooleanField(_("imported"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # What the register's search box searches, accents off and in lower case, kept by the database on every
    # write: 'WM-2024-000001 anna müller bakkerij çelik zwolle' -> 'wm-2024-000001 anna muller bakkerij celik
    # zwolle'. One column with one trigram index (PostgreSQL) instead of four folded at query time
    # (registry/register/search.py). A search word never holds a space, so it never matches across two parts.
    search_text = models.GeneratedField(
        expression=Fold(
            Concat("number", Value(" "), "holder_name", Value(" "), "company_name", Value(" "), "company_city")
        ),
        output_field=models.TextField(),
        db_persist=True,
    )
    # Audit history: every issue, revocation, renewal link and erasure, by whom and when (home/history/).
    # emailed_at is set by a queryset update when the mail goes out: a history row would credit it to whoever
    # saves the certificate next.
    history = HistoricalRecords(
        verbose_name=_("historical certificate"),
        verbose_name_plural=_("historical certificates"),
        excluded_fields=["emailed_at", "search_text"],
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_on", "-pk"]
        indexes = [
            models.Index(fields=["school", "-issued_on"]),
            models.Index(fields=["valid_until"]),
            models.Index(Upper("holder_name"), name="certificate_holder_upper"),
            models.Index(fields=["company_country", "company_city"]),
            models.Index(fields=["issued_on", "id"], name="certificate_issued_id"),
            models.Index(fields=["school", "valid_until"], name="certificate_school_valid"),
            # A school's certificates newest first with their search column: a coordinator's register page walks
            # this index alone, testing the search words on its entries (registry/register/page_query.py).
            models.Index(
                fields=["school", "-issued_on", "-id"], include=["search_text"], name="certificate_school_search"
            ),
            # The same for a school's revoked certificates (2%): a coordinator's "revoked" walk, which tests
            # revoked_at too (the status filter) without fetching the row.
            models.Index(
                fields=["school", "-issued_on", "-id"],
                include=["search_text", "revoked_at"],
                condition=Q(revoked_at__isnull=False),
                name="certificate_school_revoked",
            ),
            # Revoked certificates (2% of them) newest first, and their bitmap for a search among them; with
            # revoked_at, which the status filter tests, so that a walk reads the index alone.
            models.Index(
                fields=["issued_on", "id"],
                include=["revoked_at"],
                condition=Q(revoked_at__isnull=False),
                name="certificate_revoked_issued",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gt=models.F("issued_on")),
                name="certificate_valid_after_issue",
                violation_error_message=_("A certificate must be valid after the day it is issued."),
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revocation_reason=""),
                name="certificate_revocation_has_reason",
                violation_error_message=_("Revoking a certificate needs a reason."),
            ),
        ]

    def __str__(self):
        return f"{self.number} · {self.holder_name}"

    def state(self, today=None) -> str:
        today = today or timezone.localdate()
        if self.revoked_at:
            return self.State.REVOKED
        return self.State.VALID if self.valid_until >= today else self.State.EXPIRED

    def get_state_display(self) -> str:
        return self.State(self.state()).label


# An issued certificate stays in the register: it is revoked with a reason, and a holder's personal data is
# removed by the erasure (registry/certificates/revoke.py), never by deleting the row (core/protection.py).
protect(
    Certificate,
    lambda certificate: True,
    _(
        "an issued certificate stays in the register. Revoke it with a reason instead; a holder's personal data "
        "is removed with the erasure."
    ),
)


class CertificateNumberSequence(models.Model):
    """The last number handed out per year; a row lock makes numbers unique under concurrent issuing."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("certificate number sequence")
        verbose_name_plural = _("certificate number sequences")

    def __str__(self):
        return f"{self.year}: {self.last}"


class BulkIssueJob(models.Model):
    """Issuing certificates for a whole course in the background, with progress people can watch.

    Each participant the run looks at is a BulkIssueItem, so a run that was interrupted resumes where it stopped.
    The runner writes `heartbeat_at` after every participant: a running job without a recent heartbeat has lost
    its worker, and the page says so instead of "running" for ever.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="bulk_jobs")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    issued = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bulk issue")
        verbose_name_plural = _("bulk issues")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.course} · {self.get_status_display()}"

    @property
    def done_count(self) -> int:
        return self.issued + self.skipped + self.failed

    def is_stalled(self, now=None) -> bool:
        """Queued or running, but nobody has worked on it for BULK_JOB_STALLED_SECONDS: its worker is gone."""
        if self.status not in (self.Status.QUEUED, self.Status.RUNNING):
            return False
        last_sign = self.heartbeat_at or self.created_at
        stalled_after = timedelta(seconds=settings.BULK_JOB_STALLED_SECONDS)
        return last_sign is not None and last_sign < (now or timezone.now()) - stalled_after


class BulkIssueItem(models.Model):
    """One participant of a bulk run and what became of them; empty outcome: not looked at yet."""

    class Outcome(models.TextChoices):
        PENDING = "", _("waiting")
        ISSUED = "issued", _("issued")
        SKIPPED = "skipped", _("skipped")
        FAILED = "failed", _("failed")

    job = models.ForeignKey(BulkIssueJob, on_delete=models.CASCADE, related_name="items")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="+")
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True, default="")
    reason = models.TextField(_("reason"), blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bulk issue participant")
        verbose_name_plural = _("bulk issue participants")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["job", "enrolment"], name="bulk_item_once_per_enrolment")]

    def __str__(self):
        return f"{self.job_id} · {self.enrolment_id} · {self.outcome or 'pending'}"


class ExpiryReminder(models.Model):
    """One reminder sent per certificate and kind; the unique row makes sending exactly-once."""

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="expiry_reminders")
    kind = models.CharField(max_length=30)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("expiry reminder")
        verbose_name_plural = _("expiry reminders")
        constraints = [models.UniqueConstraint(fields=["certificate", "kind"], name="expiry_reminder_once")]

    def __str__(self):
        return f"{self.certificate} · {self.kind}"


class PersonalDataErasure(models.Model):
    """The audit trail of removing a holder's personal data from the register (not the same as revoking)."""

    certificate_number = models.CharField(max_length=20)
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+")
    erased_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    erased_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(_("reason"))

    class Meta:
        verbose_name = _("personal data erasure")
        verbose_name_plural = _("personal data erasures")
        ordering = ["-erased_at"]

    def __str__(self):
        return f"{self.certificate_number} · {self.erased_at:%Y-%m-%d}"
