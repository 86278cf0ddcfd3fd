from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "saisei.api"
    label = "api"
