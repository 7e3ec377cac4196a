"""Two-factor set-up for tests: a confirmed authenticator with real TOTP codes, computed like the phone would."""

from binascii import unhexlify

from django_otp.oath import totp

from accounts.two_factor.services import authenticator_confirm, new_secret

PASSWORD = "correct horse battery"  # tests/factories.py UserFactory


def code_for(key: str, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows now (or `steps_ahead` periods of 30 s later), six digits."""
    return f"{totp(unhexlify(key), drift=steps_ahead):06d}"


def turn_on(user):
    """A confirmed authenticator and ten recovery codes; the code of this period has been used to confirm it."""
    key = new_secret()
    device, codes = authenticator_confirm(user=user, key=key, code=code_for(key))
    return device, codes


def next_code(device) -> str:
    """A code the device has not accepted yet: the next period's (a step of tolerance lets it in once)."""
    return code_for(device.key, steps_ahead=1)
