"""Who may do what: roles, and the checks that views (and later apps) use.

- patient: any signed-in user.
- clinic staff: a user with a `ClinicMembership` (owner or staff) of a facility.
- moderator: a member of the `moderators` group.

Staff and moderators must have TOTP set up and have passed it in this session before they see
any staff page or patient data: `staff_required` / `moderator_required` (decorators) and
`require_mfa` send them to set it up, or to confirm it, first.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from saisei.registry.models import Facility

from .models import MODERATORS_GROUP, ClinicMembership

View = Callable[..., HttpResponse]


def is_moderator(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, "_saisei_is_moderator", None)
    if cached is None:
        cached = user.groups.filter(name=MODERATORS_GROUP).exists()
        user._saisei_is_moderator = cached
    return cached


def memberships(user: Any) -> list[ClinicMembership]:
    """The user's clinic memberships, with their facilities (one query, cached on the user)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_saisei_memberships", None)
    if cached is None:
        cached = list(
            ClinicMembership.objects.filter(user=user)
            .select_related("facility")
            .order_by("facility__name_romaji")
        )
        user._saisei_memberships = cached
    return cached


def is_clinic_staff(user: Any) -> bool:
    return bool(memberships(user))


def member_facility_ids(user: Any) -> set[int]:
    return {m.facility_id for m in memberships(user)}


def membership_for(user: Any, facility: Facility) -> ClinicMembership | None:
    return next((m for m in memberships(user) if m.facility_id == facility.pk), None)


def is_member(user: Any, facility: Facility, role: str | None = None) -> bool:
    membership = membership_for(user, facility)
    return membership is not None and (role is None or membership.role == role)


def needs_mfa(user: Any) -> bool:
    """Staff and moderators must use two-factor authentication."""
    return is_clinic_staff(user) or is_moderator(user)


def has_totp(user: Any) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def mfa_passed(request: HttpRequest) -> bool:
    """True when this session's sign-in included a TOTP (or recovery code) step."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def mfa_redirect(request: HttpRequest) -> HttpResponse | None:
    """Where a staff member or moderator must go before a protected page, or None if done."""
    next_query = urlencode({"next": request.get_full_path()})
    if not has_totp(request.user):
        return redirect(f"{reverse('accounts:mfa_required')}?{next_query}")
    if not mfa_passed(request):
        return redirect(f"{reverse('mfa_reauthenticate')}?{next_query}")
    return None


def _login_redirect(request: HttpRequest) -> HttpResponse:
    return redirect_to_login(request.get_full_path())


def moderator_required(view: View) -> View:
    """Signed in, a moderator (403 otherwise), with TOTP passed in this session."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return _login_redirect(request)
        if not is_moderator(request.user):
            raise PermissionDenied
        return mfa_redirect(request) or view(request, *args, **kwargs)

    return wrapper


def staff_required(view: View | None = None, *, role: str | None = None) -> Any:
    """Signed in, a member of the clinic named by the `slug` URL argument, with TOTP passed.

    The view receives `membership` (the ClinicMembership) instead of `slug`. A user who is not
    a member (or not an owner, with role="owner") gets 403, whatever the clinic: the check
    does not reveal which clinics exist beyond the public directory.
    """

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return _login_redirect(request)
            membership = next(
                (m for m in memberships(request.user) if m.facility.slug == slug), None
            )
            if membership is None:
                if not Facility.objects.filter(slug=slug).exists():
                    raise Http404
                raise PermissionDenied
            if role is not None and membership.role != role:
                raise PermissionDenied
            return mfa_redirect(request) or view(request, *args, membership=membership, **kwargs)

        return wrapper

    return decorate(view) if view is not None else decorate


def any_staff_required(view: View) -> View:
    """Signed in as a member of at least one clinic (403 otherwise), with TOTP passed."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return _login_redirect(request)
        if not is_clinic_staff(request.user):
            raise PermissionDenied
        return mfa_redirect(request) or view(request, *args, **kwargs)

    return wrapper
