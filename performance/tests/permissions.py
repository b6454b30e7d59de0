from django.core.files.base import ContentFile

from performance.models import PerformanceImport, Scrutiny
from performance.periods import Quarter
from performance.tests.factories import IndicatorFactory
from security.permission_matrix import Check, expect

# Quarterly figures are for the business unit, partner leads and group members; the outsider is a
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


def _indicator(cast):
    return {"pk": IndicatorFactory(partnership=cast.partnership, code="PM01").pk}


def _scrutiny(cast):
    scrutiny = Scrutiny.objects.create(
        partnership=cast.partnership,
        period=Quarter(2025, 1).index,
        question="Why did re-referrals rise?",
        asked_of=cast.council,
        outcome=Scrutiny.Outcome.NO_ACTION,
        recorded_by=cast.manager,
    )
    return {"pk": scrutiny.pk}


def _import(cast):
    IndicatorFactory(partnership=cast.partnership, code="PM01")
    performance_import = PerformanceImport.objects.create(
        partnership=cast.partnership,
        file=ContentFile(
            b"indicator,area,period,value\nPM01,Middlesbrough,2025-26 Q1,12\n", name="values.csv"
        ),
        original_name="values.csv",
        status=PerformanceImport.Status.PREVIEWED,
        rows=1,
        uploaded_by=cast.manager,
    )
    return {"pk": performance_import.pk}


CHECKS = [
    Check("performance:report", expect(403, **READERS)),
    Check("performance:report_pdf", expect(403, **READERS)),
    Check("performance:indicator_list", expect(403, **READERS)),
    Check("performance:audit_proposal_list", expect(403, **READERS)),
    Check("performance:indicator_create", expect(403, **BUSINESS_UNIT)),
    Check("performance:indicator_detail", expect(404, **RECORD_READERS), kwargs=_indicator),
    Check(
        "performance:indicator_edit",
        expect(404, manager=200, officer=200, partner_lead=403, group_member=403),
        kwargs=_indicator,
    ),
    Check("performance:scrutiny_create", expect(403, **BUSINESS_UNIT)),
    Check("performance:scrutiny_detail", expect(404, **RECORD_READERS), kwargs=_scrutiny),
    Check("performance:import_start", expect(403, **BUSINESS_UNIT)),
    Check(
        "performance:import_template",
        expect(403, **BUSINESS_UNIT),
        kwargs=lambda cast: {"file_format": "xlsx"},
    ),
    Check("performance:import_detail", expect(404, manager=200, officer=200), kwargs=_import),
    Check(
        "performance:import_apply",
        expect(404, manager=302, officer=302),
        kwargs=_import,
        method="post",
    ),
]
