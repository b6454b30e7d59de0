from django.apps import AppConfig

from core.navigation import NavItem

UNOWNED_SHOWN = 20


def _unowned_deadlines_panel(request):
    """Deadlines no one would be reminded of or told about, for the business unit to give an owner."""
    from core import selectors
    from partnership import access

    partnership = request.partnership
    if not partnership or not access.is_business_unit(request.user, partnership):
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


class PartnershipConfig(AppConfig):
    name = "partnership"
    verbose_name = "Partnership structure and people"
    navigation = (NavItem("Partnership", "partnership:overview", 80),)
    dashboard_panel = staticmethod(_unowned_deadlines_panel)

    def ready(self):
        from partnership import signals  # noqa: F401  (sign-in events into the audit trail)
