"""Demo audits for South Tees. Every record is fictional."""

from audits import demo_assurance
from partnership.models import Partnership


def load(partnerships: dict[str, Partnership]) -> None:
    demo_assurance.load(partnerships)
