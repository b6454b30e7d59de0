"""The reviews app's one seam to the learning spine (findings, dissemination, similar work,
publication). The spine is built in parallel; until its modules exist these calls do nothing
and the pages say so."""

import importlib
from types import ModuleType

from django.db import models


def _spine(module: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"learning.{module}")
    except ModuleNotFoundError:
        return None


def is_ready() -> bool:
    selectors, services = _spine("selectors"), _spine("services")
    return hasattr(selectors, "similar_work") and hasattr(services, "publication_publish")


def similar_work(referral) -> list:
    """Work in progress or recently done on the same themes, shown beside triage (proportionality)."""
    if not is_ready():
        return []
    text = " ".join([referral.title, referral.what_happened, referral.why_learning])
    return _spine("selectors").similar_work(
        partnership=referral.partnership, text=text, exclude=referral
    )


def dissemination_plan_open(*, source: models.Model, by) -> None:
    """Learning is disseminated from the day a review opens (framework: dissemination)."""
    if is_ready():
        _spine("services").dissemination_plan_open(source=source, by=by)
