"""Fictional demo clinics, plans, packages and accounts, so a newcomer can walk every flow.

Everything here is invented: the clinics are named "Demo ... (fictional)", flagged
`is_demo` (hidden with SHOW_DEMO=0), and their external ids start with DEMO-. Demo staff
and packages are only ever attached to these demo clinics, never to a real one.
"""

from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from allauth.mfa.utils import decrypt
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from saisei.audit.services import record
from saisei.clinics.models import ClinicProfile, ItemKind, Package, PackageItem, SpokenLanguage
from saisei.registry.models import Facility, Plan

from .models import ClinicMembership
from .services import add_member, make_moderator, patient_profile

DEMO_PREFIX = "DEMO-"
# Every demo account's address ends with services.DEMO_EMAIL_DOMAIN ("@saisei.localhost").
DEMO_PASSWORD = "saisei-demo-knee"  # noqa: S105 (published on purpose: fictional demo accounts)
ACTOR = "load_demo"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    role: str
    clinic: str = ""
    totp_secret: str = ""


ACCOUNTS = [
    DemoAccount("demo-patient@saisei.localhost", "patient"),
    DemoAccount(
        "demo-staff-sakura@saisei.localhost",
        "clinic staff",
        clinic="DEMO-F001",
        totp_secret="GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",  # noqa: S106 (fictional demo account)
    ),
    DemoAccount(
        "demo-staff-minato@saisei.localhost",
        "clinic staff",
        clinic="DEMO-F002",
        totp_secret="MNXW2ZDFNVXWIZLNN5SGK3LPMRSW233E",  # noqa: S106 (fictional demo account)
    ),
    DemoAccount(
        "demo-moderator@saisei.localhost",
        "moderator",
        totp_secret="NVXWIZLSMF2G64TNN5SGK4TBORXXEIDB",  # noqa: S106 (fictional demo account)
    ),
]

CLINICS = [
    {
        "external_id": "DEMO-F001",
        "slug": "demo-sakura-knee-clinic",
        "name_ja": "デモさくら膝クリニック（架空）",
        "name_romaji": "Demo Sakura Knee Clinic (fictional)",
        "prefecture": "Tokyo",
        "prefecture_ja": "東京都",
        "region": "Kanto",
        "region_ja": "関東",
        "plan": {
            "plan_id": "DEMO-P001",
            "document_code": "DEMO-DOC-001",
            "risk_class": 2,
            "title_ja": (
                "自己脂肪由来間葉系幹細胞（培養）を用いた変形性膝関節症の治療（架空のデモ）"
            ),
            "modality": "adipose_msc",
            "cultured": True,
        },
        "package": {
            "name_en": "Cultured adipose-derived stem cells, one knee (demo)",
            "cell_source": Package.CellSource.ADIPOSE,
            "cultured": True,
            "typical_cell_count": "about 50 million cells",
            "injections": 1,
            "knees": 1,
            "culture_weeks": 4,
            "visits": 3,
            "price_jpy": 1_650_000,
            "tax": "included",
            "items": [
                ItemKind.CONSULTATION,
                ItemKind.IMAGING,
                ItemKind.HARVEST,
                ItemKind.PROCESSING,
                ItemKind.INJECTION,
                ItemKind.ANESTHESIA,
                ItemKind.FOLLOW_UP,
            ],
        },
        "languages": [("en", False), ("zh", True)],
    },
    {
        "external_id": "DEMO-F002",
        "slug": "demo-minato-prp-clinic",
        "name_ja": "デモみなとPRPクリニック（架空）",
        "name_romaji": "Demo Minato PRP Clinic (fictional)",
        "prefecture": "Osaka",
        "prefecture_ja": "大阪府",
        "region": "Kansai",
        "region_ja": "近畿",
        "plan": {
            "plan_id": "DEMO-P002",
            "document_code": "DEMO-DOC-002",
            "risk_class": 2,
            "title_ja": "多血小板血漿（PRP）の関節内投与による変形性膝関節症の治療（架空のデモ）",
            "modality": "prp",
            "cultured": False,
        },
        "package": {
            "name_en": "PRP injection, one knee (demo; not a stem cell treatment)",
            "cell_source": Package.CellSource.BLOOD,
            "cultured": False,
            "typical_cell_count": "",
            "injections": 1,
            "knees": 1,
            "culture_weeks": None,
            "visits": 1,
            "price_jpy": 198_000,
            "tax": "included",
            "items": [ItemKind.CONSULTATION, ItemKind.HARVEST, ItemKind.INJECTION],
        },
        "languages": [("en", True)],
    },
]


