"""No English Django or third-party default on a Dutch page: every role of the `world` cast, every form and filter.

Django and its add-ons bring strings of their own: a select's empty choice ("- Select an option -" since Django
6.1, "---------" in django-filter), validation messages, dates in the English format ("Dec. 5, 2026"). Each page
below is read in Dutch by each role that may open it; none of those strings may show.
"""

import re
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from tests.meetings.factories_meetings import make_action_item
from tests.scene import routes

ROLES = ["learner", "mentor", "supervisor", "coordinator", "company_admin", "staff"]

# What Django, django-filter and crispy forms print when a string of theirs is not translated.
ENGLISH_DEFAULTS = [
    "- Select an option -",
    "---------",
    "This field is required",
    "Select a valid choice",
    "Enter a valid",
    "Ensure this value",
    "Currently:",
    "Any date",
    "(descending)",
    "Up to 5 files",
    "One file of at most",
]
# Django's US English formats: "Dec. 5, 2026", "March 5", "10 a.m.". Only month names that differ in Dutch.
ENGLISH_DATE = re.compile(
    r"\b(Jan|Feb|Aug|Sept|Oct|Nov|Dec)\. \d"
    r"|\b(January|February|March|June|July|August|October) \d"
    r"|\d (January|February|March|June|July|August|October)\b"
    r"|\d (a\.m\.|p\.m\.)"
)

