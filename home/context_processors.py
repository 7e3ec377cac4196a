from accounts.models import Role
from accounts.selectors import roles_of


def roles(request):
    """The signed-in person's roles; no query beyond the roles. The menus are rendered by `{% site_menu %}`
    (home/templatetags/site_menu.py), which keeps their HTML per roles, page and language."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    roleset = roles_of(user)
    return {"user_roles": roleset, "is_mentor": roleset.has(Role.MENTOR)}
