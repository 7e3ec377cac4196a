"""Writes of the mentor courses. Access is checked by the caller (see registry/selectors*.py)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Company, Membership, Role, User
from core.outbox import enqueue

from ..models import Assignment, Attendance, Course, CourseSession, Enrolment, Evaluation, Submission
from .development_credit import course_credit_record
from .selectors import TAKING_PART, TAKING_PLACES, completion_by_enrolment, course_has_ended, course_teachers
from .tasks import send_course_information

COURSE_FIELDS = (
    "school",
    "teacher",
    "title",
    "description",
    "instructions",
    "format",
    "max_participants",
    "is_refresher",
    "closed_for",
    "qualification",
    "status",
)
SESSION_FIELDS = ("title", "starts_at", "ends_at", "location", "online_link")
EVALUATION_FIELDS = ("content_rating", "teacher_rating", "organisation_rating", "usefulness_rating", "best", "improve")


def when(moment) -> str:
    """A moment as people in the Netherlands read it, whatever the server's clock says."""
    return formats.date_format(timezone.localtime(moment), "j F Y H:i")


# --- courses, sessions, assignments -------------------------------------------------------------------


@transaction.atomic
def course_save(*, data: dict, course: Course | None = None) -> Course:
    course = course or Course()
    for field in COURSE_FIELDS:
        if field in data:
            setattr(course, field, data[field])
    course.full_clean()
    if course.pk and course.closed_for_id:
        others = course.enrolments.exclude(company_id=course.closed_for_id).exclude(status=Enrolment.Status.WITHDRAWN)
        if others.exists():
            raise ValidationError(
                {"closed_for": _("People of other employers take part already: the course cannot be closed to them.")}
            )
    if not course_teachers(course.school_id).filter(pk=course.teacher_id).exists():
        raise ValidationError(
            {"teacher": _("The teacher must be a teacher of %(school)s.") % {"school": course.school}}
        )
    course.save()
    return course


def assignment_due_validate(*, session: CourseSession, due_at) -> None:
    if due_at >= session.starts_at:
        raise ValidationError(
            {
                "due_at": _(
                    "Participants hand in an assignment before its session: the due time must be before "
                    "the session starts (%(start)s)."
                )
                % {"start": when(session.starts_at)}
            }
        )


@transaction.atomic
def course_session_save(*, course: Course, data: dict, session: CourseSession | None = None) -> CourseSession:
    session = session or CourseSession(course=course)
    for field in SESSION_FIELDS:
        if field in data:
            setattr(session, field, data[field])
    if not session.location.strip() and not session.online_link:
        raise ValidationError(_("Give the place, the online link, or both."))
    session.full_clean(exclude=["course"])
    if session.pk:
        too_late = session.assignments.filter(due_at__gte=session.starts_at).first()
        if too_late:
            raise ValidationError(
                {
                    "starts_at": _("The assignment “%(title)s” is due %(due)s; the session must start after that.")
                    % {"title": too_late.title, "due": when(too_late.due_at)}
                }
            )
    session.save()
    return session


@transaction.atomic
def assignment_create(*, course: Course, data: dict) -> Assignment:
    session = data["session"]
    if session.course_id != course.pk:
        raise ValidationError({"session": _("Choose a session of this course.")})
    assignment = Assignment(session=session, title=data["title"], instructions=data["instructions"])
    assignment.due_at = data["due_at"]
    assignment.full_clean()
    assignment_due_validate(session=session, due_at=assignment.due_at)
    assignment.save()
    return assignment


# --- enrolment ----------------------------------------------------------------------------------------


def _room_check(course: Course, wanted: int) -> None:
    if course.status != Course.Status.OPEN:
        raise ValidationError(_("This course is not open for enrolment."))
    taken = course.enrolments.filter(status__in=TAKING_PLACES).count()
    left = course.max_participants - taken
    if left <= 0:
        raise ValidationError(
            _("This course is full: all %(max)s places are taken.") % {"max": course.max_participants}
        )
    if wanted > left:
        raise ValidationError(
            ngettext(
                "Only %(left)s place is left in this course; choose fewer people.",
                "Only %(left)s places are left in this course; choose fewer people.",
                left,
            )
            % {"left": left}
        )


def _information_send_once(enrolment: Enrolment) -> None:
    """Decide, in the confirming transaction, that the course information goes out; at most once."""
    now = timezone.now()
    if Enrolment.objects.filter(pk=enrolment.pk, information_sent_at__isnull=True).update(information_sent_at=now):
        enrolment.information_sent_at = now
        enqueue(send_course_information, enrolment.pk)


