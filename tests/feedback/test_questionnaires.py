"""Questionnaires as data: shipped defaults, a school's copy, drafts and the lock on a published version."""

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from feedback.models import Question, Questionnaire, QuestionnaireVersion, VersionLocked
from feedback.questionnaires.services import mark_sent, version_new_draft, version_publish
from feedback.questionnaires.shipped import install
from tests.feedback.factories_feedback import school_copy, shipped

PURPOSES = {"mid_placement", "end_placement", "mentor_end", "employer_after", "course_after", "course_effect"}


def test_the_shipped_questionnaires_are_published_in_english_and_dutch(db):
    defaults = Questionnaire.objects.filter(school__isnull=True)
    assert {q.purpose for q in defaults} == PURPOSES
    for questionnaire in defaults:
        version = questionnaire.versions.get()
        assert version.is_locked
        assert all(q.text_en and q.text_nl for q in version.questions.all())
    end = shipped("learner-end-placement").versions.get()
    with translation.override("nl"):
        texts = [q.text for q in end.questions.filter(topic="mentor")]
    assert "Mijn werkmentor toonde inlevingsvermogen." in texts  # seed 003: what a learner may expect


def test_installing_again_adds_nothing(db):
    from django.apps import apps

    assert install(apps.get_model) == 0


def test_a_published_version_cannot_change(db):
    version = shipped("learner-mid-placement").versions.get()
    question = version.questions.first()
    question.text_en = "Changed"
    with pytest.raises(VersionLocked):
        question.save()
    with pytest.raises(VersionLocked):
        question.delete()
    with pytest.raises(VersionLocked), transaction.atomic():  # the queryset's delete runs in a transaction
        Question.objects.filter(pk=question.pk).delete()
    with pytest.raises(VersionLocked):
        Question.objects.create(version=version, kind="text", text_en="New")
    version.intro_en = "Changed"
    with pytest.raises(VersionLocked):
        version.save()
    with pytest.raises(VersionLocked):
        version.delete()


def test_a_sent_version_records_its_first_sending_and_stays_locked(world):
    copy = school_copy(world)
    version = copy.versions.get()
    mark_sent(version)
    version.refresh_from_db()
    assert version.first_sent_at is not None
    version.status = QuestionnaireVersion.Status.DRAFT
    with pytest.raises(VersionLocked):
        version.save()


def test_a_coordinator_copies_a_default_edits_the_draft_and_publishes_version_two(client, world):
    client.force_login(world.coordinator)
    default = shipped("learner-end-placement")
    response = client.post(reverse("feedback_questionnaire_copy", args=[default.pk]), {"school": world.school.pk})
    copy = Questionnaire.objects.get(school=world.school)
    assert response.url == reverse("feedback_questionnaire", args=[copy.pk])
    draft = copy.versions.get()
    assert draft.questions.count() == default.versions.get().questions.count()
    client.post(
        reverse("feedback_question_new", args=[draft.pk]),
        {"kind": "choice", "topic": "general", "text_en": "Which day?", "choices_en": "Monday", "position": 0},
    )
    assert not draft.questions.filter(text_en="Which day?").exists()  # one choice is not a choice
    client.post(
        reverse("feedback_question_new", args=[draft.pk]),
        {"kind": "score", "topic": "general", "text_nl": "Welk cijfer?", "position": 0},
    )
    assert draft.questions.filter(text_nl="Welk cijfer?").exists()
    client.post(reverse("feedback_version_publish", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.is_locked
    question = draft.questions.first()
    response = client.post(reverse("feedback_question_edit", args=[draft.pk, question.pk]), {"kind": "text"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.kind != "text"
    second = version_new_draft(questionnaire=copy)
    assert second.number == 2 and second.questions.count() == draft.questions.count()
    version_publish(version=second, by=world.coordinator)


@pytest.mark.parametrize("who", ["mentor", "learner", "company_admin", "other_coordinator", "outsider"])
def test_others_do_not_reach_a_schools_questionnaire(client, world, who):
    copy = school_copy(world, publish=False)
    client.force_login(getattr(world, who))
    assert client.get(reverse("feedback_questionnaire", args=[copy.pk])).status_code == 404
    draft = copy.versions.get()
    assert client.post(reverse("feedback_version_publish", args=[draft.pk])).status_code == 404


def test_a_teacher_reads_but_does_not_change(client, world):
    copy = school_copy(world, publish=False)
    client.force_login(world.supervisor)
    assert client.get(reverse("feedback_questionnaire", args=[copy.pk])).status_code == 200
    assert client.post(reverse("feedback_version_publish", args=[copy.versions.get().pk])).status_code == 403
