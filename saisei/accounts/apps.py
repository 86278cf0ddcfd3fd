from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "saisei.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from . import privacy_handlers, signals  # noqa: F401
