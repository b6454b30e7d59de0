"""Results held elsewhere in the hub that an action's evidence of impact may cite (a course's
evaluation, ...), offered without the spine importing the apps that hold them.

An app registers, once in its AppConfig's `ready`, a function giving the results it holds for an
action (`register(finder)`); closing the action offers them, and each one cited is kept with the
evidence as it read then (`EvidenceCitation`), so the evidence does not change when the results do.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models


@dataclass(frozen=True)
class Citable:
    record: models.Model
    title: str
    summary: str  # the results, in a sentence or two
    url: str

    @property
    def key(self) -> str:
        return f"{self.record._meta.label_lower}:{self.record.pk}"


Finder = Callable[[models.Model], list[Citable]]
_finders: list[Finder] = []


def register(finder: Finder) -> None:
    """Offer what `finder(action)` returns whenever an action is closed with evidence of impact."""
    if finder not in _finders:
        _finders.append(finder)


def citable_for(action) -> list[Citable]:
    return [citable for finder in _finders for citable in finder(action)]


def cited_fields(citable: Citable) -> dict:
    return {
        "cited_type": ContentType.objects.get_for_model(citable.record),
        "cited_id": citable.record.pk,
        "title": citable.title[:300],
        "summary": citable.summary,
        "url": citable.url[:300],
    }
