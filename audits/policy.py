"""Who may read and change multi-agency case audits, decided here only (django-rules).

The programme, its audits and tools are read by the business unit, partner leads and group members
(the sub-groups own audits) and changed by the business unit. Cases are seen by the business unit and
by the contributors of each agency asked about them, who answer only their own agency's requests. A
child's identifying details are seen by the business unit and the asked agencies' contributors, each
signed in with two factors, and every view of them is recorded.
"""

import rules

from partnership import access
from partnership.models import Partnership, Role
from partnership.policy import (
    holds_role,
    is_agency_contributor,
    is_business_unit,
    is_verified,
    require,
    rule,
)

READER_ROLES = access.BUSINESS_UNIT | {Role.PARTNER_LEAD, Role.GROUP_MEMBER}
TOOL_READER_ROLES = READER_ROLES | {Role.AGENCY_CONTRIBUTOR}


@rules.predicate
def is_of_the_asked_agency(user, record) -> bool:
    """A contributor of the agency a request is addressed to, or of an agency asked about a case
    (`record` is an `AuditRequest` or an `AuditCase`)."""
    organisation_id = getattr(user, "organisation_id", None)
    if organisation_id is None or not is_agency_contributor(user, record):
        return False
    asked = getattr(record, "asked_organisation_ids", None)
    if asked is None:
        asked = {record.organisation_id}
    return organisation_id in asked


@rules.predicate
def is_still_open(user, request) -> bool:
    """A request not yet returned."""
    from audits.models import AuditRequest

    return request.status != AuditRequest.Status.RETURNED


@rules.predicate
def is_being_moderated(user, audit) -> bool:
    """An audit whose agencies have made their returns and whose moderation is not yet over."""
    from audits.models import Audit

    return audit.status in (Audit.Status.AGENCY_RETURNS, Audit.Status.MODERATION)


@rules.predicate
def is_being_reported(user, audit) -> bool:
    """An audit past moderation whose report is not yet complete."""
    from audits.models import Audit

    return audit.status == Audit.Status.REPORT


@rules.predicate
def is_re_audit_due(user, audit) -> bool:
    """An audit whose report is complete, waiting to be audited again."""
    from audits.models import Audit

    return audit.status == Audit.Status.RE_AUDIT_DUE


can_see_programme = rule("audits.view_programme", holds_role(*READER_ROLES))
can_manage_audits = rule("audits.change_audit", is_business_unit)
can_see_tools = rule("audits.view_tool", holds_role(*TOOL_READER_ROLES))
can_see_requests = rule("audits.view_request_list", is_business_unit | is_agency_contributor)
can_see_request = rule("audits.view_request", is_business_unit | is_of_the_asked_agency)
can_answer_request = rule("audits.answer_request", is_of_the_asked_agency & is_still_open)
can_moderate = rule("audits.moderate", is_business_unit & is_being_moderated)
can_write_report = rule("audits.write_report", is_business_unit & is_being_reported)
can_schedule_re_audit = rule("audits.schedule_re_audit", is_business_unit & is_re_audit_due)
can_see_identity = rule(
    "audits.view_identifying_details", (is_business_unit | is_of_the_asked_agency) & is_verified
)
can_change_identity = rule("audits.change_identifying_details", is_business_unit & is_verified)


def reader_partnership_ids(user) -> list[int]:
    """The partnerships whose audit programme the person reads, for querysets."""
    return access.partnership_ids(user, READER_ROLES)


def tool_reader_partnership_ids(user) -> list[int]:
    return access.partnership_ids(user, TOOL_READER_ROLES)


def require_reader(request) -> Partnership:
    return require(
        request,
        can_see_programme,
        "The audit programme is for the business unit, partner leads and group members",
    )


def require_manager(request) -> Partnership:
    return require(request, can_manage_audits, "Only the partnership's business unit can do this")


def require_tool_reader(request) -> Partnership:
    return require(request, can_see_tools, "Audit tools are for those who take part in audits")


def require_request_reader(request) -> Partnership:
    return require(
        request,
        can_see_requests,
        "Audit requests are for the business unit and agency contributors",
    )
