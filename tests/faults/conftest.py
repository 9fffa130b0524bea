"""Fixtures of the fault tests: private brokers and real worker processes.

Each fault test starts what it breaks: a `redis-server` or a RabbitMQ node of its own on a
free port, and Celery workers as separate processes (`celery -A learning worker`) on the
test database, which it kills with SIGKILL or stops by their PID (tests/processes.py). The
shared services of the machine are never touched. The tests run only on PostgreSQL (a
worker process cannot see SQLite's in-memory test database) and once per CI run, in the
committing pass.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from tests.processes import PrivateRabbitMQ, PrivateRedis, Worker, wait_until, worker_backends


@pytest.fixture
def fault_folder():
    folder = Path(tempfile.mkdtemp(prefix="aspa-fault-"))
    folder.chmod(0o755)  # a RabbitMQ node runs as its own user and needs to get in
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def private_redis():
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed (Debian package redis-server)")
    redis = PrivateRedis()
    redis.start()
    yield redis
    redis.stop()


@pytest.fixture
def private_rabbitmq(fault_folder):
    if not shutil.which("rabbitmq-server"):
        pytest.skip("rabbitmq-server is not installed (Debian package rabbitmq-server)")
    rabbit = PrivateRabbitMQ(fault_folder / "rabbitmq")
    rabbit.start()
    yield rabbit
    rabbit.stop()


@pytest.fixture(params=["redis", "rabbitmq"])
def private_broker(request):
    """Each test that takes this runs once against Redis and once against RabbitMQ."""
    return request.getfixturevalue(f"private_{request.param}")


@pytest.fixture
def publishing_to(monkeypatch):
    """Point this process's Celery app at a private broker (tasks are sent, not run here)."""
    from learning.celery import app

    def point(url: str) -> None:
        # Celery reads CELERY_BROKER_URL from the environment before its settings.
        monkeypatch.setenv("CELERY_BROKER_URL", url)
        monkeypatch.setitem(app.conf, "broker_url", url)
        monkeypatch.setitem(app.conf, "task_always_eager", False)
        reset_pools()

    def reset_pools() -> None:
        # Connections are pooled per app; a new broker needs new pools.
        app._pool = None
        app.amqp._producer_pool = None

    yield point
    reset_pools()


@pytest.fixture
def workers(fault_folder):
    started: list[Worker] = []

    def make(broker_url: str, **extra_env) -> Worker:
        worker = Worker(broker_url, fault_folder / f"worker{len(started)}.log", extra_env)
        started.append(worker)
        return worker

    yield make
    for worker in started:
        worker.kill()
    # Their database sessions end with them; wait so the test database can be flushed.
    wait_until(lambda: not worker_backends(), 30, "worker database sessions still open")
