import re
import threading
import uuid
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from saisei.quotes import uploads
from saisei.quotes.models import Quote, QuoteRequest, Upload
from saisei.quotes.services import NewFile

from .conftest import DICOM, PDF, PNG, make_request

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><b>bold</b>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;"


def form_data(*slugs, key=None, **extra):
    return {
        "clinics": list(slugs),
        "knees": "both",
        "diagnosis": "",
        "kl_grade": "",
        "prior_treatments": "",
        "imaging": "mri",
        "age_range": "60_74",
        "nationality": "GB",
        "language": "en",
        "budget_currency": "GBP",
        "questions": ["evidence"],
        "idempotency_key": str(key or uuid.uuid4()),
        **extra,
    }


def test_request_flow_form_consent_then_sent(alice, carol, clinic_a, clinic_b, client_for):
    client = client_for(alice)
    page = client.get("/quotes/new/", {"c": ["clinic-a", "clinic-b"]})
    assert page.status_code == 200
    assert 'value="clinic-a"' in page.content.decode()
    response = client.post("/quotes/new/", form_data("clinic-a", "clinic-b"))
    request = QuoteRequest.objects.get()
    assert response["Location"] == f"/quotes/{request.pk}/consent/"
    consent = client.get(response["Location"]).content.decode()
    assert "Test Regenerative Clinic A" in consent and "Test Orthopaedics B" in consent
    assert client.post(f"/quotes/{request.pk}/consent/", {}).status_code == 400
    request.refresh_from_db()
    assert request.status == "draft"
    client.post(f"/quotes/{request.pk}/consent/", {"agree": "on"})
    request.refresh_from_db()
    assert request.status == "open"


