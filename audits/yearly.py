"""Multi-agency audits' and section 11's part of the partnership's yearly report (`core.yearly`):
the year's audit programme and how far each audit got, and the section 11 and section 175 returns
of the year with the standards' ratings.

Source: Working Together asks the partners to quality assure practice, including joint audits of
records, and the yearly report to say how effective the arrangements were; section 11 of the
Children Act 2004 and section 175 of the Education Act 2002 (reference/statutory.md 1.5).
"""

from datetime import date

from django.db.models import Count, Q

from audits.models import Audit
from audits.models_assurance import AssuranceRound, SelfAssessment, StandardRating
from core.yearly import YearSummary


def summarise(partnership, first: date, last: date) -> YearSummary:
    # Programmes and rounds are kept by the year their April falls in, as the report is.
    audits = list(
        Audit.objects.filter(
            programme__partnership=partnership, programme__year=first.year
        ).order_by("quarter", "number")
    )
    rounds = AssuranceRound.objects.filter(partnership=partnership, year=first.year)
    returns = SelfAssessment.objects.filter(round__in=rounds).aggregate(
        asked=Count("pk"),
        returned=Count("pk", filter=~Q(status=SelfAssessment.Status.REQUESTED)),
        challenged=Count("pk", filter=Q(status=SelfAssessment.Status.CHALLENGED)),
    )
    ratings = {
        row["rating"]: row["count"]
        for row in StandardRating.objects.filter(assessment__round__in=rounds)
        .values("rating")
        .annotate(count=Count("pk"))
    }
    reported = (Audit.Status.REPORT, Audit.Status.RE_AUDIT_DUE)
    return YearSummary(
        figures=[
            ("Multi-agency audits in the year's programme", len(audits)),
            ("of which reported", sum(1 for audit in audits if audit.status in reported)),
            ("Section 11 and section 175 returns asked for", returns["asked"]),
            ("Returns made", returns["returned"]),
            ("Challenge sessions held", returns["challenged"]),
            ("Standards rated green by the agencies", ratings.get("green", 0)),
            ("Standards rated amber", ratings.get("amber", 0)),
            ("Standards rated red", ratings.get("red", 0)),
        ],
        lists=[
            (
                "The year's audits",
                [
                    f"{audit.get_quarter_display()}: {audit.title} ({audit.get_status_display()})"
                    for audit in audits
                ],
            )
        ],
    )
