"""The Celery app. Tasks live in each app's `tasks.py` and are discovered here.

With no CELERY_BROKER_URL (the embedded default) every task runs eagerly in-process;
with a broker (Redis in production) a real worker runs them."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.dev")

app = Celery("learning")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
