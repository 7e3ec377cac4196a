"""A school's learners as the student information system knows them, and imports from that system's exports."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import School

from .placements import Programme


class LearnerRecord(models.Model):
    """What the school registers about one of its learners. A learner is at one school at a time: one record
    per person, so a second school cannot claim (or read) someone else's learner by importing their e-mail."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="learner_record", verbose_name=_("learner")
    )
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="learner_records", verbose_name=_("school")
    )
    student_number = models.CharField(_("student number"), max_length=40)
    programme = models.ForeignKey(
        Programme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learner_records",
        verbose_name=_("programme"),
    )
    cohort = models.CharField(_("cohort"), max_length=20, blank=True, help_text=_("For example 2025-2026."))
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    # Learners are often minors: the school may keep a parent's or guardian's contact.
    guardian_name = models.CharField(_("parent or guardian"), max_length=200, blank=True)
    guardian_email = models.EmailField(_("e-mail of parent or guardian"), blank=True)
    guardian_phone = models.CharField(_("phone of parent or guardian"), max_length=40, blank=True)
    left_on = models.DateField(_("left school on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("learner record")
        verbose_name_plural = _("learner records")
        ordering = ["user__last_name", "user__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["school", "student_number"], name="learner_student_number_per_school"),
        ]
        # A school's cohorts, newest first, one index descent each (placements.selectors.cohorts_of).
        indexes = [models.Index(fields=["school", "cohort"], name="learner_school_cohort")]

    def __str__(self):
        return f"{self.user} ({self.student_number})"

    @property
    def has_left(self) -> bool:
        return self.left_on is not None and self.left_on <= timezone.localdate()


class ImportKind(models.TextChoices):
    LEARNERS = "learners", _("learners")
    PLACEMENTS = "placements", _("work placements")


class ImportMapping(models.Model):
    """Which column of the school's export holds which field: remembered, so the next export maps itself."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+", verbose_name=_("school"))
    kind = models.CharField(_("kind"), max_length=20, choices=ImportKind.choices)
    columns = models.JSONField(_("columns"), default=dict)  # field -> column title in the export
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("import column mapping")
        verbose_name_plural = _("import column mappings")
        constraints = [models.UniqueConstraint(fields=["school", "kind"], name="import_mapping_per_school_kind")]

    def __str__(self):
        return f"{self.school} · {self.get_kind_display()}"


class ImportBatch(models.Model):
    """One uploaded export, from its columns' mapping through the dry run to the import (or its refusal).

    The file itself is kept here (not in a temporary file) until it is imported, so a background run on
    another machine reads the same bytes. Large files are checked and imported by a job (placements/imports/
    job.py) that reports progress; `results` holds every row's outcome for the page and the result file.
    """

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("columns to be mapped")
        CHECKING = "checking", _("dry run in progress")
        CHECKED = "checked", _("dry run done")
        APPLYING = "applying", _("import in progress")
        APPLIED = "applied", _("imported")
        FAILED = "failed", _("failed")

    RUNNING = (Status.CHECKING, Status.APPLYING)

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+", verbose_name=_("school"))
    kind = models.CharField(_("kind"), max_length=20, choices=ImportKind.choices)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    filename = models.CharField(_("file"), max_length=255)
    content = models.BinaryField(_("content"), editable=False)
    headers = models.JSONField(_("column titles"), default=list)
    columns = models.JSONField(_("columns"), default=dict)  # field -> column index in the file
    send_invitations = models.BooleanField(_("send invitations"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.UPLOADED)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    errors = models.PositiveIntegerField(default=0)
    results = models.JSONField(default=list)  # [row, outcome, what, message] per row of the file
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    # A run: queued (queued_at), taken by a worker (started_at), alive (heartbeat_at), ended (finished_at).
    queued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.filename} · {self.get_status_display()}"

    @property
    def is_running(self) -> bool:
        return self.status in self.RUNNING

    @property
    def has_errors(self) -> bool:
        return self.errors > 0

    def is_stalled(self, now=None) -> bool:
        """Being checked or imported, but nobody has worked on it for BULK_JOB_STALLED_SECONDS: the worker is gone."""
        if not self.is_running:
            return False
        last_sign = self.heartbeat_at or self.queued_at or self.created_at
        stalled_after = timedelta(seconds=settings.BULK_JOB_STALLED_SECONDS)
        return last_sign < (now or timezone.now()) - stalled_after
