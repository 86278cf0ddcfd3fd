import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from saisei.audit.models import AuditEntry
from saisei.outbox.models import OutboundEmail
from saisei.quotes import services
from saisei.quotes.errors import QuoteError, StateError
from saisei.quotes.models import Quote, QuoteRequest, Recipient

from .conftest import REQUEST_DATA, STANDARD_ITEMS, items, make_request, quote_data

pytestmark = pytest.mark.django_db


def actions(target=None):
    qs = AuditEntry.objects.all()
    if target is not None:
        qs = qs.filter(target_id=str(target.pk))
    return list(qs.order_by("created", "id").values_list("action", flat=True))


def test_a_draft_is_invisible_to_clinics_until_the_patient_consents(alice, clinic_a):
    request = make_request(alice, [clinic_a], send=False)
    assert not services.inbox(clinic_a).exists()
    services.send_request(alice, request.pk)
    assert [r.request_id for r in services.inbox(clinic_a)] == [request.pk]
    assert "quote_request.sent" in actions(request)


def test_the_same_idempotency_key_creates_one_request(alice, clinic_a):
    key = uuid.uuid4()
    first, created = services.create_request(
        alice, idempotency_key=key, facilities=[clinic_a], data=REQUEST_DATA
    )
    again, created_again = services.create_request(
        alice, idempotency_key=key, facilities=[clinic_a], data=REQUEST_DATA
    )
    assert (created, created_again) == (True, False)
    assert first.pk == again.pk
    assert QuoteRequest.objects.count() == 1


def test_sending_twice_notifies_each_clinic_once(alice, carol, dave, clinic_a, clinic_b):
    request = make_request(alice, [clinic_a, clinic_b], send=False)
    services.send_request(alice, request.pk)
    services.send_request(alice, request.pk)
    assert sorted(m.to[0] for m in OutboundEmail.objects.all()) == [
        "carol@example.com",
        "dave@example.com",
    ]


def test_a_request_needs_one_to_five_clinics(alice, clinic_a):
    with pytest.raises(QuoteError):
        make_request(alice, [])


def test_new_version_supersedes_the_previous_quote(quote_a, recipient_a, carol):
    second = services.send_quote(
        recipient_a.pk, carol, data=quote_data(), items=items(*STANDARD_ITEMS[:2])
    )
    quote_a.refresh_from_db()
    assert quote_a.status == Quote.Status.SUPERSEDED
    assert (second.version, second.status) == (2, Quote.Status.SENT)
    assert "quote.superseded" in actions(quote_a)


def test_accepting_one_quote_declines_the_others_politely(
    sent_request, quote_a, recipient_b, alice, dave
):
    quote_b = services.send_quote(
        recipient_b.pk, dave, data=quote_data(), items=items(("injection", 198_000, "included"))
    )
    OutboundEmail.objects.all().delete()
    services.accept_quote(alice, quote_a.pk)
    quote_a.refresh_from_db()
    quote_b.refresh_from_db()
    recipient_b.refresh_from_db()
    sent_request.refresh_from_db()
    assert quote_a.status == Quote.Status.ACCEPTED
    assert quote_b.status == Quote.Status.DECLINED
    assert recipient_b.status == Recipient.Status.NOT_CHOSEN
    assert sent_request.status == QuoteRequest.Status.ACCEPTED
    assert "quote.declined" in actions(quote_b)
    subjects = {m.to[0]: m.subject for m in OutboundEmail.objects.all()}
    assert "chose another clinic" in subjects["dave@example.com"]
    assert "accepted" in subjects["carol@example.com"]


def test_another_patient_cannot_accept(quote_a, bob):
    with pytest.raises(QuoteError):
        services.accept_quote(bob, quote_a.pk)


def test_an_expired_quote_cannot_be_accepted_and_is_marked_expired(quote_a, alice):
    Quote.objects.filter(pk=quote_a.pk).update(valid_until=timezone.localdate() - timedelta(days=1))
    with pytest.raises(StateError):
        services.accept_quote(alice, quote_a.pk)
    quote_a.refresh_from_db()
    assert quote_a.status == Quote.Status.EXPIRED
    assert "quote.expired" in actions(quote_a)


