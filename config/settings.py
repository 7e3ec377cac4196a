"""Werkmentor settings. Everything that differs between machines comes from the environment."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_duration_ms, env_int, env_list, env_str, site_url
from .media_storage import media_storage

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-debug-mode-" + "x" * 20  # noqa: S105

# Fernet keys for secrets kept in the database (core/encryption.py: SSO client secrets); the first encrypts.
# Empty: a key derived from SECRET_KEY (and SECRET_KEY_FALLBACKS, so a rotated SECRET_KEY still decrypts).
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS", [])

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# Links in e-mails and the certificate's QR code; without SITE_URL, the development server at PORT.
SITE_URL = site_url()

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "axes",
    "simple_history",
    # Two-factor authentication (accounts/two_factor): authenticator apps (TOTP) and single-use recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "core",
    "accounts",
    "notifications",
    "placements",
    "mentoring",
    "assessments",
    "registry",
    "meetings",
    "feedback",
    "oversight",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "api",
    "privacy",
    "home",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session confirmed the log-in with a second factor.
    "django_otp.middleware.OTPMiddleware",
    # Audit history (django-simple-history) records request.user as the one who made each change.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "accounts.middleware.UserLanguageMiddleware",
    # After a password log-in: a code first (or setting up two-factor authentication, where it is required).
    "accounts.two_factor.middleware.TwoFactorMiddleware",
    # A statement or lock timeout (config: DB_STATEMENT_TIMEOUT, DB_LOCK_TIMEOUT) becomes a "busy, try again" 503.
    "core.middleware.DatabaseBusyMiddleware",
    # Last, so that lock-outs are recorded after authentication has run.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            # Django's own choice (templates cached once parsed, reloaded on change while DEBUG is on), with crispy's
            # field template written in Python in front of it (core/crispy_field.py).
            "loaders": [
                "core.crispy_field.Loader",
                (
                    "django.template.loaders.cached.Loader",
                    ["django.template.loaders.filesystem.Loader", "django.template.loaders.app_directories.Loader"],
                ),
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.roles",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from None
# A stuck query or a row lock held elsewhere ends in a "busy, try again" 503 (core.middleware.DatabaseBusyMiddleware)
# instead of gunicorn killing the worker: both limits stay below gunicorn's --timeout (30 s, Dockerfile and compose).
# Celery workers get their own, longer limits (config/celery.py); 0 switches a limit off.
DB_STATEMENT_TIMEOUT = env_duration_ms("DB_STATEMENT_TIMEOUT", 20_000)
DB_LOCK_TIMEOUT = env_duration_ms("DB_LOCK_TIMEOUT", 10_000)
DB_WORKER_STATEMENT_TIMEOUT = env_duration_ms("DB_WORKER_STATEMENT_TIMEOUT", 300_000)
DB_WORKER_LOCK_TIMEOUT = env_duration_ms("DB_WORKER_LOCK_TIMEOUT", 60_000)


def postgres_timeout_options(statement_ms: int, lock_ms: int) -> str:
    """libpq "options" that set both limits on every new connection (read when the connection opens), and JIT off.

    JIT compiles a statement whose estimated cost passes jit_above_cost: the register's page statement
    (registry/register/page_query.py) has such a cost from its branch that is never run, so compiling took
    8-10 ms of a statement that runs in 1-2 ms. Nothing here runs long enough for JIT to pay off.

    A prepared statement keeps one generic plan: only core/prepared.py prepares statements (Django binds its values
    client-side and never does), for statements that choose their branch while they run.
    """
    return (
        f"-c statement_timeout={statement_ms} -c lock_timeout={lock_ms} -c jit=off"
        " -c plan_cache_mode=force_generic_plan"
    )


if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = postgres_timeout_options(
        DB_STATEMENT_TIMEOUT, DB_LOCK_TIMEOUT
    )
    # psycopg prepares a statement the first time a server-side binding cursor sends it (core/prepared.py);
    # Django's own cursors bind client-side, which psycopg never prepares.
    DATABASES["default"]["OPTIONS"]["prepare_threshold"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# SQLite builds an index without its INCLUDE columns: those serve PostgreSQL's index-only scans (the register's
# certificate_school_search), and SQLite's plain queries do not need them.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

# --- Redis, cache and Celery ------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured("REDIS_URL must start with redis://, rediss:// or unix://.")

if REDIS_URL:
    # Every request reads its session here: a Redis that hangs must not hold pages for long (core/sessions.py
    # falls back to the database when the cache cannot be reached).
    _redis_options = {"socket_connect_timeout": 1, "socket_timeout": 1}
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": _redis_options,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Sessions: with Redis, read from the cache (shared by every web node) and written through to the database
# (core/sessions.py, Django's cached_db), so a request reads no session row. Without Redis (one process, embedded)
# they stay in the database: a per-process memory cache would keep a logged-out session alive in another process.
SESSION_ENGINE = "core.sessions" if REDIS_URL else "django.contrib.sessions.backends.db"

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
# Without a broker the app must still work: tasks then run in the web process, synchronously.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "Europe/Amsterdam"
CELERY_BROKER_CONNECTION_TIMEOUT = 3
# visibility_timeout: with acks_late, a task taken by a worker that dies unseen goes back to the queue after this many
# seconds (Redis broker). It must exceed the longest task and the furthest ETA/countdown, or a task runs twice.
REDIS_VISIBILITY_TIMEOUT = env_int("REDIS_VISIBILITY_TIMEOUT", 3600)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 3,
    "socket_timeout": 5,
    "visibility_timeout": REDIS_VISIBILITY_TIMEOUT,
    # One connection attempt when a task is handed over, not kombu's retries (about 6 s per task): with Redis down,
    # a request that queues several e-mails would otherwise wait for each in turn (the outbox's relay sends them
    # later anyway). Workers and beat reconnect with their own retry settings; this does not apply to them.
    "max_retries": 0,
}
# The outbox (core/outbox): e-mails and jobs are rows first. A failed one is tried again after each of these
# delays in seconds (minutes, then hours: about a day in all), then parked as failed for staff to send again.
OUTBOX_RETRY_DELAYS = [
    int(seconds)
    for seconds in env_list(
        "OUTBOX_RETRY_DELAYS", ["60", "300", "900", "1800", "3600", "7200", "14400", "28800", "43200"]
    )
]
# An entry being run is held this long; a runner that died lets go when it ends, and the scan takes it up again.
OUTBOX_LEASE_SECONDS = env_int("OUTBOX_LEASE_SECONDS", 600)
OUTBOX_RELAY_BATCH = env_int("OUTBOX_RELAY_BATCH", 500)
OUTBOX_RELAY_SECONDS = env_int("OUTBOX_RELAY_SECONDS", 50)
# A bulk certificate run with no sign of life for this long has lost its worker: its page says so and offers to
# resume; the outbox resumes it by itself once the lease (OUTBOX_LEASE_SECONDS) of the dead runner has ended.
BULK_JOB_STALLED_SECONDS = env_int("BULK_JOB_STALLED_SECONDS", 120)

# The periodic scans are the source of truth for reminders; cron can run the same management commands.
from .api_settings import REST_FRAMEWORK, SPECTACULAR_SETTINGS  # noqa: E402, F401 - the API (api/)
from .beat_schedule import CELERY_BEAT_SCHEDULE  # noqa: E402, F401 - Celery reads it from the settings

ASSESSMENT_SIGNATURE_REMINDER_DAYS = env_int("ASSESSMENT_SIGNATURE_REMINDER_DAYS", 3)
# An uploaded import file not imported within this many days is removed (placements/imports/cleanup.py); an
# imported one this many days after its import (its row outcomes, the result file, stay).
IMPORT_UPLOAD_DAYS = env_int("IMPORT_UPLOAD_DAYS", 7)
IMPORT_RESULT_FILE_DAYS = env_int("IMPORT_RESULT_FILE_DAYS", 30)

# --- Authentication ---------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Sign-in through a school's OpenID Connect provider (accounts/sso); only the SSO callback calls it.
    "accounts.sso.backend.SchoolOIDCBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
# How long an invitation link works (accounts/invitations); re-sending starts the period again.
INVITATION_DAYS = env_int("INVITATION_DAYS", 14)

AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The login form posts the e-mail address in the field named "username".
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind a reverse proxy every request comes from the proxy; count failures per real client instead.
AXES_IPWARE_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0) or None
if AXES_IPWARE_PROXY_COUNT:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# Public endpoints, per client address: (requests, seconds). core/ratelimit.py; the same proxy count as axes.
RATE_LIMITS = {
    "verify": (env_int("RATE_LIMIT_VERIFY", 30), 60),
    "signed_link": (env_int("RATE_LIMIT_SIGNED_LINK", 30), 60),
    "password_reset": (env_int("RATE_LIMIT_PASSWORD_RESET", 5), 15 * 60),
}
RATE_LIMIT_TRUSTED_PROXIES = env_int("TRUSTED_PROXY_COUNT", 0)

# Two-factor authentication (accounts/two_factor). Staff (is_staff) must set it up, except in development, where the
# demo logins work without it; a school can require it of its coordinators (School.require_two_factor_for_staff).
TWO_FACTOR_REQUIRED_FOR_STAFF = env_bool("TWO_FACTOR_REQUIRED_FOR_STAFF", default=not DEBUG)
# Wrong codes in a row after which the session is logged out (the device also slows down each next try).
TWO_FACTOR_MAX_FAILURES = env_int("TWO_FACTOR_MAX_FAILURES", 5)
OTP_TOTP_ISSUER = "Werkmentor"

# --- Internationalisation --------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("nl", _("Dutch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
# English dates as the pages write them ("5 December 2026", 10:00), not Django's US "Dec. 5, 2026, 10 a.m.".
FORMAT_MODULE_PATH = ["config.formats"]

# --- Static and uploaded files ----------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Uploaded files: the local disk, or an S3-compatible bucket when MEDIA_S3_BUCKET is set (config/media_storage.py).
STORAGES = {
    "default": media_storage(),
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "core.static_storage.StaticFilesStorage"
    },
}
# Private files are streamed by the app after its access check; True redirects to a signed URL that expires within
# MEDIA_S3_URL_EXPIRE seconds instead (cheaper for big files), where the storage signs its URLs (S3).
MEDIA_SERVE_SIGNED_REDIRECT = env_bool("MEDIA_SERVE_SIGNED_REDIRECT", default=False)

# --- E-mail -----------------------------------------------------------------------------------------
# Django 6.1 configures e-mail through MAILERS; the environment keeps the familiar EMAIL_* names.
EMAIL_BACKEND_PATH = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
_smtp_options = {
    "host": env_str("EMAIL_HOST", "localhost"),
    "port": env_int("EMAIL_PORT", 25),
    "username": env_str("EMAIL_HOST_USER"),
    "password": env_str("EMAIL_HOST_PASSWORD"),
    "use_tls": env_bool("EMAIL_USE_TLS", default=False),
    "timeout": env_int("EMAIL_TIMEOUT", 10),
}
MAILERS = {
    "default": {
        "BACKEND": EMAIL_BACKEND_PATH,
        "OPTIONS": _smtp_options if EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend") else {},
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Werkmentor <noreply@werkmentor.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_SUBJECT_PREFIX = "[Werkmentor] "

# --- Forms ------------------------------------------------------------------------------------------
# Django's renderer, with the common widgets (inputs, selects, text areas) written in Python: the same HTML, faster.
FORM_RENDERER = "core.form_renderer.FormRenderer"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
# A filter left empty shows everything: "All" / "Alle" instead of django-filter's untranslated "---------".
FILTERS_EMPTY_CHOICE_LABEL = _("All")

# --- Security ---------------------------------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=not DEBUG)
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
if env_bool("USE_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Every record is printed once: by the root's console handler, or by django.server's own (request lines,
# not propagated). Django's default config also gives the "django" logger a console handler in DEBUG,
# which printed its records a second time through the root; naming the logger here replaces its handlers.
_log_level = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "django.server": {"()": "django.utils.log.ServerFormatter", "format": "[{server_time}] {message}", "style": "{"}
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "django.server": {"class": "logging.StreamHandler", "formatter": "django.server"},
    },
    "root": {"handlers": ["console"], "level": _log_level},
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
        "axes": {"level": "WARNING"},
    },
}
