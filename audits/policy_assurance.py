"""Who may do what in single-agency assurance, decided here only (django-rules).

The business unit opens a round, sends it to the agencies and holds the challenge sessions; the
sub-group that oversees a round sees every agency's self-assessment in it; an agency's contributors
see and complete only their own agency's. Single-agency audit summaries are submitted by an agency's
contributors (or the business unit for it) and read by the business unit and group members.
Nobody sees another partnership's.
"""

import rules

from partnership import access
from partnership.models import Membership, Partnership, Role
from partnership.policy import holds_role, in_partnership, is_business_unit, require, rule


def overseeing_group_ids(user) -> list[int]:
    """The groups a person sits on in partnerships where they hold a role; read once per request."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, "_member_of_groups", None)
    if cached is None:
        cached = list(
            Membership.objects.filter(
                person=user, group__partnership__in=access.partnership_ids(user)
            ).values_list("group_id", flat=True)
        )
        user._member_of_groups = cached
    return cached


def _round_of(record):
    return getattr(record, "round", record)


@rules.predicate
def sits_on_overseeing_group(user, record) -> bool:
    """A member of the sub-group that oversees the round (of a round or a self-assessment)."""
    found = _round_of(record)
    return in_partnership(user, found) and found.overseeing_group_id in overseeing_group_ids(user)


@rules.predicate
def of_own_agency(user, record) -> bool:
    """The record is the person's own organisation's."""
    organisation_id = getattr(user, "organisation_id", None)
    return organisation_id is not None and organisation_id == record.organisation_id


is_contributor = holds_role(Role.AGENCY_CONTRIBUTOR)
is_own_agency_contributor = is_contributor & of_own_agency

can_see_assurance = rule(
    "audits.view_assurance",
    holds_role(*access.BUSINESS_UNIT, Role.GROUP_MEMBER, Role.AGENCY_CONTRIBUTOR),
)
can_manage_assurance = rule("audits.change_assurance", is_business_unit)
can_see_whole_round = rule(
    "audits.view_assurance_round", is_business_unit | sits_on_overseeing_group
)
can_see_self_assessment = rule(
    "audits.view_self_assessment",
    is_business_unit | sits_on_overseeing_group | is_own_agency_contributor,
)
can_complete_self_assessment = rule("audits.complete_self_assessment", is_own_agency_contributor)
can_challenge = rule("audits.challenge_self_assessment", is_business_unit)
can_see_agency_audits = rule(
    "audits.view_agency_audits",
    holds_role(*access.BUSINESS_UNIT, Role.GROUP_MEMBER, Role.AGENCY_CONTRIBUTOR),
)
# A contributor submits for their own agency only (the form offers no other); the business unit for any.
can_submit_agency_audit = rule(
    "audits.add_agency_audit", holds_role(*access.BUSINESS_UNIT, Role.AGENCY_CONTRIBUTOR)
)


def require_reader(request) -> Partnership:
    return require(
        request,
        can_see_assurance,
        "Section 11 and section 175 assurance is for the business unit, its sub-groups and agencies",
    )


def require_manager(request) -> Partnership:
    return require(
        request, can_manage_assurance, "Only the partnership's business unit can do this"
    )