# Named pages and the objects of the `scene` (tests/scene.py) they open.
# Every non-admin URL of the project is here or in NOT_PAGES.
PAGES = {
    "dashboard": {},
    "my_account": {},
    "sso_settings": {},
    "sso_provider_add": {"school_pk": "school"},
    "sso_provider_edit": {"pk": "sso_provider"},
    "people": {},
    "people_list": {"kind": "org_kind", "pk": "school"},
    "people_add": {"kind": "org_kind", "pk": "school"},
    "people_invitations": {"kind": "org_kind", "pk": "school"},
    "people_person": {"kind": "org_kind", "pk": "school", "user_pk": "supervisor"},
    "people_companies": {},
    "people_company_edit": {"pk": "company"},
    "people_company_new": {},
    "people_schools": {},
    "people_school_new": {},
    "people_school_edit": {"pk": "school"},
    "invitation_accept": {"token": "invitation_token"},
    "people_location_new": {"pk": "company"},
    "people_location_edit": {"pk": "company", "location_pk": "location"},
    "two_factor": {},
    "two_factor_setup": {},
    "school_security": {},
    "password_change": {},
    "notification_list": {},
    "outbox": {},
    "placement_list": {},
    "placement_new": {},
    "placement_mentor_options": {},
    "placement_detail": {"pk": "placement"},
    "history": {"kind": "history_kind", "pk": "placement"},
    "placement_edit": {"pk": "placement"},
    "placement_status": {"pk": "placement"},
    "placement_archive": {"pk": "placement"},
    "placement_restore": {"pk": "placement"},
    "learner_list": {},
    "learner_new": {},
    "learner_edit": {"user_pk": "learner"},
    "programme_list": {},
    "programme_new": {},
    "programme_edit": {"pk": "programme"},
    "learner_left": {"user_pk": "learner"},
    "sis_import_upload": {},
    "sis_import_detail": {"public_id": "sis_import"},
    "sis_import_map": {"public_id": "sis_import"},
    "sis_import_progress": {"public_id": "sis_import"},
    "opening_list": {},
    "opening_new": {},
    "opening_detail": {"pk": "opening"},
    "opening_edit": {"pk": "opening"},
    "opening_status": {"pk": "opening"},
    "opening_apply": {"pk": "opening"},
    "opening_propose": {"pk": "opening"},
    "opening_matches": {"pk": "opening"},
    "my_applications": {},
    "candidate_profile": {},
    "candidate_profile_edit": {},
    "candidate_matches": {},
    "learner_profile": {"user_pk": "learner"},
    "learner_profile_edit": {"user_pk": "learner"},
    "learner_intake": {"user_pk": "learner"},
    "opening_workplace": {"pk": "opening"},
    "candidate_preparation": {"pk": "candidate"},
    "selection_criteria": {"pk": "opening"},
    "selection_interviewers": {"pk": "opening"},
    "selection_comparison": {"pk": "opening"},
    "selection_criterion_edit": {"pk": "criterion"},
    "selection_candidate": {"pk": "candidate"},
    "selection_score": {"pk": "candidate"},
    "selection_decide": {"pk": "candidate"},
    "induction_templates": {},
    "induction_template_new": {},
    "induction_template_detail": {"pk": "template"},
    "induction_template_edit": {"pk": "template"},
    "induction_template_item_new": {"pk": "template"},
    "induction_template_item_edit": {"pk": "template", "item_pk": "template_item"},
    "induction_checklist": {"pk": "placement"},
    "induction_item_new": {"pk": "placement"},
    "induction_item_edit": {"pk": "placement", "item_pk": "checklist_item"},
    "mentoring_plan": {"pk": "placement"},
    "mentoring_plan_edit": {"pk": "placement"},
    "mentoring_goal_new": {"pk": "placement"},
    "mentoring_goals_from_intake": {"pk": "placement"},
    "mentoring_goal_edit": {"pk": "placement", "goal_pk": "goal"},
    "mentoring_goal_track": {"pk": "placement", "goal_pk": "goal"},
    "mentoring_milestone_new": {"pk": "placement"},
    "mentoring_milestone_update": {"pk": "placement", "milestone_pk": "milestone"},
    "mentoring_agreement": {"pk": "placement"},
    "mentoring_agreement_edit": {"pk": "placement"},
    "mentoring_sessions": {"pk": "placement"},
    "mentoring_session_new": {"pk": "placement"},
    "mentoring_session_reflect": {"pk": "placement", "session_pk": "session"},
    "mentoring_hours": {"pk": "placement"},
    "mentoring_hours_edit": {"pk": "placement", "entry_pk": "hours"},
    "mentoring_obstacles": {"pk": "placement"},
    "mentoring_obstacle_new": {"pk": "placement"},
    "mentoring_obstacle_edit": {"pk": "placement", "obstacle_pk": "obstacle"},
    "mentoring_incidents": {"pk": "placement"},
    "mentoring_incident_new": {"pk": "placement"},
    "mentoring_incident_detail": {"pk": "placement", "incident_pk": "incident"},
    "mentoring_progress": {"pk": "placement"},
    "development_list": {},
    "development_edit": {"pk": "activity"},
    "growth_plan": {},
    "growth_goal_edit": {"pk": "growth_goal"},
    "growth_self_assessments": {},
    "growth_self_assessment_new": {},
    "growth_compare": {},
    "growth_feedback": {},
    "course_list": {},
    "course_new": {},
    "course_detail": {"pk": "course"},
    "course_edit": {"pk": "course"},
    "course_session_new": {"pk": "course"},
    "course_session_edit": {"pk": "course", "session_pk": "course_session"},
    "course_attendance": {"pk": "course", "session_pk": "course_session"},
    "course_assignment_new": {"pk": "course"},
    "course_submission": {"pk": "course", "assignment_pk": "assignment"},
    "course_assignment_submissions": {"pk": "course", "assignment_pk": "assignment"},
    "course_submission_review": {"pk": "course", "submission_pk": "submission"},
    "course_enrol": {"pk": "course"},
    "course_evaluation": {"pk": "course"},
    "course_evaluation_summary": {"pk": "course"},
    "course_catalogue": {"key": "register_key"},
    "course_employer_enrol": {"token": "employer_token"},
    "course_employees": {},
    "course_employer_invitations": {"pk": "course"},
    "course_nominations": {"pk": "course"},
    "course_certificates": {"pk": "course"},
    "course_assessments": {"course_pk": "course"},
    "course_assessment_new": {"enrolment_pk": "enrolment"},
    "my_certificates": {},
    "my_eligibility": {},
    "certificate_detail": {"pk": "certificate"},
    "certificate_revoke": {"pk": "certificate"},
    "certificate_renew": {"pk": "certificate"},
    "certificate_erase": {"pk": "certificate"},
    "registry_settings": {},
    "certificate_designs": {},
    "certificate_design_new": {},
    "certificate_design": {"public_id": "certificate_design"},
    "certificate_lookup": {},
    "certificate_verify": {"code": "certificate_number"},
    "register": {},
    "company_register": {},
    "company_duplicates": {},
    "company_register_detail": {"pk": "company"},
    "company_accreditation": {"pk": "company"},
    "company_merge": {"pk": "company", "other_pk": "duplicate_company"},
    "register_import": {},
    "public_register": {"key": "register_key"},
    "meeting_list": {"pk": "placement"},
    "meeting_new": {"pk": "placement"},
    "meeting_detail": {"pk": "meeting"},
    "meeting_respond": {"pk": "meeting"},
    "meeting_reschedule": {"pk": "meeting"},
    "meeting_cancel": {"pk": "meeting"},
    "minutes_detail": {"pk": "meeting"},
    "minutes_edit": {"pk": "meeting"},
    "minutes_waiting": {},
    "framework_list": {},
    "framework_new": {},
    "framework_detail": {"pk": "framework"},
    "framework_edit": {"pk": "framework"},
    "framework_version_new": {"pk": "framework"},
    "framework_level_new": {"version_pk": "draft"},
    "framework_area_new": {"version_pk": "draft"},
    "framework_competency_new": {"version_pk": "draft", "parent_pk": "area"},
    "framework_indicator_new": {"version_pk": "draft", "parent_pk": "competency"},
    "framework_area_edit": {"version_pk": "draft", "item_pk": "area"},
    "framework_competency_edit": {"version_pk": "draft", "item_pk": "competency"},
    "framework_indicator_edit": {"version_pk": "draft", "item_pk": "indicator"},
    "framework_level_edit": {"version_pk": "draft", "item_pk": "level"},
    "assessment_plan": {"pk": "placement"},
    "assessment_plan_edit": {"pk": "placement"},
    "assessment_moment_new": {"pk": "placement"},
    "assessment_moment_edit": {"pk": "placement", "moment_pk": "moment"},
    "evidence_list": {"pk": "placement"},
    "evidence_new": {"pk": "placement"},
    "assessment_list": {"pk": "placement"},
    "assessment_new": {"pk": "placement"},
    "assessment_detail": {"pk": "record"},
    "assessment_edit": {"pk": "record"},
    "assessment_development": {"pk": "placement"},
    "assessment_waiting": {},
}
# Not pages with text to read in Dutch: actions (POST only), files, exports, signed links and Django's own.
NOT_PAGES = {
    "login", "logout", "favicon", "meeting_ics", "password_reset", "password_reset_done", "password_reset_confirm",
    "password_reset_complete", "password_change_done", "set_language", "healthz",
    "two_factor_verify", "two_factor_codes", "two_factor_regenerate", "two_factor_disable",
    "application_withdraw", "selection_anonymised", "selection_criterion_delete", "selection_criterion_move",
    "induction_template_delete", "induction_template_default", "induction_template_item_delete",
    "induction_checklist_create", "induction_pdf", "induction_item_delete", "induction_item_toggle",
    "induction_item_confirm", "mentoring_plan_submit", "mentoring_plan_decide", "mentoring_plan_version",
    "mentoring_goal_delete", "mentoring_agreement_accept", "mentoring_attachment", "mentoring_action_toggle",
    "mentoring_hours_delete", "mentoring_hours_decide", "mentoring_hours_approve_all",
    "mentoring_incident_escalate", "mentoring_incident_close", "development_export", "development_delete",
    "course_submission_file", "course_enrolment_confirm", "course_enrolment_withdraw", "course_complete",
    "certificate_issue", "certificate_bulk_issue", "certificate_bulk_job", "certificate_bulk_job_progress",
    "certificate_bulk_retry", "certificate_pdf", "registry_settings_preview", "register_export",
    "company_register_export", "register_import_confirm", "meeting_respond_signed",
    "minutes_confirm", "minutes_withdraw", "minutes_pdf", "minutes_confirm_signed", "notification_read_all",
    "notification_badge", "framework_clone", "framework_publish", "framework_retire", "framework_version_delete",
    "framework_item_delete", "framework_item_move", "assessment_moment_delete", "evidence_file",
    "evidence_delete", "assessment_amend", "assessment_delete", "assessment_submit", "assessment_withdraw",
    "assessment_sign", "assessment_sign_link", "assessment_pdf", "outbox_send_again",
    "sis_import_apply", "sis_import_result", "learner_invite",
    "sso_start", "sso_callback", "sso_password_login",
    "people_deactivate", "people_reactivate", "people_invitation_resend", "people_invitation_revoke",
    "people_location_remove", "company_not_duplicate", "company_not_duplicate_undo",
    "people_two_factor_reset",
    "badge_jwks_all", "badge_issuer", "badge_jwks", "badge_key", "badge_status_list", "certificate_badge_json",
    "certificate_badge_jwt", "certificate_badge_png", "calendar_feed", "calendar_feed_manage",
}  # fmt: skip

