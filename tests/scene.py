"""The `scene`: one of everything a URL of the project can name, around the `world` placement, school and company.

Tests that open every URL (tests/test_dutch_pages.py, tests/test_hostile_input.py) take the `scene` fixture of
tests/conftest.py, a dict from the names their URL tables use to the objects' keys (or tokens). Each of those tests
guards that every URL of the project is covered, so a new URL needs a new name here.
"""

from datetime import timedelta

from django.contrib.auth.tokens import default_token_generator
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.invitations.services import invite
from accounts.invitations.tokens import make_token
from accounts.models import CompanyLocation, IdentityProvider, Role
from api.tokens import token_create
from assessments.agreements.selectors import SIGN_LINK as AGREEMENT_LINK
from assessments.agreements.services import agreement_draw_up, agreement_submit
from assessments.growth.selectors import FEEDBACK_LINK as GROWTH_FEEDBACK_LINK
from assessments.models import Evidence
from assessments.signatures.selectors import SIGN_LINK
from assessments.signatures.services import record_submit
from core.outbox.models import OutboxEntry
from meetings.models import Meeting
from meetings.planning.selectors import agenda_from_coaching_plan
from meetings.selectors import MINUTES_LINK, RESPOND_LINK
from mentoring.models import (
    CoachingSession,
    CriticalSituation,
    DevelopmentActivity,
    HoursEntry,
    Incident,
    Milestone,
    Obstacle,
    PlannedSession,
    SessionAttachment,
)
from placements.induction.services import checklist_from_template
from placements.models import InductionTemplate, InductionTemplateItem, Intake, Section, WorkplaceAnalysis
from privacy.models import PrivacyRequest
from registry.models import BulkIssueJob, CertificateDesign
from tests.assessments.factories_assessments import make_assessment_plan, make_framework_version, make_record
from tests.assessments.growth_helpers import feedback_request, self_assessment
from tests.assessments.growth_helpers import goal as growth_goal
from tests.factories import CompanyFactory, grant, make_placement
from tests.feedback.factories_feedback import scene_feedback
from tests.meetings.factories_meetings import held_meeting, make_action_item, make_goal, make_meeting
from tests.meetings.factories_minutes import write_minutes
from tests.placements.factories_imports import scene_import
from tests.placements.factories_recruitment import add_criteria, make_candidate, make_opening, make_profile
from tests.registry.factories_certificates import imported_certificate
from tests.registry.factories_courses import make_course, running_course, submit
from tests.registry.factories_employers import make_invitation
from tests.registry.factories_register import publish_register


def routes() -> list[tuple[str, str]]:
    """(name, route with the parameters still in it) of every named URL pattern outside the admin site."""

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace != "admin":
                    yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield pattern.name, prefix + str(pattern.pattern)

    return list(walk(get_resolver().url_patterns, ""))


