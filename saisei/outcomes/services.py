"""Treatment rules: plan, mark done (clinic), confirm or dispute (patient), stop taking part.

Every change runs in a transaction and writes an audit entry. A confirmed injection date starts
the follow-up schedule (1, 3, 6 and 12 months). The quotes app calls `plan_treatment` with
the accepted quote's id (`quote_id`) when a patient accepts a quote.
"""

import uuid
from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from saisei.accounts import roles
from saisei.accounts.models import MODERATORS_GROUP
from saisei.audit.services import record
from saisei.registry.models import Facility

from . import clock, notify
from .errors import TreatmentError
from .models import Occasion, Treatment
from .schedule import BASELINE, FOLLOW_UPS


@transaction.atomic
def plan_treatment(
    patient: Any,
    facility: Facility,
    *,
    injection_date: date | None = None,
    harvest_date: date | None = None,
    package: Any = None,
    quote_id: uuid.UUID | None = None,
    actor: Any = None,
    actor_label: str = "",
    invite: bool = True,
) -> Treatment:
    """A planned treatment with its baseline questionnaire (invited at once by e-mail)."""
    if package is not None and package.facility_id != facility.pk:
        raise TreatmentError(_("This package belongs to another clinic."))
    if facility.is_demo != (getattr(package, "is_demo", facility.is_demo)):
        raise TreatmentError(_("Demo packages belong only to demo clinics."))
    treatment = Treatment.objects.create(
        patient=patient,
        facility=facility,
        package=package,
        quote_id=quote_id,
        harvest_date=harvest_date,
        injection_date=injection_date,
        is_demo=facility.is_demo,
    )
    baseline = Occasion.objects.create(treatment=treatment, timepoint=BASELINE)
    record(
        "outcomes.treatment_planned",
        treatment,
        actor=actor or patient,
        actor_label=actor_label,
        facility=facility.pk,
        quote_id=str(quote_id) if quote_id else None,
    )
    if invite and not facility.is_demo:
        notify.invite(baseline)
    return treatment


def _locked(treatment: Treatment) -> Treatment:
    return Treatment.objects.select_for_update().select_related("facility").get(pk=treatment.pk)


@transaction.atomic
def mark_harvest_done(treatment: Treatment, staff: Any, *, harvest_date: date) -> Treatment:
    """Visit 1 (tissue or blood harvest) happened; the injection is still to come."""
    treatment = _locked(treatment)
    if not roles.is_member(staff, treatment.facility):
        raise TreatmentError(_("Only the clinic's own staff can mark this treatment as done."))
    if treatment.status != Treatment.Status.PLANNED:
        raise TreatmentError(_("This treatment is already marked as done."))
    if harvest_date > clock.today():
        raise TreatmentError(_("The harvest date cannot be in the future."))
    treatment.harvest_date = harvest_date
    treatment.save(update_fields=["harvest_date", "updated"])
    record("outcomes.harvest_done", treatment, actor=staff, harvest_date=harvest_date.isoformat())
    return treatment


@transaction.atomic
def mark_done(
    treatment: Treatment, staff: Any, *, injection_date: date, harvest_date: date | None = None
) -> Treatment:
    """The clinic says the visits happened; the patient is asked to confirm."""
    treatment = _locked(treatment)
    if not roles.is_member(staff, treatment.facility):
        raise TreatmentError(_("Only the clinic's own staff can mark this treatment as done."))
    if treatment.status == Treatment.Status.DISPUTED:
        raise TreatmentError(_("This treatment is already waiting for a moderator."))
    if treatment.status != Treatment.Status.PLANNED:
        raise TreatmentError(_("This treatment is already marked as done."))
    if injection_date > clock.today():
        raise TreatmentError(_("The injection date cannot be in the future."))
    if harvest_date is not None and harvest_date > injection_date:
        raise TreatmentError(_("The harvest cannot be after the injection."))
    treatment.status = Treatment.Status.DONE
    treatment.injection_date = injection_date
    treatment.harvest_date = harvest_date or treatment.harvest_date
    treatment.done_by, treatment.done_at = staff, clock.now()
    treatment.save()
    record(
        "outcomes.treatment_done",
        treatment,
        actor=staff,
        injection_date=injection_date.isoformat(),
        harvest_date=harvest_date.isoformat() if harvest_date else None,
    )
    notify.ask_to_confirm(treatment)
    return treatment


@transaction.atomic
def confirm(treatment: Treatment, patient: Any) -> Treatment:
    """The patient agrees with the clinic's dates: the follow-up schedule starts."""
    treatment = _locked(treatment)
    if treatment.patient_id != patient.pk:
        raise TreatmentError(_("Only the patient can confirm their treatment."))
    if treatment.status != Treatment.Status.DONE or treatment.injection_date is None:
        raise TreatmentError(_("There is nothing to confirm until the clinic marks it as done."))
    treatment.status = Treatment.Status.CONFIRMED
    treatment.confirmed_at = clock.now()
    treatment.save()
    start_follow_up(treatment)
    record("outcomes.treatment_confirmed", treatment, actor=patient)
    return treatment


