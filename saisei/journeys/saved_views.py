"""A signed-in patient's saved plans: save from the planner, list, open, rename, update,
archive, delete, cancel reminders. Only the owner ever reaches a plan (others get 404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import saved
from .forms import PARAMS
from .models import JourneyPlan
from .services import JourneyError
from .views import plan_context, plan_from


def get_plan_for_user(request: HttpRequest, pk: int) -> JourneyPlan:
    """The signed-in user's own plan, or 404 (never reveal that another's exists)."""
    plan = JourneyPlan.objects.filter(pk=pk, owner_id=request.user.pk).first()
    if plan is None:
        raise Http404
    return plan


def _posted_plan(request: HttpRequest) -> QueryDict:
    data = QueryDict(mutable=True)
    for key in PARAMS:
        if key in request.POST:
            data[key] = request.POST[key]
    return data


def _replan(request: HttpRequest, data: QueryDict):
    """The form and journey for posted planner data, or the planner with its errors (400)."""
    form, journey, _submitted = plan_from(request, data, bound=True)
    if journey is not None:
        return form, journey, None
    if not data:
        form.add_error(None, _("There is no plan to save: fill in the planner first."))
    context = plan_context(request, form, None, True, data.urlencode())
    return form, None, render(request, "journeys/planner.html", context, status=400)


@require_POST
@login_required
def save(request: HttpRequest) -> HttpResponse:
    data = _posted_plan(request)
    form, journey, failed = _replan(request, data)
    if failed is not None:
        return failed
    try:
        plan = saved.save_plan(request.user, form.params(), journey, request.POST.get("title", ""))
    except JourneyError as error:
        messages.error(request, error.message)
        return redirect(f"{reverse('journeys:planner')}?{data.urlencode()}")
    messages.success(request, _("Your plan was saved. Its e-mail reminders are listed below."))
    return redirect("journeys:saved_detail", plan.pk)


@require_POST
@login_required
def update(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user(request, pk)
    data = _posted_plan(request)
    form, journey, failed = _replan(request, data)
    if failed is not None:
        return failed
    try:
        saved.update_plan(request.user, plan.pk, form.params(), journey)
    except JourneyError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your saved plan was updated, and its reminders with it."))
    return redirect("journeys:saved_detail", plan.pk)


@require_GET
@login_required
def saved_list(request: HttpRequest) -> HttpResponse:
    context = {
        "plans": list(saved.plans_of(request.user).prefetch_related("reminders")),
        "archived": list(saved.plans_of(request.user, archived=True)),
    }
    return render(request, "journeys/saved_list.html", context)


@require_GET
@login_required
def saved_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user(request, pk)
    data = QueryDict(mutable=True)
    data.update(plan.params)
    form, journey, submitted = plan_from(request, data)
    context = plan_context(request, form, journey, submitted, urlencode(plan.params))
    context.update(
        plan=plan,
        reminders=list(plan.reminders.all()),
        edit_query=urlencode({**plan.params, "saved": plan.pk}),
    )
    return render(request, "journeys/saved_detail.html", context)


def _act(request: HttpRequest, pk: int, action, success: str, *args) -> HttpResponse:
    plan = get_plan_for_user(request, pk)
    try:
        action(request.user, plan.pk, *args)
    except JourneyError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect("journeys:saved_detail", plan.pk)


@require_POST
@login_required
def rename(request: HttpRequest, pk: int) -> HttpResponse:
    title = request.POST.get("title", "")
    return _act(request, pk, saved.rename_plan, _("The plan was renamed."), title)


@require_POST
@login_required
def archive(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request, pk, saved.archive_plan, _("The plan was archived; its reminders were cancelled.")
    )


@require_POST
@login_required
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user(request, pk)
    saved.delete_plan(request.user, plan.pk)
    messages.success(request, _("The plan and its reminders were deleted."))
    return redirect("journeys:saved_list")


@require_POST
@login_required
def cancel_reminder(request: HttpRequest, pk: int, reminder: int) -> HttpResponse:
    plan = get_plan_for_user(request, pk)
    if not plan.reminders.filter(pk=reminder).exists():
        raise Http404
    return _act(request, pk, saved.cancel_reminder, _("The reminder was cancelled."), reminder)


@require_POST
@login_required
def cancel_all(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request, pk, saved.cancel_all_reminders, _("All reminders of this plan were cancelled.")
    )
