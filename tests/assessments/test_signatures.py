"""Sign-off in the app: sending for signatures, withdrawing, signing, and the lock after the last signature."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from assessments.models import AssessmentRecord, Assessors, Rating, Signature
from assessments.signatures.services import SignOffConflict, record_submit, record_withdraw, signature_sign
from registry.models import Enrolment
from tests.registry.factories_courses import enrol, make_course

from .factories_assessments import make_record


def ready_record(world, **fields):
    """A complete draft of the world's learner: every indicator rated and an overall level."""
    record = make_record(world.placement, **fields)
    record.overall_level = record.framework_version.levels.order_by("value").last()
    record.strengths = "Works carefully and asks good questions."
    record.development_points = "Plan the day before starting."
    record.save()
    return record


def sent_record(world, **fields):
    record = ready_record(world, **fields)
    record_submit(record=record, by=world.mentor)
    return record


def signature_for(record, user) -> Signature:
    return Signature.objects.get(record=record, user=user)


def sign(record, user, verdict=Signature.Verdict.AGREE, **kwargs):
    return signature_sign(signature=signature_for(record, user), verdict=verdict, **kwargs)


def state(record):
    """What must not change when a step is refused."""
    record.refresh_from_db()
    signatures = sorted(record.signatures.values_list("email", "verdict", "reason", "signed_at"))
    return record.status, record.submitted_at, record.locked_at, record.learner_response, signatures


# --- Sending for signatures ---------------------------------------------------------------------------


def test_an_assessor_sends_a_complete_draft_to_every_signer(client, world):
    record = ready_record(world)
    client.force_login(world.mentor)
    response = client.post(reverse("assessment_submit", args=[record.pk]))
    assert response.status_code == 302
    assert response.url == reverse("assessment_detail", args=[record.pk])
    record.refresh_from_db()
    assert record.status == AssessmentRecord.Status.AWAITING
    assert record.submitted_at is not None
    rows = sorted(record.signatures.values_list("role", "user", "name", "email", "signed_at"))
    assert rows == [
        ("assessor", world.mentor.pk, "Marieke de Vries", "mentor@example.org", None),
        ("assessor", world.supervisor.pk, world.supervisor.get_full_name(), "supervisor@example.org", None),
        ("subject", world.learner.pk, "Daan Jansen", "learner@example.org", None),
    ]


@pytest.mark.parametrize(
    ("assessors", "expected"),
    [(Assessors.MENTOR, {"mentor@example.org"}), (Assessors.SUPERVISOR, {"supervisor@example.org"})],
)
def test_the_moment_decides_which_assessors_sign(world, assessors, expected):
    record = ready_record(world)
    record.moment.assessors = assessors
    record.moment.save()
    record_submit(record=record, by=world.supervisor)
    assessors_signing = set(record.signatures.filter(role="assessor").values_list("email", flat=True))
    assert assessors_signing == expected
    assert record.signatures.get(role="subject").user == world.learner


def test_a_record_without_a_moment_is_signed_by_mentor_and_supervisor(world):
    record = ready_record(world)
    record.moment = None
    record.save()
    record_submit(record=record, by=world.mentor)
    assert set(record.signatures.values_list("email", flat=True)) == {
        "mentor@example.org",
        "supervisor@example.org",
        "learner@example.org",
    }


def test_a_course_record_is_signed_by_its_author_and_the_participant(client, world):
    course = make_course(world)
    enrolment = enrol(course, world.mentor, world.company, status=Enrolment.Status.COMPLETED)
    version = make_record(world.placement).framework_version
    record = AssessmentRecord.objects.create(
        subject=world.mentor,
        enrolment=enrolment,
        framework_version=version,
        title="Mentor course assessment",
        assessed_on="2026-05-01",
        created_by=world.supervisor,
        overall_level=version.levels.first(),
    )
    client.force_login(world.supervisor)
    assert client.post(reverse("assessment_submit", args=[record.pk])).status_code == 302
    rows = set(record.signatures.values_list("role", "email"))
    assert rows == {("assessor", "supervisor@example.org"), ("subject", "mentor@example.org")}


def test_sending_lists_every_missing_level_and_changes_nothing(client, world):
    record = make_record(world.placement)
    unrated = record.ratings.order_by("indicator__code")[:2]
    Rating.objects.filter(pk__in=[r.pk for r in unrated]).update(level=None)
    before = state(record)
    client.force_login(world.mentor)
    response = client.post(reverse("assessment_submit", args=[record.pk]))
    assert response.status_code == 400
    assert "the overall judgement" in response.text
    assert "1.1.1 Indicator 1.1.1" in response.text
    assert "1.1.2 Indicator 1.1.2" in response.text
    assert "1.2.1" not in response.text
    assert state(record) == before
    assert before[0] == AssessmentRecord.Status.DRAFT


