from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "saisei.registry"
    label = "registry"
    verbose_name = "Public registry"
