from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from saisei.accounts.roles import moderator_required

from . import services
from .models import OutboundEmail


@require_GET
@moderator_required
def outbox(request: HttpRequest) -> HttpResponse:
    unsent = services.unsent().order_by("status", "next_attempt_at")[:200]
    return render(request, "outbox/list.html", {"messages_list": list(unsent)})


@require_POST
@moderator_required
def retry(request: HttpRequest, pk: int) -> HttpResponse:
    message = get_object_or_404(OutboundEmail, pk=pk)
    services.retry_failed(message.pk, request.user)
    messages.success(request, _("The e-mail will be sent again."))
    return redirect("outbox:list")
