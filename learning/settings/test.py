import os

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", default=BASE_DIR / ".test-media")
SITE_BASE_URL = "https://oppiminen.example.fi"
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WHITENOISE_AUTOREFRESH = True
# Wagtail's own background tasks run immediately in tests.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SHOW_DEMO_PASSWORDS = False
# Coverage reports compute afresh in tests (no cached city-wide counts between tests).
REPORTS_CACHE_SECONDS = 0
HEALTHZ_BROKER_SECONDS = 0  # every check connects, unless a test says otherwise
# Each parallel test process (pytest-xdist) sends and consumes on a queue of its own, so a
# real worker started by one process never runs a task queued by another (whose test
# database it cannot see).
CELERY_TASK_DEFAULT_QUEUE = "tests-" + os.environ.get("PYTEST_XDIST_WORKER", "main")
