from security.permission_matrix import BUSINESS_UNIT_ONLY, OUTSIDE, Check, expect
from yearly_report import services
from yearly_report.tests.factories import report_of, signed_off_by_every_partner

READERS = {**BUSINESS_UNIT_ONLY, "partner_lead": 200}


def _report(cast):
    return {"pk": report_of(cast).pk}


def _published(cast):
    report = signed_off_by_every_partner(cast, report_of(cast))
    services.report_publish(report=report, by=cast.manager)
    return {"pk": report.pk}


CHECKS = [
    Check("yearly_report:report_list", expect(403, **READERS, outsider=200)),
    Check("yearly_report:report_detail", expect(403, **READERS, **OUTSIDE), kwargs=_report),
    Check(
        "yearly_report:narrative_edit",
        expect(403, **BUSINESS_UNIT_ONLY, **OUTSIDE),
        kwargs=lambda cast: {**_report(cast), "section": "scrutiny"},
    ),
    # Only a partner lead signs off; the business unit never signs for a partner.
    Check(
        "yearly_report:report_sign_off",
        expect(403, partner_lead=302, **OUTSIDE),
        kwargs=_report,
        method="post",
        data=lambda cast: {"agrees": "yes"},
    ),
    Check(
        "yearly_report:report_publish",
        expect(403, manager=302, **OUTSIDE),
        kwargs=_report,
        method="post",
    ),
    Check(
        "yearly_report:report_sent", expect(403, **BUSINESS_UNIT_ONLY, **OUTSIDE), kwargs=_published
    ),
]
