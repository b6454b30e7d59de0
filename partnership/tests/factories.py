"""Factories for partnership structure and people. Every name is plainly fictional."""

import factory
from factory.django import DjangoModelFactory

from partnership.models import (
    Area,
    Group,
    Membership,
    Organisation,
    Partnership,
    PartnershipLink,
    RoleAssignment,
    User,
)


class PartnershipFactory(DjangoModelFactory):
    class Meta:
        model = Partnership
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Examplefield Safeguarding Children Partnership {n}")
    short_name = factory.Sequence(lambda n: f"ESCP{n}")
    slug = factory.Sequence(lambda n: f"examplefield-{n}")


class AreaFactory(DjangoModelFactory):
    class Meta:
        model = Area

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Example Borough {n}")


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Example Agency {n}")
    organisation_type = Organisation.Type.LOCAL_AUTHORITY
    standing = Organisation.Standing.STATUTORY_PARTNER


class GroupFactory(DjangoModelFactory):
    class Meta:
        model = Group

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Example sub-group {n}")
    kind = Group.Kind.SUBGROUP


class PersonFactory(DjangoModelFactory):
    """A person; `roles=[...]` gives them those roles in their partnership."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@test.example")
    full_name = factory.Sequence(lambda n: f"Test Person {n}")
    partnership = factory.SubFactory(PartnershipFactory)
    organisation = None
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or ():
            RoleAssignment.objects.create(person=self, partnership=self.partnership, role=role)


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    group = factory.SubFactory(GroupFactory)
    person = factory.SubFactory(PersonFactory)


class PartnershipLinkFactory(DjangoModelFactory):
    """A link between two partnerships, accepted unless told otherwise."""

    class Meta:
        model = PartnershipLink

    requesting = factory.SubFactory(PartnershipFactory)
    receiving = factory.SubFactory(PartnershipFactory)
    purpose = "A shared child death overview panel"
    status = PartnershipLink.Status.ACCEPTED
