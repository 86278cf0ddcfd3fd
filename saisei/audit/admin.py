from django.contrib import admin
from django.db import transaction

from .models import AuditEntry
from .services import record


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created", "action", "actor", "actor_label", "target_type", "target_id"]
    list_filter = ["action", "target_type"]
    search_fields = ["action", "target_id", "actor_label"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AuditedModelAdmin(admin.ModelAdmin):
    """A model admin whose every save and delete writes an audit entry."""

    def _action(self, obj, verb: str) -> str:
        return f"{obj._meta.app_label}.{obj._meta.model_name}.{verb}"

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            verb = "changed" if change else "added"
            record(self._action(obj, verb), obj, actor=request.user, fields=form.changed_data)

    def delete_model(self, request, obj):
        with transaction.atomic():
            record(self._action(obj, "deleted"), obj, actor=request.user)
            super().delete_model(request, obj)
