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


def follow(page, locator) -> None:
    """Click a link or button that loads another page, and wait until that page is there
    (a plain click returns before the navigation, and the old page would still answer)."""
    with page.expect_navigation():
        locator.click()


def log_in(page, username: str, password: str, language: str = "fi") -> None:
    """Log in through the login form, as a person would."""
    page.goto(f"/{language}/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


# --- learner steps ---------------------------------------------------------------------


def open_required_module(page, title: str) -> None:
    required = page.locator("section[aria-labelledby=required-heading]")
    follow(page, required.get_by_role("link", name=title))
    assert page.get_by_role("heading", level=1).inner_text() == title


def mark_lesson_done(page) -> None:
    with page.expect_navigation():
        page.locator(".lesson-nav form button[type=submit]").click()


# True/false options come in a fixed order: true first, then false.
TRUE, FALSE = 1, 2


def answer_quiz(page, answers: dict[int, str | int]) -> None:
    """Choose, in question `number`, the option labelled `text` (or the option at that
    position), then send the answers."""
    for number, choice in answers.items():
        question = page.locator(f"#question-{number}")
        if isinstance(choice, int):
            question.locator("input").nth(choice - 1).check()
        else:
            question.get_by_label(choice, exact=True).check()
    with page.expect_navigation():
        page.locator("form.quiz-form button[type=submit]").click()


def start_quiz(page) -> None:
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator("form.quiz-form").is_visible()


# --- keyboard ----------------------------------------------------------------------------


def active(page, expression: str):
    """Evaluate `expression` on the focused element (`el`)."""
    return page.evaluate(f"(() => {{ const el = document.activeElement; return {expression}; }})()")


def tab(page) -> None:
    """Press Tab and check the newly focused control shows a visible focus indicator."""
    page.keyboard.press("Tab")
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()"
    )
    outline_style, outline_width, box_shadow = style
    visible = (outline_style != "none" and outline_width != "0px") or box_shadow != "none"
    tag = active(page, "el.outerHTML.slice(0, 120)")
    assert visible, f"no visible focus indicator on {tag}"


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the first element matching `selector` has focus; fails if it cannot
    be reached with the keyboard or any control on the way has no visible focus."""
    target = page.locator(selector).first
    for _ in range(limit):
        tab(page)
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{selector} could not be reached with the Tab key")
