"""The cast of personas every specification is written around, and sessions for them."""

from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django_otp import DEVICE_ID_SESSION_KEY

from core.testing import confirmed_device
from partnership import access
from partnership.models import Organisation, Role


@dataclass
class Cast:
    """The fixed people every specification is written around."""

    partnership: object
    other_partnership: object
    middlesbrough: object
    redcar: object
    council: object
    police: object
    hospital: object
    other_council: object
    manager: object
    officer: object
    partner_lead: object
    group_member: object
    reviewer: object
    contributor: object
    cdop_member: object
    practitioner: object
    outsider: object
    no_role: object
    # Added by the permission matrix only (`security.permission_matrix.add_matrix_personas`).
    panel_member: object = None
    two_partnerships: object = None
    password_only: object = None

    def persona(self, name: str):
        return None if name == "anonymous" else getattr(self, name)


PERSONAS = (
    "anonymous",
    "manager",
    "officer",
    "partner_lead",
    "group_member",
    "reviewer",
    "contributor",
    "cdop_member",
    "practitioner",
    "outsider",
    "no_role",
)


def build_cast() -> Cast:
    from partnership.tests.factories import (
        AreaFactory,
        OrganisationFactory,
        PartnershipFactory,
        PersonFactory,
    )

    partnership = PartnershipFactory(
        name="Test Tees Safeguarding Children Partnership", short_name="TTSCP", slug="test-tees"
    )
    other = PartnershipFactory(
        name="Elsewhere Safeguarding Children Partnership", short_name="ESCP", slug="elsewhere"
    )
    middlesbrough = AreaFactory(partnership=partnership, name="Middlesbrough")
    redcar = AreaFactory(partnership=partnership, name="Redcar & Cleveland")
    council = OrganisationFactory(partnership=partnership, name="Test Borough Council")
    police = OrganisationFactory(
        partnership=partnership, name="Test Police", organisation_type=Organisation.Type.POLICE
    )
    hospital = OrganisationFactory(
        partnership=partnership,
        name="Test Hospitals Trust",
        organisation_type=Organisation.Type.HOSPITAL_TRUST,
        standing=Organisation.Standing.RELEVANT_AGENCY,
    )
    other_council = OrganisationFactory(partnership=other, name="Elsewhere Council")

    def person(label: str, role, organisation=None, home=partnership):
        return PersonFactory(
            email=f"{label}@test.example",
            full_name=f"{label.replace('_', ' ').title()} Testperson",
            partnership=home,
            organisation=organisation,
            roles=[role] if role else [],
        )

    return Cast(
        partnership=partnership,
        other_partnership=other,
        middlesbrough=middlesbrough,
        redcar=redcar,
        council=council,
        police=police,
        hospital=hospital,
        other_council=other_council,
        manager=person("manager", Role.BUSINESS_UNIT_MANAGER, council),
        officer=person("officer", Role.BUSINESS_UNIT_OFFICER, council),
        partner_lead=person("partner_lead", Role.PARTNER_LEAD, police),
        group_member=person("group_member", Role.GROUP_MEMBER, hospital),
        reviewer=person("reviewer", Role.INDEPENDENT_REVIEWER),
        contributor=person("contributor", Role.AGENCY_CONTRIBUTOR, hospital),
        cdop_member=person("cdop_member", Role.CDOP_MEMBER, hospital),
        practitioner=person("practitioner", Role.PRACTITIONER, council),
        outsider=person("outsider", Role.BUSINESS_UNIT_MANAGER, other_council, home=other),
        no_role=person("no_role", None),
    )


def signed_in_session(person) -> str:
    """A session key for `person`, signed in as the sign-in pages would sign them in: two-factor
    verified where their roles need it, password only otherwise. For clients outside Django's
    test client (load generators, browsers, other servers)."""
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(person.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = person.get_session_auth_hash()
    if access.requires_two_factor(person):
        session[DEVICE_ID_SESSION_KEY] = confirmed_device(person).persistent_id
    session.create()
    return session.session_key


def person_holding(roles: dict | None = None, *, verified: bool = True, **attributes):
    """A signed-in person holding `roles` ({partnership id: {role, ...}}) as the access layer keeps
    them once read, for testing policy predicates without a database."""
    from types import SimpleNamespace

    return SimpleNamespace(
        pk=attributes.pop("pk", 1),
        is_authenticated=True,
        is_active=True,
        is_verified=lambda: verified,
        _roles_by_partnership={key: frozenset(value) for key, value in (roles or {}).items()},
        **attributes,
    )
