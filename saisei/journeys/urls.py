from django.urls import path

from . import moderation_views, saved_views, views

app_name = "journeys"

urlpatterns = [
    path("journey/", views.planner, name="planner"),
    path("journey/print/", views.print_view, name="print"),
    path("journey/calendar.ics", views.calendar_file, name="calendar"),
    path("moderation/visa-rules/", moderation_views.visa_rules, name="visa_rules"),
    path("journey/save/", saved_views.save, name="save"),
    path("journey/saved/", saved_views.saved_list, name="saved_list"),
    path("journey/saved/<int:pk>/", saved_views.saved_detail, name="saved_detail"),
    path("journey/saved/<int:pk>/update/", saved_views.update, name="saved_update"),
    path("journey/saved/<int:pk>/rename/", saved_views.rename, name="saved_rename"),
    path("journey/saved/<int:pk>/archive/", saved_views.archive, name="saved_archive"),
    path("journey/saved/<int:pk>/delete/", saved_views.delete, name="saved_delete"),
    path(
        "journey/saved/<int:pk>/reminders/cancel/",
        saved_views.cancel_all,
        name="saved_cancel_all",
    ),
    path(
        "journey/saved/<int:pk>/reminders/<int:reminder>/cancel/",
        saved_views.cancel_reminder,
        name="saved_cancel_reminder",
    ),
]
