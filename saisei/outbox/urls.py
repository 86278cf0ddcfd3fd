from django.urls import path

from . import views

app_name = "outbox"

urlpatterns = [
    path("moderation/outbox/", views.outbox, name="list"),
    path("moderation/outbox/<int:pk>/retry/", views.retry, name="retry"),
]