def test_reminder_is_sent_once_before_expiry(quote_a):
    Quote.objects.filter(pk=quote_a.pk).update(valid_until=timezone.localdate() + timedelta(days=2))
    OutboundEmail.objects.all().delete()
    assert services.send_expiry_reminders() == 1
    assert services.send_expiry_reminders() == 0
    assert [m.to for m in OutboundEmail.objects.all()] == [["alice@example.com"]]


def test_withdrawing_closes_every_clinic_and_quote(sent_request, quote_a, alice):
    services.withdraw_request(alice, sent_request.pk)
    quote_a.refresh_from_db()
    assert quote_a.status == Quote.Status.WITHDRAWN
    assert set(sent_request.recipients.values_list("status", flat=True)) == {"withdrawn"}
    with pytest.raises(StateError):
        services.send_quote(
            sent_request.recipients.first().pk,
            None,
            data=quote_data(),
            items=items(("other", 1, "included")),
        )


def test_declining_needs_a_reason_and_is_audited(recipient_b, dave):
    with pytest.raises(QuoteError):
        services.decline_request(recipient_b.pk, dave, "  ")
    services.decline_request(recipient_b.pk, dave, "We do not treat grade 2.")
    recipient_b.refresh_from_db()
    assert recipient_b.status == Recipient.Status.DECLINED
    assert "quote_request.declined" in actions(recipient_b.request)


def test_messages_notify_the_other_side_without_the_text(quote_a, recipient_a, alice, carol):
    OutboundEmail.objects.all().delete()
    services.post_message(
        recipient_a, alice, "Is the MRI included? secret-detail", from_clinic=False
    )
    services.post_message(recipient_a, carol, "Yes it is.", from_clinic=True)
    assert [m.to[0] for m in OutboundEmail.objects.order_by("id")] == [
        "carol@example.com",
        "alice@example.com",
    ]
    for message in OutboundEmail.objects.all():
        assert "secret-detail" not in message.body
        assert "Osteoarthritis" not in message.body
    assert actions().count("quote.messaged") == 2


def test_email_is_in_the_recipients_language(sent_request, recipient_a, carol, alice):
    alice.patient_profile.preferred_language = "ja"
    alice.patient_profile.save()
    OutboundEmail.objects.all().delete()
    services.send_quote(
        recipient_a.pk, carol, data=quote_data(), items=items(("other", 1, "included"))
    )
    (message,) = OutboundEmail.objects.all()
    assert "/ja/quotes/" in message.body
    assert "/ja/quotes/" in message.html


def test_first_viewing_is_audited_as_viewed(recipient_a, carol):
    services.mark_viewed(recipient_a, carol)
    services.mark_viewed(recipient_a, carol)
    recipient_a.refresh_from_db()
    assert recipient_a.status == Recipient.Status.VIEWED
    assert actions(recipient_a.request).count("quote_request.viewed") == 1


def test_response_time_is_the_median_of_first_quotes(alice, clinic_a, carol):
    assert services.response_time(clinic_a) is None
    for hours in (1, 3, 10):
        request = make_request(alice, [clinic_a])
        recipient = request.recipients.get()
        services.send_quote(
            recipient.pk, carol, data=quote_data(), items=items(("other", 1, "included"))
        )
        Recipient.objects.filter(pk=recipient.pk).update(
            first_quote_at=recipient.sent_at + timedelta(hours=hours)
        )
    result = services.response_time(clinic_a)
    assert result is not None
    assert (result.median_hours, result.count) == (3.0, 3)


def test_housekeeping_command_expires_and_reminds(quote_a, recipient_b, dave):
    from io import StringIO

    from django.core.management import call_command

    Quote.objects.filter(pk=quote_a.pk).update(valid_until=timezone.localdate() - timedelta(days=1))
    fresh = services.send_quote(
        recipient_b.pk,
        dave,
        data=quote_data(valid_until=timezone.localdate() + timedelta(days=1)),
        items=items(("other", 1, "included")),
    )
    out = StringIO()
    call_command("quotes_housekeeping", stdout=out)
    quote_a.refresh_from_db()
    fresh.refresh_from_db()
    assert quote_a.status == Quote.Status.EXPIRED
    assert fresh.reminder_sent_at is not None
    assert "reminders 1" in out.getvalue()
