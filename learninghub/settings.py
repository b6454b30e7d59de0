"""Settings for Learning Hub, read from the environment.

Nothing here is true only in production: a deployment sets SECRET_KEY, DATABASE_URL and
ALLOWED_HOSTS; the demo (`make run`) sets DEBUG=true, which alone allows the SQLite default.
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DEBUG")
# TESTING=true relaxes settings (a made-up secret key, SQLite, no HTTPS redirect) only inside the
# test runner or the benchmark harness: left in a deployment's environment by mistake, it changes
# nothing: a deployment never imports pytest (a development dependency) or the benchmark harness.
TESTING = env_flag("TESTING") and ("pytest" in sys.modules or "benchmarks" in sys.modules)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured(
            "SECRET_KEY must be set (it may be omitted only with DEBUG=true)."
        )
    SECRET_KEY = "insecure-key-for-local-demo-and-tests-only"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if (DEBUG or TESTING) else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The header in which the TLS proxy in front of the application puts the client's address (for
# example X-Forwarded-For); unset, the audit trail records the connecting address and trusts no
# header, since a client can send any header it likes.
TRUSTED_PROXY_IP_HEADER = os.environ.get("TRUSTED_PROXY_IP_HEADER", "").strip()

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    # Learning Hub, by domain
    "core",
    "partnership",
    "learning",
    "reviews",
    "child_deaths",
    "performance",
    "inspections",
    "training",
    "audits",
    "public",
    # Above the sources: reads their yearly summaries (core.yearly); its demo loads last.
    "yearly_report",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.NoStoreForSignedInMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.AuditContextMiddleware",
    "partnership.middleware.TwoFactorRequiredMiddleware",
    "partnership.middleware.CurrentPartnershipMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "learninghub.urls"
WSGI_APPLICATION = "learninghub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.service",
            ],
        },
    },
]
# Every form renders through templates/govuk/forms/ (see core/forms.py).
FORM_RENDERER = "core.forms.GovukFormRenderer"

if not os.environ.get("DATABASE_URL") and not (DEBUG or TESTING):
    raise ImproperlyConfigured(
        "DATABASE_URL must be set (SQLite is the default only with DEBUG=true)."
    )
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}", conn_max_age=60
    )
}
# One cache for every web and task worker on every host: Redis in production, the process's own
# memory in the demo and tests. Cached pages are keyed by versions held in the database, so an
# answer is never stale even where each process keeps its own cache.
REDIS_URL = os.environ.get("REDIS_URL", "")
if not REDIS_URL and not (DEBUG or TESTING):
    raise ImproperlyConfigured(
        "REDIS_URL must be set (the local-memory cache is the default only with DEBUG=true)."
    )
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "learninghub"),
    }
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
if os.environ.get("TEST_DATABASE_NAME"):
    # Lets several test runs share one PostgreSQL server without clashing.
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "partnership.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "partnership:sign_in"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "partnership:sign_in"
PASSWORD_RESET_TIMEOUT = int(timedelta(hours=2).total_seconds())
INVITATION_VALID_FOR = timedelta(days=7)

# Sessions end after 30 minutes without activity.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_SECONDS", 30 * 60))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Lockout after five failed sign-ins for one account, for an hour.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "partnership/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_flag("AXES_ENABLED", True)
# Partner agencies sign in from shared council and NHS networks: locking an address would lock
# out whole offices, so accounts are locked by username alone.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

OTP_TOTP_ISSUER = "Learning Hub"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]


def document_storage(environ) -> dict:
    """Where uploaded documents are kept: on disk by default, or in an S3-compatible object store
    (private objects) when DOCUMENT_BUCKET is set, so that every web and task worker on every host
    reads the same files. Credentials come the usual AWS ways (AWS_ACCESS_KEY_ID and
    AWS_SECRET_ACCESS_KEY, or the host's role). Either way a document is served only through a
    view that checks the person may see the record it belongs to."""
    if environ.get("DOCUMENT_BUCKET"):
        return {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": environ["DOCUMENT_BUCKET"],
                "endpoint_url": environ.get("DOCUMENT_S3_ENDPOINT_URL") or None,
                "region_name": environ.get("DOCUMENT_S3_REGION") or None,
                "location": environ.get("DOCUMENT_S3_PREFIX", ""),
                "default_acl": "private",
                "file_overwrite": False,
                "querystring_auth": True,
            },
        }
    return {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": environ.get("DOCUMENT_ROOT", str(BASE_DIR / "var" / "documents"))},
    }


STORAGES = {
    "default": document_storage(os.environ),
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if (DEBUG or TESTING)
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
# Every upload (documents, chronologies, performance figures) is refused above this size; XLSX,
# DOCX and ODT files also above this size once unpacked (see core/uploads.py).
UPLOAD_MAX_BYTES = int(float(os.environ.get("UPLOAD_MAX_MB", "20")) * 1024 * 1024)
UPLOAD_MAX_UNCOMPRESSED_BYTES = int(
    float(os.environ.get("UPLOAD_MAX_UNCOMPRESSED_MB", "200")) * 1024 * 1024
)
FILE_UPLOAD_PERMISSIONS = 0o640

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Learning Hub <no-reply@learninghub.invalid>"
)

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Learning Hub API",
    "DESCRIPTION": "Records that a safeguarding partnership exchanges with other systems.",
    "VERSION": "1",
    # The API's shape is for the systems and people who use it, not for anyone on the internet.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
}

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
# Pages load only Learning Hub's own scripts, styles, fonts and images: no inline script or style,
# so markup slipped into a record can never run or restyle a page.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
    }
}
SESSION_COOKIE_HTTPONLY = True
if not (DEBUG or TESTING):
    SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", True)

if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
