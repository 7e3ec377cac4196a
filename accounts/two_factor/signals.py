"""At each log-in, decide once what the session owes: a code, the set-up of an authenticator, or nothing."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from . import state
from .selectors import has_two_factor, two_factor_required


@receiver(user_logged_in, dispatch_uid="two_factor_on_login")
def decide_what_the_session_owes(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    # Only the session that single sign-on signs in is exempt (accounts/sso marks it right after this log-in):
    # a mark left from before must not excuse a password log-in.
    request.session.pop(state.LOGIN_METHOD_KEY, None)
    if has_two_factor(user):
        owed = state.VERIFY
    elif two_factor_required(user):
        owed = state.SETUP
    else:
        owed = None
    state.set_pending(request, owed)
