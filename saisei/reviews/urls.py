from django.urls import path

from . import views

app_name = "reviews"

urlpatterns = [
    path("reviews/", views.mine, name="mine"),
    path("reviews/rules/", views.rules, name="rules"),
    path("reviews/write/<int:pk>/", views.write, name="write"),
    path("reviews/<int:pk>/report/", views.report, name="report"),
    path("clinics/<slug:slug>/manage/reviews/", views.staff_reviews, name="staff_reviews"),
    path(
        "clinics/<slug:slug>/manage/reviews/<int:pk>/reply/",
        views.staff_reply,
        name="staff_reply",
    ),
    path("moderation/reviews/", views.queue, name="queue"),
    path("moderation/reviews/<int:pk>/", views.decide, name="decide"),
]
