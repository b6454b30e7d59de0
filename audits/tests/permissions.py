from audits import services
from audits.models import ToolQuestion
from audits.tests.factories import ProgrammeFactory, audit_for, case_of, request_to
from audits.tests.permissions_assurance import CHECKS as ASSURANCE_CHECKS
from audits.tests.permissions_report import CHECKS as REPORT_CHECKS
from security.permission_matrix import Check, expect

# The programme, its audits and tools are read by the business unit, partner leads and group
# members; the outsider is a business unit manager elsewhere, who sees their own partnership's
# (empty) lists. Cases are the business unit's; the agency asked about a case (the contributor's
# hospital) sees it through its request, answers the request and, with two factors, sees the
# child's identifying details.
READERS = {
    "manager": 200,
    "officer": 200,
    "partner_lead": 200,
    "group_member": 200,
    "outsider": 200,
}
BUSINESS_UNIT = {"manager": 200, "officer": 200, "outsider": 200}
RECORD_READERS = {"manager": 200, "officer": 200, "partner_lead": 200, "group_member": 200}
RECORD_CHANGERS = {"manager": 200, "officer": 200, "partner_lead": 403, "group_member": 403}
RECORD_POSTERS = {"manager": 302, "officer": 302, "partner_lead": 403, "group_member": 403}
TOOL_CHANGERS = {**RECORD_CHANGERS, "contributor": 403}
CASE_WORK = {"manager": 200, "officer": 200, "contributor": 403}
ASKED_AGENCY = {"manager": 200, "officer": 200, "contributor": 200}


def _programme(cast):
    return {"pk": ProgrammeFactory(created_by=cast.manager).pk}


def _audit(cast):
    return {"pk": audit_for(cast).pk}


def _case(cast):
    case = case_of(audit_for(cast))
    request_to(case, cast.hospital)
    return {"pk": case.pk}


def _request(cast):
    return {"pk": request_to(case_of(audit_for(cast)), cast.hospital).pk}


def _tool(cast):
    standard = services.standard_tool_seed(partnership=cast.partnership)
    return services.tool_copy(
        version=standard.versions.get(), name="Test copy of the tool", by=cast.manager
    )


def _tool_pk(cast):
    return {"pk": _tool(cast).pk}


def _question(cast):
    tool = _tool(cast)
    question = ToolQuestion.objects.filter(section__version__tool=tool).first()
    return {"pk": tool.pk, "question_pk": question.pk}


def _version(cast):
    return {"version": 1}


CHECKS = [
    Check("audits:programme_list", expect(403, **READERS)),
    Check("audits:programme_create", expect(403, **BUSINESS_UNIT)),
    Check("audits:programme_detail", expect(404, **RECORD_READERS), kwargs=_programme),
    Check("audits:audit_create", expect(404, **RECORD_CHANGERS), kwargs=_programme),
    Check("audits:audit_detail", expect(404, **RECORD_READERS), kwargs=_audit),
    Check("audits:audit_edit", expect(404, **RECORD_CHANGERS), kwargs=_audit),
    Check(
        "audits:audit_move_on",
        expect(404, **RECORD_POSTERS),
        kwargs=_audit,
        method="post",
        data=_version,
    ),
    Check("audits:cases_random", expect(404, **RECORD_CHANGERS), kwargs=_audit),
    Check("audits:case_choose", expect(404, **RECORD_CHANGERS), kwargs=_audit),
    Check("audits:case_detail", expect(404, **CASE_WORK), kwargs=_case),
    Check("audits:case_identity", expect(404, **ASKED_AGENCY), kwargs=_case),
    Check("audits:case_identity_edit", expect(404, **CASE_WORK), kwargs=_case),
    Check("audits:requests_send", expect(404, **CASE_WORK), kwargs=_case),
    Check("audits:request_list", expect(403, **BUSINESS_UNIT, contributor=200)),
    Check("audits:request_detail", expect(404, **ASKED_AGENCY), kwargs=_request),
    Check("audits:request_workbook", expect(404, **ASKED_AGENCY), kwargs=_request),
    # The asked agency answers; the business unit reads the return but does not answer it.
    Check(
        "audits:request_upload",
        expect(404, manager=403, officer=403, contributor=200),
        kwargs=_request,
    ),
    Check("audits:tool_list", expect(403, **READERS, contributor=200)),
    Check("audits:tool_detail", expect(404, **RECORD_READERS, contributor=200), kwargs=_tool_pk),
    Check("audits:tool_copy", expect(404, **TOOL_CHANGERS), kwargs=_tool_pk),
    Check("audits:tool_section_add", expect(404, **TOOL_CHANGERS), kwargs=_tool_pk),
    Check("audits:tool_question_add", expect(404, **TOOL_CHANGERS), kwargs=_tool_pk),
    Check("audits:tool_question_change", expect(404, **TOOL_CHANGERS), kwargs=_question),
    Check(
        "audits:tool_question_remove",
        expect(404, **RECORD_POSTERS, contributor=403),
        kwargs=_question,
        method="post",
        data=_version,
    ),
    *ASSURANCE_CHECKS,
    *REPORT_CHECKS,
]
