from django.apps import AppConfig

from core.navigation import NavItem


class PerformanceConfig(AppConfig):
    name = "performance"
    verbose_name = "Performance management"
    navigation = (
        NavItem("Performance", "performance:report", 50, shown_to="performance.view_performance"),
    )

    def ready(self):
        from performance import similar_work

        similar_work.register_all()
