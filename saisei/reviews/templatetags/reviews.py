"""{% clinic_reviews facility as reviews %}: a clinic's reviews for its page (0 or 1 query)."""

from django import template

from saisei.registry.models import Facility

from .. import summary

register = template.Library()


@register.simple_tag
def clinic_reviews(facility: Facility) -> summary.ClinicReviews:
    return summary.clinic_reviews(facility)
