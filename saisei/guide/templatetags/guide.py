"""Amounts already converted into the visitor's currency, for the cost pages."""

from decimal import Decimal

from django import template
from django.utils.translation import get_language

from saisei.lib.money import format_approximate

register = template.Library()


@register.filter
def approx_in(amount: Decimal | int | None, currency: str) -> str:
    """A converted amount rounded to 3 significant figures ("US$10,000"); "" for None."""
    if amount is None:
        return ""
    return format_approximate(amount, currency, get_language())
