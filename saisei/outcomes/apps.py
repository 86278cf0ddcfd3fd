from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "saisei.outcomes"
    label = "outcomes"
    verbose_name = "Outcomes"

    def ready(self) -> None:
        from . import checks, privacy  # noqa: F401  (registers the check and privacy handler)
