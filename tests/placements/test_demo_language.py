"""The demo speaks the trade of each host company, in Dutch or English, and has certificates to issue."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from accounts.models import User
from meetings.models import Meeting
from mentoring.models import ActionItem, CoachingSession, LearningGoal
from registry.certificates.selectors import bulk_candidates, course_certificate_rows
from registry.courses.selectors import courses_ready_for_certificates
from registry.models import Certificate, Course, Enrolment

BAKERY_WORDS = ("HACCP", "recipe", "dough", "oven", "allergen", "bakery", "receptkaart", "deeg", "allergen")


def _demo(language):
    call_command("demo", "--quiet-logins", "--language", language, stdout=StringIO())


def _texts_of(company_name):
    goals = LearningGoal.objects.filter(plan__placement__company__name=company_name)
    sessions = CoachingSession.objects.filter(placement__company__name=company_name)
    actions = ActionItem.objects.filter(placement__company__name=company_name)
    return (
        [f"{g.title} {g.success_measure} {g.rationale}" for g in goals]
        + [f"{s.activities} {s.went_well} {s.to_improve} {s.learner_reflection}" for s in sessions]
        + [a.description for a in actions]
    )


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_care_home_placement_has_care_goals_not_bakery_goals(db, language):
    _demo(language)
    texts = _texts_of("Zorgcentrum De Linde")
    assert texts
    assert not [text for text in texts if any(word.lower() in text.lower() for word in BAKERY_WORDS)]
    care = "care plan" if language == "en" else "zorgplan"
    assert any(care in text for text in texts)


def test_every_trade_has_its_own_goals(db):
    _demo("en")
    titles = {
        company: set(
            LearningGoal.objects.filter(plan__placement__company__name=company).values_list("title", flat=True)
        )
        for company in ("Bakkerij De Korenschoof", "Zorgcentrum De Linde", "Van Dijk Installatietechniek")
    }
    assert all(titles.values())
    bakery, care, installer = titles.values()
    assert not bakery & care and not bakery & installer and not care & installer


def test_dutch_demo_content_is_dutch(db):
    _demo("nl")
    goals = set(LearningGoal.objects.values_list("title", flat=True))
    assert "Hygiënisch werken volgens de HACCP-regels" in goals
    assert "Work hygienically according to the HACCP rules" not in goals
    agendas = " ".join(Meeting.objects.values_list("agenda", flat=True))
    assert "Welkom en hoe de stage loopt" in agendas
    assert "Welcome" not in agendas
    learner = User.objects.get(email="learner@demo.werkmentor.nl")
    first = CoachingSession.objects.filter(placement__learner=learner).exclude(learner_reflection="").get()
    assert first.learner_reflection == "Ik lees nu eerst de receptkaart."
    assert learner.placements_as_learner.get().hours_entries.filter(description="De ochtendlading gebakken").exists()


def test_english_demo_content_is_english(db):
    _demo("en")
    goals = set(LearningGoal.objects.values_list("title", flat=True))
    assert "Work hygienically according to the HACCP rules" in goals
    assert "Hygiënisch werken volgens de HACCP-regels" not in goals


def test_running_the_demo_again_in_the_other_language_adds_nothing(db):
    _demo("en")
    counts = [m.objects.count() for m in (LearningGoal, CoachingSession, ActionItem, Meeting, Certificate)]
    _demo("nl")
    assert [m.objects.count() for m in (LearningGoal, CoachingSession, ActionItem, Meeting, Certificate)] == counts


def test_an_unknown_demo_language_is_refused(db):
    with pytest.raises(CommandError, match="fr"):
        call_command("demo", "--quiet-logins", "--language", "fr", stdout=StringIO())


def test_the_demo_has_a_course_ready_for_certificates_and_one_issued_by_the_service(db):
    _demo("en")
    teacher = User.objects.get(email="supervisor@demo.werkmentor.nl")
    ready = list(courses_ready_for_certificates(teacher))
    assert [course.ready for course in ready] == [2]
    course = Course.objects.get(pk=ready[0].pk)
    rows = course_certificate_rows(course)
    assert sorted(row.enrolment.participant.get_full_name() for row in rows if row.can_issue) == [
        "Anna Schmidt",
        "Javier López",
    ]
    assert bulk_candidates(course).count() == 2
    issued = Certificate.objects.get(course=course)
    assert issued.holder_name == "Els Janssens"
    assert issued.number.startswith("WM-") and issued.valid_until > issued.issued_on
    assert issued.issued_by == teacher and issued.emailed_at is not None
    assert course.enrolments.filter(status=Enrolment.Status.COMPLETED).count() == 3
    assert mail.outbox == []
