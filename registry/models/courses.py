from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Company, School


class Course(models.Model):
    """A work-mentor training run by a school's teacher, online, face to face or blended."""

    class Format(models.TextChoices):
        ONLINE = "online", _("online")
        FACE_TO_FACE = "face_to_face", _("face to face")
        BLENDED = "blended", _("blended")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        OPEN = "open", _("open for enrolment")
        RUNNING = "running", _("running")
        COMPLETED = "completed", _("completed")
        CANCELLED = "cancelled", _("cancelled")

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="courses", verbose_name=_("school"))
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="courses_taught", verbose_name=_("teacher")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    instructions = models.TextField(
        _("instructions for participants"), blank=True, help_text=_("Sent to participants when they are enrolled.")
    )
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, default=Format.ONLINE)
    max_participants = models.PositiveSmallIntegerField(
        _("maximum participants"), default=16, validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    is_refresher = models.BooleanField(_("refresher course"), default=False)
    # A closed cohort (seed 002's manager track): only this company's people enrol, and the public catalogue
    # does not show it.
    closed_for = models.ForeignKey(
        Company,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="closed_courses",
        verbose_name=_("closed cohort for"),
        help_text=_("Only this company's people can enrol; the course is not shown in the public catalogue."),
    )
    qualification = models.CharField(
        _("recognised qualification"),
        max_length=200,
        blank=True,
        help_text=_("Participants who complete the course can be nominated for it."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mentor course")
        verbose_name_plural = _("mentor courses")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class CourseSession(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)

    class Meta:
        verbose_name = _("course session")
        verbose_name_plural = _("course sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="course_session_ends_after_start",
                violation_error_message=_("A session must end after it starts."),
            )
        ]

    def __str__(self):
        return f"{self.course} · {self.title}"


class Assignment(models.Model):
    """Work a participant hands in before a course session."""

    session = models.ForeignKey(CourseSession, on_delete=models.CASCADE, related_name="assignments")
    title = models.CharField(_("title"), max_length=200)
    instructions = models.TextField(_("instructions"))
    due_at = models.DateTimeField(_("due"))

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["due_at", "pk"]

    def __str__(self):
        return self.title


class Enrolment(models.Model):
    """A participant in a course; the employer confirms that the employee may take part."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("waiting for the employer")
        CONFIRMED = "confirmed", _("confirmed")
        COMPLETED = "completed", _("completed")
        WITHDRAWN = "withdrawn", _("withdrawn")

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="enrolments")
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enrolments", verbose_name=_("participant")
    )
    company = models.ForeignKey(
        Company, on_delete=models.PROTECT, related_name="enrolments", verbose_name=_("employer")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    information_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["participant__last_name", "pk"]
        constraints = [models.UniqueConstraint(fields=["course", "participant"], name="enrolment_once_per_course")]

    def __str__(self):
        return f"{self.participant} · {self.course}"


class Submission(models.Model):
    """A participant's work for an assignment; reworked work replaces the earlier version."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        ACCEPTED = "accepted", _("accepted")
        REWORK = "rework", _("rework requested")

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="submissions")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="submissions")
    text = models.TextField(_("answer"), blank=True)
    file = models.FileField(_("file"), upload_to="registry/submissions/", blank=True)
    submitted_at = models.DateTimeField(_("submitted"))
    version = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    feedback = models.TextField(_("feedback"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "enrolment"], name="submission_once_per_assignment")
        ]

    def __str__(self):
        return f"{self.enrolment} · {self.assignment}"


class Attendance(models.Model):
    session = models.ForeignKey(CourseSession, on_delete=models.CASCADE, related_name="attendance")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(_("present"), default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["session", "enrolment"], name="attendance_once_per_session")]

    def __str__(self):
        return f"{self.enrolment} · {self.session}"


class Evaluation(models.Model):
    """A participant's evaluation of the course, filled in after it."""

    enrolment = models.OneToOneField(Enrolment, on_delete=models.CASCADE, related_name="evaluation")
    content_rating = models.PositiveSmallIntegerField(
        _("content"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    teacher_rating = models.PositiveSmallIntegerField(
        _("teacher"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    organisation_rating = models.PositiveSmallIntegerField(
        _("organisation"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    usefulness_rating = models.PositiveSmallIntegerField(
        _("usefulness for my work as a mentor"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    best = models.TextField(_("what was most useful"), blank=True)
    improve = models.TextField(_("what could be better"), blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("course evaluation")
        verbose_name_plural = _("course evaluations")

    def __str__(self):
        return f"{self.enrolment}"
