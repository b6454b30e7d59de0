"""The demo partnerships: South Tees and Hartlepool and Stockton-on-Tees, with one person per role.

Organisations are the real public bodies; every person is fictional (names from a fixed list,
addresses on the reserved .example domain).
"""

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime

import django.utils.timezone
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from partnership import access
from partnership.models import (
    Area,
    Group,
    LinkedPartnership,
    Membership,
    Organisation,
    Partnership,
    PartnershipLink,
    Role,
    RoleAssignment,
    User,
)

DEMO_PASSWORD = "learning-hub-demo"
# Every demo account that needs two-factor sign-in shares this authenticator key (demo only).
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"
STATUTORY = Organisation.Standing.STATUTORY_PARTNER
RELEVANT = Organisation.Standing.RELEVANT_AGENCY
T = Organisation.Type


@dataclass(frozen=True)
class DemoPartnership:
    slug: str
    name: str
    short_name: str
    email_domain: str
    areas: tuple[str, ...]
    organisations: tuple[tuple[str, str, str], ...]
    people: tuple[tuple[str, str, str, str], ...]  # role, name, job title, organisation


SOUTH_TEES = DemoPartnership(
    slug="south-tees",
    name="South Tees Safeguarding Children Partnership",
    short_name="STSCP",
    email_domain="south-tees.example",
    areas=("Middlesbrough", "Redcar & Cleveland"),
    organisations=(
        ("Middlesbrough Council", T.LOCAL_AUTHORITY, STATUTORY),
        ("Redcar & Cleveland Borough Council", T.LOCAL_AUTHORITY, STATUTORY),
        ("Cleveland Police", T.POLICE, STATUTORY),
        ("North East and North Cumbria Integrated Care Board", T.HEALTH_COMMISSIONER, STATUTORY),
        ("South Tees Hospitals NHS Foundation Trust", T.HOSPITAL_TRUST, RELEVANT),
        ("Tees, Esk and Wear Valleys NHS Foundation Trust", T.MENTAL_HEALTH, RELEVANT),
        (
            "Harrogate and District NHS Foundation Trust (0-19 services)",
            T.COMMUNITY_HEALTH,
            RELEVANT,
        ),
        ("Probation Service North East", T.PROBATION, RELEVANT),
        ("Middlesbrough Youth Justice Service", T.YOUTH_JUSTICE, RELEVANT),
        ("Example Academy Trust", T.EDUCATION, RELEVANT),
        ("Example Family Support Charity", T.VOLUNTARY_SECTOR, RELEVANT),
    ),
    people=(
        (
            Role.BUSINESS_UNIT_MANAGER,
            "Alex Demo-Manager",
            "Business unit manager",
            "Middlesbrough Council",
        ),
        (
            Role.BUSINESS_UNIT_OFFICER,
            "Bea Demo-Officer",
            "Learning and development officer",
            "Middlesbrough Council",
        ),
        (
            Role.PARTNER_LEAD,
            "Cal Demo-Lead",
            "Director of children's services",
            "Middlesbrough Council",
        ),
        (
            Role.GROUP_MEMBER,
            "Dee Demo-Member",
            "Safeguarding lead",
            "South Tees Hospitals NHS Foundation Trust",
        ),
        (Role.INDEPENDENT_REVIEWER, "Eli Demo-Reviewer", "Independent reviewer", ""),
        (
            Role.AGENCY_CONTRIBUTOR,
            "Fay Demo-Contributor",
            "Named nurse for safeguarding",
            "South Tees Hospitals NHS Foundation Trust",
        ),
        (
            Role.CDOP_MEMBER,
            "Gus Demo-Panel",
            "Designated doctor for child deaths",
            "North East and North Cumbria Integrated Care Board",
        ),
        (
            Role.PRACTITIONER,
            "Hal Demo-Practitioner",
            "Social worker",
            "Redcar & Cleveland Borough Council",
        ),
    ),
)

