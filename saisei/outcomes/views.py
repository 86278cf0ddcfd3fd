"""Answering questionnaires (by signed link), the patient's follow-up page, staff and moderators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from saisei.accounts.roles import moderator_required, staff_required

from . import answering, clock, links, questionnaires, reminders, results, services
from .errors import OutcomesError
from .forms import DisputeForm, DoneForm, PageForm, ResolveForm, StopForm
from .models import Occasion, Treatment
from .patient import patient_view


def _link_error(request: HttpRequest, error: OutcomesError) -> HttpResponse:
    return render(request, "outcomes/link_error.html", {"message": error.message}, status=400)


@require_http_methods(["GET"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    """An answer link: continue where the patient stopped (every sent page was saved)."""
    try:
        occasion = answering.occasion_for_token(token)
    except OutcomesError as error:
        return _link_error(request, error)
    if occasion.status == Occasion.Status.COMPLETED:
        return redirect("outcomes:answer_done", token=token)
    pages = questionnaires.pages(occasion.timepoint)
    return redirect(
        "outcomes:answer_page", token=token, page=answering.first_unsaved_page(occasion, len(pages))
    )


@require_http_methods(["GET", "POST"])
def answer_page(request: HttpRequest, token: str, page: int) -> HttpResponse:
    try:
        occasion = answering.occasion_for_token(token)
    except OutcomesError as error:
        return _link_error(request, error)
    if occasion.status == Occasion.Status.COMPLETED:
        return redirect("outcomes:answer_done", token=token)
    pages = questionnaires.pages(occasion.timepoint)
    if not 1 <= page <= len(pages):
        raise Http404
    current = pages[page - 1]
    saved = answering.saved_answers(occasion)
    initial = {item.id: saved.get((current.instrument.id, item.id)) for item in current.items}
    form = PageForm(current, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            answering.save_page(occasion, current, form.values())
        except OutcomesError as error:
            form.add_error(None, error.message)
        else:
            if request.POST.get("go") == "back" and page > 1:
                return redirect("outcomes:answer_page", token=token, page=page - 1)
            if page < len(pages):
                return redirect("outcomes:answer_page", token=token, page=page + 1)
            answering.complete(occasion)
            return redirect("outcomes:answer_done", token=token)
    context = {
        "occasion": occasion,
        "page": current,
        "pages": len(pages),
        "form": form,
        "token": token,
        "language_missing": not all(questionnaires.has_language(i.text) for i in current.items),
        "title": questionnaires.localise(current.instrument.title),
        "intro": questionnaires.localise(current.instrument.intro),
        "outside_window": not reminders.is_open(occasion, clock.today()),
        "stop_url": links.stop_url(occasion.treatment_id),
    }
    return render(request, "outcomes/answer_page.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET"])
def answer_done(request: HttpRequest, token: str) -> HttpResponse:
    try:
        occasion = answering.occasion_for_token(token)
    except OutcomesError as error:
        return _link_error(request, error)
    if occasion.status != Occasion.Status.COMPLETED:
        return redirect("outcomes:answer", token=token)
    return render(request, "outcomes/answer_done.html", {"occasion": occasion})


@require_http_methods(["GET", "POST"])
def stop_by_link(request: HttpRequest, token: str) -> HttpResponse:
    """Stop taking part from the link in any questionnaire e-mail (no sign-in needed)."""
    try:
        pk = links.read_token(links.STOP, token)
        treatment = Treatment.objects.select_related("patient", "facility").get(pk=pk)
    except (OutcomesError, Treatment.DoesNotExist):
        return _link_error(request, OutcomesError(_("This link is not valid.")))
    return _stop(request, treatment, treatment.patient)


@require_http_methods(["GET"])
@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """The patient's own treatments, questionnaires and scores (only they see this page)."""
    return render(request, "outcomes/mine.html", {"treatments": patient_view(request.user)})


def _own(request: HttpRequest, pk: int) -> Treatment:
    try:
        return services.treatment_for_patient(request.user, pk)
    except OutcomesError as error:
        raise Http404(error.message) from error


@require_POST
@login_required
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        services.confirm(_own(request, pk), request.user)
    except OutcomesError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Thank you. Your follow-up questionnaires are scheduled."))
    return redirect("outcomes:mine")


