from django.apps import AppConfig

from core.navigation import NavItem


def _is_business_unit_manager(user, partnership) -> bool:
    from partnership import access

    return access.is_business_unit_manager(user, partnership)


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared services"
    navigation = (
        NavItem("Dashboard", "core:dashboard", 0),
        NavItem("Audit trail", "core:audit_trail", 90, shown_to=_is_business_unit_manager),
    )
