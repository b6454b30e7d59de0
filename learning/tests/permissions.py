from django.contrib.contenttypes.models import ContentType

from learning import services, services_publication
from learning.tests.factories import (
    ActionFactory,
    FindingFactory,
    OtherSourceFactory,
    RecommendationFactory,
)
from security.permission_matrix import BUSINESS_UNIT_ONLY, OUTSIDE, Check, expect

BUSINESS_UNIT_WRITE = {"manager": 302, "officer": 302}


def _source(cast):
    source = OtherSourceFactory(partnership=cast.partnership)
    services.dissemination_plan_open(source=source, by=cast.manager)
    return source


def _source_kwargs(cast):
    source = _source(cast)
    return {"type_id": ContentType.objects.get_for_model(source).pk, "source_id": source.pk}


def _pk(factory):
    def kwargs(cast):
        return {"pk": factory(cast).pk}

    return kwargs


def _finding(cast):
    return FindingFactory(source=_source(cast))


def _recommendation(cast):
    return RecommendationFactory(source=_source(cast))


def _action(cast):
    return ActionFactory(recommendation=_recommendation(cast), owner_organisation=cast.hospital)


def _evidence_awaiting_sign_off(cast):
    """A closed action whose owning group has the cast's group member."""
    from partnership.models import Membership

    action = _action(cast)
    Membership.objects.create(group=action.recommendation.owning_group, person=cast.group_member)
    return services.action_close(
        action=action, what_changed="x", method="other", how_known="y", by=cast.officer
    ).action


def _action_indicator_link(cast):
    from learning.models import ActionIndicator

    action = _action(cast)
    link = ActionIndicator.objects.create(
        action=action,
        indicator_type=ContentType.objects.get_for_model(action),
        indicator_id=action.pk,
        expected="up",
        added_by=cast.officer,
    )
    return {"pk": action.pk, "link_pk": link.pk}


def _plan(cast):
    return services.dissemination_plan_open(source=_source(cast), by=cast.manager)


def _channel(cast):
    return services.dissemination_channel_add(
        plan=_plan(cast),
        channel="website",
        owner=cast.officer,
        target_date="2026-12-01",
        by=cast.manager,
    )


BUSINESS_UNIT_FORM = expect(403, **BUSINESS_UNIT_ONLY, **OUTSIDE)
# People of the owning organisation (the hospital) update its actions, whatever their role.
OWNING_ORGANISATION = {"contributor": 200, "group_member": 200, "cdop_member": 200}

CHECKS = [
    Check("learning:other_source_list", expect(200, no_role=403)),
    Check("learning:other_source_create", expect(403, **BUSINESS_UNIT_ONLY, outsider=200)),
    Check("learning:other_source_detail", expect(200, **OUTSIDE), kwargs=_pk(_source)),
    Check(
        "learning:other_source_close",
        expect(403, **BUSINESS_UNIT_WRITE, **OUTSIDE),
        kwargs=_pk(_source),
        method="post",
    ),
    Check("learning:finding_add", BUSINESS_UNIT_FORM, kwargs=_source_kwargs),
    Check("learning:recommendation_add", BUSINESS_UNIT_FORM, kwargs=_source_kwargs),
    Check("learning:finding_detail", expect(200, **OUTSIDE), kwargs=_pk(_finding)),
    Check("learning:finding_edit", BUSINESS_UNIT_FORM, kwargs=_pk(_finding)),
    Check("learning:action_add", BUSINESS_UNIT_FORM, kwargs=_pk(_recommendation)),
    Check("learning:action_plan", expect(200, no_role=403)),
    *[
        Check(
            "learning:action_plan_export",
            expect(200, no_role=403),
            kwargs=lambda cast, fmt=fmt: {"fmt": fmt},
            label=fmt,
        )
        for fmt in ("csv", "xlsx", "pdf")
    ],
    Check("learning:action_detail", expect(200, **OUTSIDE), kwargs=_pk(_action)),
    Check(
        "learning:action_update",
        expect(403, **BUSINESS_UNIT_ONLY, **OWNING_ORGANISATION, **OUTSIDE),
        kwargs=_pk(_action),
    ),
    Check("learning:action_close", BUSINESS_UNIT_FORM, kwargs=_pk(_action)),
    # Only a member of the owning group signs off: not the business unit, not another panel.
    Check(
        "learning:evidence_sign_off",
        expect(403, group_member=302, panel_member=403, **OUTSIDE),
        kwargs=_pk(_evidence_awaiting_sign_off),
        method="post",
    ),
    Check("learning:action_indicator_add", BUSINESS_UNIT_FORM, kwargs=_pk(_action)),
    Check(
        "learning:action_indicator_remove",
        expect(403, **BUSINESS_UNIT_WRITE, **OUTSIDE),
        kwargs=_action_indicator_link,
        method="post",
    ),
    Check("learning:channel_add", BUSINESS_UNIT_FORM, kwargs=_pk(_plan)),
    Check("learning:channel_finish", BUSINESS_UNIT_FORM, kwargs=_pk(_channel)),
    Check("learning:activity_add", BUSINESS_UNIT_FORM, kwargs=_pk(_channel)),
]


