"""Admin: treatments only (status and dates); answers are not shown to anyone but the patient."""

from django.contrib import admin

from .models import Treatment


@admin.register(Treatment)
class TreatmentAdmin(admin.ModelAdmin):
    list_display = ("pk", "facility", "status", "injection_date", "follow_up", "is_demo")
    list_filter = ("status", "follow_up", "is_demo")
    readonly_fields = [f.name for f in Treatment._meta.fields]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
