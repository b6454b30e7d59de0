from django.apps import AppConfig

from core.navigation import NavItem


class AuditsConfig(AppConfig):
    name = "audits"
    verbose_name = "Multi-agency case audits"
    navigation = (NavItem("Audits", "audits:programme_list", 52, shown_to="audits.view_programme"),)

    def ready(self):
        from audits import policy  # noqa: F401  (policy registers its permissions)
