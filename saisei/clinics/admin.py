"""Until clinics can claim their listing, moderators record what a clinic tells them."""

from django.contrib import admin

from saisei.audit.admin import AuditedModelAdmin

from .models import ClinicProfile, SpokenLanguage


@admin.register(ClinicProfile)
class ClinicProfileAdmin(AuditedModelAdmin):
    list_display = ["facility", "display_name_en", "updated"]
    search_fields = ["facility__name_ja", "display_name_en"]
    autocomplete_fields = ["facility"]


@admin.register(SpokenLanguage)
class SpokenLanguageAdmin(AuditedModelAdmin):
    list_display = ["facility", "language", "interpreter"]
    list_filter = ["language", "interpreter"]
    autocomplete_fields = ["facility"]
