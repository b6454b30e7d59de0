"""Case references such as "STSCP-2026-004" or "STSCP-CD-2026-004": the name a case goes by everywhere."""

from django.db import models

from partnership.models import Partnership


def next_reference(
    *, partnership: Partnership, model: type[models.Model], year: int, infix: str = ""
) -> str:
    """The next free reference of `model` in `partnership` for `year`.

    Call inside the creating transaction: the partnership row is locked so that two people
    creating at once cannot take the same number.
    """
    Partnership.objects.select_for_update().filter(pk=partnership.pk).first()
    prefix = f"{partnership.short_name}-{infix}{year}-"
    taken = model._default_manager.filter(reference__startswith=prefix).count()
    return f"{prefix}{taken + 1:03d}"
