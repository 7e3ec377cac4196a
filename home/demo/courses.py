"""Demo mentor courses of Rijnland Vakcollege. Rows are written directly: a seed must never e-mail anyone."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from accounts.models import Membership, Role, School, User
from registry.models import Assignment, Attendance, Course, CourseSession, Enrolment, Evaluation, Submission

from .manager_track import seed_manager_track

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SCHOOL = "Rijnland Vakcollege"
TEACHER = "supervisor@demo.werkmentor.nl"
# Henk's employer admin, company@demo.werkmentor.nl, confirms (or not) his request in the demo.
COMPLETED_PARTICIPANTS = ["mentor@demo.werkmentor.nl", "anja.visser@delinde.example", "peter.smit@delinde.example"]
WAITING_PARTICIPANT = "henk.bos@korenschoof.example"
# A course for the mentors of host companies abroad that ended a few weeks ago: everyone completed it, and
# only Els has her certificate yet, so a teacher can try issuing one (home/demo/certificates.py issues hers).
ABROAD_COURSE = "Werkmentortraining leerbedrijven in het buitenland"
ABROAD_PARTICIPANTS = [
    "javier.lopez@solymar.example",
    "anna.schmidt@becker.example",
    "els.janssens@logistiekvlaanderen.example",
]
ABROAD_CERTIFIED = ["els.janssens@logistiekvlaanderen.example"]

DESCRIPTION = (
    "Online training in twee sessies voor werkmentoren van leerbedrijven: wet- en regelgeving, wat er van een "
    "werkmentor verwacht wordt, samenwerken en communiceren met student en school, leerdoelen uit het "
    "kwalificatiedossier, feedback geven en vaardigheden beoordelen."
)
INSTRUCTIONS = (
    "Voor elke sessie maak je een opdracht. Lever die in vóór de sessie begint, via de cursuspagina in Werkmentor.\n"
    "De sessies zijn online: zorg voor een rustige plek, een camera en een headset, en log vijf minuten van "
    "tevoren in met de link bij de sessie.\n"
    "Je werkgever geeft je de tijd om deel te nemen. Na de laatste sessie vul je het evaluatieformulier in."
)
# (title, days from the course's first day, assignment title, assignment instructions)
SESSIONS = [
    (
        "De rol van de werkmentor",
        0,
        "Beschrijf je leerbedrijf en je student",
        "Beschrijf in maximaal één pagina je bedrijf, het werk van je student en wat je als werkmentor nu al doet.",
    ),
    (
        "Feedback geven en beoordelen",
        14,
        "Voer een feedbackgesprek",
        "Voer een feedbackgesprek met je student volgens het model uit sessie 1. Schrijf op wat goed ging "
        "en wat je de volgende keer anders doet.",
    ),
]
ANSWERS = {
    "Beschrijf je leerbedrijf en je student": "Onze student werkt vier dagen per week mee in de productie.",
    "Voer een feedbackgesprek": "Het gesprek ging over hygiëne; ik stelde eerst vragen en gaf daarna tips.",
}
# (content, teacher, organisation, usefulness, most useful, could be better)
EVALUATIONS = [
    (4, 5, 4, 5, "Het feedbackmodel gebruik ik nu elke week.", "Meer tijd om ervaringen uit te wisselen."),
    (5, 4, 3, 4, "Voorbeelden uit de zorg en oefenen in tweetallen.", "De link kwam pas op de dag zelf."),
    (4, 4, 4, 4, "Duidelijk wat de school van mij verwacht.", ""),
]


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=AMSTERDAM)


def _course(school, teacher, title, status, first_day) -> tuple[Course, list[CourseSession], list[Assignment]]:
    course, _created = Course.objects.get_or_create(
        school=school,
        title=title,
        defaults={
            "teacher": teacher,
            "description": DESCRIPTION,
            "instructions": INSTRUCTIONS,
            "format": Course.Format.ONLINE,
            "max_participants": 16,
            "status": status,
        },
    )
    sessions, assignments = [], []
    for session_title, offset, assignment_title, assignment_text in SESSIONS:
        day = first_day + timedelta(days=offset)
        session, _created = CourseSession.objects.get_or_create(
            course=course,
            title=session_title,
            defaults={
                "starts_at": _at(day, 19),
                "ends_at": _at(day, 21),
                "online_link": f"https://meet.rijnland.example/werkmentor-{course.pk}-{len(sessions) + 1}",
            },
        )
        assignment, _created = Assignment.objects.get_or_create(
            session=session,
            title=assignment_title,
            defaults={"instructions": assignment_text, "due_at": session.starts_at - timedelta(days=3)},
        )
        sessions.append(session)
        assignments.append(assignment)
    return course, sessions, assignments


def _employer_of(user: User):
    membership = Membership.objects.filter(user=user, role=Role.MENTOR).order_by("pk").first()
    return membership.company if membership else None


def _admin_of(company):
    membership = company.memberships.filter(role=Role.COMPANY_ADMIN).select_related("user").order_by("pk").first()
    return membership.user if membership else None


def seed(placements: list, today) -> None:
    school = School.objects.filter(name=SCHOOL).first()
    emails = [TEACHER, *COMPLETED_PARTICIPANTS, WAITING_PARTICIPANT, *ABROAD_PARTICIPANTS]
    people = {user.email: user for user in User.objects.filter(email__in=emails)}
    teacher = people.get(TEACHER)
    if school is None or teacher is None:
        return
    _completed_course(
        school, teacher, people, "Werkmentortraining voorjaar", COMPLETED_PARTICIPANTS, today - timedelta(days=60)
    )
    _completed_course(school, teacher, people, ABROAD_COURSE, ABROAD_PARTICIPANTS, today - timedelta(days=35))
    _open_course(school, teacher, people, today)
    waiting = people.get(WAITING_PARTICIPANT)
    company = _employer_of(waiting) if waiting else None
    if company is not None:  # a closed manager track for Henk's company (home/demo/manager_track.py)
        seed_manager_track(school, teacher, waiting, company, today)


def _completed_course(school, teacher, people, title, emails, first_day) -> None:
    course, sessions, assignments = _course(school, teacher, title, Course.Status.COMPLETED, first_day)
    for email, evaluation in zip(emails, EVALUATIONS, strict=True):
        participant = people.get(email)
        company = _employer_of(participant) if participant else None
        if company is None:
            continue
        confirmed_at = sessions[0].starts_at - timedelta(days=21)
        enrolment, _created = Enrolment.objects.get_or_create(
            course=course,
            participant=participant,
            defaults={
                "company": company,
                "status": Enrolment.Status.COMPLETED,
                "requested_by": participant,
                "confirmed_by": _admin_of(company) or participant,
                "confirmed_at": confirmed_at,
                "information_sent_at": confirmed_at,
            },
        )
        for session, assignment in zip(sessions, assignments, strict=True):
            Attendance.objects.get_or_create(
                session=session, enrolment=enrolment, defaults={"present": True, "recorded_by": teacher}
            )
            Submission.objects.get_or_create(
                assignment=assignment,
                enrolment=enrolment,
                defaults={
                    "text": ANSWERS[assignment.title],
                    "submitted_at": assignment.due_at - timedelta(days=1),
                    "status": Submission.Status.ACCEPTED,
                    "feedback": "Goed uitgewerkt, dank je wel.",
                    "reviewed_by": teacher,
                    "reviewed_at": assignment.due_at + timedelta(days=1),
                },
            )
        content, teacher_rating, organisation, usefulness, best, improve = evaluation
        Evaluation.objects.get_or_create(
            enrolment=enrolment,
            defaults={
                "content_rating": content,
                "teacher_rating": teacher_rating,
                "organisation_rating": organisation,
                "usefulness_rating": usefulness,
                "best": best,
                "improve": improve,
            },
        )


def _open_course(school, teacher, people, today) -> None:
    course, _sessions, _assignments = _course(
        school, teacher, "Werkmentortraining nieuwe groep", Course.Status.OPEN, today + timedelta(days=30)
    )
    participant = people.get(WAITING_PARTICIPANT)
    company = _employer_of(participant) if participant else None
    if company is not None:
        # Henk asked to take part; company@demo.werkmentor.nl still has to confirm.
        Enrolment.objects.get_or_create(
            course=course,
            participant=participant,
            defaults={"company": company, "status": Enrolment.Status.REQUESTED, "requested_by": participant},
        )
