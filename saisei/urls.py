from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from saisei.api.urls import api
from saisei.clinics import views as clinic_views

from . import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("api/v1/", api.urls),
]

urlpatterns += i18n_patterns(
    path("", clinic_views.home, name="home"),
    path("", include("saisei.clinics.urls")),
    path("", include("saisei.lib.urls")),
    path("", include("saisei.accounts.urls")),
    path("", include("saisei.quotes.urls")),
    path("", include("saisei.outbox.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
