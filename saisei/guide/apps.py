from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "saisei.guide"
    label = "guide"
