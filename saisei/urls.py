from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from saisei.api.urls import api
from saisei.clinics import views as clinic_views
from saisei.guide import views as guide_views
from saisei.guide.sitemaps import SITEMAPS

from . import views

# The admin signs in through allauth: e-mail, rate limits and the TOTP step when set up.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("api/v1/", api.urls),
    # Clinic photos only: other uploads (e.g. patients' files) are never served from MEDIA_ROOT.
    re_path(r"^media/clinics/(?P<path>\d+/[0-9a-f]+\.jpg)$", clinic_views.photo_file),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", guide_views.robots_txt, name="robots_txt"),
]

urlpatterns += i18n_patterns(
    path("", clinic_views.home, name="home"),
    path("", include("saisei.clinics.urls")),
    path("", include("saisei.guide.urls")),
    path("", include("saisei.journeys.urls")),
    path("", include("saisei.lib.urls")),
    path("", include("saisei.accounts.urls")),
    path("", include("saisei.outcomes.urls")),
    path("", include("saisei.quotes.urls")),
    path("", include("saisei.reviews.urls")),
    path("", include("saisei.outbox.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
