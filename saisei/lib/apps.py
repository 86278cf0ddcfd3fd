from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "saisei.lib"
    label = "lib"
    verbose_name = "Shared: currencies and helpers"