@pytest.mark.parametrize(("who", "status"), [("learner", 403), ("company_admin", 404), ("outsider", 404)])
def test_only_an_assessor_sends_for_signatures(client, world, who, status):
    record = ready_record(world)
    client.force_login(getattr(world, who))
    assert client.post(reverse("assessment_submit", args=[record.pk])).status_code == status
    record.refresh_from_db()
    assert record.status == AssessmentRecord.Status.DRAFT
    assert not record.signatures.exists()


def test_a_record_is_sent_only_once(client, world):
    record = sent_record(world)
    before = state(record)
    client.force_login(world.supervisor)
    response = client.post(reverse("assessment_submit", args=[record.pk]))
    assert response.status_code == 409
    assert "sent already" in response.text
    assert state(record) == before


def test_sending_needs_a_post(client, world):
    record = ready_record(world)
    client.force_login(world.mentor)
    assert client.get(reverse("assessment_submit", args=[record.pk])).status_code == 405


# --- Withdrawing ------------------------------------------------------------------------------------------


def test_withdrawing_drops_every_signature_and_makes_a_draft(client, world):
    record = sent_record(world)
    sign(record, world.mentor)
    client.force_login(world.supervisor)
    response = client.post(reverse("assessment_withdraw", args=[record.pk]))
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == AssessmentRecord.Status.DRAFT
    assert record.submitted_at is None
    assert not Signature.objects.filter(record=record).exists()


@pytest.mark.parametrize(("who", "status"), [("learner", 403), ("outsider", 404)])
def test_only_an_assessor_withdraws(client, world, who, status):
    record = sent_record(world)
    before = state(record)
    client.force_login(getattr(world, who))
    assert client.post(reverse("assessment_withdraw", args=[record.pk])).status_code == status
    assert state(record) == before


def test_a_draft_cannot_be_withdrawn(client, world):
    record = ready_record(world)
    client.force_login(world.mentor)
    response = client.post(reverse("assessment_withdraw", args=[record.pk]))
    assert response.status_code == 409
    assert "Only an assessment waiting for signatures" in response.text


# --- Signing ------------------------------------------------------------------------------------------------


def test_the_sign_page_shows_the_record_and_an_assessor_can_only_agree(client, world):
    record = sent_record(world)
    client.force_login(world.supervisor)
    page = client.get(reverse("assessment_sign", args=[record.pk]))
    assert page.status_code == 200
    assert "Indicator 1.1.1" in page.text
    assert "Competency 2.2" in page.text
    assert "Works carefully and asks good questions." in page.text
    assert "I agree with this assessment" in page.text
    assert 'value="disagree"' not in page.text
    assert 'name="response"' not in page.text


def test_the_person_assessed_may_agree_or_disagree(client, world):
    record = sent_record(world)
    client.force_login(world.learner)
    page = client.get(reverse("assessment_sign", args=[record.pk]))
    assert 'value="agree"' in page.text
    assert 'value="disagree"' in page.text
    assert 'name="response"' in page.text


def test_an_assessor_signs_their_own_signature_only(client, world):
    record = sent_record(world)
    learner_row = signature_for(record, world.learner)
    client.force_login(world.supervisor)
    response = client.post(
        reverse("assessment_sign", args=[record.pk]), {"verdict": "agree", "signature": learner_row.pk}
    )
    assert response.status_code == 302
    signed = set(record.signatures.filter(signed_at__isnull=False).values_list("email", flat=True))
    assert signed == {"supervisor@example.org"}
    mine = signature_for(record, world.supervisor)
    assert (mine.verdict, mine.name) == ("agree", world.supervisor.get_full_name())


def test_only_the_person_assessed_may_disagree(client, world):
    record = sent_record(world)
    before = state(record)
    client.force_login(world.mentor)
    response = client.post(reverse("assessment_sign", args=[record.pk]), {"verdict": "disagree", "reason": "No"})
    assert response.status_code == 400
    assert state(record) == before
    with pytest.raises(ValidationError) as error:
        sign(record, world.mentor, Signature.Verdict.DISAGREE, reason="No")
    assert "Only the person assessed" in str(error.value)
    assert state(record) == before


def test_disagreeing_needs_a_reason(client, world):
    record = sent_record(world)
    before = state(record)
    client.force_login(world.learner)
    response = client.post(reverse("assessment_sign", args=[record.pk]), {"verdict": "disagree", "reason": "  "})
    assert response.status_code == 400
    assert "Say why you disagree." in response.text
    assert state(record) == before