HARTLEPOOL_STOCKTON = DemoPartnership(
    slug="hartlepool-stockton",
    name="Hartlepool and Stockton-on-Tees Safeguarding Children Partnership",
    short_name="HSSCP",
    email_domain="hartlepool-stockton.example",
    areas=("Hartlepool", "Stockton-on-Tees"),
    organisations=(
        ("Hartlepool Borough Council", T.LOCAL_AUTHORITY, STATUTORY),
        ("Stockton-on-Tees Borough Council", T.LOCAL_AUTHORITY, STATUTORY),
        ("Cleveland Police", T.POLICE, STATUTORY),
        ("North East and North Cumbria Integrated Care Board", T.HEALTH_COMMISSIONER, STATUTORY),
        ("North Tees and Hartlepool NHS Foundation Trust", T.HOSPITAL_TRUST, RELEVANT),
    ),
    people=(
        (
            Role.BUSINESS_UNIT_MANAGER,
            "Ivy Demo-Manager",
            "Business unit manager",
            "Stockton-on-Tees Borough Council",
        ),
        (
            Role.BUSINESS_UNIT_OFFICER,
            "Jo Demo-Officer",
            "Business support officer",
            "Stockton-on-Tees Borough Council",
        ),
        (Role.PARTNER_LEAD, "Kit Demo-Lead", "Detective superintendent", "Cleveland Police"),
        (
            Role.GROUP_MEMBER,
            "Lou Demo-Member",
            "Designated nurse",
            "North East and North Cumbria Integrated Care Board",
        ),
        (Role.INDEPENDENT_REVIEWER, "Max Demo-Reviewer", "Independent reviewer", ""),
        (
            Role.AGENCY_CONTRIBUTOR,
            "Nia Demo-Contributor",
            "Safeguarding adviser",
            "North Tees and Hartlepool NHS Foundation Trust",
        ),
        (
            Role.CDOP_MEMBER,
            "Oz Demo-Panel",
            "Child death review nurse",
            "North Tees and Hartlepool NHS Foundation Trust",
        ),
        (
            Role.PRACTITIONER,
            "Pip Demo-Practitioner",
            "Health visitor",
            "North Tees and Hartlepool NHS Foundation Trust",
        ),
    ),
)

# Sign-off needs every statutory partner (Children Act 2004 s16E): South Tees' other partner leads
# (Middlesbrough Council's is the partnership's own, above).
SOUTH_TEES_PARTNER_LEADS = (
    ("Rae Demo-Lead", "Director of children's services", "Redcar & Cleveland Borough Council"),
    ("Sol Demo-Lead", "Detective superintendent", "Cleveland Police"),
    (
        "Tam Demo-Lead",
        "Director of nursing",
        "North East and North Cumbria Integrated Care Board",
    ),
)

GROUPS = (
    (
        "Executive",
        Group.Kind.EXECUTIVE,
        "Decision-making body of the statutory safeguarding partners.",
    ),
    (
        "Case Review sub-group",
        Group.Kind.SUBGROUP,
        "Considers referrals, rapid reviews and practice reviews.",
    ),
    (
        "Quality and Performance sub-group",
        Group.Kind.SUBGROUP,
        "Scrutinises performance data and multi-agency audit.",
    ),
    (
        "Learning and Development sub-group",
        Group.Kind.SUBGROUP,
        "Interagency training and dissemination of learning.",
    ),
    ("Business unit", Group.Kind.BUSINESS_UNIT, "Runs the partnership's business day to day."),
)

LINKED = [(kind, label) for kind, label in LinkedPartnership.Kind.choices]


@functools.cache
def _demo_password_hash() -> str:
    """Hashed once for every demo account: a hash costs a second or more by design, and the demo
    must load in seconds (every demo account shares the password anyway)."""
    return make_password(DEMO_PASSWORD)


class _AnyDatetime(type):
    def __instancecheck__(cls, instance) -> bool:
        return isinstance(instance, datetime)


