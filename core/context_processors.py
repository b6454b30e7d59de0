from core import navigation


def service(request):
    """The service name, the person's partnership and the navigation, for every page."""
    return {
        "service_name": "Learning Hub",
        "navigation_items": navigation.items_for(request)
        if hasattr(request, "partnership")
        else [],
        "current_partnership": getattr(request, "partnership", None) or None,
    }
