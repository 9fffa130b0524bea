"""A mixed load of learners and HR users against a local deployment (tests/load/run.sh).

Learners sign in once (their password login is reported apart as "login"), then go round:
My learning, a module, a lesson, "Mark as done", the quiz, a passing submission, with a
think time between pages. A share of HR users open the coverage overview and one service
point. Only ever against 127.0.0.1; the accounts are made by `prepare_load` in run.sh.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import time
from pathlib import Path
from urllib.parse import urlparse

from locust import HttpUser, LoadTestShape, between, events, task

ACCOUNTS = json.loads(Path(os.environ["LOAD_ACCOUNTS"]).read_text())
_learners = itertools.cycle(ACCOUNTS["learners"])
_hr = itertools.cycle(ACCOUNTS["hr"])
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SIGNED_IN = {"users": 0}  # virtual users past their login (the steps measure after all are)
OPTION = re.compile(r'name="(q-[^"]+)" id="[^"]*" value="([^"]+)"')
SUBMIT = re.compile(r'<form[^>]+action="([^"]*/submit/)"')


@events.test_start.add_listener
def _only_local(environment, **kwargs):
    host = urlparse(environment.host or "").hostname
    if host not in ("127.0.0.1", "localhost"):
        raise SystemExit(f"the load test only runs against 127.0.0.1, not {host}")


class SignedIn(HttpUser):
    abstract = True
    password = ACCOUNTS["password"]

    def sign_in(self, username: str) -> None:
        page = self.client.get("/fi/accounts/login/", name="login form")
        token = CSRF.search(page.text).group(1)
        self.client.post(
            "/fi/accounts/login/",
            {"username": username, "password": self.password, "csrfmiddlewaretoken": token},
            name="login",
        )
        SIGNED_IN["users"] += 1

    def csrf(self, html: str) -> str:
        return CSRF.search(html).group(1)


class Learner(SignedIn):
    weight = 9
    wait_time = between(1, 3)

    def on_start(self):
        account = next(_learners)
        self.sign_in(account["username"])
        self.module, self.lessons, self.quiz = (
            account["module"],
            account["lessons"],
            account["quiz"],
        )
        self.position = 0

    @task
    def study(self):
        self.client.get("/fi/", name="my learning")
        self.client.get(self.module, name="module")
        lesson = self.lessons[self.position % len(self.lessons)]
        self.position += 1
        page = self.client.get(lesson, name="lesson")
        self.client.post(
            lesson,
            {"action": "done", "csrfmiddlewaretoken": self.csrf(page.text)},
            name="mark done",
        )
        form = self.client.get(self.quiz, name="quiz form")
        if SUBMIT.search(form.text) is None and f'action="{self.quiz}"' in form.text:
            # "Start the quiz" (or "Try again"): the attempt form follows the redirect.
            form = self.client.post(
                self.quiz, {"csrfmiddlewaretoken": self.csrf(form.text)}, name="quiz start"
            )
        action = SUBMIT.search(form.text)
        if action is None:
            return  # passed already, or waiting before another attempt: the round ends
        data: dict[str, list[str]] = {"csrfmiddlewaretoken": [self.csrf(form.text)]}
        for name, value in OPTION.findall(form.text):
            data.setdefault(name, [value])  # the first option of each question
        self.client.post(action.group(1), data, name="quiz submit")


class HR(SignedIn):
    weight = 1
    wait_time = between(2, 5)

    def on_start(self):
        account = next(_hr)
        self.sign_in(account["username"])
        self.point = account["service_point_url"]

    @task
    def coverage(self):
        self.client.get("/admin/reports/coverage/", name="HR coverage")
        self.client.get(self.point, name="HR service point")


# --- steps: 20, 50, 100, 200 users (LOAD_STEPS), LOAD_STEP_SECONDS each -----------------------

LEARNER_PAGES = {"my learning", "module", "lesson", "mark done", "quiz form", "quiz start"}
LEARNER_PAGES |= {"quiz submit"}
STEPS = [int(n) for n in os.environ.get("LOAD_STEPS", "20,50,100,200").split(",")]
STEP_SECONDS = int(os.environ.get("LOAD_STEP_SECONDS", "60"))
SPAWN_RATE = float(os.environ.get("LOAD_SPAWN_RATE", "20"))
RESULTS = Path(os.environ.get("LOAD_RESULTS", "load-results.json"))


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its children that are still running."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


class Steps(LoadTestShape):
    """Each step: spawn up to its users (new users sign in once), then LOAD_STEP_SECONDS
    measured from the moment all have signed in; the figures of each step are its own
    (logins, 1,000,000 PBKDF2 iterations each, are left out of every step)."""

    def __init__(self):
        super().__init__()
        self.step = 0
        self.measuring_since = None
        self.cpu_at_start = 0.0
        self.results = []
        self.server = int(os.environ.get("GUNICORN_PID", "0"))

    def tick(self):
        if self.step >= len(STEPS):
            RESULTS.write_text(json.dumps(self.results, indent=2))
            return None
        users = STEPS[self.step]
        runner = self.runner
        now = time.monotonic()
        if self.measuring_since is None:
            if runner.user_count >= users and SIGNED_IN["users"] >= users:
                runner.stats.reset_all()  # the logins of this step's new users stay out
                self.measuring_since = now
                self.cpu_at_start = _cpu_seconds(self.server) if self.server else 0.0
            return users, SPAWN_RATE
        if now - self.measuring_since < STEP_SECONDS:
            return users, SPAWN_RATE
        self.results.append(self._summary(users, now - self.measuring_since))
        self.step += 1
        self.measuring_since = None
        return (STEPS[self.step], SPAWN_RATE) if self.step < len(STEPS) else (users, SPAWN_RATE)

    def _summary(self, users: int, seconds: float) -> dict:
        stats = self.runner.stats
        cpu = (_cpu_seconds(self.server) - self.cpu_at_start) if self.server else None
        rows = {}
        for (name, _method), entry in stats.entries.items():
            rows[name] = {
                "requests": entry.num_requests,
                "failures": entry.num_failures,
                "p50": entry.get_response_time_percentile(0.5),
                "p95": entry.get_response_time_percentile(0.95),
                "p99": entry.get_response_time_percentile(0.99),
            }
        learner = [stats.entries[k] for k in stats.entries if k[0] in LEARNER_PAGES]
        total = stats.total
        learner_requests = sum(e.num_requests for e in learner)
        all_requests = total.num_requests
        merged = _merge(learner)
        return {
            "users": users,
            "seconds": round(seconds, 1),
            "learner_requests_per_s": round(learner_requests / seconds, 1),
            "all_requests_per_s": round(all_requests / seconds, 1),
            "learner_p50_ms": merged.get_response_time_percentile(0.5) if merged else None,
            "learner_p95_ms": merged.get_response_time_percentile(0.95) if merged else None,
            "learner_p99_ms": merged.get_response_time_percentile(0.99) if merged else None,
            "errors": total.num_failures,
            "server_cpu_ms_per_request": round(1000 * cpu / all_requests, 1)
            if cpu is not None and all_requests
            else None,
            "pages": rows,
        }


def _merge(entries):
    from locust.stats import StatsEntry

    if not entries:
        return None
    merged = StatsEntry(entries[0].stats, "learner", "")
    for entry in entries:
        merged.extend(entry)
    return merged