@contextmanager
def on_day(day: date) -> Iterator[None]:
    """Run the services as if today were `day` (at the present time of day).

    The demo tells a past year through the same services a person uses, and they read the clock:
    working-day deadlines, the 7 working days' notice before a report is published, the time of
    every audit row. `django.utils.timezone.now` (and with it `localdate` and every
    `default=timezone.now`) reads the `datetime` of its module, which this replaces for the
    duration. For the demo loader only: it is not thread-safe.
    """
    shift = timezone.localdate(datetime.now(UTC)) - day

    class Shifted(datetime, metaclass=_AnyDatetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.now(tz) - shift

    module = django.utils.timezone
    real, module.datetime = module.datetime, Shifted
    try:
        yield
    finally:
        module.datetime = real


def demo_email(demo: DemoPartnership, role: str) -> str:
    return f"{role.replace('_', '.')}@{demo.email_domain}"


def partner_lead_email(name: str) -> str:
    """The address of one of South Tees' further partner leads (`SOUTH_TEES_PARTNER_LEADS`)."""
    return f"{name.split()[0].lower()}.partner.lead@{SOUTH_TEES.email_domain}"


def _load_partnership(demo: DemoPartnership) -> Partnership:
    partnership, _ = Partnership.objects.get_or_create(
        slug=demo.slug,
        defaults={
            "name": demo.name,
            "short_name": demo.short_name,
            "contact_email": f"business.unit@{demo.email_domain}",
        },
    )
    areas = [
        Area.objects.get_or_create(partnership=partnership, name=name)[0] for name in demo.areas
    ]
    for name, organisation_type, standing in demo.organisations:
        organisation, created = Organisation.objects.get_or_create(
            partnership=partnership,
            name=name,
            defaults={"organisation_type": organisation_type, "standing": standing},
        )
        if created:
            organisation.areas.set(areas)
    for name, kind, purpose in GROUPS:
        Group.objects.get_or_create(
            partnership=partnership, name=name, defaults={"kind": kind, "purpose": purpose}
        )
    for kind, label in LINKED:
        if kind == LinkedPartnership.Kind.CHILD_DEATH_OVERVIEW_PANEL:
            label = "Tees Child Death Overview Panel"
        LinkedPartnership.objects.get_or_create(
            partnership=partnership, kind=kind, defaults={"name": label}
        )
    for role, full_name, job_title, organisation_name in demo.people:
        demo_person(
            partnership,
            email=demo_email(demo, role),
            role=role,
            full_name=full_name,
            job_title=job_title,
            organisation_name=organisation_name,
        )
    return partnership


def _link(requesting: Partnership, receiving: Partnership, *, purpose: str) -> None:
    """The two demo partnerships, linked (accepted) so the Tees panel may serve both."""
    link = PartnershipLink.objects.between(requesting, receiving).open().first()
    if link is None:
        PartnershipLink.objects.create(
            requesting=requesting,
            receiving=receiving,
            purpose=purpose,
            status=PartnershipLink.Status.ACCEPTED,
        )
    elif link.status != PartnershipLink.Status.ACCEPTED:
        link.status = PartnershipLink.Status.ACCEPTED
        link.save(update_fields=["status"])


def demo_person(
    partnership: Partnership,
    *,
    email: str,
    role: str,
    full_name: str,
    job_title: str,
    organisation_name: str,
) -> User:
    """A fictional person with one role in the partnership; loading again changes nothing."""
    person, created = User.objects.get_or_create(
        email=email,
        defaults={
            "full_name": full_name,
            "job_title": job_title,
            "partnership": partnership,
            "organisation": Organisation.objects.filter(
                partnership=partnership, name=organisation_name
            ).first(),
        },
    )
    if created:
        person.password = _demo_password_hash()
        person.save(update_fields=["password"])
    RoleAssignment.objects.get_or_create(person=person, partnership=partnership, role=role)
    if role in access.IDENTIFYING_DETAIL_ROLES:
        TOTPDevice.objects.get_or_create(
            user=person,
            defaults={"name": "Demo authenticator", "key": DEMO_TOTP_KEY, "confirmed": True},
        )
    return person


def load() -> dict[str, Partnership]:
    partnerships = {
        demo.slug: _load_partnership(demo) for demo in (SOUTH_TEES, HARTLEPOOL_STOCKTON)
    }
    south_tees = partnerships[SOUTH_TEES.slug]
    for name, job_title, organisation in SOUTH_TEES_PARTNER_LEADS:
        demo_person(
            south_tees,
            email=partner_lead_email(name),
            role=Role.PARTNER_LEAD,
            full_name=name,
            job_title=job_title,
            organisation_name=organisation,
        )
    panel, _ = Group.objects.get_or_create(
        partnership=south_tees,
        name="Tees Child Death Overview Panel",
        defaults={
            "kind": Group.Kind.CHILD_DEATH_OVERVIEW_PANEL,
            "purpose": "Reviews the deaths of children normally resident in the Tees local authority areas.",
        },
    )
    _link(
        south_tees,
        partnerships[HARTLEPOOL_STOCKTON.slug],
        purpose="The Tees Child Death Overview Panel, hosted by South Tees, serves both partnerships.",
    )
    panel.serves.set(partnerships.values())
    for demo in (SOUTH_TEES, HARTLEPOOL_STOCKTON):
        for role, group_name in (
            (Role.CDOP_MEMBER, "Tees Child Death Overview Panel"),
            (Role.GROUP_MEMBER, "Case Review sub-group"),
            (Role.GROUP_MEMBER, "Quality and Performance sub-group"),
            (Role.PARTNER_LEAD, "Executive"),
            (Role.BUSINESS_UNIT_MANAGER, "Business unit"),
            (Role.BUSINESS_UNIT_OFFICER, "Business unit"),
        ):
            partnership = partnerships[demo.slug]
            group = (
                panel
                if group_name == panel.name
                else Group.objects.get(partnership=partnership, name=group_name)
            )
            Membership.objects.get_or_create(
                group=group, person=User.objects.get(email=demo_email(demo, role))
            )
    Membership.objects.filter(
        group__name="Executive", person__email=demo_email(SOUTH_TEES, Role.PARTNER_LEAD)
    ).update(role=Membership.Role.CHAIR)
    return partnerships
