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
