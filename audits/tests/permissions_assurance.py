"""Permission matrix rows of single-agency assurance (section 11 and section 175).

The business unit sees every round; the contributor (of the hospital, which every round here asks)
sees only its own agency's self-assessment and completes it; the group member does not sit on the
round's sub-group, so sees none; the outsider is a business unit manager elsewhere, who sees their
own partnership's (empty) pages and none of ours.
"""

from datetime import date

from audits import services_assurance
from audits.tests.factories_assurance import section_11_round, submitted
from security.permission_matrix import Check, expect

READERS = {
    "manager": 200,
    "officer": 200,
    "group_member": 200,
    "contributor": 200,
    "outsider": 200,
}
BUSINESS_UNIT = {"manager": 200, "officer": 200, "outsider": 200}
SUBMITTERS = {"manager": 200, "officer": 200, "contributor": 200, "outsider": 200}
WHOLE_ROUND = {"manager": 200, "officer": 200, "contributor": 403}
OWN_AGENCY = {"manager": 200, "officer": 200, "contributor": 200}


def _round(cast):
    return {"pk": section_11_round(cast).pk}


def _assessment(cast):
    return {"pk": section_11_round(cast).self_assessments.get(organisation=cast.hospital).pk}


def _submitted(cast):
    assessment = section_11_round(cast).self_assessments.get(organisation=cast.hospital)
    return {"pk": submitted(assessment, cast.contributor, "green").pk}


def _standard(cast):
    services_assurance.standards_seed(partnership=cast.partnership, kind="section_11")
    return {"pk": cast.partnership.assurance_standards.first().pk}


def _agency_audit(cast):
    summary = services_assurance.agency_audit_submit(
        partnership=cast.partnership,
        organisation=cast.hospital,
        data={
            "title": "Emergency department audit",
            "audited_on": date(2026, 6, 1),
            "cases": 4,
            "headline_findings": "Findings",
            "outstanding": 0,
            "good": 2,
            "requires_improvement": 2,
            "inadequate": 0,
        },
        by=cast.contributor,
    )
    return {"pk": summary.pk}


CHECKS = [
    Check("audits:assurance", expect(403, **READERS)),
    Check("audits:assurance_round_open", expect(403, **BUSINESS_UNIT)),
    Check("audits:assurance_standards", expect(403, **BUSINESS_UNIT)),
    Check(
        "audits:assurance_standard_archive",
        expect(403, manager=302, officer=302, outsider=404),
        kwargs=_standard,
        method="post",
    ),
    Check("audits:assurance_round", expect(404, **OWN_AGENCY), kwargs=_round),
    Check("audits:assurance_heat_map", expect(404, **WHOLE_ROUND), kwargs=_round),
    Check("audits:assurance_heat_map_csv", expect(404, **WHOLE_ROUND), kwargs=_round),
    Check("audits:assurance_heat_map_xlsx", expect(404, **WHOLE_ROUND), kwargs=_round),
    Check("audits:self_assessment", expect(404, **OWN_AGENCY), kwargs=_assessment),
    Check(
        "audits:self_assessment_complete",
        expect(404, manager=403, officer=403, contributor=200),
        kwargs=_assessment,
    ),
    Check(
        "audits:challenge_record",
        expect(404, manager=200, officer=200, contributor=403),
        kwargs=_submitted,
    ),
    Check("audits:agency_audits", expect(403, **READERS)),
    Check("audits:agency_audit_add", expect(403, **SUBMITTERS)),
    Check(
        "audits:agency_audit",
        expect(404, manager=200, officer=200, group_member=200, contributor=200),
        kwargs=_agency_audit,
    ),
]
