"""Service navigation by capability. Each app lists its own items in its AppConfig."""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    order: int
    # Who sees the item: given the person and their partnership; by default anyone with a role there.
    shown_to: Callable | None = None


def items_for(request) -> list[dict]:
    user = request.user
    if not user.is_authenticated:
        return []
    partnership = request.partnership
    if not partnership:
        return []
    found = []
    for config in apps.get_app_configs():
        for item in getattr(config, "navigation", ()):
            if item.shown_to is not None and not item.shown_to(user, partnership):
                continue
            try:
                url = reverse(item.url_name)
            except NoReverseMatch:
                continue
            found.append(
                {
                    "order": item.order,
                    "label": item.label,
                    "url": url,
                    "active": request.path.startswith(url) and url != "/",
                }
            )
    found.sort(key=lambda entry: entry["order"])
    if request.path == "/" and found:
        found[0]["active"] = True
    return found
