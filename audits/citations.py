"""A re-audit offered as evidence of impact for the actions of the audit it re-audits
(`learning.citations`: the spine never imports this app)."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from audits.models import Audit
from audits.selectors_report import overall_good_or_better
from learning.citations import Citable


def _share(percent: int | None) -> str:
    return "no grades" if percent is None else f"{percent}%"


def re_audits_for(action) -> list[Citable]:
    """The completed re-audits of the audit an action's recommendation came from, each with the
    change in the share of cases graded good or better overall."""
    recommendation = action.recommendation
    if recommendation.source_type_id != ContentType.objects.get_for_model(Audit).pk:
        return []
    re_audits = list(
        Audit.objects.filter(
            re_audit_of_id=recommendation.source_id, report__completed_at__isnull=False
        ).select_related("partnership", "re_audit_of__partnership")
    )
    shares = overall_good_or_better([recommendation.source_id, *(item.pk for item in re_audits)])
    return [
        Citable(
            record=item,
            title=f"Re-audit {item.learning_reference}: {item.title}",
            summary=(
                f"Cases graded good or better overall: {_share(shares[item.re_audit_of_id])} at "
                f"{item.re_audit_of.learning_reference}, {_share(shares[item.pk])} at the re-audit"
            ),
            url=reverse("audits:report", args=[item.pk]),
        )
        for item in re_audits
    ]