def test_posting_the_same_form_twice_creates_one_request(alice, clinic_a, client_for):
    client = client_for(alice)
    data = form_data("clinic-a")
    first = client.post("/quotes/new/", data)
    second = client.post("/quotes/new/", data)
    assert first["Location"] == second["Location"]
    assert QuoteRequest.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_submits_with_one_key_create_one_request(alice, clinic_a, client_for):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL (see bench/)")
    data = form_data("clinic-a")
    statuses = []

    def submit():
        statuses.append(client_for(alice).post("/quotes/new/", data).status_code)
        connection.close()

    threads = [threading.Thread(target=submit) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [302] * 8
    assert QuoteRequest.objects.count() == 1


def test_more_than_five_clinics_are_refused(alice, client_for):
    from tests.factories import make_facility

    slugs = [make_facility(slug=f"c{n}", plans=[{"modality": "prp"}]).slug for n in range(6)]
    response = client_for(alice).post("/quotes/new/", form_data(*slugs))
    assert response.status_code == 400
    assert "at most 5 clinics" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.pdf", b"just text, not a pdf", "is not a PDF, JPEG, PNG or DICOM file"),
        ("scan.pdf.exe", PDF, "has more than one extension"),
        ("scan.php.png", PNG, "has more than one extension"),
        ("photo.png", PDF, "does not match its content"),
        ("empty.pdf", b"", "is empty"),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_message(
    alice, clinic_a, client_for, name, content, message
):
    data = form_data("clinic-a", attachments=[SimpleUploadedFile(name, content)])
    response = client_for(alice).post("/quotes/new/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not QuoteRequest.objects.exists()


def test_oversize_upload_is_refused(alice, clinic_a, client_for, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_BYTES", 100)
    data = form_data("clinic-a", attachments=[SimpleUploadedFile("big.pdf", PDF + b"0" * 200)])
    response = client_for(alice).post("/quotes/new/", data)
    assert response.status_code == 400
    assert "larger than 50 MB" in response.content.decode()


def test_uploads_are_encrypted_at_rest_and_served_to_the_patient(alice, clinic_a, client_for):
    files = [SimpleUploadedFile("knee.pdf", PDF), SimpleUploadedFile("ct.dcm", DICOM)]
    response = client_for(alice).post("/quotes/new/", form_data("clinic-a", attachments=files))
    assert response.status_code == 302
    pdf = Upload.objects.get(kind="pdf")
    assert Upload.objects.get(kind="dicom").name == "ct.dcm"
    on_disk = uploads.path_for(pdf.pk).read_bytes()
    assert PDF not in on_disk and b"%PDF" not in on_disk
    download = client_for(alice).get(f"/quotes/file/{pdf.pk}/")
    assert download.content == PDF
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment")


def test_clinic_answers_with_an_itemised_quote_and_patient_compares(
    alice, carol, sent_request, recipient_a, client_for
):
    staff = client_for(carol)
    detail = staff.get(f"/clinics/clinic-a/manage/quotes/{recipient_a.pk}/")
    assert detail.status_code == 200
    recipient_a.refresh_from_db()
    assert recipient_a.status == "viewed"
    valid = (timezone.localdate() + timedelta(days=5)).isoformat()
    data = {
        "form-TOTAL_FORMS": "3",
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "30",
        "form-0-kind": "consultation",
        "form-0-amount_jpy": "30000",
        "form-0-quantity": "1",
        "form-0-tax": "included",
        "form-0-inclusion": "included",
        "form-1-kind": "injection",
        "form-1-amount_jpy": "100000",
        "form-1-quantity": "2",
        "form-1-tax": "excluded",
        "form-1-inclusion": "included",
        "form-2-kind": "accommodation",
        "form-2-amount_jpy": "15000",
        "form-2-quantity": "3",
        "form-2-tax": "included",
        "form-2-inclusion": "optional",
        "injections": "2",
        "visits": "2",
        "valid_until": valid,
        "price_may_change": "If the MRI shows grade 4.",
    }
    response = staff.post(f"/clinics/clinic-a/manage/quotes/{recipient_a.pk}/quote/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    quote = Quote.objects.get()
    assert quote.items.count() == 3
    page = client_for(alice).get(f"/quotes/{sent_request.pk}/").content.decode()
    assert re.search(r"<title>Your quote request[^<]*</title>", page)
    assert page.count("Report a problem to the moderators") == 1
    assert "¥230,000" in page  # 30,000 + 2 x 100,000
    assert "¥275,000" in page  # with the optional 3 nights
    assert "No imaging mentioned" in page
    assert "No tissue or blood harvest mentioned" in page
    assert "The price may change after examination" in page
    assert "Expires soon" in page
    assert "Some amounts exclude" in page


def test_a_new_version_is_shown_as_such(alice, carol, quote_a, recipient_a, client_for):
    from saisei.quotes import services

    from .conftest import items, quote_data

    services.send_quote(
        recipient_a.pk, carol, data=quote_data(), items=items(("other", 5, "included"))
    )
    old = client_for(alice).get(f"/quotes/quote/{quote_a.pk}/").content.decode()
    assert "replaced this quote with a newer version" in old
    assert "Accept this quote" not in old


def test_patient_accepts_through_the_page(alice, quote_a, sent_request, client_for):
    response = client_for(alice).post(f"/quotes/quote/{quote_a.pk}/accept/")
    assert response.status_code == 302
    sent_request.refresh_from_db()
    assert sent_request.status == "accepted"


def test_text_fields_are_escaped_everywhere(alice, carol, clinic_a, client_for):
    from saisei.quotes import services

    from .conftest import quote_data

    request = make_request(
        alice,
        [clinic_a],
        diagnosis=XSS,
        prior_treatments=XSS,
        other_questions=XSS,
        files=[NewFile("a.pdf", "pdf", PDF)],
    )
    recipient = request.recipients.get()
    quote = services.send_quote(
        recipient.pk,
        carol,
        data=quote_data(price_may_change=XSS, answer_evidence=XSS, cell_count=XSS[:100]),
        items=[services.ItemData("other", 1, 1, "included", "included", XSS[:200])],
    )
    services.post_message(recipient, alice, XSS, from_clinic=False)
    pages = [
        client_for(alice).get(f"/quotes/{request.pk}/"),
        client_for(alice).get(f"/quotes/quote/{quote.pk}/"),
        client_for(carol).get(f"/clinics/clinic-a/manage/quotes/{recipient.pk}/"),
    ]
    for response in pages:
        html = response.content.decode()
        assert response.status_code == 200
        assert XSS not in html
        assert "&lt;script&gt;" in html


def test_decline_reason_is_escaped_for_the_patient(alice, dave, recipient_b, client_for):
    from saisei.quotes import services

    services.decline_request(recipient_b.pk, dave, XSS)
    html = client_for(alice).get(f"/quotes/{recipient_b.request_id}/").content.decode()
    assert XSS not in html and ESCAPED in html


def test_clinic_page_shows_response_time_with_its_caveat(alice, carol, clinic_a, client):
    from saisei.quotes import services

    from .conftest import items, quote_data

    for _n in range(3):
        r = make_request(alice, [clinic_a]).recipients.get()
        services.send_quote(r.pk, carol, data=quote_data(), items=items(("other", 1, "included")))
    html = client.get("/clinics/clinic-a/").content.decode()
    assert "Median time to a first quote" in html
    assert "not a measure of its medical quality" in html


def test_encrypted_files_are_never_served_as_media(alice, sent_request, client_for):
    upload = sent_request.uploads.get()
    assert uploads.path_for(upload.pk).exists()
    for client in (client_for(None), client_for(alice)):
        assert client.get(f"/media/quotes/{upload.pk}.bin").status_code == 404
