from django.apps import AppConfig

from core.navigation import NavItem


def _sees_reviews(user, partnership) -> bool:
    from partnership import access
    from partnership.models import Role
    from reviews.querysets import CASE_OVERSIGHT

    return access.has_role(user, partnership, CASE_OVERSIGHT | {Role.INDEPENDENT_REVIEWER})


def _sees_requests(user, partnership) -> bool:
    from partnership import access
    from partnership.models import Role
    from reviews.querysets import CASE_OVERSIGHT

    return access.has_role(user, partnership, CASE_OVERSIGHT | {Role.AGENCY_CONTRIBUTOR})


def _triage_panel(request):
    """Referrals awaiting triage, on the business unit's dashboard (contributors' requests are
    already there as deadlines)."""
    from partnership import access
    from reviews import selectors

    partnership = request.partnership
    if not partnership or not access.is_business_unit(request.user, partnership):
        return None
    waiting = list(selectors.referrals_awaiting_triage(partnership)[:10])
    return {"template": "reviews/_dashboard_triage.html", "referrals": waiting} if waiting else None


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Reviews"
    navigation = (
        NavItem("Reviews", "reviews:review_list", 20, shown_to=_sees_reviews),
        NavItem("Learning referrals", "reviews:referral_list", 21),
        NavItem("Requests", "reviews:request_list", 22, shown_to=_sees_requests),
    )
    dashboard_panel = staticmethod(_triage_panel)

    def ready(self):
        from reviews import similar_work

        similar_work.register_all()
