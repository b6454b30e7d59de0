"""Attacks on people and their roles: by a business unit on itself, and across partnerships."""

import pytest
from django.core import mail
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.models import AuditEvent
from core.testing import confirmed_device, sign_in
from partnership import services
from partnership.models import Role, RoleAssignment, User
from partnership.tests.factories import GroupFactory, MembershipFactory

pytestmark = pytest.mark.django_db

SHARED_ACCOUNT = (
    "This person also works for Test Tees Safeguarding Children Partnership. Their account can be "
    "deactivated, or its two-factor authentication reset, only by every partnership they work for, "
    "or by a system administrator. You can remove their roles in your partnership."
)


def roles_of(person, partnership) -> set[str]:
    return set(
        RoleAssignment.objects.filter(person=person, partnership=partnership).values_list(
            "role", flat=True
        )
    )


def edit(client, person, **changes):
    data = {
        "full_name": person.full_name,
        "job_title": person.job_title,
        "organisation": person.organisation_id or "",
        "roles": sorted(roles_of(person, person.partnership)),
        "version": person.version,
    }
    data.update(changes)
    return client.post(reverse("partnership:person_edit", args=[person.pk]), data, follow=True)


# Item 2: nobody edits their own roles; only a manager grants manager.


def test_an_officer_cannot_make_themself_business_unit_manager_by_editing_their_own_record(
    client, cast
):
    sign_in(client, cast.officer)
    form = client.get(reverse("partnership:person_edit", args=[cast.officer.pk])).content.decode()
    response = edit(
        client, cast.officer, roles=[Role.BUSINESS_UNIT_OFFICER, Role.BUSINESS_UNIT_MANAGER]
    )
    assert "You cannot change your own roles" in form
    assert "You cannot change your own roles" in response.content.decode()
    assert roles_of(cast.officer, cast.partnership) == {Role.BUSINESS_UNIT_OFFICER}


def test_a_manager_cannot_give_themself_another_role_either(client, cast):
    sign_in(client, cast.manager)
    response = edit(client, cast.manager, roles=[Role.BUSINESS_UNIT_MANAGER, Role.CDOP_MEMBER])
    assert "You cannot change your own roles" in response.content.decode()
    assert roles_of(cast.manager, cast.partnership) == {Role.BUSINESS_UNIT_MANAGER}


def test_an_officer_is_not_offered_the_manager_role_and_a_crafted_post_is_refused(client, cast):
    sign_in(client, cast.officer)
    form = client.get(reverse("partnership:person_edit", args=[cast.practitioner.pk]))
    assert Role.BUSINESS_UNIT_MANAGER.value not in form.content.decode()
    response = edit(client, cast.practitioner, roles=[Role.BUSINESS_UNIT_MANAGER], job_title="X")
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Select only the roles listed" in page and 'href="#id_roles' in page
    cast.practitioner.refresh_from_db()
    assert roles_of(cast.practitioner, cast.partnership) == {Role.PRACTITIONER}
    assert cast.practitioner.job_title == ""


def test_an_officer_cannot_invite_a_business_unit_manager(client, cast):
    sign_in(client, cast.officer)
    response = client.post(
        reverse("partnership:person_invite"),
        {
            "full_name": "New Testperson",
            "email": "new@test.example",
            "roles": ["business_unit_manager"],
        },
    )
    assert "Select only the roles listed" in response.content.decode()
    assert not User.objects.filter(email="new@test.example").exists()


def test_a_role_no_form_offers_is_refused_with_a_message(client, cast):
    sign_in(client, cast.manager)
    response = edit(client, cast.practitioner, roles=["system_administrator"])
    assert "Select only the roles listed" in response.content.decode()
    assert roles_of(cast.practitioner, cast.partnership) == {Role.PRACTITIONER}


def test_an_officer_editing_a_manager_keeps_their_manager_role(client, cast):
    other_manager = User.objects.get(pk=cast.manager.pk)
    sign_in(client, cast.officer)
    edit(client, other_manager, roles=[], job_title="Head of the business unit")
    assert roles_of(other_manager, cast.partnership) == {Role.BUSINESS_UNIT_MANAGER}


