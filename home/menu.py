"""The top menu, the personal menu and the staff menu: which pages each role is offered, and which is active."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Role

# (url name, label, url-name prefix(es) that mark the item active, who sees it)
DASHBOARD = ("dashboard", _("Dashboard"), "dashboard", lambda roles: True)
PLACEMENTS = ("placement_list", _("Placements"), "placement", lambda roles: True)
OPENINGS = (
    "opening_list",
    _("Openings"),
    ("opening", "candidate", "learner_profile", "my_applications", "selection"),
    lambda roles: roles.is_staff or bool(roles.roles),
)
INDUCTION = (
    "induction_templates",
    _("Induction"),
    "induction_template",
    lambda roles: roles.is_staff or roles.has(Role.COMPANY_ADMIN),
)
COURSES = (
    "course_list",
    _("Mentor courses"),
    "course",
    lambda roles: (
        roles.is_staff or any(roles.has(r) for r in (Role.TEACHER, Role.COORDINATOR, Role.MENTOR, Role.COMPANY_ADMIN))
    ),
)
FRAMEWORKS = (
    "framework_list",
    _("Frameworks"),
    "framework",
    lambda roles: roles.is_staff or bool(roles.school_staff_school_ids) or roles.has(Role.MENTOR),
)
REGISTER = (
    "register",
    _("Register"),
    ("register", "company_register", "registry_settings", "certificate_design"),
    lambda roles: roles.is_staff or bool(roles.school_staff_school_ids),
)
PEOPLE = (
    "people",
    _("People"),
    "people",
    lambda roles: roles.is_staff or roles.has(Role.COORDINATOR) or roles.has(Role.COMPANY_ADMIN),
)
LEARNERS = (
    "learner_list",
    _("Learners"),
    ("learner_list", "learner_new", "learner_edit", "learner_left", "sis_import"),
    lambda roles: roles.is_staff or bool(roles.school_staff_school_ids),
)
PLACEMENT_HEALTH = (
    "oversight_placements",
    _("Placement health"),
    "oversight",
    lambda roles: roles.is_staff or roles.has(Role.COORDINATOR),
)
SURVEY_RESULTS = (
    "feedback_results",
    _("Survey results"),
    "feedback_result",
    lambda roles: (
        roles.is_staff or bool(roles.school_staff_school_ids) or roles.has(Role.COMPANY_ADMIN) or roles.has(Role.MENTOR)
    ),
)
QUESTIONNAIRES = (
    "feedback_questionnaires",
    _("Questionnaires"),
    ("feedback_questionnaire", "feedback_version", "feedback_question", "feedback_rule", "feedback_settings"),
    lambda roles: roles.is_staff or bool(roles.school_staff_school_ids),
)
PRIVACY_REQUESTS = (
    "privacy_requests",
    _("Privacy requests"),
    ("privacy_request", "privacy_retention"),
    lambda roles: roles.has(Role.COORDINATOR),
)
ADMINISTRATION = ("admin:index", _("Administration"), "admin", lambda roles: roles.is_staff)
OUTBOX = ("outbox", _("Outbox"), "outbox", lambda roles: roles.is_staff)

# The top menu: a link, or a group (label, links) shown as a dropdown. A group with one visible link is
# shown as that link, so nobody opens a dropdown for a single choice. Grouping keeps the bar to at most
# four short top-level items for every combination of roles, so that with notifications, the user menu
# and log out it fits on one line at 1024 px, in Dutch too (tests/browser/test_menu_layout.py).
MENU = [
    DASHBOARD,
    (
        _("Placements"),
        [PLACEMENTS, PLACEMENT_HEALTH, OPENINGS, INDUCTION, PEOPLE, LEARNERS, SURVEY_RESULTS, QUESTIONNAIRES]
        + [PRIVACY_REQUESTS],
    ),
    (_("Training"), [COURSES, FRAMEWORKS]),
    REGISTER,
]

# Pages about the person themself, listed under their name.
PERSONAL_MENU = [
    ("my_account", _("My account"), "my_account", lambda roles: True),
    ("my_certificates", _("My certificates"), "my_certificates", lambda roles: roles.has(Role.MENTOR)),
    ("development_list", _("My development"), "development", lambda roles: roles.has(Role.MENTOR)),
    ("growth_plan", _("My development plan"), "growth", lambda roles: roles.has(Role.MENTOR)),
    ("candidate_profile", _("My candidate profile"), "candidate_profile", lambda roles: roles.has(Role.LEARNER)),
    ("my_applications", _("My applications"), "my_applications", lambda roles: roles.has(Role.LEARNER)),
    ("my_surveys", _("My surveys"), ("my_surveys", "survey_answer"), lambda roles: bool(roles.roles)),
    ("assessment_waiting", _("Signatures"), "assessment_waiting", lambda roles: bool(roles.roles)),
]

# Tools for the application's own staff, at the end of the user menu below a divider.
STAFF_MENU = [ADMINISTRATION, OUTBOX]


def menu_items(entries, roleset, current):
    return [
        {"url": reverse(name), "label": label, "active": current.startswith(prefix), "current": current == name}
        for name, label, prefix, visible in entries
        if visible(roleset)
    ]


def menu_tree(entries, roleset, current):
    """Top-level items; a group's item has "children" (its visible links) and is active when one of them is."""
    menu = []
    for entry in entries:
        if len(entry) == 2:
            label, links = entry
            children = menu_items(links, roleset, current)
            if len(children) > 1:
                active = any(child["active"] for child in children)
                menu.append({"label": label, "children": children, "active": active, "current": False})
            else:
                menu.extend(children)
        else:
            menu.extend(menu_items([entry], roleset, current))
    return menu
