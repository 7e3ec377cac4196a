from accounts.models import Role
from accounts.selectors import roles_of

from .menu import MENU, PERSONAL_MENU, STAFF_MENU, menu_items, menu_tree


def roles(request):
    """The signed-in person's roles and the menu items they can use; no query beyond the roles."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    roleset = roles_of(user)
    current = getattr(getattr(request, "resolver_match", None), "url_name", "") or ""
    return {
        "user_roles": roleset,
        "is_mentor": roleset.has(Role.MENTOR),
        "menu": menu_tree(MENU, roleset, current),
        "personal_menu": menu_items(PERSONAL_MENU, roleset, current),
        "staff_menu": menu_items(STAFF_MENU, roleset, current),
    }
