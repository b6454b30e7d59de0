from inspections.tests.factories import InspectionFactory
from security.permission_matrix import Check, expect

# Inspections and their action plans are for the business unit, partner leads and group members;
# the outsider is a business unit manager elsewhere, who sees their own partnership's (empty) pages.
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


def _inspection(cast):
    return {"pk": InspectionFactory(recorded_by=cast.manager).pk}


CHECKS = [
    Check("inspections:inspection_list", expect(403, **READERS)),
    Check("inspections:judgement_history", expect(403, **READERS)),
    Check("inspections:progress_report", expect(403, **READERS)),
    Check("inspections:progress_report_pdf", expect(403, **READERS)),
    Check("inspections:inspection_create", expect(403, **BUSINESS_UNIT)),
    Check("inspections:settings", expect(403, **BUSINESS_UNIT)),
    Check("inspections:inspection_detail", expect(404, **RECORD_READERS), kwargs=_inspection),
    Check("inspections:inspection_edit", expect(404, **RECORD_CHANGERS), kwargs=_inspection),
    Check("inspections:judgements_edit", expect(404, **RECORD_CHANGERS), kwargs=_inspection),
    Check("inspections:point_add", expect(404, **RECORD_CHANGERS), kwargs=_inspection),
    Check("inspections:document_add", expect(404, **RECORD_CHANGERS), kwargs=_inspection),
    Check("inspections:sample_case_add", expect(404, **RECORD_CHANGERS), kwargs=_inspection),
]
