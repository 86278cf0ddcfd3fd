from collections.abc import Iterable
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import WithJsonSchema

from saisei.clinics.forms import prefecture_choices, region_choices
from saisei.clinics.models import SpokenLanguage
from saisei.lib.currency import SUPPORTED_CURRENCIES
from saisei.registry.models import Modality


def _one_of(values: Iterable[str], description: str) -> WithJsonSchema:
    """The schema of a string parameter whose allowed values are listed (the form checks them).
    The empty string means "any", as in the directory's own form."""
    return WithJsonSchema(
        {"type": "string", "enum": ["", *sorted(values)], "description": description}
    )


RegionParam = Annotated[
    str | None, _one_of((slug for slug, _ in region_choices()), "Region slug, e.g. kanto")
]
PrefectureParam = Annotated[
    str | None, _one_of((slug for slug, _ in prefecture_choices()), "Prefecture slug, e.g. tokyo")
]
ModalityParam = Annotated[
    str | None, _one_of(Modality.values, "One modality, e.g. adipose_msc, prp")
]
LanguageParam = Annotated[
    str | None, _one_of(SpokenLanguage.Language.values, "Language spoken, e.g. en")
]
CurrencyParam = Annotated[
    str | None, _one_of(SUPPORTED_CURRENCIES, "Currency of price_min/price_max and of `approx`")
]
PriceValue = Annotated[Decimal, Field(ge=0, le=1_000_000_000)]
PriceParam = Annotated[
    PriceValue | None,
    WithJsonSchema(
        {
            "type": "number",
            "minimum": 0,
            "maximum": 1_000_000_000,
            "description": "A treatment price in the chosen currency",
        }
    ),
]


class ClinicQuery(Schema):
    q: str | None = Field(
        None,
        max_length=100,
        pattern=r"^[^\x00]*$",  # the form refuses NUL characters; the schema says so
        description="Text: clinic name (Japanese or English), place, treatment",
    )
    region: RegionParam = None
    prefecture: PrefectureParam = None
    kind: Literal["stem_cells", "blood"] | None = Field(
        None, description="stem_cells, or blood (PRP and other blood-derived, not stem cells)"
    )
    modality: ModalityParam = None
    cultured: bool | None = Field(None, description="Only culture-expanded cell treatments")
    joint: bool | None = Field(None, description="Only knee and other joint treatments")
    has_price: bool | None = Field(None, description="Only clinics with a published price")
    language: LanguageParam = None
    currency: CurrencyParam = None
    price_min: PriceParam = None
    price_max: PriceParam = None
    sort: Literal["relevance", "price", "price_desc", "name"] | None = None
    page: int = Field(1, ge=1, le=100000)
    per_page: int = Field(20, ge=1, le=100)


class ClinicDetailQuery(Schema):
    currency: CurrencyParam = None


class Money(Schema):
    currency: str
    amount: Decimal
    approximate: bool = True
    rate_as_of: str | None = None


class ClinicOut(Schema):
    slug: str
    name: str
    name_ja: str
    prefecture: str
    region: str
    stem_cells: bool
    blood_derived: bool
    cultured: bool
    joint: bool
    plan_count: int
    from_price_jpy: int | None
    from_price: Money | None
    from_price_confirmed: bool | None = Field(
        None, description="False when the lowest price's extraction was ambiguous."
    )
    url: str
    api_url: str


class ClinicPage(Schema):
    count: int
    page: int
    pages: int
    per_page: int
    results: list[ClinicOut]


class PriceOut(Schema):
    amount_jpy: int
    converted: Money | None
    tax: str
    unit: str
    kind: str
    confirmed: bool
    extraction_note: str
    document_page: int | None
    excerpt: str


class PlanOut(Schema):
    plan_id: str
    document_code: str
    title_ja: str
    treatment: str
    risk_class: int
    modality: str
    cultured: bool | None
    intra_articular: bool | None
    targets_joint: bool
    status: str
    document_url: str
    registry_list_url: str
    as_of: str
    prices: list[PriceOut]


class EnforcementOut(Schema):
    kind: str
    issued_on: str
    summary: str
    source_url: str


class ClinicDetailOut(ClinicOut):
    name_variants: list[str]
    prefecture_ja: str
    listed: bool
    languages: list[str]
    plans: list[PlanOut]
    enforcement_actions: list[EnforcementOut]


class ErrorOut(Schema):
    detail: str | list | dict
