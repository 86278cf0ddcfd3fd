from django.apps import AppConfig


class ClinicsConfig(AppConfig):
    name = "saisei.clinics"
    label = "clinics"
