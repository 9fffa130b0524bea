"""What every browser test needs: accessibility checks with axe-core, screenshots, login."""

from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe

from tests.e2e.conftest import SCREENSHOTS

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = {"serious", "critical"}
# Rules switched off, each with its reason (also listed in the README). Empty: none.
DISABLED_RULES: dict[str, str] = {}

_axe = Axe()


def assert_accessible(page, name: str) -> None:
    """Run axe-core in the page with the WCAG 2.1 A and AA rules; fail on any violation of
    serious or critical impact, naming each rule and the elements it found."""
    options = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "resultTypes": ["violations"],
        "rules": {rule: {"enabled": False} for rule in DISABLED_RULES},
    }
    results = _axe.run(page, options=options)
    violations = [v for v in results.response["violations"] if v.get("impact") in FAILING_IMPACTS]
    if violations:
        count = len(violations)
        lines = [f"axe: {count} serious/critical violation(s) on {name} ({page.url}):"]
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            for node in violation["nodes"][:10]:
                lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:200]}")
        raise AssertionError("\n".join(lines))


def screenshot(page, name: str) -> None:
    """Save a full-page screenshot as screenshots/<name>.png."""
    safe = re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-")
    page.screenshot(path=str(SCREENSHOTS / f"{safe}.png"), full_page=True)


def check_page(page, name: str) -> None:
    """Screenshot the page and check it with axe."""
    screenshot(page, name)
    assert_accessible(page, name)


def log_in(page, username: str, password: str, language: str = "fi") -> None:
    """Log in through the login form, as a person would."""
    page.goto(f"/{language}/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
