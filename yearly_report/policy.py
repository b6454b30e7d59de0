"""Who may see and change the partnership's yearly report, decided here only (django-rules).

The business unit drafts it and writes its narrative; the safeguarding partner leads read the
draft and sign it off for their organisation (as they sign off reviews, `reviews.policy`); the
business unit manager publishes it once every statutory partner agrees. Everyone reads the
published report on the public site.
"""

import rules

from partnership.models import Partnership
from partnership.policy import (
    is_business_unit,
    is_business_unit_manager,
    require,
    rule,
)
from reviews.policy import can_sign_off as is_signing_partner_lead


@rules.predicate
def unpublished(user, report) -> bool:
    return report is not None and getattr(report, "publication_id", None) is None


can_see_report = rule("yearly_report.view_report", is_business_unit | is_signing_partner_lead)
can_manage_report = rule("yearly_report.change_report", is_business_unit)
can_edit_report = rule("yearly_report.edit_report", is_business_unit & unpublished)
can_sign_off_report = rule("yearly_report.sign_off", is_signing_partner_lead & unpublished)
can_publish_report = rule("yearly_report.publish", is_business_unit_manager & unpublished)


def require_reader(request) -> Partnership:
    return require(
        request, can_see_report, "Only the business unit and the partner leads see yearly reports"
    )


def require_manager(request) -> Partnership:
    return require(request, can_manage_report, "Only the partnership's business unit can do this")
