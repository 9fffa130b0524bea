"""A broker that is down never holds up a request: publishing gives up within the short
timeouts of the settings, logs, and leaves the work to the sweep (`learning.queueing`).

Each case runs a fresh Django process whose broker is a real socket on 127.0.0.1 that no
broker answers: a closed port (connection refused) or a listener that accepts and never
replies (the case that used to hang a quiz submit for 19 s)."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import time, django
django.setup()
from learning.queueing import publish
started = time.monotonic()
sent = publish("certificates.tasks.issue_certificate", 1)
print(sent, round(time.monotonic() - started, 2))
"""


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def silent_listener():
    """Accepts connections (the kernel does) and never says a word."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(16)
    yield s.getsockname()[1]
    s.close()


def publish_with_broker(url: str) -> tuple[str, float, str]:
    env = {**os.environ, "CELERY_BROKER_URL": url, "CELERY_RESULT_BACKEND": ""}
    env["DJANGO_SETTINGS_MODULE"] = "learning.settings.test"
    env.pop("DATABASE_URL", None)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    sent, seconds = done.stdout.split()
    return sent, float(seconds), done.stderr + f" (process {time.monotonic() - started:.1f} s)"


@pytest.mark.parametrize("scheme", ["redis", "amqp"])
def test_publishing_to_a_refusing_broker_gives_up_quickly(scheme):
    sent, seconds, log = publish_with_broker(f"{scheme}://127.0.0.1:{closed_port()}/")
    assert sent == "False"
    assert seconds < 3, log
    assert "the sweep sends it later" in log


@pytest.mark.parametrize("scheme", ["redis", "amqp"])
def test_publishing_to_a_silent_broker_gives_up_quickly(scheme, silent_listener):
    sent, seconds, log = publish_with_broker(f"{scheme}://127.0.0.1:{silent_listener}/")
    assert sent == "False"
    assert seconds < 3, log
