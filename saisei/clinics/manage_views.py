"""The clinic's own pages: only its members, with TOTP passed (see accounts.roles)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from saisei.accounts.models import ClinicMembership
from saisei.accounts.roles import staff_required

from . import profile as services
from .manage_forms import DoctorForm, LanguagesForm, PackageForm, PhotoForm, ProfileForm
from .models import ClinicPhoto, Doctor, Package


def _manage_url(membership: ClinicMembership) -> str:
    from django.urls import reverse

    return reverse("clinics:manage", args=[membership.facility.slug])


def _render_manage(
    request: HttpRequest, membership: ClinicMembership, status: int = 200, **forms: object
) -> HttpResponse:
    facility = membership.facility
    profile = services.profile_for(facility)
    context = {
        "membership": membership,
        "facility": facility,
        "profile_form": forms.get("profile_form") or ProfileForm(instance=profile),
        "languages_form": forms.get("languages_form") or LanguagesForm.for_facility(facility),
        "doctor_form": forms.get("doctor_form") or DoctorForm(),
        "photo_form": forms.get("photo_form") or PhotoForm(),
        "doctors": list(facility.doctors.all()),
        "photos": list(facility.photos.all()),
        "packages": list(facility.packages.select_related("plan")),
        "plans": list(services.facility_plans(facility)),
    }
    return render(request, "clinics/manage/index.html", context, status=status)


@require_http_methods(["GET"])
@staff_required
def manage(request: HttpRequest, membership: ClinicMembership) -> HttpResponse:
    return _render_manage(request, membership)


@require_POST
@staff_required
def edit_profile(request: HttpRequest, membership: ClinicMembership) -> HttpResponse:
    profile = services.profile_for(membership.facility)
    form = ProfileForm(request.POST, instance=profile)
    if not form.is_valid():
        return _render_manage(request, membership, status=400, profile_form=form)
    services.update_profile(request.user, membership.facility, form.cleaned_data)
    messages.success(request, _("The profile was saved."))
    return redirect(_manage_url(membership))


@require_POST
@staff_required
def edit_languages(request: HttpRequest, membership: ClinicMembership) -> HttpResponse:
    form = LanguagesForm(request.POST)
    if not form.is_valid():
        return _render_manage(request, membership, status=400, languages_form=form)
    services.set_languages(
        request.user,
        membership.facility,
        form.cleaned_data["spoken"],
        form.cleaned_data["interpreted"],
    )
    messages.success(request, _("The languages were saved."))
    return redirect(_manage_url(membership))


@require_POST
@staff_required
def add_doctor(request: HttpRequest, membership: ClinicMembership) -> HttpResponse:
    form = DoctorForm(request.POST)
    if form.is_valid():
        try:
            services.add_doctor(request.user, membership.facility, form.cleaned_data)
        except services.ProfileError as error:
            form.add_error(error.field, error.message)
    if not form.is_valid():
        return _render_manage(request, membership, status=400, doctor_form=form)
    messages.success(request, _("The doctor was added."))
    return redirect(_manage_url(membership))


@require_POST
@staff_required
def remove_doctor(request: HttpRequest, membership: ClinicMembership, pk: int) -> HttpResponse:
    doctor = get_object_or_404(Doctor, pk=pk, facility=membership.facility)
    services.remove_doctor(request.user, doctor)
    messages.success(request, _("The doctor was removed."))
    return redirect(_manage_url(membership))


@require_POST
@staff_required
def add_photo(request: HttpRequest, membership: ClinicMembership) -> HttpResponse:
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_photo(
                request.user,
                membership.facility,
                form.cleaned_data["image"],
                form.cleaned_data["caption"],
            )
        except ValidationError as error:
            form.add_error("image", error)
        except services.ProfileError as error:
            form.add_error("image", error.message)
    if not form.is_valid():
        return _render_manage(request, membership, status=400, photo_form=form)
    messages.success(request, _("The photo was added."))
    return redirect(_manage_url(membership))


@require_POST
@staff_required
def remove_photo(request: HttpRequest, membership: ClinicMembership, pk: int) -> HttpResponse:
    photo = get_object_or_404(ClinicPhoto, pk=pk, facility=membership.facility)
    services.remove_photo(request.user, photo)
    messages.success(request, _("The photo was removed."))
    return redirect(_manage_url(membership))


def _package_form_view(
    request: HttpRequest, membership: ClinicMembership, package: Package | None
) -> HttpResponse:
    facility = membership.facility
    form = PackageForm(request.POST or None, instance=package, facility=facility)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_package(
                request.user, facility, form.cleaned_data, form.item_rows(), package=package
            )
        except services.ProfileError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The package was saved."))
            return redirect(_manage_url(membership))
    context = {"membership": membership, "facility": facility, "form": form, "package": package}
    status = 400 if request.method == "POST" else 200
    return render(request, "clinics/manage/package.html", context, status=status)


@require_http_methods(["GET", "POST"])
@staff_required
def new_package(request: HttpRequest, membership: ClinicMembership) -> HttpResponse:
    return _package_form_view(request, membership, None)


@require_http_methods(["GET", "POST"])
@staff_required
def edit_package(request: HttpRequest, membership: ClinicMembership, pk: int) -> HttpResponse:
    package = get_object_or_404(Package, pk=pk, facility=membership.facility)
    return _package_form_view(request, membership, package)


@require_POST
@staff_required
def delete_package(request: HttpRequest, membership: ClinicMembership, pk: int) -> HttpResponse:
    package = get_object_or_404(Package, pk=pk, facility=membership.facility)
    services.delete_package(request.user, package)
    messages.success(request, _("The package was deleted."))
    return redirect(_manage_url(membership))