def _enrol(*, course: Course, people: list[tuple[User, int]], by: User, confirmed: bool) -> list[Enrolment]:
    # Locking the course row makes two people taking the last place queue up instead of both getting it.
    course = Course.objects.select_for_update().get(pk=course.pk)
    existing = {e.participant_id: e for e in course.enrolments.filter(participant__in=[p for p, _c in people])}
    for person, _company_id in people:
        earlier = existing.get(person.pk)
        if earlier is not None and earlier.status != Enrolment.Status.WITHDRAWN:
            raise ValidationError(_("%(name)s is already enrolled in this course.") % {"name": person})
    if course.closed_for_id and any(company_id != course.closed_for_id for _p, company_id in people):
        raise ValidationError(
            _("This course is a closed group for %(company)s: only its people can enrol.")
            % {"company": course.closed_for}
        )
    _room_check(course, len(people))
    now = timezone.now()
    status = Enrolment.Status.CONFIRMED if confirmed else Enrolment.Status.REQUESTED
    enrolments = []
    for person, company_id in people:
        # The one-row-per-person rule means someone who withdrew and comes back reuses their row.
        enrolment = existing.get(person.pk) or Enrolment(course=course, participant=person)
        enrolment.company_id = company_id
        enrolment.status = status
        enrolment.requested_by = by
        enrolment.confirmed_by = by if confirmed else None
        enrolment.confirmed_at = now if confirmed else None
        enrolment.information_sent_at = None
        enrolment.save()
        if confirmed:
            _information_send_once(enrolment)
        enrolments.append(enrolment)
    return enrolments


@transaction.atomic
def enrolment_request(*, course: Course, participant: User, company: Company) -> Enrolment:
    """A work mentor asks to take part; their employer confirms later."""
    is_mentor = Membership.objects.filter(user=participant, role=Role.MENTOR, company=company).exists()
    if not is_mentor:
        raise ValidationError(_("You can only enrol as a work mentor of your own company."))
    return _enrol(course=course, people=[(participant, company.pk)], by=participant, confirmed=False)[0]


@transaction.atomic
def enrolment_enrol_employees(*, course: Course, employees: list[User], by: User) -> list[Enrolment]:
    """An employer enrols their own work mentors: that is the employer's confirmation, so they are confirmed."""
    if not employees:
        raise ValidationError(_("Choose at least one employee to enrol."))
    admin_of = Membership.objects.filter(user=by, role=Role.COMPANY_ADMIN).values("company_id")
    works_at: dict[int, int] = {}
    for user_id, company_id in (
        Membership.objects.filter(user__in=employees, role=Role.MENTOR, company_id__in=admin_of)
        .order_by("company_id")
        .values_list("user_id", "company_id")
    ):
        works_at.setdefault(user_id, company_id)
    for employee in employees:
        if employee.pk not in works_at:
            raise ValidationError(_("%(name)s is not a work mentor at your company.") % {"name": employee})
    return _enrol(course=course, people=[(e, works_at[e.pk]) for e in employees], by=by, confirmed=True)


@transaction.atomic
def enrolment_enrol_invited(*, course: Course, employees: list[User], company: Company, by: User) -> list[Enrolment]:
    """Employees named by their employer's contact through a teacher's invitation link (registry/employers):
    confirmed, since the employer asks for it; `by` is the teacher who sent the link."""
    return _enrol(course=course, people=[(employee, company.pk) for employee in employees], by=by, confirmed=True)


@transaction.atomic
def enrolment_confirm(*, enrolment: Enrolment, by: User) -> Enrolment:
    if enrolment.course.status in (Course.Status.CANCELLED, Course.Status.COMPLETED):
        raise ValidationError(
            _("This course is %(status)s; enrolments can no longer be confirmed.")
            % {"status": enrolment.course.get_status_display()}
        )
    now = timezone.now()
    updated = Enrolment.objects.filter(pk=enrolment.pk, status=Enrolment.Status.REQUESTED).update(
        status=Enrolment.Status.CONFIRMED, confirmed_by=by, confirmed_at=now
    )
    if not updated:
        enrolment.refresh_from_db()
        if enrolment.status == Enrolment.Status.WITHDRAWN:
            raise ValidationError(_("This enrolment was withdrawn; it cannot be confirmed."))
        raise ValidationError(_("This enrolment has already been confirmed."))
    enrolment.status, enrolment.confirmed_by, enrolment.confirmed_at = Enrolment.Status.CONFIRMED, by, now
    _information_send_once(enrolment)
    return enrolment


@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment) -> Enrolment:
    still_on = [Enrolment.Status.REQUESTED, Enrolment.Status.CONFIRMED]
    if not Enrolment.objects.filter(pk=enrolment.pk, status__in=still_on).update(status=Enrolment.Status.WITHDRAWN):
        enrolment.refresh_from_db()
        if enrolment.status == Enrolment.Status.COMPLETED:
            raise ValidationError(_("This participant has completed the course; the enrolment cannot be withdrawn."))
        raise ValidationError(_("This enrolment has already been withdrawn."))
    enrolment.status = Enrolment.Status.WITHDRAWN
    return enrolment


# --- work, attendance, evaluation ---------------------------------------------------------------------


