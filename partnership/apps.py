from django.apps import AppConfig

from core.navigation import NavItem

UNOWNED_SHOWN = 20


def _unowned_deadlines_panel(request):
    """Deadlines no one would be reminded of or told about, for the business unit to give an owner."""
    from core import selectors
    from partnership import policy

    partnership = request.partnership
    if not partnership or not policy.can_manage_partnership(request.user, partnership):
        return None
    unowned = selectors.unowned_deadlines(partnership.pk)
    shown = list(unowned[:UNOWNED_SHOWN])
    if not shown:
        return None
    return {
        "template": "core/_dashboard_unowned_deadlines.html",
        "deadlines": shown,
        "more": unowned.count() - len(shown) if len(shown) == UNOWNED_SHOWN else 0,
    }


def _link_requests_panel(request):
    """Requests from other partnerships to link, for the business unit asked to answer them."""
    from partnership import policy, selectors

    partnership = request.partnership
    if not partnership or not policy.can_manage_partnership(request.user, partnership):
        return None
    waiting = list(selectors.link_requests_waiting_for(partnership))
    if not waiting:
        return None
    return {"template": "partnership/_dashboard_link_requests.html", "waiting": waiting}


def _dashboard_panels(request):
    return [
        panel
        for panel in (_link_requests_panel(request), _unowned_deadlines_panel(request))
        if panel
    ]


class PartnershipConfig(AppConfig):
    name = "partnership"
    verbose_name = "Partnership structure and people"
    navigation = (NavItem("Partnership", "partnership:overview", 80),)
    dashboard_panel = staticmethod(_dashboard_panels)

    def ready(self):
        # Sign-in events into the audit trail; the permissions core and every app ask for by name.
        from partnership import policy, signals  # noqa: F401
