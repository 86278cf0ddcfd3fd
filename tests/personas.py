"""The personas, as pytest fixtures (loaded by tests/conftest.py).

    alice, bob    patients with a verified e-mail address
    carol         staff (owner) of clinic_a, TOTP set up
    dave          staff (owner) of clinic_b, TOTP set up
    mia           moderator, TOTP set up

`client_for(user)` returns a test Client signed in as the user; for carol, dave and mia the
session has passed TOTP as a real sign-in would (`mfa=False` for a session that has not).
`totp_code(user)` gives the code their authenticator would show now. Every persona's
password is PASSWORD.
"""

import time

import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from allauth.mfa.utils import decrypt
from django.contrib.auth.models import User
from django.test import Client

from saisei.accounts import services
from saisei.accounts.models import ClinicMembership
from saisei.accounts.totp import current_code
from tests.factories import make_facility

PASSWORD = "correct horse battery staple 7"
# Fixed base32 secrets so that a failing test can be reproduced with an authenticator app.
TOTP_SECRETS = {
    "carol": "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
    "dave": "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU",
    "mia": "MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK",
}
_AUTH_USER_KEY = "account_authentication_methods_user"


def make_user(name: str, *, verified: bool = True) -> User:
    email = f"{name}@example.com"
    user = User.objects.create_user(username=name, email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    services.patient_profile(user)
    return user


def add_totp(user: User, secret: str) -> None:
    TOTP.activate(user, secret)


def totp_code(user: User) -> str:
    """The six digits the user's authenticator app shows right now."""
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    return current_code(decrypt(authenticator.data["secret"]))


def sign_in(client: Client, user: User, *, mfa: bool = True) -> Client:
    """Sign the client in as `user`; with mfa=True record the TOTP step allauth would record."""
    client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")
    session = client.session
    now = time.time()
    records = [{"method": "password", "at": now, "email": user.email}]
    if mfa and Authenticator.objects.filter(user=user, type="totp").exists():
        records.append({"method": "mfa", "at": now, "type": "totp"})
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session[_AUTH_USER_KEY] = str(user.pk)
    session.save()
    return client


@pytest.fixture
def client_for(db):
    def make(user: User | None, *, mfa: bool = True) -> Client:
        client = Client()
        return sign_in(client, user, mfa=mfa) if user is not None else client

    return make


@pytest.fixture
def clinic_a(db):
    return make_facility(
        name_ja="テスト再生クリニックA",
        name_romaji="Test Regenerative Clinic A",
        slug="clinic-a",
        plans=[
            {"modality": "adipose_msc", "cultured": True, "prices": [{"amount_jpy": 990_000}]},
            {"modality": "prp", "title_ja": "PRP療法", "risk_class": 3},
        ],
    )


@pytest.fixture
def clinic_b(db):
    return make_facility(
        name_ja="テスト整形外科B",
        name_romaji="Test Orthopaedics B",
        slug="clinic-b",
        plans=[{"modality": "prp", "title_ja": "PRP療法", "risk_class": 3}],
    )


@pytest.fixture
def alice(db):
    return make_user("alice")


@pytest.fixture
def bob(db):
    return make_user("bob")


@pytest.fixture
def carol(db, clinic_a):
    user = make_user("carol")
    add_totp(user, TOTP_SECRETS["carol"])
    ClinicMembership.objects.create(user=user, facility=clinic_a, role="owner")
    return user


@pytest.fixture
def dave(db, clinic_b):
    user = make_user("dave")
    add_totp(user, TOTP_SECRETS["dave"])
    ClinicMembership.objects.create(user=user, facility=clinic_b, role="owner")
    return user


@pytest.fixture
def mia(db):
    user = make_user("mia")
    add_totp(user, TOTP_SECRETS["mia"])
    services.make_moderator(user, actor_label="test")
    return user


@pytest.fixture
def personas(alice, bob, carol, dave, mia):
    """All five, by name (plus None for the anonymous visitor)."""
    return {"anonymous": None, "alice": alice, "bob": bob, "carol": carol, "dave": dave, "mia": mia}
