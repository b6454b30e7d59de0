"""Case references such as "STSCP-2026-004" or "STSCP-CD-2026-004": the name a case goes by everywhere."""

from django.db import models


def next_reference(
    *, partnership_id: int, model: type[models.Model], year: int, infix: str = ""
) -> str:
    """The next free reference of `model` in the partnership `partnership_id` for `year`.

    Call inside the creating transaction: the partnership row is locked so that two people
    creating at once cannot take the same number. The partnership model is reached through
    `model.partnership`, as core imports no domain app.
    """
    partnerships = model._meta.get_field("partnership").related_model._default_manager
    short_name = (
        partnerships.select_for_update()
        .filter(pk=partnership_id)
        .values_list("short_name", flat=True)
        .get()
    )
    prefix = f"{short_name}-{infix}{year}-"
    taken = model._default_manager.filter(reference__startswith=prefix).count()
    return f"{prefix}{taken + 1:03d}"
