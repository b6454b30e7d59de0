from django.apps import AppConfig

from core.navigation import NavItem


def _reads_performance(user, partnership) -> bool:
    from performance.access import may_read

    return may_read(user, partnership)


class PerformanceConfig(AppConfig):
    name = "performance"
    verbose_name = "Performance management"
    navigation = (NavItem("Performance", "performance:report", 50, shown_to=_reads_performance),)

    def ready(self):
        from performance import similar_work

        similar_work.register_all()
