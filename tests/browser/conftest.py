"""Playwright driving Debian's Chromium against pytest-django's live server."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; Django's ORM must still be usable.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def chromium_path() -> str | None:
    for path in CHROMIUM_PATHS:
        if os.path.exists(path):
            return path
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator:
    path = chromium_path()
    if path is None:
        message = "Chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + "; CI requires the browser tests to run")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _require_fresh_collectstatic() -> None:
    """Fail clearly when STATIC_ROOT is missing or older than a file under STATICFILES_DIRS."""
    from django.conf import settings

    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.exists():
        pytest.fail("No collected static files: run `manage.py collectstatic --noinput` first")
    collected_at = manifest.stat().st_mtime
    stale = [
        str(path)
        for folder in settings.STATICFILES_DIRS
        for path in Path(folder).rglob("*")
        if path.is_file() and path.stat().st_mtime > collected_at
    ]
    if stale:
        pytest.fail(
            "Static files changed since collectstatic (" + ", ".join(stale[:3]) + "): "
            "run `manage.py collectstatic --noinput` first"
        )


def _pass_through(handler):
    """No static handler: WhiteNoise (in MIDDLEWARE) serves the collected files."""
    return handler


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest) -> Iterator:
    """pytest-django's live server, with static files served as in production.

    pytest-django wraps the server in staticfiles' StaticFilesHandler, which looks files up with
    the finders in static/ and answers 404 for the hashed names that the manifest storage puts in
    the pages when DEBUG is off ({% static %} -> css/saisei.<hash>.css). Without it, WhiteNoise
    serves them from STATIC_ROOT: run `manage.py collectstatic` first.
    """
    from pytest_django.live_server_helper import LiveServer

    _require_fresh_collectstatic()
    addr = (
        request.config.getvalue("liveserver")
        or os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(addr, start=False)
    server.thread.static_handler = _pass_through  # type: ignore[assignment]
    server.start()
    yield server
    server.stop()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, locale="en-GB"
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
