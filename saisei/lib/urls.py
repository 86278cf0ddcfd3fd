from django.urls import path

from .views import set_currency

urlpatterns = [
    path("currency/", set_currency, name="set_currency"),
]
