"""Real-browser tests: Playwright for Python drives Debian's Chromium against pytest-django's
live server. No browser is ever downloaded; without /usr/bin/chromium every test here is
skipped with a message saying so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
E2E_DIR = Path(__file__).resolve().parent
# Screenshots of the main pages, for a person to look at after a run (git ignores the folder).
SCREENSHOTS = E2E_DIR.parent.parent / "screenshots"


def pytest_collection_modifyitems(config, items):
    from django.conf import settings

    skip = None
    if not CHROMIUM.exists():
        skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}: browser tests skipped")
    elif not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        # They are slow: CI runs them once, in its PostgreSQL pass.
        skip = pytest.mark.skip(reason="browser tests run on PostgreSQL (set DATABASE_URL)")
    for item in items:
        if E2E_DIR in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.e2e)
            if skip is not None:
                item.add_marker(skip)


# The database as the migrations left it, serialized by pytest-django at setup; see `site_url`.
_MIGRATED_STATE: dict[str, str] = {}


@pytest.fixture(scope="module")
def browser(django_db_setup):
    """Chromium, started once per test module. Not once per session: while Playwright runs
    its event loop in this thread, Django would treat every later test of the session (also
    the other apps' tests, which pytest-django may order after these) as async code."""
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: browser tests skipped")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Once Playwright runs its event loop in this thread, asgiref treats the thread as async
    # and Django hands out a new connection object, without the serialized migration state
    # pytest-django stored on the first one. Keep that state to hand over (see `site_url`).
    contents = getattr(connections["default"], "_test_serialized_contents", None)
    if contents:
        _MIGRATED_STATE["default"] = contents

    # Playwright's sync API runs an asyncio loop in this thread; Django refuses ORM calls from
    # a thread with a running loop unless told that this is safe. It is: the loop only waits
    # for the browser, and the tests' own ORM calls never run inside it.
    saved = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
        # The connections opened while the loop ran belong to its context: close them here.
        connections.close_all()
    if saved is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = saved


@pytest.fixture
def site_url(live_server, django_db_serialized_rollback):
    """The live server's address. Each browser test gets the database exactly as the
    migrations left it (site, home page, locales, Wagtail groups and workflow): the
    serialized rollback restores what the previous test's flush removed."""
    from django.db import connections

    connection = connections["default"]
    if not hasattr(connection, "_test_serialized_contents") and "default" in _MIGRATED_STATE:
        # First browser test on this connection object (see `browser`): restore now, and
        # let the serialized rollback do it from here on.
        connection._test_serialized_contents = _MIGRATED_STATE["default"]
        connection.creation.deserialize_db_from_string(_MIGRATED_STATE["default"])
    return live_server.url


@pytest.fixture
def context(browser, site_url):
    context = browser.new_context(
        base_url=site_url,
        locale="fi-FI",
        viewport={"width": 1280, "height": 900},
        accept_downloads=True,
    )
    context.set_default_timeout(10_000)
    watch_content_security_policy(context)
    yield context
    context.close()


def watch_content_security_policy(context) -> None:
    """Collect every Content-Security-Policy violation of the context's pages in
    `context.csp_violations` (the `page` fixture fails the test on any)."""
    context.csp_violations = []
    context.expose_binding(
        "__reportCspViolation", lambda source, violation: context.csp_violations.append(violation)
    )
    context.add_init_script(
        """document.addEventListener("securitypolicyviolation", (event) => {
            window.__reportCspViolation({
                page: document.location.href,
                directive: event.violatedDirective,
                blocked: event.blockedURI,
                sample: event.sample,
            });
        });"""
    )


@pytest.fixture
def page(context):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    assert not errors, f"JavaScript errors in the page: {errors}"
    assert not context.csp_violations, (
        f"Content-Security-Policy violations: {context.csp_violations}"
    )


@pytest.fixture(scope="session", autouse=True)
def _screenshots_folder():
    SCREENSHOTS.mkdir(exist_ok=True)


@pytest.fixture
def eager_tasks():
    """Run Celery tasks in-process (certificate issuing and PDFs) whatever the broker
    setting: the browser tests check what people see, the `worker` tests check delivery."""
    from learning.celery import app

    saved = app.conf.task_always_eager, app.conf.task_eager_propagates
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = saved


@pytest.fixture
def learner(site_url, eager_tasks):
    """A Finnish learner with a required two-lesson module that has a quiz."""
    from tests.e2e.data import learner_with_required_module

    return learner_with_required_module()
