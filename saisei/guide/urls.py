from django.urls import path

from . import views

app_name = "guide"

urlpatterns = [
    path("guide/", views.index, name="index"),
    path("guide/faq/", views.faq, name="faq"),
    path("guide/am-i-a-candidate/", views.candidate_check, name="candidate"),
    path("guide/<slug:slug>/", views.page, name="page"),
    path("costs/", views.cost_comparison, name="costs"),
]
