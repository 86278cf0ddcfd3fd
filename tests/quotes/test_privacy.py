import io
import json
import zipfile

import pytest

from saisei.accounts import privacy
from saisei.quotes import uploads
from saisei.quotes.models import Message, Quote, QuoteRequest, Upload

from .conftest import PDF

pytestmark = pytest.mark.django_db


def test_export_holds_the_requests_messages_and_files(alice, quote_a, recipient_a, sent_request):
    from saisei.quotes import services

    services.post_message(recipient_a, alice, "Is imaging included?", from_clinic=False)
    archive = zipfile.ZipFile(io.BytesIO(privacy.export_archive(alice)))
    data = json.loads(archive.read("data.json"))
    (request,) = data["quote_requests"]
    assert request["diagnosis"] == "Osteoarthritis"
    clinic = next(c for c in request["clinics"] if c["quotes"])
    assert clinic["messages"][0]["body"] == "Is imaging included?"
    assert clinic["quotes"][0]["items"]
    upload = sent_request.uploads.get()
    assert archive.read(f"files/quote_requests/{upload.pk}-knee.pdf") == PDF


def test_deletion_removes_personal_data_and_files_but_keeps_the_clinics_quotes(
    alice, bob, quote_a, recipient_a, sent_request, carol
):
    from saisei.quotes import services

    from .conftest import make_request

    services.post_message(recipient_a, alice, "My knee hurts at night", from_clinic=False)
    services.post_message(recipient_a, carol, "Thank you", from_clinic=True)
    bobs = make_request(bob, [recipient_a.facility])
    upload = sent_request.uploads.get()
    privacy.delete_account(alice)

    request = QuoteRequest.objects.get(pk=sent_request.pk)
    assert request.patient is None and request.anonymised
    assert (request.diagnosis, request.prior_treatments, str(request.nationality)) == ("", "", "")
    assert not Upload.objects.filter(pk=upload.pk).exists()
    assert not uploads.path_for(upload.pk).exists()
    assert not Message.objects.filter(body__contains="knee hurts").exists()
    assert Message.objects.filter(body="Thank you").exists()
    assert Quote.objects.filter(pk=quote_a.pk).exists()  # the clinic's record stays
    assert QuoteRequest.objects.get(pk=bobs.pk).patient == bob  # nobody else's data changes
