from django.apps import AppConfig


class JourneysConfig(AppConfig):
    name = "saisei.journeys"
    label = "journeys"
    verbose_name = "Journeys: trip plans and visa rules"

    def ready(self) -> None:
        from . import privacy  # noqa: F401
