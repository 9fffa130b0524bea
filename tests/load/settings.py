"""Production settings for a load test over plain HTTP on 127.0.0.1 (tests/load/run.py):
what differs is only what HTTPS would otherwise need (secure, "__Host-" cookies and the
redirect to https), because the load test talks to gunicorn directly."""

from learning.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = False
SESSION_COOKIE_NAME = "sessionid"
CSRF_COOKIE_NAME = "csrftoken"
LANGUAGE_COOKIE_NAME = "django_language"
