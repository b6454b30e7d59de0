from partnership.models import Membership, PartnershipLink
from partnership.tests.factories import GroupFactory, PartnershipLinkFactory
from security.permission_matrix import OUTSIDE, Check, expect


def _organisation(cast):
    return {"kind": "organisations", "pk": cast.council.pk}


def _group(cast):
    return {"pk": GroupFactory(partnership=cast.partnership).pk}


def _membership(cast):
    group = GroupFactory(partnership=cast.partnership)
    return {"pk": Membership.objects.create(group=group, person=cast.practitioner).pk}


def _person(cast):
    return {"pk": cast.practitioner.pk}


def _link_asked_of_us(cast):
    link = PartnershipLinkFactory(
        requesting=cast.other_partnership,
        receiving=cast.partnership,
        status=PartnershipLink.Status.REQUESTED,
    )
    return {"pk": link.pk}


def _link_of_others(cast):
    return {"pk": PartnershipLinkFactory(status=PartnershipLink.Status.REQUESTED).pk}


BUSINESS_UNIT_WRITE = {"manager": 302, "officer": 302}
# Each side's business unit sees its own links; the outsider's is the side that asked.
BOTH_BUSINESS_UNITS = {"manager": 200, "officer": 200, "outsider": 200}

CHECKS = [
    Check("partnership:sign_in", expect(302, anonymous=200, password_only=302)),
    Check("partnership:sign_out", expect(302, anonymous=302), method="post"),
    Check("partnership:two_factor_verify", expect(302, password_only=200)),
    Check("partnership:account", expect(200)),
    Check("partnership:two_factor_setup", expect(200, anonymous=302)),
    Check(
        "partnership:accept_invitation",
        expect(400, anonymous=400, password_only=302),
        kwargs=lambda cast: {"token": "not-a-real-token"},
    ),
    Check("partnership:password_reset", expect(200, anonymous=200)),
    Check("partnership:password_reset_sent", expect(200, anonymous=200)),
    Check(
        "partnership:password_reset_confirm",
        expect(200, anonymous=200),
        kwargs=lambda cast: {"uidb64": "MQ", "token": "set-password"},
    ),
    Check("partnership:password_reset_complete", expect(200, anonymous=200)),
    Check("partnership:overview", expect(200, no_role=403)),
    Check("partnership:person_list", expect(403, manager=200, officer=200, outsider=200)),
    Check("partnership:person_invite", expect(403, manager=200, officer=200, outsider=200)),
    Check(
        "partnership:person_detail",
        expect(404, manager=200, officer=200, practitioner=200, two_partnerships=404),
        kwargs=_person,
    ),
    Check(
        "partnership:person_edit",
        expect(404, manager=200, officer=200, practitioner=403, two_partnerships=404),
        kwargs=_person,
    ),
    Check(
        "partnership:person_deactivate",
        expect(404, **BUSINESS_UNIT_WRITE, practitioner=403, two_partnerships=404),
        kwargs=_person,
        method="post",
    ),
    Check(
        "partnership:person_reactivate",
        expect(404, **BUSINESS_UNIT_WRITE, practitioner=403, two_partnerships=404),
        kwargs=_person,
        method="post",
    ),
    Check(
        "partnership:person_resend_invitation",
        expect(404, **BUSINESS_UNIT_WRITE, practitioner=403, two_partnerships=404),
        kwargs=_person,
        method="post",
    ),
    Check(
        "partnership:membership_add",
        expect(403, manager=200, officer=200, **OUTSIDE),
        kwargs=_group,
    ),
    Check(
        "partnership:membership_remove",
        expect(403, **BUSINESS_UNIT_WRITE, **OUTSIDE),
        kwargs=_membership,
        method="post",
    ),
    Check(
        "partnership:structure_list",
        expect(200, no_role=403),
        kwargs=lambda cast: {"kind": "organisations"},
    ),
    Check(
        "partnership:structure_create",
        expect(403, manager=200, officer=200, outsider=200),
        kwargs=lambda cast: {"kind": "groups"},
    ),
    Check("partnership:structure_detail", expect(200, **OUTSIDE), kwargs=_organisation),
    Check(
        "partnership:structure_edit",
        expect(403, manager=200, officer=200, **OUTSIDE),
        kwargs=_organisation,
    ),
    Check(
        "partnership:structure_archive",
        expect(403, **BUSINESS_UNIT_WRITE, **OUTSIDE),
        kwargs=_organisation,
        method="post",
    ),
    Check(
        "partnership:structure_detail",
        expect(404, outsider=200, two_partnerships=200),
        kwargs=lambda cast: {"kind": "organisations", "pk": cast.other_council.pk},
        label="of the other partnership",
    ),
]

CHECKS += [
    Check(
        "partnership:person_two_factor_reset",
        expect(404, manager=302, officer=403, practitioner=403, two_partnerships=404),
        kwargs=_person,
        method="post",
    ),
    Check("api:api-root", expect(200, anonymous=403, password_only=302)),
    Check("api:organisation-list", expect(200, anonymous=403, password_only=302)),
    Check(
        "api:organisation-detail",
        expect(200, anonymous=403, password_only=302, **OUTSIDE),
        kwargs=lambda cast: {"pk": cast.council.pk},
    ),
]

# Links between partnerships: the side asked answers; either side ends; nobody else sees one.
CHECKS += [
    Check("partnership:link_list", expect(403, **BOTH_BUSINESS_UNITS)),
    Check("partnership:link_request", expect(403, **BOTH_BUSINESS_UNITS)),
    *(
        Check(
            f"partnership:link_{answer}",
            expect(404, **BUSINESS_UNIT_WRITE, outsider=403, two_partnerships=403),
            kwargs=_link_asked_of_us,
            method="post",
        )
        for answer in ("accept", "decline")
    ),
    Check(
        "partnership:link_end",
        expect(404, **BUSINESS_UNIT_WRITE, outsider=302, two_partnerships=302),
        kwargs=_link_asked_of_us,
        method="post",
    ),
    *(
        Check(
            f"partnership:link_{change}",
            expect(404),
            kwargs=_link_of_others,
            method="post",
            label="between two other partnerships",
        )
        for change in ("accept", "decline", "end")
    ),
]
