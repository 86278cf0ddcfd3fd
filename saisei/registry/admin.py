"""Moderators see the imported registry read-only and record enforcement actions."""

from django.contrib import admin

from saisei.audit.admin import AuditedModelAdmin

from .models import EnforcementAction, Facility, ImportRun, Plan, PricePoint


class ReadOnlyAdmin(admin.ModelAdmin):
    """Registry facts change only through `import_registry`."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PlanInline(admin.TabularInline):
    model = Plan
    fields = ["plan_id", "title_ja", "modality", "risk_class", "status"]
    readonly_fields = ["plan_id", "title_ja", "modality", "risk_class", "status"]
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(Facility)
class FacilityAdmin(ReadOnlyAdmin):
    list_display = ["external_id", "name_ja", "name_romaji", "prefecture", "plan_count", "listed"]
    list_filter = ["listed", "region", "has_stem_cells", "has_blood", "is_demo"]
    search_fields = ["external_id", "name_ja", "name_romaji", "slug"]
    inlines = [PlanInline]


class PriceInline(admin.TabularInline):
    model = PricePoint
    fields = ("amount_jpy", "tax", "unit", "kind", "extraction", "is_repeat", "listed", "excerpt")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Plan)
class PlanAdmin(ReadOnlyAdmin):
    list_display = ["plan_id", "facility", "modality", "cultured", "risk_class", "status"]
    list_filter = ["status", "modality", "risk_class", "cultured", "targets_joint"]
    search_fields = ["plan_id", "document_code", "title_ja", "facility__name_ja"]
    inlines = [PriceInline]


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyAdmin):
    list_display = ["pk", "started", "finished", "counts"]


@admin.register(EnforcementAction)
class EnforcementActionAdmin(AuditedModelAdmin):
    list_display = ["facility", "kind", "issued_on"]
    list_filter = ["kind"]
    search_fields = ["facility__name_ja", "summary"]
    autocomplete_fields = ["facility"]