# Certificate designs (registry/certificates/views/designs.py): the previews are PDFs, the rest are actions.
NOT_PAGES |= {
    "certificate_design_preview", "certificate_design_preview_form", "certificate_design_use",
    "certificate_design_copy",
}  # fmt: skip

# Feedback and close-out (feedback/).
PAGES |= {
    "feedback_questionnaires": {},
    "feedback_questionnaire": {"pk": "survey_questionnaire"},
    "feedback_question_new": {"version_pk": "survey_draft"},
    "feedback_question_edit": {"version_pk": "survey_draft", "item_pk": "survey_question"},
    "my_surveys": {},
    "survey_answer": {"pk": "survey_invitation"},
    "feedback_rules": {},
    "feedback_rule_edit": {"pk": "survey_rule"},
    "feedback_settings": {},
    "feedback_results": {},
    "feedback_result": {"by": "result_by", "key": "result_key"},
    "placement_closeout": {"pk": "placement"},
    "employer_review": {"pk": "placement"},
    "reference_letter": {"pk": "placement"},
}
NOT_PAGES |= {
    "feedback_questionnaire_copy", "feedback_version_new", "feedback_version_publish", "feedback_question_delete",
    "survey_answer_signed", "feedback_result_export", "placement_close", "reference_letter_send",
    "reference_letter_pdf",
}  # fmt: skip

