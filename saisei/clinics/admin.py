"""Moderators see and, when needed, correct what clinics enter; every save and delete is audited."""

from django.contrib import admin

from saisei.audit.admin import AuditedModelAdmin

from .models import ClinicPhoto, ClinicProfile, Doctor, Package, PackageItem, SpokenLanguage


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


class PackageItemInline(admin.TabularInline):
    model = PackageItem
    extra = 0


@admin.register(Package)
class PackageAdmin(AuditedModelAdmin):
    list_display = ["name_en", "facility", "plan", "price_jpy", "valid_until", "is_demo"]
    list_filter = ["is_demo", "cell_source", "tax"]
    search_fields = ["name_en", "facility__name_ja", "plan__plan_id"]
    autocomplete_fields = ["facility"]
    raw_id_fields = ["plan"]
    inlines = [PackageItemInline]


@admin.register(Doctor)
class DoctorAdmin(AuditedModelAdmin):
    list_display = ["name", "facility", "specialty", "licence_year"]
    autocomplete_fields = ["facility"]


@admin.register(ClinicPhoto)
class ClinicPhotoAdmin(AuditedModelAdmin):
    list_display = ["facility", "caption", "width", "height", "created"]
    autocomplete_fields = ["facility"]
    readonly_fields = ["image", "width", "height"]

    def has_add_permission(self, request, obj=None):
        return False  # photos come in through the clinic's page, which validates them
