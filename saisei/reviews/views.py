"""Writing, reporting, moderating and replying to reviews. Rules live in services.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from saisei.accounts.roles import moderator_required, staff_required
from saisei.outcomes.models import Treatment

from . import services, summary
from .errors import ReviewError
from .forms import DecideForm, ReplyForm, ReportForm, ReviewForm
from .models import Review


def _clinic_reviews_url(review: Review) -> str:
    return reverse("clinics:detail", args=[review.facility.slug]) + "#reviews"


@require_GET
def rules(request: HttpRequest) -> HttpResponse:
    return render(request, "reviews/rules.html")


@require_GET
@login_required
def mine(request: HttpRequest) -> HttpResponse:
    treatments = services.reviewable_treatments(request.user)
    return render(request, "reviews/mine.html", {"treatments": treatments})


@require_http_methods(["GET", "POST"])
@login_required
def write(request: HttpRequest, pk: int) -> HttpResponse:
    treatment = (
        Treatment.objects.filter(pk=pk, patient_id=request.user.pk)
        .select_related("facility")
        .first()
    )
    if treatment is None:
        raise Http404
    try:
        services.check_can_review(request.user, treatment)
    except ReviewError as error:
        context = {"treatment": treatment, "message": error.message}
        return render(request, "reviews/cannot_review.html", context, status=403)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            review = services.write_review(request.user, treatment, form.data_for_service())
        except ReviewError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you: your review is published."))
            return redirect(_clinic_reviews_url(review))
    context = {"treatment": treatment, "form": form}
    return render(request, "reviews/write.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@login_required
def report(request: HttpRequest, pk: int) -> HttpResponse:
    review = Review.objects.filter(pk=pk).select_related("facility").first()
    if review is None:
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report(review, request.user, form.cleaned_data["reason"])
        except ReviewError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you: a moderator will look at this review."))
            return redirect(_clinic_reviews_url(review))
    context = {"review": summary.review_view(review), "form": form}
    return render(request, "reviews/report.html", context, status=400 if form.errors else 200)


@require_GET
@moderator_required
def queue(request: HttpRequest) -> HttpResponse:
    reviews = [summary.review_view(r) for r in services.moderation_queue()]
    return render(request, "reviews/queue.html", {"reviews": reviews, "form": DecideForm()})


@require_POST
@moderator_required
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    review = Review.objects.filter(pk=pk).first()
    if review is None:
        raise Http404
    form = DecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose keep or remove and give a reason."))
        return redirect("reviews:queue")
    try:
        services.decide(
            review,
            request.user,
            remove=form.cleaned_data["decision"] == "remove",
            reason=form.cleaned_data["reason"],
        )
    except ReviewError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Decision recorded."))
    return redirect("reviews:queue")


@require_GET
@staff_required
def staff_reviews(request: HttpRequest, membership) -> HttpResponse:
    reviews = (
        Review.objects.filter(facility=membership.facility)
        .select_related("reply")
        .order_by("-created", "-pk")
    )
    context = {
        "facility": membership.facility,
        "reviews": [summary.review_view(r) for r in reviews],
        "form": ReplyForm(),
    }
    return render(request, "reviews/staff_reviews.html", context)


@require_POST
@staff_required
def staff_reply(request: HttpRequest, membership, pk: int) -> HttpResponse:
    review = Review.objects.filter(pk=pk, facility=membership.facility).first()
    if review is None:
        raise Http404
    form = ReplyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please write the reply."))
    else:
        try:
            services.reply(review, request.user, form.cleaned_data["text"])
        except ReviewError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your reply is published on the clinic's page."))
    return redirect("reviews:staff_reviews", slug=membership.facility.slug)