def _theme(cast):
    from learning.tests.factories import ThemeFactory

    return ThemeFactory(partnership=cast.partnership)


def _briefing(cast, status="draft"):
    from learning.models import Briefing

    finding = _finding(cast)
    briefing = services.briefing_create(
        partnership=cast.partnership,
        title="Safe sleep",
        findings=[finding],
        sections=dict.fromkeys((name for name, _ in Briefing.HEADINGS), "Text"),
        by=cast.officer,
    )
    Briefing.objects.filter(pk=briefing.pk).update(status=status)
    return briefing


def _newsletter(cast):
    return services.newsletter_create(
        partnership=cast.partnership,
        title="News",
        introduction="Hi",
        items=[],
        extra_items="",
        by=cast.officer,
    )


def _publication(cast):
    from learning.publication import Subjects

    return services_publication.publication_publish(
        source=_source(cast),
        title="Learning",
        summary="s",
        body="b",
        kind="other",
        subjects=Subjects(),
        by=cast.manager,
    )


CHECKS += [
    Check("learning:index", expect(200, no_role=403)),
    Check("learning:publication_create", BUSINESS_UNIT_FORM, kwargs=_source_kwargs),
    Check("learning:theme_list", expect(200, no_role=403)),
    Check("learning:theme_create", expect(403, **BUSINESS_UNIT_ONLY, outsider=200)),
    Check(
        "learning:themes_seed",
        expect(403, **BUSINESS_UNIT_WRITE, outsider=302),
        method="post",
    ),
    Check("learning:theme_edit", BUSINESS_UNIT_FORM, kwargs=_pk(_theme)),
    Check("learning:theme_merge", BUSINESS_UNIT_FORM, kwargs=_pk(_theme)),
    Check("learning:similar_work", expect(200, no_role=403)),
    Check(
        "learning:similar_work",
        expect(200, no_role=403),
        data=lambda cast: {"text": "neglect and home conditions"},
        label="search",
    ),
    Check("learning:recurring_lessons", expect(200, no_role=403)),
    Check(
        "learning:recurring_lessons",
        expect(200, no_role=403),
        data=lambda cast: {"format": "csv", "aim": "works_well"},
        label="csv",
    ),
    Check("learning:briefing_list", expect(200, no_role=403)),
    Check("learning:briefing_create", expect(403, **BUSINESS_UNIT_ONLY, outsider=200)),
    Check("learning:briefing_detail", expect(200, **OUTSIDE), kwargs=_pk(_briefing)),
    Check("learning:briefing_edit", BUSINESS_UNIT_FORM, kwargs=_pk(_briefing)),
    Check(
        "learning:briefing_advance",
        expect(403, **BUSINESS_UNIT_WRITE, **OUTSIDE),
        kwargs=lambda cast: {"pk": _briefing(cast).pk, "to": "in_review"},
        method="post",
        label="send for review",
    ),
    Check(
        "learning:briefing_advance",
        expect(403, manager=302, **OUTSIDE),
        kwargs=lambda cast: {"pk": _briefing(cast, "in_review").pk, "to": "approved"},
        method="post",
        label="approve",
    ),
    Check("learning:newsletter_list", expect(200, no_role=403)),
    Check("learning:newsletter_create", expect(403, **BUSINESS_UNIT_ONLY, outsider=200)),
    Check(
        "learning:newsletter_approve",
        expect(403, manager=302, **OUTSIDE),
        kwargs=_pk(_newsletter),
        method="post",
    ),
    Check(
        "learning:newsletter_publish",
        expect(403, **BUSINESS_UNIT_WRITE, **OUTSIDE),
        kwargs=_pk(_newsletter),
        method="post",
    ),
    Check("learning:practice_change_list", expect(200, no_role=403)),
    Check("learning:practice_change_create", expect(403, **BUSINESS_UNIT_ONLY, outsider=200)),
    Check("learning:publication_list", expect(200, no_role=403)),
    Check("learning:publication_withdraw", BUSINESS_UNIT_FORM, kwargs=_pk(_publication)),
]
