from audits.tests.factories import ProgrammeFactory
from audits.tests.permissions_assurance import CHECKS as ASSURANCE_CHECKS
from security.permission_matrix import Check, expect

# The programme is read by the business unit, partner leads and group members; the outsider is a
# business unit manager elsewhere, who sees their own partnership's (empty) pages.
READERS = {
    "manager": 200,
    "officer": 200,
    "partner_lead": 200,
    "group_member": 200,
    "outsider": 200,
}
BUSINESS_UNIT = {"manager": 200, "officer": 200, "outsider": 200}
RECORD_READERS = {"manager": 200, "officer": 200, "partner_lead": 200, "group_member": 200}


def _programme(cast):
    return {"pk": ProgrammeFactory(created_by=cast.manager).pk}


CHECKS = [
    Check("audits:programme_list", expect(403, **READERS)),
    Check("audits:programme_create", expect(403, **BUSINESS_UNIT)),
    Check("audits:programme_detail", expect(404, **RECORD_READERS), kwargs=_programme),
    *ASSURANCE_CHECKS,
]
