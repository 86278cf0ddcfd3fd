"""What a clinic's members edit: profile, languages, doctors, photos and packages.

Registry facts stay read-only: these functions only write the clinic's own models. Every
change runs in a transaction and is audited. Callers pass the acting user and the facility
of a membership checked by `saisei.accounts.roles.staff_required`.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from saisei.audit.services import record
from saisei.registry.models import BLOOD_MODALITIES, STEM_CELL_MODALITIES, Facility, Plan

from . import photos
from .models import (
    ClinicPhoto,
    ClinicProfile,
    Doctor,
    ItemKind,
    Package,
    PackageItem,
    SpokenLanguage,
)

PROFILE_FIELDS = [
    "display_name_en",
    "display_name_ja",
    "display_name_zh",
    "address_en",
    "address_ja",
    "address_zh",
    "access_en",
    "access_ja",
    "access_zh",
    "interpreter_available",
    "interpreter_note",
]
PACKAGE_FIELDS = [
    "plan",
    "name_en",
    "name_ja",
    "name_zh",
    "cell_source",
    "cultured",
    "typical_cell_count",
    "injections",
    "knees",
    "culture_weeks",
    "visits",
    "price_jpy",
    "tax",
    "valid_until",
]
MAX_PHOTOS = 12


class ProfileError(Exception):
    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def profile_for(facility: Facility) -> ClinicProfile:
    profile, _created = ClinicProfile.objects.get_or_create(facility=facility)
    return profile


@transaction.atomic
def update_profile(actor: Any, facility: Facility, data: dict[str, Any]) -> ClinicProfile:
    profile = profile_for(facility)
    changed = [f for f in PROFILE_FIELDS if f in data and getattr(profile, f) != data[f]]
    for name in changed:
        setattr(profile, name, data[name])
    profile.save()
    record("clinic.profile_updated", profile, actor=actor, facility=facility.pk, fields=changed)
    return profile


@transaction.atomic
def set_languages(
    actor: Any, facility: Facility, languages: Iterable[str], interpreted: Iterable[str]
) -> list[SpokenLanguage]:
    """Replace the languages spoken: `languages` by staff, `interpreted` through an interpreter."""
    wanted = {code: False for code in languages}
    wanted.update({code: True for code in interpreted if code not in wanted})
    valid = set(SpokenLanguage.Language.values)
    wanted = {code: interp for code, interp in wanted.items() if code in valid}
    facility.languages.exclude(language__in=wanted).delete()
    for code, interpreter in wanted.items():
        SpokenLanguage.objects.update_or_create(
            facility=facility, language=code, defaults={"interpreter": interpreter}
        )
    record(
        "clinic.languages_set",
        facility,
        actor=actor,
        languages=sorted(wanted),
        interpreted=sorted(c for c, i in wanted.items() if i),
    )
    return list(facility.languages.all())


@transaction.atomic
def add_doctor(actor: Any, facility: Facility, data: dict[str, Any]) -> Doctor:
    year = data.get("licence_year")
    if year is not None and not 1940 <= year <= timezone.now().year:
        raise ProfileError(
            _("Enter the year the doctor was licensed, for example 2005."), "licence_year"
        )
    doctor = Doctor.objects.create(
        facility=facility,
        name=data["name"],
        specialty=data.get("specialty", ""),
        licence_year=year,
    )
    record("clinic.doctor_added", doctor, actor=actor, facility=facility.pk)
    return doctor


@transaction.atomic
def remove_doctor(actor: Any, doctor: Doctor) -> None:
    record("clinic.doctor_removed", doctor, actor=actor, facility=doctor.facility_id)
    doctor.delete()


@transaction.atomic
def add_photo(actor: Any, facility: Facility, upload: UploadedFile, caption: str) -> ClinicPhoto:
    """Validate, resize and store a photo; raises django's ValidationError on a bad file."""
    if facility.photos.count() >= MAX_PHOTOS:
        raise ProfileError(_("A clinic can show up to %(n)d photos.") % {"n": MAX_PHOTOS})
    content = photos.process_photo(upload)
    photo = ClinicPhoto(facility=facility, caption=caption)
    photo.image.save(content.name or "photo.jpg", content, save=False)
    photo.save()
    record("clinic.photo_added", photo, actor=actor, facility=facility.pk)
    return photo


