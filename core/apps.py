from django.apps import AppConfig

from core.navigation import NavItem


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared services"
    navigation = (NavItem("Dashboard", "core:dashboard", 0),)