@require_http_methods(["GET", "POST"])
@login_required
def dispute(request: HttpRequest, pk: int) -> HttpResponse:
    treatment = _own(request, pk)
    return _dispute(request, treatment, redirect_to="outcomes:mine")


def _dispute(
    request: HttpRequest, treatment: Treatment, redirect_to: str, **kwargs
) -> HttpResponse:
    form = DisputeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.dispute(treatment, request.user, form.cleaned_data["reason"])
        except OutcomesError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you. A moderator will look at it."))
            return redirect(redirect_to, **kwargs)
    context = {"treatment": treatment, "form": form}
    return render(request, "outcomes/dispute.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@login_required
def stop(request: HttpRequest, pk: int) -> HttpResponse:
    return _stop(request, _own(request, pk), request.user)


def _stop(request: HttpRequest, treatment: Treatment, patient) -> HttpResponse:
    form = StopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.stop_taking_part(
            treatment, patient, keep_answers=form.cleaned_data["keep_answers"]
        )
        return render(request, "outcomes/stopped.html", {"treatment": treatment})
    context = {"treatment": treatment, "form": form}
    return render(request, "outcomes/stop.html", context, status=400 if form.errors else 200)


# Clinic staff (MFA enforced by staff_required): the clinic's treatments, without any answers.


@require_http_methods(["GET"])
@staff_required
def staff_treatments(request: HttpRequest, membership) -> HttpResponse:
    treatments = services.clinic_treatments(membership.facility, request.user)
    context = {"facility": membership.facility, "treatments": treatments, "form": DoneForm()}
    return render(request, "outcomes/staff_treatments.html", context)


@require_POST
@staff_required
def staff_mark_done(request: HttpRequest, membership, pk: int) -> HttpResponse:
    treatment = Treatment.objects.filter(facility=membership.facility, pk=pk).first()
    if treatment is None:
        raise Http404
    form = DoneForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, " ".join(str(e) for e in form.non_field_errors()) or _("Check the dates.")
        )
        return redirect("outcomes:staff_treatments", slug=membership.facility.slug)
    harvest, injection = form.cleaned_data["harvest_date"], form.cleaned_data["injection_date"]
    try:
        if injection is None:
            services.mark_harvest_done(treatment, request.user, harvest_date=harvest)
            messages.success(request, _("The harvest visit was recorded."))
        else:
            services.mark_done(
                treatment, request.user, injection_date=injection, harvest_date=harvest
            )
            messages.success(request, _("Marked as done. The patient is asked to confirm."))
    except OutcomesError as error:
        messages.error(request, error.message)
    return redirect("outcomes:staff_treatments", slug=membership.facility.slug)


@require_http_methods(["GET", "POST"])
@staff_required
def staff_dispute(request: HttpRequest, membership, pk: int) -> HttpResponse:
    treatment = Treatment.objects.filter(facility=membership.facility, pk=pk).first()
    if treatment is None:
        raise Http404
    return _dispute(
        request, treatment, redirect_to="outcomes:staff_treatments", slug=membership.facility.slug
    )


# Moderators: disputed treatments.


@require_http_methods(["GET"])
@moderator_required
def disputes(request: HttpRequest) -> HttpResponse:
    waiting = Treatment.objects.filter(status=Treatment.Status.DISPUTED).select_related(
        "facility", "disputed_by"
    )
    return render(request, "outcomes/disputes.html", {"treatments": waiting, "form": ResolveForm()})


@require_POST
@moderator_required
def resolve(request: HttpRequest, pk: int) -> HttpResponse:
    treatment = Treatment.objects.filter(pk=pk).first()
    if treatment is None:
        raise Http404
    form = ResolveForm(request.POST)
    if form.is_valid():
        try:
            services.resolve_dispute(treatment, request.user, **form.cleaned_data)
        except OutcomesError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Decision recorded."))
    else:
        messages.error(request, _("Please choose a decision and give a reason."))
    return redirect("outcomes:disputes")


# Public: clinics side by side, sorted by the shrunk estimate.


@require_http_methods(["GET"])
def ranking(request: HttpRequest) -> HttpResponse:
    rows, overall = results.ranking()
    context = {"rows": rows, "overall": overall, "min_patients": results.MIN_PATIENTS}
    return render(request, "outcomes/ranking.html", context)