def start_follow_up(treatment: Treatment) -> list[Occasion]:
    """The 1, 3, 6 and 12 month occasions (invited by the daily job when each window opens)."""
    return [
        Occasion.objects.get_or_create(treatment=treatment, timepoint=timepoint)[0]
        for timepoint in FOLLOW_UPS
    ]


@transaction.atomic
def dispute(treatment: Treatment, actor: Any, reason: str) -> Treatment:
    """Either side says the dates or the treatment are wrong: a moderator decides."""
    treatment = _locked(treatment)
    is_patient = treatment.patient_id == actor.pk
    if not (is_patient or roles.is_member(actor, treatment.facility)):
        raise TreatmentError(_("Only the patient or the clinic can flag this treatment."))
    if treatment.status == Treatment.Status.DISPUTED:
        raise TreatmentError(_("This treatment is already waiting for a moderator."))
    if not reason.strip():
        raise TreatmentError(_("Please say what is wrong."))
    previous = treatment.status
    treatment.status = Treatment.Status.DISPUTED
    treatment.disputed_by, treatment.disputed_at = actor, clock.now()
    treatment.dispute_reason = reason.strip()
    treatment.save()
    record(
        "outcomes.treatment_disputed",
        treatment,
        actor=actor,
        side="patient" if is_patient else "clinic",
        previous=previous,
    )
    moderators = User.objects.filter(groups__name=MODERATORS_GROUP, is_active=True)
    notify.dispute_to_moderators(treatment, [m.email for m in moderators if m.email])
    return treatment


@transaction.atomic
def resolve_dispute(treatment: Treatment, moderator: Any, *, status: str, note: str) -> Treatment:
    """A moderator sets the status back to planned, done or confirmed, with a reason."""
    treatment = _locked(treatment)
    if not roles.is_moderator(moderator):
        raise TreatmentError(_("Only a moderator can decide a disputed treatment."))
    if treatment.status != Treatment.Status.DISPUTED:
        raise TreatmentError(_("This treatment is not disputed."))
    allowed = {Treatment.Status.PLANNED, Treatment.Status.DONE, Treatment.Status.CONFIRMED}
    if status not in allowed or (status != "planned" and treatment.injection_date is None):
        raise TreatmentError(_("Choose planned, done or confirmed (with an injection date)."))
    treatment.status = status
    treatment.save()
    if status == Treatment.Status.CONFIRMED:
        treatment.confirmed_at = treatment.confirmed_at or clock.now()
        treatment.save(update_fields=["confirmed_at"])
        start_follow_up(treatment)
    record("outcomes.dispute_resolved", treatment, actor=moderator, status=status, note=note)
    return treatment


@transaction.atomic
def stop_taking_part(treatment: Treatment, patient: Any, *, keep_answers: bool) -> Treatment:
    """No more questionnaires or e-mails; the answers are deleted unless the patient agrees."""
    treatment = _locked(treatment)
    if treatment.patient_id != patient.pk:
        raise TreatmentError(_("Only the patient can stop taking part."))
    treatment.follow_up = Treatment.FollowUp.STOPPED
    treatment.stopped_at = clock.now()
    treatment.answers_may_stay = keep_answers
    treatment.save()
    deleted = 0
    if not keep_answers:
        deleted, _detail = treatment.occasions.all().delete()
    record(
        "outcomes.stopped_taking_part",
        treatment,
        actor=patient,
        keep_answers=keep_answers,
        rows_deleted=deleted,
    )
    return treatment


@transaction.atomic
def clinic_treatments(facility: Facility, staff: Any) -> list[Treatment]:
    """The clinic's treatments for its staff (status and dates, never answers); the read of
    patients' data is audited."""
    if not roles.is_member(staff, facility):
        raise TreatmentError(_("Only the clinic's own staff can see its treatments."))
    treatments = list(
        Treatment.objects.filter(facility=facility)
        .select_related("patient")
        .order_by("status", "-created")
    )
    record("outcomes.treatments_viewed", facility, actor=staff, count=len(treatments))
    return treatments


def treatments_of(patient: Any) -> list[Treatment]:
    """The patient's own treatments with their occasions (for their account page)."""
    return list(
        Treatment.objects.filter(patient=patient)
        .select_related("facility", "facility__profile")
        .prefetch_related("occasions")
    )


def treatment_for_patient(patient: Any, pk: int) -> Treatment:
    """The patient's treatment, or TreatmentError (as for someone else's: nothing revealed)."""
    treatment = Treatment.objects.filter(patient=patient, pk=pk).select_related("facility").first()
    if treatment is None:
        raise TreatmentError(_("No such treatment in your account."))
    return treatment
