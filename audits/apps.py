from django.apps import AppConfig

from core.navigation import NavItem


class AuditsConfig(AppConfig):
    name = "audits"
    verbose_name = "Multi-agency case audits"
    navigation = (
        NavItem("Audits", "audits:programme_list", 52, shown_to="audits.view_programme"),
        NavItem("Assurance", "audits:assurance", 53, shown_to="audits.view_assurance"),
        NavItem("Audit requests", "audits:request_list", 54, shown_to="audits.view_request_list"),
    )

    def ready(self):
        from audits import (  # noqa: F401  (the policies register their permissions)
            policy,
            policy_assurance,
            similar_work,
            yearly,
        )
        from audits.citations import re_audits_for
        from core.yearly import register as register_yearly_summary
        from learning import citations

        register_yearly_summary("audits", yearly.summarise)
        similar_work.register_all()
        citations.register(re_audits_for)
