"""Who may see, change and see the identifying details of review records, decided here only
(django-rules; which records each person reaches is scoped in `querysets.py`).

The business unit manages case work; partner leads oversee it and sign off decisions and reports;
terms of reference are approved by a partner lead or the business unit manager; report drafts are
written by the business unit or the review's own reviewers; a notified child's identifying details
are seen only by the identifying roles, signed in with two factors.
"""

import rules

from partnership.models import Partnership, Role
from partnership.policy import (
    holds_role,
    is_business_unit,
    is_partner_lead,
    require,
    rule,
    sees_identifying_details,
)
from reviews.querysets import CASE_OVERSIGHT


@rules.predicate
def is_assigned_reviewer(user, review) -> bool:
    """Assigned (and not removed) as a reviewer of this review."""
    return review.reviewer_assignments.filter(person=user, removed_at__isnull=True).exists()


can_see_reviews = rule(
    "reviews.view_review_list", holds_role(*CASE_OVERSIGHT, Role.INDEPENDENT_REVIEWER)
)
can_see_requests = rule(
    "reviews.view_request_list", holds_role(*CASE_OVERSIGHT, Role.AGENCY_CONTRIBUTOR)
)
can_manage_reviews = rule("reviews.change_review", is_business_unit)
can_approve_terms = rule(
    "reviews.approve_terms_of_reference",
    holds_role(Role.PARTNER_LEAD, Role.BUSINESS_UNIT_MANAGER),
)
can_sign_off = rule("reviews.sign_off", is_partner_lead)
can_write_report = rule("reviews.write_report", is_business_unit | is_assigned_reviewer)
can_see_identifying_details = rule("reviews.view_identifying_details", sees_identifying_details)
# Only someone holding the independent reviewer role may be assigned as one.
may_be_independent_reviewer = holds_role(Role.INDEPENDENT_REVIEWER)


def require_manager(request) -> Partnership:
    return require(request, can_manage_reviews, "Only the partnership's business unit can do this")
