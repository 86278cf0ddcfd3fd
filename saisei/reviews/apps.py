from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "saisei.reviews"
    verbose_name = "Reviews"
    label = "reviews"

    def ready(self) -> None:
        from . import privacy  # noqa: F401  (registers the privacy handler)
