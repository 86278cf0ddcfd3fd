from django.urls import path

from . import manage_views, views

app_name = "clinics"

urlpatterns = [
    path("clinics/", views.clinic_list, name="list"),
    path("clinics/<slug:slug>/", views.clinic_detail, name="detail"),
    path("clinics/<slug:slug>/manage/", manage_views.manage, name="manage"),
    path("clinics/<slug:slug>/manage/profile/", manage_views.edit_profile, name="edit_profile"),
    path(
        "clinics/<slug:slug>/manage/languages/",
        manage_views.edit_languages,
        name="edit_languages",
    ),
    path("clinics/<slug:slug>/manage/doctors/", manage_views.add_doctor, name="add_doctor"),
    path(
        "clinics/<slug:slug>/manage/doctors/<int:pk>/delete/",
        manage_views.remove_doctor,
        name="remove_doctor",
    ),
    path("clinics/<slug:slug>/manage/photos/", manage_views.add_photo, name="add_photo"),
    path(
        "clinics/<slug:slug>/manage/photos/<int:pk>/delete/",
        manage_views.remove_photo,
        name="remove_photo",
    ),
    path("clinics/<slug:slug>/manage/packages/new/", manage_views.new_package, name="new_package"),
    path(
        "clinics/<slug:slug>/manage/packages/<int:pk>/",
        manage_views.edit_package,
        name="edit_package",
    ),
    path(
        "clinics/<slug:slug>/manage/packages/<int:pk>/delete/",
        manage_views.delete_package,
        name="delete_package",
    ),
    path("compare/", views.compare, name="compare"),
    path("compare/add/<slug:slug>/", views.compare_add, name="compare_add"),
    path("compare/remove/<slug:slug>/", views.compare_remove, name="compare_remove"),
]
