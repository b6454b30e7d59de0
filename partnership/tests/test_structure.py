"""The business unit manages organisations, areas, groups and linked partnerships in the interface."""

import pytest
from django.urls import reverse

from core.models import AuditEvent
from core.testing import assert_queries_do_not_grow, sign_in
from partnership.models import Membership, Organisation
from partnership.tests.factories import GroupFactory, OrganisationFactory, PartnershipLinkFactory

pytestmark = pytest.mark.django_db


def add_organisation(client, cast, **overrides):
    data = {
        "name": "Example Youth Service",
        "organisation_type": Organisation.Type.YOUTH_JUSTICE,
        "standing": Organisation.Standing.RELEVANT_AGENCY,
        "areas": [cast.middlesbrough.pk],
    }
    data.update(overrides)
    return client.post(reverse("partnership:structure_create", args=["organisations"]), data)


def test_adding_an_organisation_records_it_in_the_partnership_with_an_audit_row(client, cast):
    sign_in(client, cast.officer)
    add_organisation(client, cast)
    organisation = Organisation.objects.get(name="Example Youth Service")
    assert organisation.partnership == cast.partnership
    assert list(organisation.areas.all()) == [cast.middlesbrough]
    created = AuditEvent.objects.get(
        event=AuditEvent.Event.CREATED, subject_id=str(organisation.pk)
    )
    assert (
        created.actor == cast.officer
        and created.details["values"]["name"] == "Example Youth Service"
    )


def test_an_organisation_name_already_used_in_the_partnership_is_refused(client, cast):
    sign_in(client, cast.officer)
    response = add_organisation(client, cast, name=cast.council.name.lower())
    assert response.context["form"].errors["name"] == [
        f"Organisation called {cast.council.name.lower()} already exists"
    ]


def test_the_same_name_may_be_used_by_another_partnership(client, cast):
    sign_in(client, cast.officer)
    add_organisation(client, cast, name=cast.other_council.name)
    assert Organisation.objects.filter(name=cast.other_council.name).count() == 2


def test_missing_fields_are_listed_in_the_error_summary_linking_to_each_field(client, cast):
    sign_in(client, cast.officer)
    response = client.post(reverse("partnership:structure_create", args=["organisations"]), {})
    page = response.content.decode()
    assert "There is a problem" in page
    assert 'href="#id_name"' in page and 'href="#id_standing_0"' in page
    assert response.context["form"].errors.keys() == {"name", "organisation_type", "standing"}
    assert (
        not Organisation.objects.filter(partnership=cast.partnership)
        .exclude(pk__in=[cast.council.pk, cast.police.pk, cast.hospital.pk])
        .exists()
    )


def test_changing_an_organisation_keeps_before_and_after_in_the_audit_trail(client, cast):
    sign_in(client, cast.officer)
    council = cast.council
    client.post(
        reverse("partnership:structure_edit", args=["organisations", council.pk]),
        {
            "name": "Test Borough Council Children's Services",
            "organisation_type": council.organisation_type,
            "standing": council.standing,
            "version": council.version,
        },
    )
    change = AuditEvent.objects.get(event=AuditEvent.Event.CHANGED, subject_id=str(council.pk))
    assert change.details["changes"]["name"] == {
        "before": "Test Borough Council",
        "after": "Test Borough Council Children's Services",
    }


def test_two_people_editing_one_organisation_cannot_silently_overwrite_each_other(client, cast):
    sign_in(client, cast.officer)
    council = cast.council
    loaded_version = council.version
    form = {
        "organisation_type": council.organisation_type,
        "standing": council.standing,
        "version": loaded_version,
    }
    client.post(
        reverse("partnership:structure_edit", args=["organisations", council.pk]),
        {**form, "name": "First edit"},
    )
    response = client.post(
        reverse("partnership:structure_edit", args=["organisations", council.pk]),
        {**form, "name": "Second edit"},
    )
    assert "Someone else changed this record after you opened it" in response.content.decode()
    council.refresh_from_db()
    assert council.name == "First edit"


def test_archiving_an_organisation_hides_it_from_the_list_but_keeps_it(client, cast):
    sign_in(client, cast.officer)
    client.post(reverse("partnership:structure_archive", args=["organisations", cast.hospital.pk]))
    listed = client.get(reverse("partnership:structure_list", args=["organisations"])).context[
        "records"
    ]
    assert cast.hospital not in listed
    assert Organisation.objects.filter(pk=cast.hospital.pk, archived_at__isnull=False).exists()


def test_a_group_member_is_added_and_removed_with_audit_rows(client, cast):
    sign_in(client, cast.manager)
    group = GroupFactory(partnership=cast.partnership)
    client.post(
        reverse("partnership:membership_add", args=[group.pk]),
        {"person": cast.group_member.pk, "role": Membership.Role.CHAIR},
    )
    membership = Membership.objects.get(group=group)
    assert membership.role == Membership.Role.CHAIR
    client.post(reverse("partnership:membership_remove", args=[membership.pk]))
    assert not Membership.objects.filter(group=group).exists()
    assert AuditEvent.objects.filter(
        event=AuditEvent.Event.ARCHIVED, details__group=str(group)
    ).exists()


def test_someone_of_another_partnership_cannot_be_added_to_a_group(client, cast):
    sign_in(client, cast.manager)
    group = GroupFactory(partnership=cast.partnership)
    response = client.post(
        reverse("partnership:membership_add", args=[group.pk]),
        {"person": cast.outsider.pk, "role": Membership.Role.MEMBER},
    )
    assert "person" in response.context["form"].errors


def test_a_panel_serving_two_linked_partnerships_can_have_members_from_both(client, cast):
    sign_in(client, cast.manager)
    PartnershipLinkFactory(requesting=cast.partnership, receiving=cast.other_partnership)
    panel = GroupFactory(partnership=cast.partnership, kind="cdop")
    panel.serves.set([cast.partnership, cast.other_partnership])
    client.post(
        reverse("partnership:membership_add", args=[panel.pk]),
        {"person": cast.outsider.pk, "role": Membership.Role.MEMBER},
    )
    assert Membership.objects.filter(group=panel, person=cast.outsider).exists()


def test_the_organisation_list_makes_the_same_number_of_queries_however_many_organisations(
    client, cast
):
    sign_in(client, cast.officer)
    assert_queries_do_not_grow(
        lambda: client.get(reverse("partnership:structure_list", args=["organisations"])),
        lambda: OrganisationFactory.create_batch(20, partnership=cast.partnership),
    )


def test_the_group_list_makes_the_same_number_of_queries_however_many_groups(client, cast):
    sign_in(client, cast.officer)
    assert_queries_do_not_grow(
        lambda: client.get(reverse("partnership:structure_list", args=["groups"])),
        lambda: GroupFactory.create_batch(20, partnership=cast.partnership),
    )
