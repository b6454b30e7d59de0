from django.apps import AppConfig

from core.navigation import NavItem


class YearlyReportConfig(AppConfig):
    name = "yearly_report"
    verbose_name = "Yearly report"
    navigation = (
        NavItem(
            "Yearly report", "yearly_report:report_list", 60, shown_to="yearly_report.view_report"
        ),
    )

    def ready(self):
        from yearly_report import policy  # noqa: F401  (policy registers its permissions)
