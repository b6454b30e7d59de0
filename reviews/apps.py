from django.apps import AppConfig

from core.navigation import NavItem
from core.yearly import register as register_yearly_summary


def _triage_panel(request):
    """Referrals awaiting triage, on the business unit's dashboard (contributors' requests are
    already there as deadlines)."""
    from reviews import policy, selectors

    partnership = request.partnership
    if not partnership or not policy.can_manage_reviews(request.user, partnership):
        return None
    waiting = list(selectors.referrals_awaiting_triage(partnership)[:10])
    return {"template": "reviews/_dashboard_triage.html", "referrals": waiting} if waiting else None


def _assigned_reviews_panel(request):
    """The open reviews a reviewer is assigned to, on their dashboard: their reports are awaited."""
    from reviews import selectors

    assigned = list(selectors.reviews_awaiting_reviewer(request.user)[:10])
    return (
        {"template": "reviews/_dashboard_assigned.html", "reviews": assigned} if assigned else None
    )


def _dashboard_panels(request):
    return [panel for panel in (_triage_panel(request), _assigned_reviews_panel(request)) if panel]


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Reviews"
    navigation = (
        NavItem("Reviews", "reviews:review_list", 20, shown_to="reviews.view_review_list"),
        NavItem("Learning referrals", "reviews:referral_list", 21),
        NavItem("Requests", "reviews:request_list", 22, shown_to="reviews.view_request_list"),
    )
    dashboard_panel = staticmethod(_dashboard_panels)

    def ready(self):
        from reviews import policy, similar_work, yearly  # noqa: F401  (policy registers its permissions)

        similar_work.register_all()
        register_yearly_summary("reviews", yearly.summarise)
