from django.urls import path

from . import views

app_name = "outcomes"

urlpatterns = [
    path("outcomes/", views.mine, name="mine"),
    path("outcomes/clinics/", views.ranking, name="ranking"),
    path("outcomes/answer/<str:token>/", views.answer, name="answer"),
    path("outcomes/answer/<str:token>/page/<int:page>/", views.answer_page, name="answer_page"),
    path("outcomes/answer/<str:token>/done/", views.answer_done, name="answer_done"),
    path("outcomes/stop/<str:token>/", views.stop_by_link, name="stop_by_link"),
    path("outcomes/treatments/<int:pk>/confirm/", views.confirm, name="confirm"),
    path("outcomes/treatments/<int:pk>/dispute/", views.dispute, name="dispute"),
    path("outcomes/treatments/<int:pk>/stop/", views.stop, name="stop"),
    path(
        "clinics/<slug:slug>/manage/treatments/",
        views.staff_treatments,
        name="staff_treatments",
    ),
    path(
        "clinics/<slug:slug>/manage/treatments/<int:pk>/done/",
        views.staff_mark_done,
        name="staff_mark_done",
    ),
    path(
        "clinics/<slug:slug>/manage/treatments/<int:pk>/dispute/",
        views.staff_dispute,
        name="staff_dispute",
    ),
    path("moderation/treatments/", views.disputes, name="disputes"),
    path("moderation/treatments/<int:pk>/", views.resolve, name="resolve"),
]
