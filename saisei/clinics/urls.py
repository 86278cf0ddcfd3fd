from django.urls import path

from . import views

app_name = "clinics"

urlpatterns = [
    path("clinics/", views.clinic_list, name="list"),
    path("clinics/<slug:slug>/", views.clinic_detail, name="detail"),
    path("compare/", views.compare, name="compare"),
    path("compare/add/<slug:slug>/", views.compare_add, name="compare_add"),
    path("compare/remove/<slug:slug>/", views.compare_remove, name="compare_remove"),
]
