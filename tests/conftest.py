import pytest

from tests.personas import (  # noqa: F401  (fixtures)
    alice,
    bob,
    carol,
    client_for,
    clinic_a,
    clinic_b,
    dave,
    mia,
    personas,
)


@pytest.fixture(autouse=True)
def _fresh_rates_cache():
    """Exchange rates are cached in the process; no test may see another's."""
    from saisei.lib.currency import clear_rates_cache

    clear_rates_cache()
    yield
    clear_rates_cache()


@pytest.fixture(autouse=True)
def _tasks_run_immediately(settings):
    """Tasks (e-mails) run in the test's process when enqueued, into mail.outbox."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _default_language():
    """A request in another language leaves it active in the thread; start each test in English."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()
