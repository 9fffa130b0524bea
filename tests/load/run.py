"""The load test, start to end, on this machine only:

    .venv/bin/python tests/load/run.py [--workers 4] [--threads 1] [--steps 20,50,100,200]
        [--seconds 60] [--database aspa_load]

1. a fresh PostgreSQL database (on DATABASE_SERVER, default the local server) with the
   migrations, the demo (`seed_demo`) and the load accounts (tests/load/prepare.py);
2. a private redis-server on a free port (cache, cached sessions and broker; no worker
   runs, so queued tasks wait: the web tier alone is measured), `collectstatic`;
3. gunicorn with production settings (tests/load/settings.py) on 127.0.0.1;
4. locust, headless, in steps of users (tests/load/locustfile.py), each step measured
   for --seconds once all its users are running;
5. a table per step: learner requests/s, p50/p95/p99, errors, server CPU per request.
Everything it starts it stops by PID; the database stays for a look afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.processes import PrivateRedis, free_port, wait_for_port  # noqa: E402

BIN = Path(sys.executable).parent


def run(cmd, env, check=True, **kwargs):
    subprocess.run(cmd, cwd=ROOT, env=env, check=check, **kwargs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--steps", default="20,50,100,200")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--database", default="aspa_load")
    parser.add_argument(
        "--server", default=os.environ.get("DATABASE_SERVER", "postgres://postgres@127.0.0.1:5432")
    )
    parser.add_argument("--reuse", action="store_true", help="keep the database of an earlier run")
    args = parser.parse_args()
    learners = max(int(n) for n in args.steps.split(","))
    work = Path(tempfile.gettempdir()) / f"aspa-load-{args.database}"  # kept for --reuse
    work.mkdir(exist_ok=True)
    database_url = f"{args.server}/{args.database}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PYTHONPATH": str(ROOT),
        "MEDIA_ROOT": str(work / "media"),  # the demo's images, not the checkout's media/
    }
    env.pop("CELERY_BROKER_URL", None)
    env.pop("CACHE_URL", None)
    dev = {**env, "DJANGO_SETTINGS_MODULE": "learning.settings.dev"}
    accounts = work / "accounts.json"
    if not args.reuse:
        import psycopg
        from psycopg import sql

        with psycopg.connect(f"{args.server}/postgres", autocommit=True) as conn:
            name = sql.Identifier(args.database)
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(name))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(name))
        print("migrating and seeding the demo (a minute)...", flush=True)
        run([sys.executable, "manage.py", "migrate", "-v0"], dev)
        run(
            [sys.executable, "manage.py", "seed_demo"],
            dev,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    run(
        [sys.executable, "-m", "tests.load.prepare", str(accounts)],
        {**dev, "LOAD_LEARNERS": str(learners)},
    )

    redis = PrivateRedis()
    redis.start()
    port = free_port()
    prod = {
        **env,
        "DJANGO_SETTINGS_MODULE": "tests.load.settings",
        "SECRET_KEY": "load-test-" + os.urandom(16).hex(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_BASE_URL": f"http://127.0.0.1:{port}",
        "CACHE_URL": redis.url.replace("redis://", "rediscache://"),
        "CELERY_BROKER_URL": redis.url.rsplit("/", 1)[0] + "/1",
        "STATIC_ROOT": str(work / "static"),
    }
    run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], prod)
    gunicorn_cmd = [str(BIN / "gunicorn"), "learning.wsgi", "--bind", f"127.0.0.1:{port}"]
    gunicorn_cmd += ["--workers", str(args.workers), "--access-logfile", "/dev/null"]
    if args.threads > 1:
        gunicorn_cmd += ["--worker-class", "gthread", "--threads", str(args.threads)]
    server = subprocess.Popen(
        gunicorn_cmd,
        cwd=ROOT,
        env=prod,
        stdout=(work / "gunicorn.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    results = work / "results.json"
    try:
        wait_for_port(port, 60)
        time.sleep(2)
        load_env = {
            **env,
            "LOAD_ACCOUNTS": str(accounts),
            "LOAD_STEPS": args.steps,
            "LOAD_STEP_SECONDS": str(args.seconds),
            "LOAD_RESULTS": str(results),
            "GUNICORN_PID": str(server.pid),
        }
        run(
            [
                str(BIN / "locust"),
                "-f",
                "tests/load/locustfile.py",
                "--headless",
                "--only-summary",
                "--host",
                f"http://127.0.0.1:{port}",
                "--loglevel",
                "WARNING",
            ],
            load_env,
            check=False,  # failed requests are counted in the report, not an abort
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        redis.stop()
    report(json.loads(results.read_text()), args)
    print(f"\nper-page figures: {results}; gunicorn log: {work / 'gunicorn.log'}")


def report(steps: list[dict], args) -> None:
    cores = os.cpu_count()
    mode = f"{args.workers} workers" + (f" x {args.threads} threads" if args.threads > 1 else "")
    print(f"\ngunicorn {mode}, PostgreSQL, {cores} cores, locust on the same machine")
    print(
        "| users | learner req/s | p50 ms | p95 ms | p99 ms | errors | all req/s "
        "| server CPU ms/request |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for s in steps:
        print(
            f"| {s['users']} | {s['learner_requests_per_s']} | {s['learner_p50_ms']} | "
            f"{s['learner_p95_ms']} | {s['learner_p99_ms']} | {s['errors']} | "
            f"{s['all_requests_per_s']} | {s['server_cpu_ms_per_request']} |"
        )


if __name__ == "__main__":
    main()
