from django.apps import AppConfig

from core.navigation import NavItem
from core.yearly import register as register_yearly_summary


def _next_inspection_panel(request):
    """The next ILACS inspection's expected window and the preparation checklist, for the business unit."""
    from django.utils import timezone

    from inspections import policy, selectors

    partnership = request.partnership
    if not partnership or not policy.can_manage_inspections(request.user, partnership):
        return None
    today = timezone.localdate()
    windows = selectors.next_inspections(partnership, today)
    if not windows:
        return None
    return {
        "template": "inspections/_dashboard_next_inspection.html",
        "windows": windows,
        "checklist": selectors.checklist(partnership, today),
    }


class InspectionsConfig(AppConfig):
    name = "inspections"
    verbose_name = "Inspections"
    navigation = (
        NavItem(
            "Inspections", "inspections:inspection_list", 55, shown_to="inspections.view_inspection"
        ),
    )
    dashboard_panel = staticmethod(_next_inspection_panel)

    def ready(self):
        from inspections import policy, similar_work, yearly  # noqa: F401  (policy registers its permissions)

        similar_work.register_all()
        register_yearly_summary("inspections", yearly.summarise)
