from django.urls import path

from . import views

app_name = "journeys"

urlpatterns = [
    path("journey/", views.planner, name="planner"),
    path("journey/print/", views.print_view, name="print"),
    path("journey/calendar.ics", views.calendar_file, name="calendar"),
]
