from django.apps import AppConfig

from core.navigation import NavItem


class AuditsConfig(AppConfig):
    name = "audits"
    verbose_name = "Multi-agency case audits"
    navigation = (
        NavItem("Audits", "audits:programme_list", 52, shown_to="audits.view_programme"),
        NavItem("Assurance", "audits:assurance", 53, shown_to="audits.view_assurance"),
    )

    def ready(self):
        from audits import policy, policy_assurance, yearly  # noqa: F401  (they register their permissions)
        from core.yearly import register as register_yearly_summary

        register_yearly_summary("audits", yearly.summarise)
