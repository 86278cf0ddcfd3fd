"""Settings come from the environment: check the production-grade defaults in a fresh process."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import json
from django.conf import settings
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "HSTS": getattr(settings, "SECURE_HSTS_SECONDS", 0),
    "SSL_REDIRECT": getattr(settings, "SECURE_SSL_REDIRECT", False),
    "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": settings.CSRF_COOKIE_SECURE,
    "PROXY_HEADER": getattr(settings, "SECURE_PROXY_SSL_HEADER", None),
    "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
    "ENGINE": settings.DATABASES["default"]["ENGINE"],
    "NAME": str(settings.DATABASES["default"]["NAME"]),
    "SCRIPT_SRC": settings.SECURE_CSP["script-src"],
}))
"""


def settings_with(tmp_path, **env: str) -> dict:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "DATABASE_URL", "SITE_URL", "HTTPS", "SECURE_COOKIES", "SECRET_KEY"}
    }
    clean.update(DJANGO_SETTINGS_MODULE="saisei.settings", SAISEI_VAR_DIR=str(tmp_path), **env)
    code = "import django; django.setup()\n" + PROBE
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_local_defaults_are_sqlite_under_var_with_debug_off(tmp_path):
    found = settings_with(tmp_path)
    assert found["DEBUG"] is False
    assert found["ENGINE"] == "django.db.backends.sqlite3"
    assert found["NAME"] == str(tmp_path / "saisei.sqlite3")
    assert found["HSTS"] == 0 and found["SSL_REDIRECT"] is False  # plain http on 127.0.0.1
    assert found["SESSION_COOKIE_SECURE"] and found["CSRF_COOKIE_SECURE"]
    assert "'unsafe-inline'" not in found["SCRIPT_SRC"]
    assert (tmp_path / "secret-key").stat().st_mode & 0o777 == 0o600


def test_https_site_turns_on_hsts_redirect_and_proxy_header(tmp_path):
    found = settings_with(
        tmp_path, SITE_URL="https://saisei.example", ALLOWED_HOSTS="saisei.example"
    )
    assert found["HSTS"] == 31536000
    assert found["SSL_REDIRECT"] is True
    assert found["PROXY_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert found["ALLOWED_HOSTS"] == ["saisei.example"]


def test_database_url_selects_postgresql(tmp_path):
    found = settings_with(tmp_path, DATABASE_URL="postgres://u:p@db.example:5432/saisei")
    assert found["ENGINE"] == "django.db.backends.postgresql"
    assert found["NAME"] == "saisei"


def test_debug_and_plain_http_cookies_are_opt_in(tmp_path):
    assert settings_with(tmp_path, DEBUG="1")["DEBUG"] is True
    assert settings_with(tmp_path, SECURE_COOKIES="0")["SESSION_COOKIE_SECURE"] is False
