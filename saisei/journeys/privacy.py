"""Saved journey plans and their reminders in the privacy export; deleting an account deletes
them (they hold nothing anyone else needs)."""

from typing import Any

from saisei.accounts.privacy import PrivacyHandler, register

from .models import JourneyPlan


def export(user: Any) -> list[dict[str, Any]]:
    plans = JourneyPlan.objects.filter(owner=user).prefetch_related("reminders")
    return [
        {
            "id": plan.pk,
            "title": plan.title,
            "params": plan.params,
            "clinic": plan.facility.name_ja if plan.facility_id and plan.facility else "",
            "quote": str(plan.quote_id or ""),
            "package": plan.package_id,
            "created": plan.created,
            "updated": plan.updated,
            "archived": plan.archived,
            "reminders": [
                {
                    "kind": r.kind,
                    "event": r.event_key,
                    "event_on": r.event_on,
                    "send_at": r.send_at,
                    "sent_at": r.sent_at,
                    "cancelled_at": r.cancelled_at,
                }
                for r in plan.reminders.all()
            ],
        }
        for plan in plans.select_related("facility")
    ]


def anonymise(user: Any) -> None:
    JourneyPlan.objects.filter(owner=user).delete()  # reminders go with their plans


register(PrivacyHandler("journeys", export=export, anonymise=anonymise))
