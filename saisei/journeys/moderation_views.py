"""What moderators check in the journey data: the visa rules and when each is due for review."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from saisei.accounts.roles import moderator_required

from .models import VisaRule


@require_GET
@moderator_required
def visa_rules(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    rules = list(VisaRule.objects.order_by("review_due", "nationality", "passport_type"))
    context = {
        "rules": rules,
        "today": today,
        "overdue": sum(rule.review_due <= today for rule in rules),
    }
    return render(request, "journeys/visa_rules.html", context)