def test_the_person_assessed_signs_seen_disagree_with_a_reason_and_a_response(client, world):
    record = sent_record(world)
    client.force_login(world.learner)
    response = client.post(
        reverse("assessment_sign", args=[record.pk]),
        {"verdict": "disagree", "reason": "I was never shown the procedure.", "response": "I will ask next time."},
    )
    assert response.status_code == 302
    mine = signature_for(record, world.learner)
    assert (mine.verdict, mine.reason) == ("disagree", "I was never shown the procedure.")
    assert mine.signed_at is not None
    record.refresh_from_db()
    assert record.learner_response == "I will ask next time."
    assert record.status == AssessmentRecord.Status.AWAITING


def test_the_record_locks_after_the_last_signature_and_not_before(client, world):
    record = sent_record(world)
    for user in (world.mentor, world.supervisor):
        client.force_login(user)
        assert client.post(reverse("assessment_sign", args=[record.pk]), {"verdict": "agree"}).status_code == 302
        record.refresh_from_db()
        assert (record.status, record.locked_at) == (AssessmentRecord.Status.AWAITING, None)
    client.force_login(world.learner)
    response = client.post(reverse("assessment_sign", args=[record.pk]), {"verdict": "agree"}, follow=True)
    assert "Everyone has signed now" in response.text
    record.refresh_from_db()
    assert record.status == AssessmentRecord.Status.SIGNED
    assert record.locked_at is not None
    assert record.is_locked


def test_signing_twice_is_refused_and_keeps_the_first_signature(client, world):
    record = sent_record(world)
    client.force_login(world.learner)
    client.post(reverse("assessment_sign", args=[record.pk]), {"verdict": "agree"})
    before = state(record)
    response = client.post(reverse("assessment_sign", args=[record.pk]), {"verdict": "disagree", "reason": "Changed"})
    assert response.status_code == 409
    assert "You signed this assessment on" in response.text
    assert state(record) == before


def test_a_withdrawn_record_cannot_be_signed(client, world):
    record = sent_record(world)
    record_withdraw(record=record, by=world.mentor)
    client.force_login(world.learner)
    response = client.post(reverse("assessment_sign", args=[record.pk]), {"verdict": "agree"})
    assert response.status_code == 403
    assert "You are not asked to sign" in response.text
    assert not record.signatures.exists()


def test_a_signature_from_before_a_withdrawal_cannot_be_used(world):
    record = sent_record(world)
    stale = signature_for(record, world.learner)
    record_withdraw(record=record, by=world.mentor)
    record_submit(record=record, by=world.mentor)
    with pytest.raises(SignOffConflict, match="withdrawn"):
        signature_sign(signature=stale, verdict=Signature.Verdict.AGREE)
    assert not record.signatures.filter(signed_at__isnull=False).exists()


@pytest.mark.parametrize(("who", "status"), [("coordinator", 403), ("company_admin", 404), ("outsider", 404)])
def test_someone_not_asked_to_sign_cannot(client, world, who, status):
    record = sent_record(world)
    before = state(record)
    client.force_login(getattr(world, who))
    assert client.get(reverse("assessment_sign", args=[record.pk])).status_code == status
    assert client.post(reverse("assessment_sign", args=[record.pk]), {"verdict": "agree"}).status_code == status
    assert state(record) == before


def test_a_locked_record_refuses_signing_withdrawing_and_sending(client, world):
    record = sent_record(world)
    for user in (world.mentor, world.supervisor, world.learner):
        sign(record, user)
    before = state(record)
    assert before[0] == AssessmentRecord.Status.SIGNED
    client.force_login(world.mentor)
    for name, data in (
        ("assessment_sign", {"verdict": "agree"}),
        ("assessment_withdraw", {}),
        ("assessment_submit", {}),
    ):
        response = client.post(reverse(name, args=[record.pk]), data)
        assert response.status_code == 409, name
        assert "Nothing has been changed" in response.text
    assert "signed and locked" in client.post(reverse("assessment_withdraw", args=[record.pk])).text
    assert state(record) == before
    page = client.get(reverse("assessment_sign", args=[record.pk]))
    assert page.status_code == 200
    assert "You signed this assessment on" in page.text
    assert 'name="verdict"' not in page.text


@pytest.mark.django_db(transaction=True)
def test_the_last_two_signatures_at_the_same_time_still_lock_the_record(world):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time; concurrent signatures need PostgreSQL (CI runs them)")
    record = sent_record(world)
    sign(record, world.mentor)
    rows = [signature_for(record, world.supervisor), signature_for(record, world.learner)]
    barrier = threading.Barrier(len(rows))
    errors = []

    def sign_row(signature):
        try:
            barrier.wait(timeout=10)
            signature_sign(signature=signature, verdict=Signature.Verdict.AGREE)
        except Exception as exc:  # reported below; a thread must not swallow it
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_row, args=(row,)) for row in rows]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    record.refresh_from_db()
    assert record.status == AssessmentRecord.Status.SIGNED
    assert record.locked_at is not None
