"""Optimistic locking: an edit made from a stale page is refused, never silently applied."""

from collections.abc import Callable
from typing import Any

from django.db import models


class EditConflict(Exception):
    """Someone else changed the record after this page was loaded."""

    message = (
        "Someone else changed this record after you opened it. "
        "Your changes have not been saved: reload the page to see the latest version."
    )


def save_if_unchanged(instance: models.Model, *, expected_version: int, fields: list[str]) -> None:
    """Write `fields` of `instance` only if its stored version is still `expected_version`."""
    values: dict[str, Any] = {name: getattr(instance, name) for name in fields}
    updated = (
        type(instance)
        ._default_manager.filter(pk=instance.pk, version=expected_version)
        .update(version=models.F("version") + 1, **values)
    )
    if updated != 1:
        raise EditConflict(EditConflict.message)
    instance.version = expected_version + 1


def saved_without_conflict(form, save: Callable[[], object]) -> bool:
    """Run a form's save; if someone else changed the record first, show that on the form instead."""
    try:
        save()
    except EditConflict as conflict:
        form.add_error(None, str(conflict))
        return False
    return True
