from django.urls import path

from . import inbox_views, report_views, views

app_name = "quotes"

urlpatterns = [
    path("quotes/", views.my_requests, name="mine"),
    path("quotes/new/", views.new_request, name="new"),
    path("quotes/<uuid:pk>/", views.request_detail, name="request"),
    path("quotes/<uuid:pk>/consent/", views.consent, name="consent"),
    path("quotes/<uuid:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("quotes/quote/<uuid:pk>/", views.quote_detail, name="quote"),
    path("quotes/quote/<uuid:pk>/message/", views.post_message, name="message"),
    path("quotes/quote/<uuid:pk>/accept/", views.accept, name="accept"),
    path("quotes/file/<uuid:pk>/", views.download, name="file"),
    path("quotes/<uuid:pk>/report/", report_views.patient_report, name="report"),
    path("moderation/quote-reports/", report_views.queue, name="reports"),
    path("moderation/quote-reports/<int:pk>/", report_views.detail, name="report_detail"),
    path(
        "moderation/quote-reports/<int:pk>/files/<uuid:upload>/",
        report_views.download,
        name="report_file",
    ),
    path(
        "clinics/<slug:slug>/manage/quotes/<uuid:pk>/report/",
        report_views.clinic_report,
        name="inbox_report",
    ),
    path("clinics/<slug:slug>/manage/quotes/", inbox_views.inbox, name="inbox"),
    path(
        "clinics/<slug:slug>/manage/quotes/<uuid:pk>/",
        inbox_views.inbox_detail,
        name="inbox_detail",
    ),
    path(
        "clinics/<slug:slug>/manage/quotes/<uuid:pk>/quote/",
        inbox_views.send_quote,
        name="send_quote",
    ),
    path(
        "clinics/<slug:slug>/manage/quotes/<uuid:pk>/decline/",
        inbox_views.decline,
        name="decline",
    ),
    path(
        "clinics/<slug:slug>/manage/quotes/<uuid:pk>/message/",
        inbox_views.message,
        name="inbox_message",
    ),
    path(
        "clinics/<slug:slug>/manage/quotes/<uuid:pk>/files/<uuid:upload>/",
        inbox_views.download,
        name="inbox_file",
    ),
]
