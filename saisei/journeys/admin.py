"""Staff see the visa table (changed only by `import_visa_rules`) and when it is due a review."""

from django.contrib import admin
from django.utils import timezone

from .models import VisaRule


class ReviewDueFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", "Review due (today or earlier)"), ("current", "Not yet due")]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.filter(review_due__lte=today)
        if self.value() == "current":
            return queryset.filter(review_due__gt=today)
        return queryset


@admin.register(VisaRule)
class VisaRuleAdmin(admin.ModelAdmin):
    list_display = [
        "nationality",
        "passport_type",
        "visa_free_days",
        "extendable_to_days",
        "as_of",
        "review_due",
        "review_status",
    ]
    list_filter = [ReviewDueFilter, "passport_type", "visa_free_days"]
    search_fields = ["nationality", "note"]
    readonly_fields = [f.name for f in VisaRule._meta.fields]

    @admin.display(description="review", boolean=False)
    def review_status(self, obj: VisaRule) -> str:
        return "DUE" if obj.review_overdue(timezone.localdate()) else "ok"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
