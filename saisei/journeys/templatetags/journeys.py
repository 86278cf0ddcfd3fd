"""Dates and timeline labels for the journey pages.

{% load journeys %}
{{ day|day }}                       Tue, 12 Jan 2027 / 2027年1月12日(火)
{% event_title event journey %}     the event's name in the active language
"""

from datetime import date

from babel.dates import format_skeleton
from django import template
from django.utils.translation import get_language

from saisei.lib.money import babel_locale

from .. import labels
from ..schedule import Event

register = template.Library()


@register.filter(name="day")
def day_filter(value: date | None) -> str:
    if not isinstance(value, date):
        return ""
    return format_skeleton("yMMMEd", value, locale=babel_locale(get_language()))


@register.simple_tag
def event_title(event: Event, journey) -> str:
    return labels.event_title(event, journey.request.home, journey.schedule.culture_weeks)


@register.simple_tag
def event_detail(event: Event) -> str:
    return labels.event_detail(event)


@register.simple_tag
def reminder_label(reminder) -> str:
    return labels.reminder_label(reminder.kind, reminder.event_key)


@register.simple_tag
def pending_reminders(plan) -> int:
    """Reminders still to be sent (uses the prefetched rows)."""
    return sum(1 for r in plan.reminders.all() if r.sent_at is None and r.cancelled_at is None)
