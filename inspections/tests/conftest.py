import pytest

from partnership.tests.factories import GroupFactory


@pytest.fixture
def board(cast):
    """The group that oversees inspection action plans in the test partnership."""
    return GroupFactory(partnership=cast.partnership, name="Test Quality Assurance Group")


def date_fields(name: str, day) -> dict[str, str]:
    """A date as the GOV.UK date input posts it: day, month and year boxes."""
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}