@transaction.atomic
def submission_save(*, assignment: Assignment, enrolment: Enrolment, text: str, file=None, clear_file=False):
    """Hand in work, or replace it; work sent back for rework comes back as the next version."""
    if enrolment.status != Enrolment.Status.CONFIRMED:
        raise ValidationError(_("Only confirmed participants hand in work."))
    submission = Submission.objects.select_for_update().filter(assignment=assignment, enrolment=enrolment).first()
    if submission is None:
        submission = Submission(assignment=assignment, enrolment=enrolment, version=1)
    elif submission.status == Submission.Status.ACCEPTED:
        raise ValidationError(_("This work has been accepted; it can no longer be changed."))
    elif submission.status == Submission.Status.REWORK:
        submission.version += 1
    old_file = submission.file.name if submission.file else ""
    submission.text = text.strip()
    if file:
        submission.file = file
    elif clear_file:
        submission.file = ""
    if not submission.text and not submission.file:
        raise ValidationError(_("Write an answer, attach a file, or both."))
    submission.submitted_at = timezone.now()
    submission.status = Submission.Status.SUBMITTED
    submission.save()
    if old_file and old_file != submission.file.name:
        storage = submission.file.storage
        transaction.on_commit(lambda: storage.delete(old_file))
    return submission


@transaction.atomic
def submission_review(*, submission: Submission, by: User, accept: bool, feedback: str = "") -> Submission:
    feedback = feedback.strip()
    if not accept and not feedback:
        raise ValidationError({"feedback": _("Say what needs to change: feedback is required when asking for rework.")})
    status = Submission.Status.ACCEPTED if accept else Submission.Status.REWORK
    now = timezone.now()
    updated = Submission.objects.filter(pk=submission.pk, status=Submission.Status.SUBMITTED).update(
        status=status, feedback=feedback, reviewed_by=by, reviewed_at=now
    )
    if not updated:
        raise ValidationError(_("This work has already been reviewed; wait for the participant to hand it in again."))
    submission.status, submission.feedback, submission.reviewed_by, submission.reviewed_at = status, feedback, by, now
    return submission


@transaction.atomic
def attendance_record(*, session: CourseSession, present_ids, by: User) -> int:
    """Save who was there: one row per session and participant, updated when saved again."""
    if session.starts_at > timezone.now():
        raise ValidationError(_("Attendance can be recorded once the session has started."))
    present_ids = set(present_ids)
    rows = [
        Attendance(session=session, enrolment=enrolment, present=enrolment.pk in present_ids, recorded_by=by)
        for enrolment in session.course.enrolments.filter(status__in=TAKING_PART)
    ]
    Attendance.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["session", "enrolment"],
        update_fields=["present", "recorded_by", "recorded_at"],
    )
    return len(rows)


@transaction.atomic
def evaluation_submit(*, enrolment: Enrolment, data: dict) -> Evaluation:
    if enrolment.status not in TAKING_PART:
        raise ValidationError(_("Only participants of the course fill in its evaluation."))
    if not course_has_ended(enrolment.course):
        raise ValidationError(_("The evaluation opens after the last session has ended."))
    if Evaluation.objects.filter(enrolment=enrolment).exists():
        raise ValidationError(_("You have already filled in the evaluation of this course. Thank you!"))
    evaluation = Evaluation(enrolment=enrolment, **{field: data[field] for field in EVALUATION_FIELDS})
    evaluation.full_clean(exclude=["enrolment"])
    try:
        with transaction.atomic():
            evaluation.save()
    except IntegrityError:  # the same form sent twice at once
        raise ValidationError(_("You have already filled in the evaluation of this course. Thank you!")) from None
    return evaluation


# --- completion ---------------------------------------------------------------------------------------


def enrolment_completion(enrolment: Enrolment) -> dict:
    """Whether the participant completed the course (every session attended, every assignment accepted).

    Returns {"complete": bool, "missing": [what is still missing, readable], "sessions_attended",
    "sessions_total", "assignments_accepted", "assignments_total"}.
    """
    course = enrolment.course
    sessions = list(course.sessions.all())
    assignments = list(Assignment.objects.filter(session__course=course).order_by("due_at", "pk"))
    return completion_by_enrolment([enrolment], sessions=sessions, assignments=assignments)[enrolment.pk]


@transaction.atomic
def course_complete(*, course: Course) -> tuple[list[Enrolment], list[tuple[Enrolment, list[str]]]]:
    """Mark confirmed participants who meet the completion rules completed; say why the others do not."""
    confirmed = list(
        course.enrolments.select_for_update(of=("self",))
        .filter(status=Enrolment.Status.CONFIRMED)
        .select_related("participant")
    )
    sessions = list(course.sessions.all())
    assignments = list(Assignment.objects.filter(session__course=course).order_by("due_at", "pk"))
    results = completion_by_enrolment(confirmed, sessions=sessions, assignments=assignments)
    done = [enrolment for enrolment in confirmed if results[enrolment.pk]["complete"]]
    Enrolment.objects.filter(pk__in=[e.pk for e in done]).update(status=Enrolment.Status.COMPLETED)
    for enrolment in done:
        enrolment.status = Enrolment.Status.COMPLETED
    # The course counts toward the participant's certificate renewal through their development log.
    course_credit_record(done)
    not_done = [(e, results[e.pk]["missing"]) for e in confirmed if not results[e.pk]["complete"]]
    return done, not_done