def _clinic(spec: dict) -> Facility:
    plan_spec = spec["plan"]
    facility, _created = Facility.objects.update_or_create(
        external_id=spec["external_id"],
        defaults={
            "slug": spec["slug"],
            "name_ja": spec["name_ja"],
            "name_romaji": spec["name_romaji"],
            "prefecture": spec["prefecture"],
            "prefecture_ja": spec["prefecture_ja"],
            "region": spec["region"],
            "region_ja": spec["region_ja"],
            "is_demo": True,
            "listed": True,
            "plan_count": 1,
            "has_stem_cells": plan_spec["modality"] != "prp",
            "has_blood": plan_spec["modality"] == "prp",
            "has_cultured": bool(plan_spec["cultured"]),
            "has_joint": True,
            "search_text": " ".join(
                [spec["name_ja"], spec["name_romaji"].casefold(), "demo fictional knee"]
            ),
        },
    )
    plan, _created = Plan.objects.update_or_create(
        plan_id=plan_spec["plan_id"],
        defaults={
            **plan_spec,
            "facility": facility,
            "intra_articular": True,
            "targets_joint": True,
            "extracted_on": "demo",
            "status": Plan.Status.LISTED,
            "source_hash": "demo",
        },
    )
    ClinicProfile.objects.update_or_create(
        facility=facility,
        defaults={
            "display_name_en": spec["name_romaji"],
            "address_en": "1-2-3 Example Street (fictional address)",
            "access_en": "A fictional 5-minute walk from a fictional station.",
            "interpreter_available": any(i for _c, i in spec["languages"]),
        },
    )
    for code, interpreter in spec["languages"]:
        SpokenLanguage.objects.update_or_create(
            facility=facility, language=code, defaults={"interpreter": interpreter}
        )
    package_spec = dict(spec["package"])
    items = package_spec.pop("items")
    valid_until = timezone.localdate() + timedelta(days=365)
    package = Package.objects.filter(facility=facility, plan=plan, is_demo=True).first()
    if package is None:
        package = Package(facility=facility, plan=plan, is_demo=True, valid_until=valid_until)
    for name, value in package_spec.items():
        setattr(package, name, value)
    if package.valid_until < timezone.localdate() + timedelta(days=30):
        package.valid_until = valid_until
    package.save()
    if not package.items.exists():
        PackageItem.objects.bulk_create([PackageItem(package=package, kind=k) for k in items])
    return facility


def _account(spec: DemoAccount) -> User:
    user = User.objects.filter(email__iexact=spec.email).first()
    if user is None:
        user = User.objects.create_user(
            username=spec.email.split("@")[0], email=spec.email, password=DEMO_PASSWORD
        )
        record("demo.account_created", user, actor_label=ACTOR)
    elif not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=spec.email, defaults={"verified": True, "primary": True}
    )
    patient_profile(user)
    if spec.totp_secret:
        totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if totp is None or decrypt(totp.data["secret"]) != spec.totp_secret:
            Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
            TOTP.activate(user, spec.totp_secret)
        RecoveryCodes.activate(user)
    return user


@dataclass
class DemoResult:
    accounts: list[tuple[DemoAccount, User]]
    clinics: list[Facility]


@transaction.atomic
def load_demo() -> DemoResult:
    clinics = {spec["external_id"]: _clinic(spec) for spec in CLINICS}
    accounts = []
    for spec in ACCOUNTS:
        user = _account(spec)
        if spec.clinic:
            facility = clinics[spec.clinic]
            assert facility.is_demo and facility.external_id.startswith(DEMO_PREFIX)
            if not ClinicMembership.objects.filter(user=user, facility=facility).exists():
                add_member(user, facility, ClinicMembership.Role.OWNER, actor_label=ACTOR)
        if spec.role == "moderator" and not user.groups.filter(name="moderators").exists():
            make_moderator(user, actor_label=ACTOR)
        accounts.append((spec, user))
    return DemoResult(accounts=accounts, clinics=list(clinics.values()))
