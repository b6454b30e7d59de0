from django.apps import AppConfig


class ChildDeathsConfig(AppConfig):
    name = "child_deaths"
    verbose_name = "Child death review"
