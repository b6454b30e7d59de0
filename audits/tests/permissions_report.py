"""Rows of the permission matrix for moderation and the audit report."""

from audits.models import Grade
from audits.tests.moderated import audit_with_returns, meeting_of, moderated, reported
from security.permission_matrix import Check, expect

# The report is read by whoever reads the programme; moderation goes case by case, so only the
# business unit sees it; both are changed by the business unit.
RECORD_READERS = {"manager": 200, "officer": 200, "partner_lead": 200, "group_member": 200}
RECORD_CHANGERS = {"manager": 200, "officer": 200, "partner_lead": 403, "group_member": 403}
MODERATORS = {"manager": 200, "officer": 200}
DONE = {"manager": 302, "officer": 302, "partner_lead": 403, "group_member": 403}


def _returned(cast):
    return audit_with_returns(cast, {cast.police: Grade.GOOD})


def _audit_returned(cast):
    return {"pk": _returned(cast).pk}


def _meeting(cast):
    return {"pk": meeting_of(cast, _returned(cast)).pk}


def _meeting_case(cast):
    audit = _returned(cast)
    return {"pk": meeting_of(cast, audit).pk, "case_pk": audit.cases.get().pk}


def _audit_reporting(cast, *, complete=False):
    audit = _returned(cast)
    moderated(cast, audit)
    reported(cast, audit, complete=complete)
    return {"pk": audit.pk}


def _audit_reported(cast):
    return _audit_reporting(cast, complete=True)


CHECKS = [
    Check("audits:meeting_create", expect(404, **RECORD_CHANGERS), kwargs=_audit_returned),
    Check("audits:moderation_conclude", expect(404, **DONE), kwargs=_audit_returned, method="post"),
    Check("audits:moderation_detail", expect(404, **MODERATORS), kwargs=_meeting),
    Check("audits:case_moderate", expect(404, **MODERATORS), kwargs=_meeting_case),
    Check("audits:action_agree", expect(404, **MODERATORS), kwargs=_meeting),
    Check("audits:report", expect(404, **RECORD_READERS), kwargs=_audit_reporting),
    Check("audits:report_pdf", expect(404, **RECORD_READERS), kwargs=_audit_reporting),
    Check("audits:report_write", expect(404, **RECORD_CHANGERS), kwargs=_audit_reporting),
    Check("audits:report_point_add", expect(404, **RECORD_CHANGERS), kwargs=_audit_reporting),
    Check("audits:report_complete", expect(404, **DONE), kwargs=_audit_reporting, method="post"),
    Check("audits:re_audit_schedule", expect(404, **RECORD_CHANGERS), kwargs=_audit_reported),
]
