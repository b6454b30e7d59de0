"""Reminders before deadlines and escalation after them, sent by the background worker."""

from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone

from core.models import Deadline


def _message(deadline: Deadline, people, opening: str):
    body = (
        f"{opening}\n\n{deadline.title}\nDue: {deadline.due_date:%A %d %B %Y}\n"
        f"{'Statutory timescale: ' + deadline.basis if deadline.is_statutory and deadline.basis else deadline.basis}\n\n"
        f"{settings.SITE_URL}{deadline.link}\n"
    )
    recipients = sorted(
        {person.email for person in people if person is not None and person.is_active}
    )
    return (f"Learning Hub: {deadline.title}", body, None, recipients)


@transaction.atomic
def send_deadline_reminders(today: date | None = None) -> dict[str, int]:
    """Remind the people responsible as a deadline nears; tell the escalation contact once it passes."""
    today = today or timezone.localdate()
    messages = []
    reminded = escalated = 0
    open_deadlines = (
        Deadline.objects.open()
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("responsible", "escalate_to")
        .prefetch_related("watchers")
        .filter(due_date__lte=today + timedelta(days=60))
    )
    now = timezone.now()
    for deadline in open_deadlines:
        if deadline.due_date < today and deadline.escalated_at is None:
            people = [deadline.escalate_to or deadline.responsible, deadline.responsible]
            messages.append(
                _message(deadline, people, "This is overdue and has been escalated to you.")
            )
            deadline.escalated_at = now
            deadline.save(update_fields=["escalated_at"])
            escalated += 1
        elif (
            deadline.reminded_at is None
            and deadline.due_date >= today
            and deadline.due_date - timedelta(days=deadline.remind_days_before) <= today
        ):
            people = [deadline.responsible, *deadline.watchers.all()]
            messages.append(_message(deadline, people, "A reminder: this is due soon."))
            deadline.reminded_at = now
            deadline.save(update_fields=["reminded_at"])
            reminded += 1
    to_send = [message for message in messages if message[3]]
    transaction.on_commit(lambda: send_mass_mail(to_send, fail_silently=False))
    return {"reminded": reminded, "escalated": escalated}