def test_a_manager_grants_manager_and_the_change_is_audited_and_emailed(
    client, cast, django_capture_on_commit_callbacks
):
    sign_in(client, cast.manager)
    with django_capture_on_commit_callbacks(execute=True):
        edit(client, cast.officer, roles=[Role.BUSINESS_UNIT_MANAGER])
    assert roles_of(cast.officer, cast.partnership) == {Role.BUSINESS_UNIT_MANAGER}
    change = AuditEvent.objects.filter(subject_id=str(cast.officer.pk)).latest("id")
    assert change.details["changes"]["roles"] == {
        "before": [Role.BUSINESS_UNIT_OFFICER],
        "after": [Role.BUSINESS_UNIT_MANAGER],
    }
    [email] = mail.outbox
    assert email.to == [cast.officer.email]
    assert "Business unit manager" in email.body and "Manager Testperson" in email.body


def test_the_service_refuses_a_change_of_ones_own_roles_whatever_calls_it(cast):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.person_update(
            person=cast.officer,
            partnership=cast.partnership,
            data={},
            roles=[Role.BUSINESS_UNIT_MANAGER],
            expected_version=cast.officer.version,
            by=cast.officer,
        )
    assert roles_of(cast.officer, cast.partnership) == {Role.BUSINESS_UNIT_OFFICER}


# Item 3: a partnership acts only on what it owns: its own role assignments.


@pytest.fixture
def shared(cast):
    """The practitioner, who also works for the other partnership."""
    RoleAssignment.objects.create(
        person=cast.practitioner, partnership=cast.other_partnership, role=Role.PRACTITIONER
    )
    return cast.practitioner


def test_another_partnership_cannot_deactivate_someone_who_also_works_for_us(client, cast, shared):
    sign_in(client, cast.outsider)
    detail = client.get(reverse("partnership:person_detail", args=[shared.pk])).content.decode()
    response = client.post(reverse("partnership:person_deactivate", args=[shared.pk]), follow=True)
    assert SHARED_ACCOUNT in detail and ">Deactivate<" not in detail
    assert SHARED_ACCOUNT in response.content.decode()
    shared.refresh_from_db()
    assert shared.is_active


def test_another_partnership_cannot_reset_the_authenticator_of_someone_who_works_for_us(
    client, cast, shared
):
    confirmed_device(shared)
    sign_in(client, cast.outsider)
    response = client.post(
        reverse("partnership:person_two_factor_reset", args=[shared.pk]), follow=True
    )
    assert SHARED_ACCOUNT in response.content.decode()
    assert TOTPDevice.objects.filter(user=shared).exists()


def test_another_partnership_cannot_rename_someone_who_works_for_us(client, cast, shared):
    sign_in(client, cast.outsider)
    form = client.get(reverse("partnership:person_edit", args=[shared.pk])).content.decode()
    edit(client, shared, full_name="Renamed By Elsewhere", job_title="Elsewhere's title")
    assert "Their name, job title and organisation can be changed only by" in form
    shared.refresh_from_db()
    assert shared.full_name == "Practitioner Testperson"
    assert shared.organisation == cast.council


def test_another_partnership_does_not_read_our_history_or_groups_of_a_shared_person(
    client, cast, shared
):
    group = GroupFactory(partnership=cast.partnership, name="Tees neglect sub-group")
    MembershipFactory(group=group, person=shared)
    sign_in(client, cast.manager)
    edit(client, shared, job_title="Tees secret team", roles=[Role.PRACTITIONER])
    client.logout()
    sign_in(client, cast.outsider)
    page = client.get(reverse("partnership:person_detail", args=[shared.pk])).content.decode()
    assert "Practitioner Testperson" in page
    assert cast.manager.email not in page
    assert "Tees neglect sub-group" not in page


def test_another_partnership_removes_its_own_roles_and_the_shared_person_stays_ours(
    client, cast, shared
):
    sign_in(client, cast.outsider)
    response = edit(client, shared, roles=[])
    assert "no longer works for your partnership" in response.content.decode()
    assert roles_of(shared, cast.other_partnership) == set()
    assert roles_of(shared, cast.partnership) == {Role.PRACTITIONER}
    shared.refresh_from_db()
    assert shared.is_active


def test_once_only_one_partnership_is_left_its_business_unit_can_deactivate(client, cast, shared):
    RoleAssignment.objects.filter(person=shared, partnership=cast.other_partnership).delete()
    sign_in(client, cast.manager)
    client.post(reverse("partnership:person_deactivate", args=[shared.pk]))
    shared.refresh_from_db()
    assert not shared.is_active