@transaction.atomic
def remove_photo(actor: Any, photo: ClinicPhoto) -> None:
    record("clinic.photo_removed", photo, actor=actor, facility=photo.facility_id)
    name = str(photo.image.name)
    storage = photo.image.storage
    photo.delete()
    transaction.on_commit(lambda: storage.delete(name))


def _check_package(facility: Facility, data: dict[str, Any]) -> None:
    plan: Plan | None = data.get("plan")
    if plan is None or plan.facility_id != facility.pk:
        raise ProfileError(
            _("Choose one of this clinic's registered plans: a package needs a plan."), "plan"
        )
    if plan.status != Plan.Status.LISTED:
        raise ProfileError(_("This plan is no longer listed in the registry."), "plan")
    blood = data.get("cell_source") == Package.CellSource.BLOOD
    if blood and plan.modality in STEM_CELL_MODALITIES:
        raise ProfileError(
            _(
                "This plan is for a stem cell treatment; "
                "PRP and other blood products need their own plan."
            ),
            "cell_source",
        )
    if not blood and plan.modality in BLOOD_MODALITIES:
        raise ProfileError(
            _("This plan is for PRP or another blood product, which is not a stem cell treatment."),
            "cell_source",
        )
    if data.get("cultured") and not data.get("culture_weeks"):
        raise ProfileError(_("Say how many weeks the cells are cultured."), "culture_weeks")
    if not data.get("cultured") and data.get("culture_weeks"):
        raise ProfileError(
            _("Culture weeks apply only to culture-expanded cells."), "culture_weeks"
        )
    if data.get("cultured") and plan.cultured is False:
        raise ProfileError(_("The registered plan is not for culture-expanded cells."), "cultured")


@transaction.atomic
def save_package(
    actor: Any,
    facility: Facility,
    data: dict[str, Any],
    items: Iterable[tuple[str, str]],
    package: Package | None = None,
) -> Package:
    """Create or update a package under one of the facility's plans, with its typed items."""
    _check_package(facility, data)
    if package is not None and package.facility_id != facility.pk:
        raise ProfileError(_("This package belongs to another clinic."))
    created = package is None
    package = package or Package(facility=facility, is_demo=facility.is_demo)
    for name in PACKAGE_FIELDS:
        if name in data:
            setattr(package, name, data[name])
    package.save()
    package.items.all().delete()
    valid = set(ItemKind.values)
    PackageItem.objects.bulk_create(
        [PackageItem(package=package, kind=k, note=n) for k, n in items if k in valid]
    )
    record(
        "clinic.package_created" if created else "clinic.package_updated",
        package,
        actor=actor,
        facility=facility.pk,
        plan=package.plan.plan_id,
        price_jpy=package.price_jpy,
    )
    return package


@transaction.atomic
def delete_package(actor: Any, package: Package) -> None:
    record("clinic.package_deleted", package, actor=actor, facility=package.facility_id)
    package.delete()


def facility_plans(facility: Facility) -> QuerySet[Plan]:
    return facility.plans.filter(status=Plan.Status.LISTED).order_by("plan_id")


@dataclass
class PublicProfile:
    """What the clinic added, for its public page: always shown as entered by the clinic."""

    profile: ClinicProfile | None
    doctors: list[Doctor]
    photos: list[ClinicPhoto]
    packages: list[Package]
    updated: date | None

    @property
    def address(self) -> str:
        return self.profile.localized("address") if self.profile else ""

    @property
    def access(self) -> str:
        return self.profile.localized("access") if self.profile else ""

    @property
    def empty(self) -> bool:
        return not (self.profile or self.doctors or self.photos or self.packages)


def public_profile(facility: Facility, profile: ClinicProfile | None) -> PublicProfile:
    items = PackageItem.objects.order_by("id")
    packages = list(
        facility.packages.select_related("plan").prefetch_related(Prefetch("items", queryset=items))
    )
    doctors = list(facility.doctors.all())
    photo_list = list(facility.photos.all())
    stamps = [p.updated for p in packages] + [d.created for d in doctors]
    stamps += [p.created for p in photo_list]
    if profile is not None:
        stamps.append(profile.updated)
    return PublicProfile(
        profile=profile,
        doctors=doctors,
        photos=photo_list,
        packages=packages,
        updated=max(stamps).date() if stamps else None,
    )
