from django.contrib import admin

from saisei.audit.admin import AuditedModelAdmin

from .models import ClinicMembership, ListingClaim, PatientProfile


@admin.register(ClinicMembership)
class ClinicMembershipAdmin(AuditedModelAdmin):
    list_display = ["user", "facility", "role", "created"]
    list_filter = ["role"]
    search_fields = ["user__email", "facility__name_ja", "facility__name_romaji"]
    autocomplete_fields = ["facility"]
    raw_id_fields = ["user"]


@admin.register(ListingClaim)
class ListingClaimAdmin(AuditedModelAdmin):
    list_display = ["facility", "user", "status", "created", "decided_at"]
    list_filter = ["status"]
    readonly_fields = ["facility", "user", "status", "decided_by", "decided_at"]
    search_fields = ["work_email", "facility__name_ja"]


@admin.register(PatientProfile)
class PatientProfileAdmin(AuditedModelAdmin):
    list_display = ["user", "preferred_language", "currency"]
    raw_id_fields = ["user"]
