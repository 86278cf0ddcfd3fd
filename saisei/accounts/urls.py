from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("accounts/profile/", views.home, name="home"),
    path("accounts/profile/preferences/", views.preferences, name="preferences"),
    path("accounts/two-factor-required/", views.mfa_required, name="mfa_required"),
    path("accounts/privacy/", views.privacy_page, name="privacy"),
    path("accounts/privacy/export/", views.privacy_export, name="privacy_export"),
    path("accounts/privacy/delete/", views.privacy_delete, name="privacy_delete"),
    path("clinics/<slug:slug>/claim/", views.claim, name="claim"),
    path("moderation/claims/", views.claim_queue, name="claim_queue"),
    path("moderation/claims/<int:pk>/", views.claim_detail, name="claim_detail"),
]
