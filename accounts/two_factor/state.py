"""What a session still owes after log-in, kept in the session itself (no query per request)."""

PENDING_KEY = "two_factor_pending"
FAILURES_KEY = "two_factor_failures"
SETUP_KEY_KEY = "two_factor_setup_key"
NEW_CODES_KEY = "two_factor_new_codes"
LOGIN_METHOD_KEY = "login_method"  # set to "oidc" by single sign-on (accounts/sso/views.py)

VERIFY = "verify"  # has an authenticator: must enter a code
SETUP = "setup"  # must set one up before using the app


def pending(request) -> str | None:
    return request.session.get(PENDING_KEY)


def set_pending(request, state: str | None) -> None:
    if state:
        request.session[PENDING_KEY] = state
    else:
        request.session.pop(PENDING_KEY, None)
    request.session.pop(FAILURES_KEY, None)


def signed_in_with_sso(request) -> bool:
    """Single sign-on (accounts/sso) marks its sessions: the identity provider did the second factor."""
    return request.session.get(LOGIN_METHOD_KEY) == "oidc"


def count_failure(request) -> int:
    """One more wrong code in this session; the number so far."""
    failures = request.session.get(FAILURES_KEY, 0) + 1
    request.session[FAILURES_KEY] = failures
    return failures