def build_scene(world) -> dict:
    """One of everything the URLs name; the coordinator also teaches at the school."""
    today = timezone.localdate()
    w = world
    grant(w.coordinator, Role.TEACHER, w.school)
    growth_request = feedback_request(w.mentor)
    goal = make_goal(w, "Kneads bread dough by hand")
    action_item = make_action_item(w, "Practise shaping baguettes", due_date=today + timedelta(days=12))
    session = CoachingSession.objects.create(
        placement=w.placement, date=today - timedelta(days=2), duration_minutes=45, coached_by=w.mentor,
        activities="Kneading", created_by=w.mentor,
    )  # fmt: skip
    session.goals.add(goal)
    attachment = SessionAttachment.objects.create(
        session=session,
        file="attachments/notes.txt",
        original_name="notes.txt",
        content_type="text/plain",
        size=5,
        uploaded_by=w.mentor,
    )
    opening = make_opening(w)
    make_profile(w.learner, w.school)
    criterion = add_criteria(opening)[0]
    # The job coach's intake, shared with the company, and the bakery's workplace (placements/intake).
    Intake.objects.create(
        learner=w.learner, school=w.school, support_needs="A fixed start", possibilities=["baking"],
        share_with_employer=True,
    )  # fmt: skip
    WorkplaceAnalysis.objects.create(opening=opening, workplace_tasks="Knead the dough\nServe customers")
    template = InductionTemplate.objects.create(company=w.company, name="Bakery induction", is_default=True)
    template_item = InductionTemplateItem.objects.create(
        template=template, section=Section.HOUSE_RULES, title="Hair net", responsible="Marieke", due_day=1, position=1
    )
    checklist = checklist_from_template(w.placement, template)
    course = running_course(w, past=True)
    version = make_framework_version(school=w.school, code="bakery", title="Bakery", areas=1, competencies=1)
    draft = make_framework_version(framework=version.framework, number=2, published=False, areas=1, competencies=1)
    area = draft.areas.first()
    competency = area.competencies.first()
    plan = make_assessment_plan(w.placement, version=version, created_by=w.mentor)
    certificate = imported_certificate(w)
    certificate_design = CertificateDesign.objects.create(
        school=w.school, version=1, title_nl="Certificaat", title_en="Certificate", body_nl="{holder}",
        body_en="{holder}", signatory_name="Petra Jansen",
    )  # fmt: skip
    publish_register(w.school)
    # The same bakery entered a second time, with a learner of the school: the duplicates and merge pages show it.
    duplicate_company = CompanyFactory(name="Bakkerij de Korenschoof B.V.", city=w.company.city)
    make_placement(school=w.school, company=duplicate_company)
    with translation.override("en"):  # planned by someone who reads English: the agenda stays as written
        english_agenda = agenda_from_coaching_plan(w.placement)
    meeting = make_meeting(w, status=Meeting.Status.CONFIRMED, agenda=english_agenda)
    held = held_meeting(w)
    write_minutes(w, held, send=True, goals=[goal])
    submitted = make_record(w.placement, plan=plan, title="Final assessment", overall_level=version.levels.get(value=2))
    record_submit(record=submitted, by=w.mentor)
    agreement = agreement_draw_up(placement=w.placement, by=w.supervisor)
    agreement_submit(agreement=agreement, by=w.supervisor)
    evidence = Evidence.objects.create(placement=w.placement, title="Baguettes", added_by=w.learner)
    evidence.indicators.set(plan.indicators.all()[:1])
    # A teacher invited to the school who has no account yet: the activation page and the invitations list.
    invitation = invite(
        email="newcomer@example.org", first_name="Noor", last_name="Visser", role=Role.TEACHER,
        school=w.school, invited_by=w.coordinator, send=False,
    )  # fmt: skip
    feedback = scene_feedback(w)
    # An employer's contact's link to an open course (registry/employers).
    employer_invitation, employer_token = make_invitation(
        make_course(w, title="Werkmentortraining voorjaar"), w.company, by=w.supervisor
    )
    privacy_request = PrivacyRequest.objects.create(
        school=w.school, kind=PrivacyRequest.Kind.ACCESS, person=w.learner, received_on=today, recorded_by=w.coordinator
    )
    return {
        **feedback,
        "privacy_request": privacy_request.pk,
        "placement": w.placement.pk,
        "learner": w.learner.pk,
        "programme": w.programme.pk,
        "opening": opening.pk,
        "criterion": criterion.pk,
        "candidate": make_candidate(opening, w.learner, "A").pk,
        "template": template.pk,
        "template_item": template_item.pk,
        "checklist_item": checklist.items.first().pk,
        "plan_version": 1,
        "goal": goal.pk,
        "milestone": Milestone.objects.create(plan=goal.plan, title="Bakes alone", due_date=today).pk,
        "session": session.pk,
        "attachment": attachment.pk,
        "action_item": action_item.pk,
        "hours": HoursEntry.objects.create(
            placement=w.placement, date=today - timedelta(days=1), start_time="08:00", end_time="12:00"
        ).pk,
        "obstacle": Obstacle.objects.create(
            placement=w.placement, side=Obstacle.Side.choices[0][0], description="Early hours", created_by=w.mentor
        ).pk,
        "incident": Incident.objects.create(
            placement=w.placement,
            category=Incident.Category.choices[0][0],
            occurred_on=today,
            description="Slipped",
            reported_by=w.mentor,
        ).pk,  # fmt: skip
        "critical_situation": CriticalSituation.objects.create(
            placement=w.placement, category="gifts", occurred_on=today, description="A gift", recorded_by=w.mentor
        ).pk,
        "planned_session": PlannedSession.objects.create(
            placement=w.placement, slot=1, planned_on=today + timedelta(days=7)
        ).pk,
        "activity": DevelopmentActivity.objects.create(
            mentor=w.mentor, kind=DevelopmentActivity.Kind.choices[0][0], title="Course", date=today, hours=2
        ).pk,
        # The mentor's growth (assessments/growth): a goal, a self-assessment and a feedback request.
        "growth_goal": growth_goal(w.mentor).pk,
        "growth_assessment": self_assessment(w.mentor).pk,
        "growth_request": growth_request.pk,
        "growth_token": GROWTH_FEEDBACK_LINK.make(growth_request),
        "course": course.course.pk,
        "course_session": course.sessions[0].pk,
        "assignment": course.assignments[0].pk,
        "submission": submit(course.assignments[0], course.enrolment).pk,
        "enrolment": course.enrolment.pk,
        "employer_invitation": employer_invitation.pk,
        "employer_token": employer_token,
        "job": BulkIssueJob.objects.create(course=course.course, requested_by=w.supervisor, status="done").public_id,
        "certificate": certificate.pk,
        "certificate_number": certificate.number,
        "certificate_design": certificate_design.public_id,
        "register_key": str(w.school.pk),
        "company": w.company.pk,
        "duplicate_company": duplicate_company.pk,
        "meeting": meeting.pk,
        "respond_token": RESPOND_LINK.make(meeting.participants.get(user=w.learner)),
        "minutes_token": MINUTES_LINK.make(held.participants.get(user=w.learner)),
        "framework": version.framework.pk,
        "draft": draft.pk,
        "area": area.pk,
        "competency": competency.pk,
        "indicator": competency.indicators.first().pk,
        "level": draft.levels.first().pk,
        "item_kind": "area",
        "history_kind": "placement",
        "outbox_entry": OutboxEntry.objects.create(task_name="core.outbox.deliver_entry", status="failed").pk,
        "moment": plan.moments.first().pk,
        "evidence": evidence.pk,
        "record": make_record(w.placement, plan=plan).pk,
        "sign_token": SIGN_LINK.make(submitted.signatures.get(user=w.learner)),
        "agreement": agreement.pk,
        "agreement_token": AGREEMENT_LINK.make(agreement.signatures.get(user=w.learner)),
        "uidb64": urlsafe_base64_encode(force_bytes(w.learner.pk)),
        "reset_token": default_token_generator.make_token(w.learner),
        "org_kind": "school",
        "school": w.school.pk,
        "api_token": token_create(school=w.school, by=w.coordinator, name="Student records", scope="read")[0].pk,
        "student_number": "00123",
        "kvk_number": "12345678",
        "supervisor": w.supervisor.pk,
        "invitation": invitation.pk,
        "invitation_token": make_token(invitation.link_version),
        "sis_import": scene_import(w),
        "location": CompanyLocation.objects.create(company=w.company, name="Bakery", city="Leiden").pk,
        # Explicit endpoints: opening its start page needs no discovery document from the (made-up) provider.
        "sso_provider": IdentityProvider.objects.create(
            school=w.school,
            name="Rijnland ID",
            issuer="https://id.rijnland.example",
            client_id="werkmentor",
            authorization_endpoint="https://id.rijnland.example/auth",
            token_endpoint="https://id.rijnland.example/token",
            jwks_uri="https://id.rijnland.example/jwks",
        ).pk,  # fmt: skip
    }
