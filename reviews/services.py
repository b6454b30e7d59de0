"""Every change to reviews: each is one transaction that writes its own audit row."""

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from core import audit
from core.models import AuditEvent
from partnership.models import Partnership, User
from reviews.models import LearningReferral
from reviews.references import next_reference


@transaction.atomic
def learning_referral_submit(
    *,
    partnership: Partnership,
    referred_by: User,
    title: str,
    what_happened: str,
    agencies_involved: str,
    why_learning: str,
    child_voice: str,
    origin: models.Model | None = None,
) -> LearningReferral:
    """Record a referral of a case or an area of practice for learning, awaiting triage."""
    referral = LearningReferral.objects.create(
        partnership=partnership,
        reference=next_reference(
            partnership=partnership,
            model=LearningReferral,
            year=timezone.localdate().year,
            infix="LR-",
        ),
        title=title,
        what_happened=what_happened,
        agencies_involved=agencies_involved,
        why_learning=why_learning,
        child_voice=child_voice,
        referred_by=referred_by,
        origin_type=ContentType.objects.get_for_model(origin) if origin is not None else None,
        origin_id=origin.pk if origin is not None else None,
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=referred_by,
        subject=referral,
        details={"title": title, "origin": str(origin) if origin is not None else None},
    )
    return referral
