"""Sign-ins, failures and sign-outs into the audit trail.

Django announces these only as signals, so this is the one place the project listens to them.
"""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from core import audit
from core.models import AuditEvent
from partnership.models import User


@receiver(user_logged_in)
def record_sign_in(sender, request, user, **kwargs):
    audit.record(event=AuditEvent.Event.SIGNED_IN, actor=user, partnership=user.partnership)


@receiver(user_logged_out)
def record_sign_out(sender, request, user, **kwargs):
    if user is not None:
        audit.record(event=AuditEvent.Event.SIGNED_OUT, actor=user, partnership=user.partnership)


def _record_failure(username, details: dict) -> None:
    email = str(username or "")[:200]
    # An attempt on a known account belongs to that person's partnership's trail.
    known = User.objects.filter(email__iexact=email).select_related("partnership").first()
    audit.record(
        event=AuditEvent.Event.SIGN_IN_FAILED,
        actor_label=email,
        partnership=known.partnership if known else None,
        details={"known_account": known is not None, **details},
    )


@receiver(user_login_failed)
def record_sign_in_failure(sender, credentials, request=None, **kwargs):
    _record_failure(credentials.get("username"), {})


@receiver(user_locked_out)
def record_lockout(sender, request, username, **kwargs):
    _record_failure(username, {"locked_out": "password"})
