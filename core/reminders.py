"""Reminders before deadlines and escalation after them, sent by the background worker."""

from datetime import date, timedelta

from django.apps import apps
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
    return (f"Learning Hub: {deadline.title}", body, None, sorted({p.email for p in people}))


@transaction.atomic
def send_deadline_reminders(today: date | None = None) -> dict[str, int]:
    """Remind the people responsible as a deadline nears; tell the escalation contact once it passes.

    A deadline with no one active to remind or tell is left as it is, neither marked reminded nor
    escalated: it stays on the business unit's dashboard as unowned, and is reminded or escalated
    on the first run after someone is given it.
    """
    today = today or timezone.localdate()
    messages = []
    reminded = escalated = unowned = 0
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
            people = deadline.to_escalate_to()
            if not people:
                unowned += 1
                continue
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
            people = deadline.to_remind()
            if not people:
                unowned += 1
                continue
            messages.append(_message(deadline, people, "A reminder: this is due soon."))
            deadline.reminded_at = now
            deadline.save(update_fields=["reminded_at"])
            reminded += 1
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))
    return {"reminded": reminded, "escalated": escalated, "unowned": unowned}


def app_reminder_runs() -> list:
    """The reminder runs apps add to the daily one (an AppConfig's `reminders`, a function of no
    arguments returning counts), as core imports no domain app."""
    return [
        config.reminders for config in apps.get_app_configs() if getattr(config, "reminders", None)
    ]
