"""Who may see, change and see the identifying details of child deaths, decided here only
(django-rules; `access.py` works out the partnerships whose deaths each person reaches, as a panel
serves several).

The business unit of the owning partnership and the members of the panel that reviews its deaths
work on them; a child's identifying details also need an identifying role and two-factor sign-in;
partner leads read the suppressed trends.
"""

import rules

from child_deaths import access as death_access
from partnership import access
from partnership.policy import is_business_unit, is_verified, partnership_id_of, rule


@rules.predicate
def works_on_deaths(user) -> bool:
    return bool(death_access.death_partnership_ids(user))


@rules.predicate
def works_on_the_death(user, death) -> bool:
    return partnership_id_of(death) in death_access.death_partnership_ids(user)


@rules.predicate
def holds_an_identifying_role(user) -> bool:
    """In any partnership: the panel member's role is held in the partnership hosting the panel,
    not in each one it serves."""
    return bool(access.partnership_ids(user, access.IDENTIFYING_DETAIL_ROLES))


@rules.predicate
def reads_death_statistics(user) -> bool:
    return bool(death_access.statistics_partnership_ids(user))


can_see_deaths = rule("child_deaths.view_death_list", works_on_deaths)
can_see_identity = rule(
    "child_deaths.view_identifying_details",
    works_on_the_death & holds_an_identifying_role & is_verified,
)
can_read_statistics = rule("child_deaths.view_statistics", reads_death_statistics)
can_export_deaths = rule("child_deaths.export_deaths", works_on_deaths)
can_publish_yearly_report = rule("child_deaths.publish_yearly_report", is_business_unit)
