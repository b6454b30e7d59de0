"""Foundation pages at national scale: 150 partnerships, their structure, people and ten years of audit trail."""

import uuid
from datetime import UTC, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from core.bulk import copy_rows
from core.models import AuditEvent, Deadline
from partnership.models import Area, Group, Organisation, Partnership, Role, RoleAssignment, User

PARTNERSHIPS = 150
AUDIT_EVENTS_PER_PARTNERSHIP = 2000


def seed(world) -> None:
    Partnership.objects.bulk_create(
        Partnership(
            name=f"Benchmark Safeguarding Children Partnership {n}",
            short_name=f"BSCP{n}",
            slug=f"benchmark-{n}",
        )
        for n in range(PARTNERSHIPS)
    )
    world.partnerships = list(Partnership.objects.order_by("pk"))
    Area.objects.bulk_create(
        Area(partnership=p, name=f"Area {a}") for p in world.partnerships for a in range(2)
    )
    Organisation.objects.bulk_create(
        Organisation(
            partnership=p,
            name=f"Agency {o}",
            organisation_type=Organisation.Type.OTHER,
            standing=Organisation.Standing.RELEVANT_AGENCY,
        )
        for p in world.partnerships
        for o in range(12)
    )
    Group.objects.bulk_create(
        Group(partnership=p, name=f"Group {g}", kind=Group.Kind.SUBGROUP)
        for p in world.partnerships
        for g in range(6)
    )
    people = User.objects.bulk_create(
        User(
            email=f"{role}.{p.pk}@bench.example",
            full_name=f"Bench {role} {p.pk}",
            partnership=p,
            password="!",
        )
        for p in world.partnerships
        for role in Role.values
    )
    RoleAssignment.objects.bulk_create(
        RoleAssignment(
            person=person, partnership=person.partnership, role=person.email.split(".", 1)[0]
        )
        for person in people
    )
    world.people = {
        (person.partnership_id, person.email.split(".", 1)[0]): person for person in people
    }
    start = datetime.now(UTC) - timedelta(days=365 * world.years)
    step = timedelta(days=365 * world.years) / AUDIT_EVENTS_PER_PARTNERSHIP
    copy_rows(
        AuditEvent,
        (
            "occurred_at",
            "actor",
            "actor_label",
            "partnership",
            "event",
            "subject_id",
            "subject_label",
            "details",
            "user_agent",
            "action_group",
        ),
        (
            (
                start + step * n,
                actor.pk,
                actor.email,
                partnership.pk,
                AuditEvent.Event.CHANGED,
                "",
                f"Record {n}",
                {},
                "",
                uuid.uuid4(),
            )
            for partnership in world.partnerships
            for actor in [world.person(partnership, Role.BUSINESS_UNIT_OFFICER)]
            for n in range(AUDIT_EVENTS_PER_PARTNERSHIP)
        ),
    )
    first = world.partnerships[0]
    manager = world.person(first, Role.BUSINESS_UNIT_MANAGER)
    organisation = Organisation.objects.filter(partnership=first).first()
    Deadline.objects.bulk_create(
        Deadline(
            partnership=first,
            title=f"Deadline {n}",
            due_date=datetime(2026, 1, 1).date() + timedelta(days=n),
            subject_type=ContentType.objects.get_for_model(Organisation),
            subject_id=organisation.pk,
            responsible=manager,
        )
        for n in range(50)
    )


def load(world) -> None:
    world.partnerships = list(
        Partnership.objects.filter(
            slug__in=[f"benchmark-{n}" for n in range(PARTNERSHIPS)]
        ).order_by("pk")
    )
    world.people = {
        (person.partnership_id, person.email.split(".", 1)[0]): person
        for person in User.objects.filter(email__endswith="@bench.example")
    }


def measure(bench) -> None:
    first = bench_world_partnership()
    manager = User.objects.get(email=f"{Role.BUSINESS_UNIT_MANAGER}.{first.pk}@bench.example")
    bench.page("Dashboard", reverse("core:dashboard"), manager)
    bench.page(
        "Organisations",
        reverse("partnership:structure_list", kwargs={"kind": "organisations"}),
        manager,
    )
    bench.page("Groups", reverse("partnership:structure_list", kwargs={"kind": "groups"}), manager)
    bench.page("People", reverse("partnership:person_list"), manager)
    bench.page("Audit trail (10 years)", reverse("core:audit_trail"), manager)


def bench_world_partnership() -> Partnership:
    return Partnership.objects.order_by("pk").first()
