"""Demo of courses reaching employers (seed 002): a closed six-workshop manager track for one company, with a
recognised qualification, and the teacher's invitation link to that company's contact. Rows are written
directly: a seed never e-mails anyone (the link's token is random and unknown, so nobody can open it)."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from accounts.models import Membership, Role
from registry.employers.tokens import make_token, new_link_version, token_hash
from registry.models import Attendance, Course, CourseSession, EmployerInvitation, Enrolment

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TITLE = "Managers als mentor: zes workshops"
QUALIFICATION = "Erkende kwalificatie Mentorschap"
DESCRIPTION = (
    "Zes interactieve workshops, één per maand, voor filiaal- en regiomanagers die mentor worden: gesimuleerde "
    "mentorsituaties, communiceren, vragen stellen, luisteren, problemen oplossen, actieplanning en het "
    "mentorschap eigen maken. Wie de reeks afrondt, wordt voorgedragen voor een erkende kwalificatie."
)
WORKSHOPS = ["Communiceren", "Vragen stellen", "Luisteren", "Problemen oplossen", "Actieplanning", "Mentorschap"]


def seed_manager_track(school, teacher, participant, company, today) -> None:
    """Workshops monthly, three behind us (attended) and three to come; `participant` takes part."""
    course, _created = Course.objects.get_or_create(
        school=school,
        title=TITLE,
        defaults={
            "teacher": teacher,
            "description": DESCRIPTION,
            "format": Course.Format.FACE_TO_FACE,
            "max_participants": 12,
            "status": Course.Status.RUNNING,
            "closed_for": company,
            "qualification": QUALIFICATION,
        },
    )
    first_day = today - timedelta(days=75)
    sessions = []
    for number, title in enumerate(WORKSHOPS):
        day = first_day + timedelta(days=30 * number)
        starts = datetime.combine(day, time(9, 0), tzinfo=AMSTERDAM)
        session, _created = CourseSession.objects.get_or_create(
            course=course,
            title=f"Workshop {number + 1}: {title}",
            defaults={
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=6),
                "location": company.city or "Op locatie",
            },
        )
        sessions.append(session)
    admin = Membership.objects.filter(company=company, role=Role.COMPANY_ADMIN).order_by("pk").first()
    by = admin.user if admin else teacher
    enrolment, _created = Enrolment.objects.get_or_create(
        course=course,
        participant=participant,
        defaults={
            "company": company,
            "status": Enrolment.Status.CONFIRMED,
            "requested_by": by,
            "confirmed_by": by,
            "confirmed_at": sessions[0].starts_at - timedelta(days=14),
            "information_sent_at": sessions[0].starts_at - timedelta(days=14),
        },
    )
    for session in sessions[:3]:
        Attendance.objects.get_or_create(
            session=session, enrolment=enrolment, defaults={"present": True, "recorded_by": teacher}
        )
    if not EmployerInvitation.objects.filter(course__school=school, company=company).exists():
        version = new_link_version()
        EmployerInvitation.objects.create(
            course=course,
            company=company,
            contact_name=by.get_full_name(),
            contact_email=by.email,
            language="nl",
            invited_by=teacher,
            link_version=version,
            token_hash=token_hash(make_token(version)),
            expires_at=sessions[0].starts_at + timedelta(days=30),
        )