# Placement health (oversight/).
PAGES |= {"oversight_placements": {}, "oversight_charts": {}, "oversight_settings": {}}
NOT_PAGES |= {"oversight_export"}
NOT_PAGES |= {"course_employer_invitation_revoke", "course_nominate"}  # POST only: a button, then a redirect
# The school supervisor's caseload (oversight/caseload/).
PAGES |= {"oversight_caseload": {}, "oversight_company": {}}
# Privacy (privacy/): the statement, the requests' log and retention; the export and the actions are no pages.
PAGES |= {"privacy_statement": {}, "privacy_requests": {}, "privacy_request": {"pk": "privacy_request"}}
PAGES |= {"privacy_retention": {}}
NOT_PAGES |= {"privacy_my_data", "privacy_request_fulfil", "privacy_request_refuse"}
# The placement agreement (assessments/agreements/): its pages; the actions, the PDF and the signed link are none.
PAGES |= {
    "placement_agreement": {"pk": "placement"},
    "agreement_detail": {"pk": "agreement"},
    "agreement_settings": {},
}
NOT_PAGES |= {
    "agreement_create", "agreement_guardian", "agreement_submit", "agreement_withdraw", "agreement_sign",
    "agreement_pdf", "agreement_sign_link",
}  # fmt: skip

# The coach's critical situations, the coaching schedule and the line-manager flag (issue 20).
PAGES |= {
    "mentoring_critical": {"pk": "placement"},
    "mentoring_critical_new": {"pk": "placement"},
    "mentoring_critical_detail": {"pk": "placement", "situation_pk": "critical_situation"},
    "mentoring_schedule": {"pk": "placement"},
    "mentoring_planned_prepare": {"pk": "placement", "planned_pk": "planned_session"},
    "mentoring_missed_sessions": {},
    "placement_line_manager": {"pk": "placement"},
}
NOT_PAGES |= {"mentoring_critical_support"}  # POST only: a button, then a redirect
# The mentor's growth (assessments/growth/): the feedback form behind its signed link is a page too.
PAGES |= {"growth_feedback_answer": {"token": "growth_token"}}
NOT_PAGES |= {"growth_goal_new", "growth_goal_delete", "growth_feedback_withdraw", "development_proof"}  # POST / file

# The REST API (api/): the school's API tokens page. The API answers JSON, its documentation is Swagger UI's page.
PAGES |= {"api_tokens": {"school_id": "school"}}
NOT_PAGES |= {
    "api_token_revoke", "api_schema", "api_docs", "api_verify", "api_register", "api_placements", "api_placement",
    "api_schools", "api_people", "api_learners", "api_learner", "api_companies", "api_company",
}  # fmt: skip


def url_names() -> set[str]:
    return {name for name, _route in routes()}


def test_every_page_of_the_project_is_read_in_dutch_or_knowingly_left_out():
    assert url_names() - PAGES.keys() - NOT_PAGES == set(), "Add new pages to PAGES (or NOT_PAGES) above"
    assert PAGES.keys() & NOT_PAGES == set()
    assert PAGES.keys() - url_names() == set()


