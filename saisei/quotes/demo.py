"""A fictional demo quote request, so a newcomer sees the whole flow at once.

The demo patient asks both demo clinics; the demo Sakura clinic has answered with an itemised
quote, the demo Minato clinic has not answered yet. Everything is flagged `is_demo` and only
ever addressed to demo clinics (never to a real one).
"""

import uuid
from datetime import timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from saisei.registry.models import Facility

from . import services
from .models import QuoteRequest

DEMO_KEY = uuid.UUID("00000000-0000-4000-8000-00000000de01")


@transaction.atomic
def load_quotes_demo(patient: User, clinics: list[Facility], staff: User | None) -> QuoteRequest:
    assert all(c.is_demo for c in clinics), "demo requests go to demo clinics only"
    existing = QuoteRequest.objects.filter(patient=patient, idempotency_key=DEMO_KEY).first()
    if existing is not None:
        return existing
    request, _created = services.create_request(
        patient,
        idempotency_key=DEMO_KEY,
        facilities=clinics,
        data={
            "knees": "left",
            "diagnosis": "Knee osteoarthritis (demo)",
            "kl_grade": "2",
            "prior_treatments": "Physiotherapy, two hyaluronic acid injections (demo)",
            "imaging": "xray",
            "age_range": "60_74",
            "nationality": "AU",
            "language": "en",
            "questions": ["cell_source", "evidence", "measured", "complications"],
            "is_demo": True,
        },
    )
    services.send_request(patient, request.pk)
    first = request.recipients.get(facility=clinics[0])
    services.send_quote(
        first.pk,
        staff,
        data={
            "cell_count": "about 50 million cells (demo)",
            "injections": 1,
            "culture_weeks": 4,
            "visits": 3,
            "valid_until": timezone.localdate() + timedelta(days=60),
            "price_may_change": "If the MRI at the first visit shows grade 4 (demo).",
            "answer_cell_source": "Your own fat tissue, cultured for four weeks (demo answer).",
            "answer_evidence": "Small studies only; see the guide (demo answer).",
        },
        items=[
            services.ItemData("consultation", 33_000, 1, "included", "included"),
            services.ItemData("imaging", 44_000, 1, "included", "included"),
            services.ItemData("harvest", 220_000, 1, "included", "included"),
            services.ItemData("processing", 1_100_000, 1, "included", "included"),
            services.ItemData("injection", 165_000, 1, "included", "included"),
            services.ItemData("follow_up", 22_000, 2, "included", "optional"),
            services.ItemData("interpreter", 30_000, 2, "included", "excluded"),
        ],
    )
    return request


def load_from_accounts_demo(result: object) -> QuoteRequest | None:
    """Called by `load_demo` with its result (the demo accounts and clinics)."""
    accounts = getattr(result, "accounts", [])
    patient = next((u for spec, u in accounts if spec.role == "patient"), None)
    staff = next((u for spec, u in accounts if spec.role == "clinic staff"), None)
    clinics = list(getattr(result, "clinics", []))
    if patient is None or len(clinics) < 2:
        return None
    return load_quotes_demo(patient, clinics[:2], staff)
