"""Real processes for the tests that start what they break: private brokers, Celery
workers and gunicorn on free ports of 127.0.0.1, each ended by its PID (the fault tests in
tests/faults, the deployment test in tests/deploy). The shared services are never touched."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

ROOT = Path(__file__).resolve().parent.parent
CELERY = Path(sys.executable).with_name("celery")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port} after {timeout} s")


def wait_until(predicate, timeout: float, message: str, every: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"{message} (waited {timeout} s)")


class PrivateRedis:
    """A redis-server of the test's own; `stop()` ends it by its PID, `start()` brings it
    back on the same port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


class PrivateRabbitMQ:
    """A RabbitMQ node of the test's own (its own node name, ports and data folder)."""

    def __init__(self, folder: Path) -> None:
        self.port = free_port()
        self.url = f"amqp://guest:guest@127.0.0.1:{self.port}//"
        self.folder = folder
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        # The server script may drop to the `rabbitmq` user, who must write here.
        self.folder.chmod(0o777)
        env = {
            **os.environ,
            "HOME": str(self.folder),
            "RABBITMQ_NODENAME": f"aspatest{self.port}@localhost",
            "RABBITMQ_NODE_PORT": str(self.port),
            "RABBITMQ_DIST_PORT": str(free_port()),
            "RABBITMQ_MNESIA_BASE": str(self.folder / "mnesia"),
            "RABBITMQ_LOG_BASE": str(self.folder / "log"),
            "RABBITMQ_PID_FILE": str(self.folder / "pid"),
            "RABBITMQ_ENABLED_PLUGINS_FILE": str(self.folder / "plugins"),
            "RABBITMQ_CONFIG_FILE": str(self.folder / "rabbitmq"),
            "RABBITMQ_ADVANCED_CONFIG_FILE": str(self.folder / "advanced.config"),
            "RABBITMQ_FEATURE_FLAGS_FILE": str(self.folder / "feature_flags"),
        }
        with (self.folder / "server.log").open("ab") as out:
            self.process = subprocess.Popen(
                ["rabbitmq-server"],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            wait_for_port(self.port, timeout=90)
        except TimeoutError:
            raise TimeoutError((self.folder / "server.log").read_text()[-2000:]) from None

    def stop(self) -> None:
        pid_file = self.folder / "pid"
        if pid_file.exists():
            with contextlib.suppress(ProcessLookupError, ValueError):
                os.kill(int(pid_file.read_text().strip()), signal.SIGKILL)
        if self.process and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


@contextlib.contextmanager
def gunicorn(env: dict, port: int, log: Path, workers: int = 1):
    """A gunicorn of the project on 127.0.0.1:port, stopped by its PID at the end."""
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(Path(sys.executable).with_name("gunicorn")), "learning.wsgi"]
            + ["--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_port(port, 60)
            yield process
        finally:
            process.terminate()
            process.wait(timeout=30)


def database_url_of_tests() -> str:
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{s['USER']}{password}@{s['HOST']}:{s['PORT'] or 5432}/{s['NAME']}"


class Worker:
    """`celery -A learning worker` (prefork, one child) as its own process group."""

    def __init__(self, broker_url: str, log: Path, extra_env: dict | None = None) -> None:
        self.broker_url = broker_url
        self.log = log
        self.extra_env = extra_env or {}
        self.process: subprocess.Popen | None = None

    def start(self, *, beat: bool = False) -> None:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "learning.settings.test",
            "DATABASE_URL": database_url_of_tests(),
            "CELERY_BROKER_URL": self.broker_url,
            "CELERY_RESULT_BACKEND": "",
            "TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
            **self.extra_env,
        }
        command = [
            str(CELERY),
            "-A",
            "learning",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=info",
            f"--hostname=fault{free_port()}@%h",
        ]
        if beat:
            command += ["--beat", f"--schedule={self.log.with_suffix('.beat')}"]
        self.offset = self.log.stat().st_size if self.log.exists() else 0
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_until(
            lambda: b" ready." in self.log.read_bytes()[self.offset :],
            60,
            f"the worker did not start; its log: {self.log}",
        )

    def kill(self) -> None:
        """SIGKILL to the whole worker: the main process and its pool child at once."""
        if self.process and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


def worker_backends() -> list[tuple[int, str]]:
    """(pid, wait event type) of the other sessions on the test database."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid, coalesce(wait_event_type, '') FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "AND backend_type = 'client backend'"
        )
        return cursor.fetchall()


@contextlib.contextmanager
def table_locked(model):
    """Hold a SHARE lock on the model's table from another connection: readers go on,
    writers wait (so a worker can be caught in the middle of its task)."""
    side = connections.create_connection("default")
    try:
        side.set_autocommit(False)
        with side.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {model._meta.db_table} IN SHARE MODE")
        yield side
    finally:
        with contextlib.suppress(Exception):
            side.rollback()
        side.close()


def wait_for_a_worker_blocked_on_a_lock(timeout: float = 60) -> int:
    rows = wait_until(
        lambda: [pid for pid, wait in worker_backends() if wait == "Lock"],
        timeout,
        "no worker is waiting on the lock",
    )
    return rows[0]


IDP_DIR = ROOT / "tests" / "idp"
CLIENT_ID = "aspa-learning"
CLIENT_SECRET = "test-client-secret-of-the-learning-platform"
OTHER_CLIENT_ID = "another-city-service"


def identity_provider_missing() -> str | None:
    """Why the real OpenID provider cannot run here, or None."""
    import shutil

    if shutil.which("node") is None:
        return "Node.js not found: the single sign-on tests need it to run oidc-provider"
    if not (IDP_DIR / "node_modules" / "oidc-provider").is_dir():
        return "oidc-provider not installed: run `npm ci` in tests/idp (.ci/run does)"
    return None


class IdentityProvider:
    """panva's oidc-provider (tests/idp/provider.mjs) on a free port, with our client
    registered for the given site addresses and the given accounts (id -> claims); `stop()`
    ends it by its PID. Log in on its page with the account id and any password."""

    def __init__(self, site_urls: list[str], accounts: dict, folder: Path) -> None:
        import json

        self.port = free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.log = folder / "idp.log"
        client = {
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "redirect_uris": [f"{u}/oidc/callback/" for u in site_urls],
            "post_logout_redirect_uris": [f"{u}/oidc/logged-out/" for u in site_urls],
            "token_endpoint_auth_method": "client_secret_post",
        }
        # The provider calls one back-channel address; the last site is the live one.
        # (Node.js resolves "localhost" to ::1 first; the live server listens on 127.0.0.1.)
        live = site_urls[-1].replace("//localhost:", "//127.0.0.1:")
        client["backchannel_logout_uri"] = f"{live}/oidc/backchannel-logout/"
        client["backchannel_logout_session_required"] = True  # a "sid" in every ID token
        other = {
            "client_id": OTHER_CLIENT_ID,
            "client_secret": "secret-of-another-service",
            "redirect_uris": ["http://127.0.0.1:9/callback"],
            "grant_types": ["authorization_code"],
            "token_endpoint_auth_method": "client_secret_post",
        }
        self.config = folder / "idp.json"
        self.config.write_text(
            json.dumps({"port": self.port, "clients": [client, other], "accounts": accounts})
        )
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["node", str(IDP_DIR / "provider.mjs"), str(self.config)],
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )
        wait_for_port(self.port, 30)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None

    def settings(self) -> dict:
        """What the site's settings need to use this provider."""
        return {
            "OIDC_ISSUER": self.issuer,
            "OIDC_CLIENT_ID": CLIENT_ID,
            "OIDC_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_SCOPES": "openid email profile employee groups",
        }