def dutch(client, user):
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    return client


def visible_text(html: str) -> str:
    """The page without scripts (their code is not read by anyone)."""
    return re.sub(r"<script\b.*?</script>", "", html, flags=re.S)


@pytest.mark.parametrize("role", ROLES)
def test_no_english_django_default_on_a_dutch_page(client, world, scene, role):
    dutch(client, getattr(world, role))
    read, with_form, leaks = [], [], []
    for name, kwargs in PAGES.items():
        url = reverse(name, kwargs={key: scene[value] for key, value in kwargs.items()})
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        text = visible_text(response.content.decode())
        assert 'lang="nl"' in text or "<html" not in text, url  # a page, or a fragment of one
        read.append(name)
        if "<select" in text or ("<form" in text and 'method="post"' in text):
            with_form.append(name)
        leaks += [(url, s) for s in ENGLISH_DEFAULTS if s in text]
        leaks += [(url, m.group(0)) for m in ENGLISH_DATE.finditer(text)]
    assert leaks == []
    # Every role reads a fair share of the site in Dutch, many of the pages with a form or a filter.
    assert len(read) >= 30, read
    assert len(with_form) >= 15, with_form


def test_an_empty_form_is_refused_in_dutch(client, world):
    dutch(client, world.mentor)
    response = client.post(reverse("mentoring_incident_new", kwargs={"pk": world.placement.pk}), {"description": ""})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Dit veld is verplicht." in text
    assert "This field is required" not in text
    assert "- Kies een optie -" in text  # the category's empty choice


def test_invalid_values_are_refused_in_dutch(client, world):
    dutch(client, world.mentor)
    response = client.post(
        reverse("mentoring_incident_new", kwargs={"pk": world.placement.pk}),
        {"category": "burglary", "occurred_on": "Dec. 5, 2026", "description": "Slipped on flour"},
    )
    text = response.content.decode()
    assert "Selecteer een geldige keuze. burglary is geen beschikbare keuze." in text
    assert "Voer een geldige datum in." in text
    dutch(client, world.learner)
    response = client.post(
        reverse("mentoring_hours", kwargs={"pk": world.placement.pk}),
        {"date": timezone.localdate().isoformat(), "start_time": "half nine", "end_time": "", "break_minutes": "0"},
    )
    text = response.content.decode()
    assert "Voer een geldige tijd in." in text
    assert "Dit veld is verplicht." in text
    assert not any(english in text for english in ENGLISH_DEFAULTS)


def test_filters_offer_everything_in_dutch(client, world):
    dutch(client, world.coordinator)
    response = client.get(reverse("placement_list"), {"q": ""})
    form = response.context["filter"].form
    with translation.override("nl"):
        assert str(dict(form.fields["status"].choices)[""]) == "Alle"
        assert str(dict(form.fields["ordering"].choices)[""]) == "Standaardvolgorde"
        assert str(dict(form.fields["ordering"].choices)["-start_date"]) == "Startdatum (aflopend)"
    assert '<option value="" selected>Alle</option>' in response.content.decode()


@pytest.mark.parametrize(
    "language, due, not_shown",
    [("nl", "17 december 2026", "Dec. 17"), ("en", "17 December 2026", "Dec. 17")],
)
def test_the_agenda_writes_dates_in_the_planners_language(client, world, language, due, not_shown, settings):
    make_action_item(world, "Practise shaping baguettes", due_date=date(2026, 12, 17))
    client.force_login(world.supervisor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(reverse("meeting_new", kwargs={"pk": world.placement.pk}))
    agenda = response.context["form"].initial["agenda"]
    assert f"Practise shaping baguettes ({world.learner.get_full_name()}, " in agenda
    assert due in agenda
    assert not_shown not in agenda


def test_a_success_message_dates_the_hours_in_the_readers_language(client, world):
    dutch(client, world.learner)
    day = timezone.localdate() - timedelta(days=1)
    response = client.post(
        reverse("mentoring_hours", kwargs={"pk": world.placement.pk}),
        {"date": day.isoformat(), "start_time": "13:00", "end_time": "16:00", "break_minutes": "0"},
        follow=True,
    )
    with translation.override("nl"):
        expected = f"Je uren van {date_format(day)} zijn geregistreerd"
    assert expected in response.content.decode()
    assert not ENGLISH_DATE.search(response.content.decode())
