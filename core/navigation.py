"""Service navigation by capability. Each app lists its own items in its AppConfig."""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.urls import NoReverseMatch, reverse

from core.permissions import allowed


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    order: int
    # Who sees the item: the name of a permission asked of the person's partnership (decided in a
    # policy module), or a function of the person and the partnership; by default anyone with a role there.
    shown_to: str | Callable | None = None

    def is_shown_to(self, user, partnership) -> bool:
        if self.shown_to is None:
            return True
        if isinstance(self.shown_to, str):
            return allowed(user, self.shown_to, partnership)
        return self.shown_to(user, partnership)


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
            if not item.is_shown_to(user, partnership):
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
