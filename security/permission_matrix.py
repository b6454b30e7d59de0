"""The permission matrix: every URL of the project against every persona, with the expected answer.

Each app lists its URLs in `<app>/tests/permissions.py` as `CHECKS`; `security/tests/test_permission_matrix.py`
runs them all and fails when a URL of the project is in no app's list. Beside the cast's personas,
three test that nothing widens what a person gets: a member of the child death overview panel
holding only the group member role gets what a group member gets, a practitioner here who is a
business unit manager elsewhere gets what a practitioner gets here, and the manager signed in with
a password alone gets what an anonymous visitor gets. Whoever may not see identifying details
never finds a child's name or NHS number on any page.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from partnership.models import Group, Membership, Role, RoleAssignment
from partnership.testing import PERSONAS, Cast

SIGN_IN_REDIRECT = 302
# Each of these gets, unless a row names it, exactly what the persona it is set beside gets.
ALIKE = {
    "panel_member": "group_member",
    "two_partnerships": "practitioner",
    "password_only": "anonymous",
}
MATRIX_PERSONAS = (*PERSONAS, *ALIKE)
# Signed in with an identifying role in the cast's partnership and two factors: the only personas
# who may be shown a child's identifying details.
SEES_IDENTIFYING_DETAILS = frozenset(
    {"manager", "officer", "partner_lead", "reviewer", "cdop_member"}
)


def expect(default: int, *, anonymous: int = SIGN_IN_REDIRECT, **by_persona: int) -> dict[str, int]:
    """Expected status codes: `default` for every signed-in persona unless named otherwise."""
    table = dict.fromkeys(PERSONAS, default)
    table["anonymous"] = anonymous
    table.update(by_persona)
    for persona, alike in ALIKE.items():
        table.setdefault(persona, table[alike])
    return table


def add_matrix_personas(cast: Cast) -> None:
    """The personas only the matrix needs, added to the cast (the manager doubles as the
    password-only session)."""
    from partnership.tests.factories import PersonFactory

    panel = Group.objects.create(
        partnership=cast.partnership,
        name="Test Child Death Overview Panel",
        kind=Group.Kind.CHILD_DEATH_OVERVIEW_PANEL,
    )
    cast.panel_member = PersonFactory(
        email="panel_member@test.example",
        full_name="Panel Member Testperson",
        partnership=cast.partnership,
        organisation=cast.hospital,
        roles=[Role.GROUP_MEMBER],
    )
    Membership.objects.create(group=panel, person=cast.panel_member)
    cast.two_partnerships = PersonFactory(
        email="two_partnerships@test.example",
        full_name="Two Partnerships Testperson",
        partnership=cast.partnership,
        organisation=cast.council,
        roles=[Role.PRACTITIONER],
    )
    RoleAssignment.objects.create(
        person=cast.two_partnerships,
        partnership=cast.other_partnership,
        role=Role.BUSINESS_UNIT_MANAGER,
    )
    cast.password_only = cast.manager


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
