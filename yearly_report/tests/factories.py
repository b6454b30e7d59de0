"""The yearly report's test records. Every name is plainly fictional."""

from reviews.tests.factories import partner_leads_of_every_statutory_partner
from yearly_report import services


def report_of(cast, start_year=2025):
    return services.report_open(
        partnership=cast.partnership, start_year=start_year, by=cast.officer
    )


def signed_off_by_every_partner(cast, report):
    for lead in partner_leads_of_every_statutory_partner(cast):
        services.report_sign_off(report=report, agrees=True, comment="", by=lead)
    return report
