"""Typed readers for environment variables that refuse bad values at start-up."""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None


def env_duration_ms(name: str, default_ms: int) -> int:
    """A duration in milliseconds: "500ms", "20s", "2min", or a bare whole number of milliseconds
    (as PostgreSQL reads it). "0" switches the limit off. Empty means the default."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default_ms
    value = raw.strip().lower().replace(" ", "")
    for suffix, factor in (("ms", 1), ("min", 60_000), ("s", 1000)):
        if value.endswith(suffix):
            number, scale = value.removesuffix(suffix), factor
            break
    else:
        number, scale = value, 1
    try:
        amount = int(number)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a duration such as 500ms, 20s or 2min (a bare number means milliseconds), not {raw!r}."
        ) from None
    if amount < 0:
        raise ImproperlyConfigured(f"{name} must not be negative, not {raw!r}.")
    return amount * scale


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def site_url() -> str:
    """The address links in e-mails and on certificates point at: SITE_URL when set, otherwise the
    development server on this machine at PORT (8000 unless PORT says otherwise), as scripts/run starts it."""
    explicit = env_str("SITE_URL").strip()
    if explicit:
        return explicit.rstrip("/")
    port = env_int("PORT", 8000)
    if not 0 < port < 65536:
        raise ImproperlyConfigured(f"PORT must be between 1 and 65535, not {port}.")
    return f"http://127.0.0.1:{port}"
