"""Signed, expiring, single-purpose links for patients.

A link carries one occasion's id signed with `TimestampSigner` and a salt per purpose, so an
answer link cannot be used to stop taking part and vice versa, and one link opens exactly one
questionnaire occasion. Links expire after `settings.SAISEI_OUTCOMES_LINK_DAYS` days; every
invitation and reminder carries a fresh one.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext as _

from .errors import LinkError

ANSWER = "saisei.outcomes.answer"
STOP = "saisei.outcomes.stop"
PURPOSES = (ANSWER, STOP)


def max_age() -> timedelta:
    return timedelta(days=settings.SAISEI_OUTCOMES_LINK_DAYS)


def make_token(purpose: str, pk: int) -> str:
    if purpose not in PURPOSES:
        raise ValueError(purpose)
    return signing.TimestampSigner(salt=purpose).sign(str(pk))


def read_token(purpose: str, token: str) -> int:
    """The id signed in `token` for `purpose`; LinkError if forged, expired or for another use."""
    try:
        value = signing.TimestampSigner(salt=purpose).unsign(token, max_age=max_age())
    except signing.SignatureExpired as error:
        raise LinkError(
            _("This link has expired. Open your account to answer, or wait for the next e-mail.")
        ) from error
    except signing.BadSignature as error:
        raise LinkError(
            _("This link is not valid. Please use the link from your e-mail.")
        ) from error
    return int(value)


def answer_url(occasion_pk: int) -> str:
    return reverse("outcomes:answer", args=[make_token(ANSWER, occasion_pk)])


def stop_url(treatment_pk: int) -> str:
    return reverse("outcomes:stop_by_link", args=[make_token(STOP, treatment_pk)])