def test_a_business_unit_cannot_act_for_a_partnership_the_person_does_not_work_for(client, cast):
    """A business unit of two partnerships, at work in one, reaches no one of the other only."""
    RoleAssignment.objects.create(
        person=cast.manager, partnership=cast.other_partnership, role=Role.BUSINESS_UNIT_MANAGER
    )
    sign_in(client, cast.manager)
    response = client.post(reverse("partnership:person_deactivate", args=[cast.outsider.pk]))
    assert response.status_code == 404
    cast.outsider.refresh_from_db()
    assert cast.outsider.is_active


# Item 5: an invitation stops working when the person is deactivated.


def test_an_invitation_link_stops_working_once_the_person_is_deactivated(
    client, cast, django_capture_on_commit_callbacks
):
    sign_in(client, cast.manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("partnership:person_invite"),
            {"full_name": "New Testperson", "email": "new@test.example", "roles": ["practitioner"]},
        )
    invited = User.objects.get(email="new@test.example")
    detail = client.get(reverse("partnership:person_detail", args=[invited.pk])).content.decode()
    assert ">Deactivate<" in detail
    client.post(reverse("partnership:person_deactivate", args=[invited.pk]))
    client.logout()
    link = "/" + mail.outbox[0].body.split("/invitation/", 1)[1].split()[0]
    response = client.post(
        "/invitation" + link,
        {"new_password1": "a-long-new-password", "new_password2": "a-long-new-password"},
    )
    assert response.status_code == 400
    assert "This invitation link has expired, been used or been withdrawn" in (
        response.content.decode()
    )
    invited.refresh_from_db()
    assert not invited.is_active and not invited.check_password("a-long-new-password")


def test_an_officer_cannot_deactivate_the_business_unit_manager(client, cast):
    sign_in(client, cast.officer)
    detail = client.get(reverse("partnership:person_detail", args=[cast.manager.pk]))
    response = client.post(
        reverse("partnership:person_deactivate", args=[cast.manager.pk]), follow=True
    )
    refusal = "Only a business unit manager can change the account of a business unit manager."
    assert refusal in detail.content.decode() and ">Deactivate<" not in detail.content.decode()
    assert refusal in response.content.decode()
    cast.manager.refresh_from_db()
    assert cast.manager.is_active


def test_a_crafted_post_with_another_partnerships_organisation_is_refused(client, cast):
    sign_in(client, cast.manager)
    response = edit(client, cast.practitioner, organisation=cast.other_council.pk, job_title="X")
    page = response.content.decode()
    assert (
        "Select an organisation of your partnership" in page and 'href="#id_organisation"' in page
    )
    cast.practitioner.refresh_from_db()
    assert cast.practitioner.organisation == cast.council and cast.practitioner.job_title == ""


def test_the_service_refuses_to_rename_a_shared_account_for_one_partnership(cast, shared):
    with pytest.raises(services.AccountChangeRefused):
        services.person_update(
            person=shared,
            partnership=cast.other_partnership,
            data={"full_name": "Renamed By Elsewhere"},
            roles=[Role.PRACTITIONER],
            expected_version=shared.version,
            by=cast.outsider,
        )
    shared.refresh_from_db()
    assert shared.full_name == "Practitioner Testperson"


# Issue 9: an invitation tells a business unit nothing about another partnership's people.


def invite_as_outsider(client, cast, email):
    sign_in(client, cast.outsider)
    return client.post(
        reverse("partnership:person_invite"),
        {"full_name": "Probe Testperson", "email": email, "roles": [Role.PRACTITIONER]},
        follow=True,
    )


def test_inviting_another_partnerships_person_shows_only_the_neutral_confirmation(
    client, cast, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite_as_outsider(client, cast, cast.practitioner.email.upper())
    page = response.content.decode()
    assert f"Invitation sent to {cast.practitioner.email}" in page
    assert "already" not in page and "There is a problem" not in page
    assert "Practitioner Testperson" not in page and cast.partnership.name not in page
    assert roles_of(cast.practitioner, cast.other_partnership) == set()
    [email] = mail.outbox
    assert email.to == [cast.practitioner.email]
    assert cast.other_partnership.name in email.body


def test_inviting_another_partnerships_person_reads_the_same_as_inviting_a_new_one(client, cast):
    existing = invite_as_outsider(client, cast, cast.practitioner.email)
    new = invite_as_outsider(client, cast, "new@test.example")
    assert existing.redirect_chain == [(reverse("partnership:person_list"), 302)]
    assert new.redirect_chain == existing.redirect_chain
    assert "Invitation sent to new@test.example" in new.content.decode()
