"""Demo learning: standard themes, national learning entered by hand, findings, actions, a briefing.

Everything is fictional; cases are pseudonymous ("Child R").
"""

from datetime import timedelta

from django.utils import timezone

from learning import services, services_publication
from learning.models import Briefing, Finding, OtherSource, Theme
from learning.publication import Subjects
from partnership.demo import SOUTH_TEES, demo_email
from partnership.models import Group, Organisation, Partnership, Role, User

FINDINGS = (
    (
        "Bruising in non-mobile babies was not always escalated",
        "Practitioners did not consistently follow the bruising protocol for babies who are not yet mobile.",
        Finding.Aim.MUST_IMPROVE,
        ("Non-accidental injury in babies", "Escalation and challenge"),
    ),
    (
        "Fathers and male carers were not seen",
        "Assessments focused on the mother; the father's role and risks were not explored.",
        Finding.Aim.MUST_IMPROVE,
        ("Fathers and male carers", "Professional curiosity"),
    ),
    (
        "Strategy discussions were timely and well attended",
        "Police, health and children's social care met within one working day.",
        Finding.Aim.WORKS_WELL,
        ("Information sharing",),
    ),
)


def load(partnerships: dict[str, Partnership]) -> None:
    partnership = partnerships["south-tees"]
    if OtherSource.objects.filter(partnership=partnership).exists():
        return
    officer = User.objects.get(email=demo_email(SOUTH_TEES, Role.BUSINESS_UNIT_OFFICER))
    manager = User.objects.get(email=demo_email(SOUTH_TEES, Role.BUSINESS_UNIT_MANAGER))
    contributor = User.objects.get(email=demo_email(SOUTH_TEES, Role.AGENCY_CONTRIBUTOR))
    for each in partnerships.values():
        services.themes_seed(partnership=each, by=officer)
    themes = {theme.name: theme for theme in Theme.objects.for_partnership(partnership)}
    source = services.other_source_create(
        partnership=partnership,
        kind=OtherSource.Kind.NATIONAL_REVIEW,
        title="National review: safeguarding children under one from non-accidental injury",
        summary="A fictional national panel review used for the demo.",
        by=officer,
    )
    findings = [
        services.finding_record(
            source=source,
            title=title,
            description=description,
            aim=aim,
            themes=[themes[name] for name in names],
            by=officer,
        )
        for title, description, aim, names in FINDINGS
    ]
    group = Group.objects.filter(partnership=partnership, kind=Group.Kind.SUBGROUP).first()
    recommendation = services.recommendation_record(
        source=source,
        findings=findings[:2],
        text="Every agency should refresh practitioners on the bruising protocol and on seeing fathers.",
        owning_group=group,
        by=officer,
    )
    today = timezone.localdate()
    hospital = (
        contributor.organisation or Organisation.objects.filter(partnership=partnership).first()
    )
    services.action_create(
        recommendation=recommendation,
        description="Add the bruising protocol to the emergency department induction.",
        owner_organisation=hospital,
        owner_person=contributor,
        due_date=today + timedelta(days=45),
        by=officer,
    )
    services.action_create(
        recommendation=recommendation,
        description="Audit ten assessments for whether the father was seen.",
        owner_organisation=hospital,
        owner_person=contributor,
        due_date=today - timedelta(days=10),
        by=officer,
    )
    plan = services.dissemination_plan_open(source=source, by=officer)
    services.dissemination_channel_add(
        plan=plan,
        channel="briefing",
        owner=officer,
        target_date=today + timedelta(days=30),
        by=officer,
    )
    services.dissemination_channel_add(
        plan=plan,
        channel="newsletter",
        owner=officer,
        target_date=today + timedelta(days=60),
        by=officer,
    )
    briefing = services.briefing_create(
        partnership=partnership,
        title="Bruising in babies who are not yet mobile",
        findings=findings[:1],
        sections={
            "background": "A national review of serious harm to babies under one.",
            "why_it_matters": "Bruising in a baby who cannot move is rare and can signal abuse.",
            "information_1": "Any bruise on a non-mobile baby needs a referral under the protocol.",
            "information_2": "Seek a paediatric opinion the same day.",
            "information_3": "Record what the parents say and who was present.",
            "reflect": "When did you last use the bruising protocol?",
            "what_to_do": "Read the protocol and share this briefing with your team.",
        },
        by=officer,
    )
    services.briefing_advance(briefing=briefing, to=Briefing.Status.IN_REVIEW, by=officer)
    services.briefing_advance(briefing=briefing, to=Briefing.Status.APPROVED, by=manager)
    services.briefing_publish(briefing=briefing, by=manager)
    services_publication.publication_publish(
        source=source,
        title="What we are learning about babies under one",
        summary="How the partnership is acting on the national review.",
        body="The partnership has refreshed its bruising protocol training.",
        kind="other",
        subjects=Subjects(),
        by=manager,
    )
