from django.apps import AppConfig

from core.navigation import NavItem
from core.yearly import register as register_yearly_summary


class PerformanceConfig(AppConfig):
    name = "performance"
    verbose_name = "Performance management"
    navigation = (
        NavItem("Performance", "performance:report", 50, shown_to="performance.view_performance"),
    )

    def ready(self):
        from performance import impact, policy, similar_work, yearly  # noqa: F401  (policy registers rules)

        similar_work.register_all()
        register_yearly_summary("performance", yearly.summarise)
        impact.register_all()
