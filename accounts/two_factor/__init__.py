"""Two-factor authentication: an authenticator app (TOTP) and single-use recovery codes, with django-otp.

After a password log-in, someone with a confirmed authenticator must enter a code before anything else; staff
(settings.TWO_FACTOR_REQUIRED_FOR_STAFF) and the coordinators of a school that requires it
(School.require_two_factor_for_staff) must set one up first. What a session still owes is decided once, at log-in
(`signals.py`), and kept in the session (`state.py`), so the pages cost no query for it; `middleware.py` sends the
session to the page that settles it. Sessions signed in through single sign-on are exempt: the school's identity
provider asked for the second factor.
"""
