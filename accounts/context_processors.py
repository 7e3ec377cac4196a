from .selectors import roles_of


def roles(request):
    """The signed-in person's roles, so menus show only what that person can use."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    roleset = roles_of(user)
    return {"user_roles": roleset, "is_mentor": roleset.has("mentor")}
