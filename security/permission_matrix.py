"""The permission matrix: every URL of the project against every persona, with the expected answer.

Each app lists its URLs in `<app>/tests/permissions.py` as `CHECKS`; `security/tests/test_permission_matrix.py`
runs them all and fails when a URL of the project is in no app's list.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from partnership.testing import PERSONAS, Cast

SIGN_IN_REDIRECT = 302


def expect(default: int, *, anonymous: int = SIGN_IN_REDIRECT, **by_persona: int) -> dict[str, int]:
    """Expected status codes: `default` for every signed-in persona unless named otherwise."""
    table = dict.fromkeys(PERSONAS, default)
    table["anonymous"] = anonymous
    table.update(by_persona)
    return table


# Common shapes of the matrix.
BUSINESS_UNIT_ONLY = {"manager": 200, "officer": 200}
OUTSIDE = {"outsider": 404, "no_role": 404}


@dataclass(frozen=True)
class Check:
    url_name: str
    expect: dict[str, int]
    kwargs: Callable[[Cast], dict] = field(default=lambda cast: {})
    method: str = "get"
    data: Callable[[Cast], dict] = field(default=lambda cast: {})
    label: str = ""

    @property
    def id(self) -> str:
        return f"{self.method.upper()} {self.url_name}{' ' + self.label if self.label else ''}"
