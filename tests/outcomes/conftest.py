import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """The personas' passwords need not be strongly hashed in these tests."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
