from django.apps import AppConfig

from core.navigation import NavItem


class PartnershipConfig(AppConfig):
    name = "partnership"
    verbose_name = "Partnership structure and people"
    navigation = (NavItem("Partnership", "partnership:overview", 80),)

    def ready(self):
        from partnership import signals  # noqa: F401  (sign-in events into the audit trail)
