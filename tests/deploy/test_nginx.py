"""The shipped nginx configuration (deploy/nginx/aspa.conf) in front of a gunicorn of the
project with production settings: what a browser and a load balancer get through it."""

from __future__ import annotations

import http.client
import io
import json
import os
import re
import shutil
import ssl
import string
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from organisation.models import AuditEvent
from tests.processes import (
    ROOT,
    database_url_of_tests,
    free_port,
    gunicorn,
    wait_for_port,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOST = "oppiminen.example.fi"
MAX_UPLOAD = "25m"

MAIN_CONF = """
worker_processes 1;
daemon off;
user root;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/aspa.conf;
}}
"""


def production_env(static_root: Path) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "learning.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": database_url_of_tests(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "STATIC_ROOT": str(static_root),
        "TRUSTED_PROXY_COUNT": "1",
    }
    for name in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "DEBUG", "CACHE_URL"):
        env.pop(name, None)
    return env


@pytest.fixture(scope="module")
def site(tmp_path_factory, django_db_setup):
    """One nginx and one gunicorn for the module (they only read the test database)."""
    tmp_path = tmp_path_factory.mktemp("nginx")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.skip("nginx is not installed (Debian package nginx-light)")
    static_root = tmp_path / "static"
    env = production_env(static_root)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", f"/CN={HOST}", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    app_port, http_port, https_port = free_port(), free_port(), free_port()
    values = {
        "SERVER_NAME": HOST,
        "APP_UPSTREAM": f"127.0.0.1:{app_port}",
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "TLS_CERT": str(cert),
        "TLS_KEY": str(key),
        "HTTP_PORT": str(http_port),
        "HTTPS_PORT": str(https_port),
        "MAX_UPLOAD": MAX_UPLOAD,
    }
    shipped = (ROOT / "deploy" / "nginx" / "aspa.conf").read_text()
    placeholders = set(re.findall(r"\$\{([A-Z_]+)\}", shipped))
    assert placeholders == set(values), "the test fills every placeholder of the file"
    # Like envsubst with a list of names: only ${NAME} is replaced, nginx's $host stays.
    (tmp_path / "aspa.conf").write_text(string.Template(shipped).safe_substitute(values))
    (tmp_path / "nginx.conf").write_text(MAIN_CONF.format(tmp=tmp_path))
    check = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    with gunicorn(env, app_port, tmp_path / "gunicorn.log", workers=2):
        server = subprocess.Popen(
            [nginx, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for_port(https_port, 30)
            yield {"http": http_port, "https": https_port, "static_root": static_root}
        finally:
            server.terminate()
            server.wait(timeout=30)


def fetch(port, path, *, tls=True, method="GET", body=None, headers=None):
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        conn = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=30)
    else:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
    response = conn.getresponse()
    content = response.read()
    conn.close()
    return response, content


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (300, 200), (0, 94, 184)).save(out, "PNG")
    return out.getvalue()


def test_the_health_check_answers_over_plain_http_and_pages_go_to_https(site):
    response, content = fetch(site["http"], "/healthz", tls=False)
    assert response.status == 200
    assert json.loads(content)["database"] == "ok"
    response, _ = fetch(site["http"], "/fi/", tls=False)
    assert response.status == 301
    assert response.getheader("Location") == f"https://{HOST}/fi/"


def test_pages_come_over_tls_with_the_apps_security_headers(site):
    response, _ = fetch(site["https"], "/fi/accounts/login/")
    assert response.status == 200
    # Only set when the app knows the request came over HTTPS (X-Forwarded-Proto).
    assert "max-age=" in response.getheader("Strict-Transport-Security", "")
    assert response.getheader("Server") == "nginx"  # no version number
    assert "object-src 'none'" in response.getheader("Content-Security-Policy", "")
    # Host-only, HTTPS-only cookies: the browser refuses a "__Host-" cookie otherwise.
    csrf = next(
        c for c in response.headers.get_all("Set-Cookie") if c.startswith("__Host-csrftoken=")
    )
    flags = {part.strip().split("=")[0].lower() for part in csrf.split(";")[1:]}
    assert {"secure", "path", "samesite"} <= flags
    assert "domain" not in flags
    assert "Path=/" in csrf


def test_lesson_images_load_and_private_files_are_never_served(site):
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    image = get_image_model().objects.create(
        title="Asiakaspalvelu", file=ImageFile(io.BytesIO(_png()), name="palvelu.png")
    )
    rendition = image.get_rendition("width-120")
    response, content = fetch(site["https"], rendition.url)
    assert response.status == 200
    assert response.getheader("Content-Type") == "image/png"
    assert content == Path(rendition.file.path).read_bytes()

    private = {
        "original image": image.file.url,
        "document": "/media/documents/palkkalaskelma.pdf",
        "certificate": "/media/certificates/2026/todistus.pdf",
    }
    for folder in ("documents", "certificates/2026"):
        (Path(settings.MEDIA_ROOT) / folder).mkdir(parents=True, exist_ok=True)
    (Path(settings.MEDIA_ROOT) / "documents" / "palkkalaskelma.pdf").write_bytes(b"%PDF-1.7")
    (Path(settings.MEDIA_ROOT) / "certificates/2026/todistus.pdf").write_bytes(b"%PDF-1.7")
    for what, url in private.items():
        response, _ = fetch(site["https"], url)
        assert response.status == 404, what


def test_static_files_are_served_by_nginx_with_a_long_cache(site):
    css = next(site["static_root"].rglob("*.css"))
    path = "/static/" + css.relative_to(site["static_root"]).as_posix()
    response, content = fetch(site["https"], path)
    assert response.status == 200
    assert "immutable" in response.getheader("Cache-Control", "")
    assert content == css.read_bytes()


def test_the_app_sees_the_client_address_nginx_saw_not_one_the_client_wrote(site):
    response, content = fetch(site["https"], "/fi/accounts/login/")
    cookie = response.getheader("Set-Cookie").split(";", 1)[0]
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1).decode()
    response, _ = fetch(
        site["https"],
        "/fi/accounts/login/",
        method="POST",
        body=f"csrfmiddlewaretoken={token}&username=nobody&password=wrong",
        headers={
            "Cookie": cookie,
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"https://{HOST}/fi/accounts/login/",
            "X-Forwarded-For": "198.51.100.66",
        },
    )
    assert response.status == 200  # the form again, with its error
    event = AuditEvent.objects.get(action="auth.login_failed")
    assert event.address == "127.0.0.1"


def test_uploads_over_the_limit_are_refused_before_they_reach_the_app(site):
    started = time.monotonic()
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    conn = http.client.HTTPSConnection("127.0.0.1", site["https"], context=context, timeout=30)
    conn.putrequest("POST", "/admin/organisation/imports/", skip_host=True)
    conn.putheader("Host", HOST)
    conn.putheader("Content-Length", str(30 * 1024 * 1024))
    conn.endheaders()
    response = conn.getresponse()
    assert response.status == 413
    assert time.monotonic() - started < 5
    conn.close()
