from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Role
from .selectors import roles_of

# (url name, label, url-name prefix(es) that mark the item active, who sees it)
MENU = [
    ("dashboard", _("Dashboard"), "dashboard", lambda roles: True),
    ("placement_list", _("Placements"), "placement", lambda roles: True),
    (
        "opening_list",
        _("Openings"),
        ("opening", "candidate", "learner_profile", "my_applications", "selection"),
        lambda roles: roles.is_staff or bool(roles.roles),
    ),
    (
        "course_list",
        _("Mentor courses"),
        "course",
        lambda roles: (
            roles.is_staff
            or any(roles.has(r) for r in (Role.TEACHER, Role.COORDINATOR, Role.MENTOR, Role.COMPANY_ADMIN))
        ),
    ),
    (
        "framework_list",
        _("Frameworks"),
        "framework",
        lambda roles: roles.is_staff or bool(roles.school_staff_school_ids) or roles.has(Role.MENTOR),
    ),
    (
        "induction_templates",
        _("Induction"),
        "induction_template",
        lambda roles: roles.is_staff or roles.has(Role.COMPANY_ADMIN),
    ),
    (
        "register",
        _("Register"),
        ("register", "company_register", "registry_settings"),
        lambda roles: roles.is_staff or bool(roles.school_staff_school_ids),
    ),
    ("admin:index", _("Administration"), "admin", lambda roles: roles.is_staff),
]

# Pages about the person themself, listed under their name.
PERSONAL_MENU = [
    ("my_account", _("My account"), "my_account", lambda roles: True),
    ("my_certificates", _("My certificates"), "my_certificates", lambda roles: roles.has(Role.MENTOR)),
    ("development_list", _("My development"), "development", lambda roles: roles.has(Role.MENTOR)),
    ("candidate_profile", _("My candidate profile"), "candidate_profile", lambda roles: roles.has(Role.LEARNER)),
    ("my_applications", _("My applications"), "my_applications", lambda roles: roles.has(Role.LEARNER)),
    ("assessment_waiting", _("Signatures"), "assessment_waiting", lambda roles: bool(roles.roles)),
]


def _items(entries, roleset, current):
    return [
        {"url": reverse(name), "label": label, "active": current.startswith(prefix), "current": current == name}
        for name, label, prefix, visible in entries
        if visible(roleset)
    ]


def roles(request):
    """The signed-in person's roles and the menu items they can use; no query beyond the roles."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    roleset = roles_of(user)
    current = getattr(getattr(request, "resolver_match", None), "url_name", "") or ""
    menu, personal_menu = _items(MENU, roleset, current), _items(PERSONAL_MENU, roleset, current)
    return {"user_roles": roleset, "is_mentor": roleset.has(Role.MENTOR), "menu": menu, "personal_menu": personal_menu}
