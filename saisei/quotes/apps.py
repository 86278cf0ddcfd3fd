from django.apps import AppConfig


class QuotesConfig(AppConfig):
    name = "saisei.quotes"
    label = "quotes"
    verbose_name = "Quotes"

    def ready(self) -> None:
        from . import privacy  # noqa: F401
