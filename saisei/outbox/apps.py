from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "saisei.outbox"
    label = "outbox"
    verbose_name = "Outbox"
