import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from saisei.quotes import services
from saisei.quotes.services import ItemData, NewFile

PDF = b"%PDF-1.4\n% a tiny test pdf\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
DICOM = b"\x00" * 128 + b"DICM" + b"\x02\x00" * 20

REQUEST_DATA = {
    "knees": "left",
    "diagnosis": "Osteoarthritis",
    "kl_grade": "2",
    "prior_treatments": "Physiotherapy",
    "imaging": "xray",
    "age_range": "45_59",
    "nationality": "AU",
    "language": "en",
    "questions": ["cell_source", "evidence"],
}


def make_request(patient, facilities, *, send=True, files=(), **data):
    request, _created = services.create_request(
        patient,
        idempotency_key=uuid.uuid4(),
        facilities=facilities,
        data={**REQUEST_DATA, **data},
        files=list(files),
    )
    if send:
        services.send_request(patient, request.pk)
        request.refresh_from_db()
    return request


def items(*specs):
    return [
        ItemData(kind=k, amount_jpy=a, quantity=1, tax="included", inclusion=inc)
        for k, a, inc in specs
    ]


def quote_data(**overrides):
    return {
        "cell_count": "50 million",
        "injections": 1,
        "culture_weeks": 4,
        "visits": 2,
        "valid_until": timezone.localdate() + timedelta(days=30),
        "price_may_change": "",
        "answer_cell_source": "From your abdominal fat.",
        **overrides,
    }


STANDARD_ITEMS = (
    ("consultation", 30_000, "included"),
    ("imaging", 40_000, "included"),
    ("harvest", 200_000, "included"),
    ("processing", 900_000, "included"),
    ("injection", 100_000, "included"),
    ("follow_up", 20_000, "optional"),
)


@pytest.fixture
def sent_request(alice, clinic_a, clinic_b):
    return make_request(alice, [clinic_a, clinic_b], files=[NewFile("knee.pdf", "pdf", PDF)])


@pytest.fixture
def recipient_a(sent_request, clinic_a):
    return sent_request.recipients.get(facility=clinic_a)


@pytest.fixture
def recipient_b(sent_request, clinic_b):
    return sent_request.recipients.get(facility=clinic_b)


@pytest.fixture
def quote_a(recipient_a, carol):
    return services.send_quote(
        recipient_a.pk, carol, data=quote_data(), items=items(*STANDARD_ITEMS)
    )
