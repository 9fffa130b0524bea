import re
from pathlib import Path

from django.conf import settings

ENV_READ = re.compile(r'env(?:\.\w+)?\(\s*"([A-Z][A-Z0-9_]*)"')


def settings_variables() -> set[str]:
    folder = Path(settings.BASE_DIR) / "learning" / "settings"
    return {name for path in folder.glob("*.py") for name in ENV_READ.findall(path.read_text())}


def example_variables() -> set[str]:
    text = (Path(settings.BASE_DIR) / ".env.example").read_text()
    return set(re.findall(r"^#? ?([A-Z][A-Z0-9_]*)=", text, re.M))


def test_env_example_lists_every_variable_the_settings_read():
    assert settings_variables()  # the pattern still finds them
    assert settings_variables() - example_variables() == set()


def test_production_settings_keep_demo_data_out():
    text = (Path(settings.BASE_DIR) / "learning" / "settings" / "production.py").read_text()
    assert "ALLOW_DEMO_DATA = False" in text
    assert "SHOW_DEMO_PASSWORDS = False" in text


def test_production_settings_pass_the_deployment_check(tmp_path):
    import os
    import secrets
    import subprocess
    import sys

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "learning.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "oppiminen.example.fi",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    env.pop("DEBUG", None)
    # set by the browser tests in this process; never part of a deployment
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_language_cookie_is_http_only_same_site_and_secure_in_production(client, tmp_path):
    import os
    import secrets
    import subprocess
    import sys

    response = client.post("/i18n/setlang/", {"language": "sv", "next": "/sv/"})
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "sv"
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "learning.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "oppiminen.example.fi",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_HTTPONLY, s.LANGUAGE_COOKIE_SAMESITE)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["True", "True", "Lax"], result.stderr
