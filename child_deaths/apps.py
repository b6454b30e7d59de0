from django.apps import AppConfig

from core.navigation import NavItem


def _works_on_deaths(user, partnership) -> bool:
    from child_deaths import access

    return access.can_work_on_deaths(user)


def _is_agency_contributor(user, partnership) -> bool:
    from partnership import access
    from partnership.models import Role

    return access.has_role(user, partnership, {Role.AGENCY_CONTRIBUTOR})


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
        NavItem("Child deaths", "child_deaths:death_list", 40, shown_to=_works_on_deaths),
    )
    dashboard_panel = staticmethod(_requests_panel)

    def ready(self):
        from child_deaths import similar_work

        similar_work.register_all()
