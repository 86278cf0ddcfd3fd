from decimal import Decimal
from typing import Literal

from ninja import Field, Schema


class ClinicQuery(Schema):
    q: str | None = Field(
        None, description="Text: clinic name (Japanese or English), place, treatment"
    )
    region: str | None = Field(None, description="Region slug, e.g. kanto")
    prefecture: str | None = Field(None, description="Prefecture slug, e.g. tokyo")
    kind: Literal["stem_cells", "blood"] | None = Field(
        None, description="stem_cells, or blood (PRP and other blood-derived, not stem cells)"
    )
    modality: str | None = Field(None, description="One modality, e.g. adipose_msc, prp")
    cultured: bool | None = Field(None, description="Only culture-expanded cell treatments")
    joint: bool | None = Field(None, description="Only knee and other joint treatments")
    has_price: bool | None = Field(None, description="Only clinics with a published price")
    language: str | None = Field(None, description="Language spoken, e.g. en")
    currency: str | None = Field(
        None, description="Currency of price_min/price_max and of `approx`"
    )
    price_min: Decimal | None = Field(None, ge=0)
    price_max: Decimal | None = Field(None, ge=0)
    sort: Literal["relevance", "price", "price_desc", "name"] | None = None
    page: int = Field(1, ge=1, le=100000)
    per_page: int = Field(20, ge=1, le=100)


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
