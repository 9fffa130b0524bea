"""Settings shared by every environment. Everything secret or deployment-specific
comes from the environment (twelve-factor); `.env.example` lists every variable."""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "learning"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="insecure-dev-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "home",
    "organisation",
    "courses",
    "assessments",
    "certificates",
    "reminders",
    "reports",
    "accessibility",
    "csp",
    "axes",
    "pgtrigger",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "learning.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "learning.middleware.RejectNulCharactersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "learning.middleware.LocaleMiddleware",
    "home.site_roots.CachedSiteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "learning.middleware.SessionLifetimeMiddleware",
    "organisation.oidc.SessionRefresh",
    "learning.middleware.PrivateResponsesMiddleware",
    "organisation.middleware.HRAdminAreaMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "learning.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "learning.wsgi.application"

# Database: a SQLite file by default, PostgreSQL in production (DATABASE_URL).
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dev server read while the in-process tasks write.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = None  # show "You have logged out" in the site's look

# Languages: Finnish is the default, Swedish and English are full translations.
# The language cookie (Django's set_language view) is never read by scripts and never sent
# from another site; production also marks it Secure.
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_CODE = "fi"
LANGUAGES = [
    ("fi", "Suomi"),
    ("sv", "Svenska"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static_collected")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {
        "BACKEND": env(
            "DEFAULT_FILE_STORAGE", default="django.core.files.storage.FileSystemStorage"
        )
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Cache: local memory by default; Redis (shared by every process) when CACHE_URL is set.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
# The site and its home pages are kept in the cache this long (dropped on publish; home.site_roots).
SITE_CACHE_SECONDS = env.int("SITE_CACHE_SECONDS", default=10 * 60)
# /healthz connects to the broker at most once per this many seconds in each process.
HEALTHZ_BROKER_SECONDS = env.int("HEALTHZ_BROKER_SECONDS", default=5)
# How long the header remembers whether a user sees the "Administration" link.
NAV_CACHE_SECONDS = env.int("NAV_CACHE_SECONDS", default=5 * 60)

# E-mail: console by default, anything django-environ understands via EMAIL_URL.
vars().update(env.email("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Aspa 2030 <oppiminen@example.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where staff send questions and requests about their personal data (the privacy notice).
PRIVACY_CONTACT_EMAIL = env("PRIVACY_CONTACT_EMAIL", default="tietosuoja@oppiminen.example.fi")
# Where the accessibility statement's feedback form sends its messages (also shown on the page).
ACCESSIBILITY_FEEDBACK_EMAIL = env(
    "ACCESSIBILITY_FEEDBACK_EMAIL", default="saavutettavuus@oppiminen.example.fi"
)

# Public base URL: used in certificates' QR codes and in e-mails (no trailing slash).
SITE_BASE_URL = env("SITE_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Wagtail
WAGTAIL_SITE_NAME = "Aspa 2030"
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: it would send a hash of every admin user's e-mail address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Documents go through Django's view (privacy and collection permissions), never a direct
# media URL; the shipped web-server configuration refuses /media/documents/.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# An uploaded image larger than this is refused before Pillow decodes it (default 128 MP).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Celery: with no broker configured, tasks run eagerly in-process (the embedded default).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
# Results (only tests read them): in Redis beside the broker; with RabbitMQ as the broker
# (amqp://) they travel back as messages (rpc://).
CELERY_RESULT_BACKEND = env(
    "CELERY_RESULT_BACKEND",
    default="rpc://"
    if CELERY_BROKER_URL.startswith(("amqp", "pyamqp"))
    else CELERY_BROKER_URL or None,
)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Time limits of every task: at the soft limit the task is interrupted (an import rolls back
# and fails with a message), at the hard limit its worker process is killed. The longest task
# measured is a fresh 40,000-person import (about 5 s); each reminder is its own task.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=8 * 60)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=10 * 60)
# Redis: a task taken by a worker that is then killed is delivered again after this long
# (it must exceed the hard limit, or a slow task would run twice at once). RabbitMQ needs
# none: it delivers again as soon as the dead worker's connection closes. The sweeps
# (certificates every minute, imports every minute) usually redo the work sooner.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=15 * 60),
    # A request never waits long on a broker that is down (learning.queueing): at most
    # about a second to connect and a second per socket operation.
    "socket_connect_timeout": 1,
    "socket_timeout": 1,
    "max_retries": 0,
}
if CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] <= CELERY_TASK_TIME_LIMIT:
    raise ImproperlyConfigured("CELERY_VISIBILITY_TIMEOUT must exceed CELERY_TASK_TIME_LIMIT")
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE: dict = {}
# HR imports: re-send confirmed imports that a broker outage left waiting and running
# imports whose worker died.
CELERY_BEAT_SCHEDULE["organisation-requeue-imports"] = {
    "task": "organisation.requeue_import_jobs",
    "schedule": 60,
}
CELERY_BEAT_SCHEDULE["organisation-unsent-invitations"] = {
    "task": "organisation.send_unsent_invitations",
    "schedule": 60,
}
CELERY_BEAT_SCHEDULE["clear-expired-sessions"] = {
    "task": "home.tasks.clear_expired_sessions",
    "schedule": 24 * 60 * 60,
}
# Supervisors reach the admin (their reports) by the rule that scopes them, not a group.
AUTHENTICATION_BACKENDS = [
    "organisation.backends.LockoutBackend",  # first: refuses a locked-out password login
    "organisation.oidc.CityAccountBackend",
    "organisation.backends.PasswordBackend",
    "organisation.backends.SupervisorAdminAccessBackend",
]

# Coverage reports: a snapshot of the day's coverage counts, late every evening.
from celery.schedules import crontab  # noqa: E402

CELERY_BEAT_SCHEDULE["reports-coverage-snapshot"] = {
    "task": "reports.tasks.take_coverage_snapshot",
    "schedule": crontab(hour=23, minute=30),
}
# Retention (reports/retention.py): quiz answers RETENTION_ANSWERS_MONTHS after the attempt,
# leavers' personal data RETENTION_LEAVERS_MONTHS after their record last changed while
# inactive. Applied every night.
RETENTION_ANSWERS_MONTHS = env.int("RETENTION_ANSWERS_MONTHS", default=12)
RETENTION_LEAVERS_MONTHS = env.int("RETENTION_LEAVERS_MONTHS", default=24)
CELERY_BEAT_SCHEDULE["reports-apply-retention"] = {
    "task": "reports.tasks.apply_retention",
    "schedule": crontab(hour=2, minute=15),
}
CELERY_BEAT_SCHEDULE["reports-warm-coverage-cache"] = {
    "task": "reports.tasks.warm_coverage_cache",
    "schedule": 5 * 60,
}
# Seconds the city-wide coverage counts are reused by report screens, exports and the API:
# longer than the warm-up interval above, so today's counts never drop out of the cache.
REPORTS_CACHE_SECONDS = env.int("REPORTS_CACHE_SECONDS", default=15 * 60)

# Certificates: issue what a broker outage left unissued and render missing PDFs.
CELERY_BEAT_SCHEDULE["certificates-sweep"] = {
    "task": "certificates.tasks.sweep_certificates",
    "schedule": 60,
}
# The client's address (learning/client_ip.py): the number of reverse proxies of our own in
# front of the app (1 behind the shipped nginx); 0 trusts no X-Forwarded-For at all.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
RATELIMIT_IP_META_KEY = "learning.client_ip.client_ip"
# Read-API tokens: the longest validity HR may give a new token, in days.
API_TOKEN_MAX_DAYS = env.int("API_TOKEN_MAX_DAYS", default=365)
# Public certificate verification: requests per client address (django-ratelimit rate).
CERTIFICATE_VERIFY_RATE = env("CERTIFICATE_VERIFY_RATE", default="30/m")

# Reminders (times in CELERY_TIMEZONE): learner reminders daily, the supervisor digest on
# Monday mornings, welcome messages hourly (the same run queues again anything unsent).
from celery.schedules import crontab  # noqa: E402

CELERY_BEAT_SCHEDULE["reminders-learners"] = {
    "task": "reminders.tasks.run_learner_reminders",
    "schedule": crontab(hour=7, minute=0),
}
CELERY_BEAT_SCHEDULE["reminders-supervisor-digest"] = {
    "task": "reminders.tasks.run_supervisor_digests",
    "schedule": crontab(hour=7, minute=30, day_of_week="mon"),
}
CELERY_BEAT_SCHEDULE["reminders-welcome"] = {
    "task": "reminders.tasks.run_welcome_messages",
    "schedule": crontab(minute=15),
}
CELERY_BEAT_SCHEDULE["reminders-requeue-unsent"] = {
    "task": "reminders.tasks.requeue_unsent_notifications",
    "schedule": crontab(minute=45),
}
REMINDERS_DUE_WITHIN_DAYS = env.int("REMINDERS_DUE_WITHIN_DAYS", default=14)
REMINDERS_EXPIRING_WITHIN_DAYS = env.int("REMINDERS_EXPIRING_WITHIN_DAYS", default=60)
REMINDERS_INTERVAL_DAYS = env.int("REMINDERS_INTERVAL_DAYS", default=7)
REMINDERS_REQUEUE_AFTER_MINUTES = env.int("REMINDERS_REQUEUE_AFTER_MINUTES", default=180)

# Failed-login lockout (django-axes; organisation/lockout.py): after LOGIN_FAILURE_LIMIT
# failed password logins for a user name, or from a client address, password login is refused
# for LOGIN_COOLOFF_MINUTES. HR sees and lifts lockouts in the admin (Organisation > Lockouts).
import datetime as _datetime  # noqa: E402

AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = _datetime.timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "learning.client_ip.client_ip"
AXES_HANDLER = "organisation.lockout.LockoutHandler"
AXES_LOCKOUT_CALLABLE = "home.views.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False  # HR's screen is in the Wagtail admin
AXES_VERBOSE = False

# Passwords without single sign-on (organisation/invitations.py, home/views.py): an
# invitation's set-your-password link is valid INVITATION_DAYS; a "forgot your password?"
# link PASSWORD_RESET_MINUTES. Reset requests per client address and per e-mail address
# (django-ratelimit rates); over the limit nothing is sent and the page says the same.
INVITATION_DAYS = env.int("INVITATION_DAYS", default=14)
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_MINUTES", default=60) * 60
PASSWORD_RESET_RATE_PER_ADDRESS = env("PASSWORD_RESET_RATE_PER_ADDRESS", default="10/h")
PASSWORD_RESET_RATE_PER_EMAIL = env("PASSWORD_RESET_RATE_PER_EMAIL", default="3/h")

# Login sessions (learning/middleware.py, SessionLifetimeMiddleware): a session ends after
# SESSION_IDLE_SECONDS without a request and SESSION_MAX_SECONDS after its login, whatever
# happens in between. The cookie lives no longer than the latter.
SESSION_IDLE_SECONDS = env.int("SESSION_IDLE_SECONDS", default=30 * 60)
SESSION_MAX_SECONDS = env.int("SESSION_MAX_SECONDS", default=10 * 60 * 60)
SESSION_COOKIE_AGE = SESSION_MAX_SECONDS
# Where sessions live: "db" (a query per request) or "cached_db" (read from the cache, written
# through to the database; the default when CACHE_URL names a shared cache such as Redis).
# Ending a person's sessions (deactivation, single sign-on logout) clears both.
SESSION_ENGINES = {
    "db": "django.contrib.sessions.backends.db",
    "cached_db": "django.contrib.sessions.backends.cached_db",
}
_session_engine = env(
    "SESSION_ENGINE", default="cached_db" if env("CACHE_URL", default="") else "db"
)
if _session_engine not in SESSION_ENGINES:
    raise ImproperlyConfigured(f"SESSION_ENGINE must be one of {', '.join(SESSION_ENGINES)}")
SESSION_ENGINE = SESSION_ENGINES[_session_engine]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy (django-csp; learning/middleware.py). Learner and public pages: no
# inline script or style, nothing from other sites, never framed. The Wagtail admin needs
# inline script and styles: its policy applies under /admin/ only. With single sign-on on,
# form-action also admits the provider (the logout form's redirect goes there).
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "form-action": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "frame-ancestors": [SELF],
}
# SecurityMiddleware's defaults, stated: nosniff, same-origin referrers and opener.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Single sign-on (optional; organisation/oidc.py): the city's OpenID Connect provider. With
# OIDC_ISSUER and OIDC_CLIENT_ID empty, staff log in with a password.
OIDC_ISSUER = env("OIDC_ISSUER", default="")
OIDC_CLIENT_ID = env("OIDC_CLIENT_ID", default="")
OIDC_CLIENT_SECRET = env("OIDC_CLIENT_SECRET", default="")
OIDC_SCOPES = env("OIDC_SCOPES", default="openid email profile")
# The claim matched to the HR file's employee number; without it (or without a match), a
# verified e-mail address is matched instead.
OIDC_EMPLOYEE_ID_CLAIM = env("OIDC_EMPLOYEE_ID_CLAIM", default="employee_id")
# Names and e-mail from the provider on every sign-in; by default the HR file owns them.
OIDC_UPDATE_PROFILE = env.bool("OIDC_UPDATE_PROFILE", default=False)
# Groups from a claim: OIDC_GROUPS_CLAIM=groups and OIDC_GROUP_MAP=claim-value=Group,...
# (e.g. "aspa-hr=HR,aspa-editors=Editors,aspa-moderators=Moderators"). The mapped groups then
# follow the claim on every sign-in; other groups stay as they are. Empty = HR sets groups.
OIDC_GROUPS_CLAIM = env("OIDC_GROUPS_CLAIM", default="")
OIDC_GROUP_MAP = env.dict("OIDC_GROUP_MAP", default={})
# A signed-in person is re-checked at the provider (a silent sign-in) this often, so someone
# disabled in the city's directory loses access within this many seconds.
OIDC_RECHECK_SECONDS = env.int("OIDC_RECHECK_SECONDS", default=15 * 60)
OIDC_RP_SIGN_ALGO = env("OIDC_SIGN_ALGORITHM", default="RS256")
OIDC_TIMEOUT = env.int("OIDC_TIMEOUT_SECONDS", default=5)
OIDC_DISCOVERY_SECONDS = env.int("OIDC_DISCOVERY_SECONDS", default=60 * 60)
OIDC_CLOCK_SKEW_SECONDS = 60
OIDC_LOGOUT_TOKEN_MAX_AGE_SECONDS = 5 * 60
# With single sign-on on, only these user names may still log in with a password (a
# comma-separated list, e.g. a break-glass administrator).
PASSWORD_LOGIN_USERS = env.list("PASSWORD_LOGIN_USERS", default=[])
# Shown to people the platform cannot sign in (not in the HR file, left, unverified e-mail).
SIGN_IN_HELP_EMAIL = env("SIGN_IN_HELP_EMAIL", default="henkilostopalvelut@oppiminen.example.fi")
# mozilla-django-oidc: the code flow with PKCE (S256), state and nonce; the ID token kept in
# the session for the provider's logout; nobody created by signing in.
OIDC_USE_PKCE = True
OIDC_PKCE_CODE_CHALLENGE_METHOD = "S256"
OIDC_USE_NONCE = True
OIDC_CREATE_USER = False
OIDC_STORE_ID_TOKEN = True
OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS = OIDC_RECHECK_SECONDS
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_authentication_callback"
OIDC_EXEMPT_URLS = ["oidc_logout_callback", "oidc_backchannel_logout", "healthz"]
_SSO = bool(OIDC_ISSUER and OIDC_CLIENT_ID)
# The admin's own password screens are off with single sign-on.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = not _SSO
WAGTAIL_PASSWORD_RESET_ENABLED = not _SSO
WAGTAILUSERS_PASSWORD_ENABLED = not _SSO

# HR imports: files with more rows than this run as a background task.
IMPORT_ASYNC_THRESHOLD_ROWS = env.int("IMPORT_ASYNC_THRESHOLD_ROWS", default=2000)
# Caps of every import file (admin upload and command line): the city's full staff file is
# about 6 MB and 40,000 rows. A larger file is refused before it is read.
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=20 * 1024 * 1024)
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=100_000)
# Where the database cannot tell whether an import is still being written (not PostgreSQL),
# a job running longer than this is taken to be lost and tried again.
IMPORT_RUNNING_TIMEOUT_SECONDS = CELERY_TASK_TIME_LIMIT + 5 * 60

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # Wagtail's own background tasks log every state change; only problems matter.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}

# Demo data (`manage.py seed_demo`): allowed except in production; passwords printed in dev.
ALLOW_DEMO_DATA = True
SHOW_DEMO_PASSWORDS = False

# Human-readable names used in admin menus.
PROGRAMME_NAME = _("Aspa 2030 customer-service programme")
