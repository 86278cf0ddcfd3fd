from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "saisei.audit"
    label = "audit"
