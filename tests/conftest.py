import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings


def pytest_configure(config):
    # The table flush that ends a committing test never re-runs post_migrate: every such
    # test restores the migrated data by serialized rollback (see below), and content types
    # or permissions recreated by post_migrate would collide with the restored rows. A
    # browser test's flush can miss Django's own check for this, because Playwright's event
    # loop gives it a different connection object.
    from django.core.management.commands import flush

    flush.emit_post_migrate_signal = lambda *args, **kwargs: None

    # Between a flush and the restore, a thread still finishing its work (a live-server
    # request, a worker) can look up a content type, which Django then creates anew with a
    # new id. The restore replaces such a row with the original instead of failing on it.
    from io import StringIO

    from django.contrib.contenttypes.models import ContentType
    from django.core import serializers
    from django.db import transaction
    from django.db.backends.base.creation import BaseDatabaseCreation

    def deserialize_replacing_content_types(self, data):
        table_names = set()
        with transaction.atomic(using=self.connection.alias):
            with self.connection.constraint_checks_disabled():
                for obj in serializers.deserialize(
                    "json", StringIO(data), using=self.connection.alias
                ):
                    if isinstance(obj.object, ContentType):
                        ContentType.objects.using(self.connection.alias).filter(
                            app_label=obj.object.app_label, model=obj.object.model
                        ).exclude(pk=obj.object.pk)._raw_delete(self.connection.alias)
                    obj.save()
                    table_names.add(obj.object.__class__._meta.db_table)
            self.connection.check_constraints(table_names=table_names)
        ContentType.objects.clear_cache()

    BaseDatabaseCreation.deserialize_db_from_string = deserialize_replacing_content_types

    # Each xdist worker gets its own media folder.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    settings.MEDIA_ROOT = str(Path(settings.BASE_DIR) / ".test-media" / worker)


def pytest_unconfigure(config):
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    has_broker = bool(settings.CELERY_BROKER_URL)
    skip_pg = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)")
    skip_worker = pytest.mark.skip(reason="needs a broker (set CELERY_BROKER_URL)")
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(skip_pg)
        if "worker" in item.keywords and not has_broker:
            item.add_marker(skip_worker)
        _restore_migrated_data_after_flush(item)


def _restore_migrated_data_after_flush(item) -> None:
    """Every test that commits (and so ends with a table flush) restores the data the
    migrations made: locales, the site root, roles and the HR group.

    Mixing such tests with and without serialized rollback breaks the latter: a plain
    flush re-runs post_migrate, which recreates content types that the next serialized
    restore then inserts a second time."""
    marker = item.get_closest_marker("django_db")
    committing = (marker is not None and marker.kwargs.get("transaction")) or any(
        name in item.fixturenames for name in ("transactional_db", "live_server")
    )
    if committing:
        # Run after the rest, in one process (see the Makefile's test target).
        item.add_marker(pytest.mark.committing)
        if "django_db_serialized_rollback" not in item.fixturenames:
            item.fixturenames.append("django_db_serialized_rollback")


@pytest.fixture(autouse=True)
def _eager_tasks_unless_worker(request):
    """Celery tasks run in-process in every test, even when a broker is configured (CI's
    PostgreSQL run), so no test waits for a worker that is not there; tests marked
    `worker` start a real worker and use the broker."""
    if request.node.get_closest_marker("worker"):
        yield
        return
    from learning.celery import app

    saved = app.conf.task_always_eager, app.conf.task_eager_propagates
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = saved


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: what a test's rolled-back data left there (the
    site's home pages, a user's header links) must not answer for the next test's."""
    from django.core.cache import cache

    cache.clear()
    yield
