from django.apps import AppConfig

from core.navigation import NavItem
from core.yearly import register as register_yearly_summary


def _requests_panel(request):
    """Reporting forms an agency contributor has been asked for, on their dashboard."""
    from child_deaths import selectors

    requests = selectors.requests_for_contributor(request.user).filter(returned_at__isnull=True)
    if not requests:
        return None
    return {"template": "child_deaths/_dashboard_requests.html", "requests": requests}


class ChildDeathsConfig(AppConfig):
    name = "child_deaths"
    verbose_name = "Child death review"
    navigation = (
        NavItem(
            "Child deaths", "child_deaths:death_list", 40, shown_to="child_deaths.view_death_list"
        ),
    )
    dashboard_panel = staticmethod(_requests_panel)

    def ready(self):
        from child_deaths import policy, similar_work, yearly  # noqa: F401  (policy registers its permissions)

        similar_work.register_all()
        register_yearly_summary("child_deaths", yearly.summarise)
