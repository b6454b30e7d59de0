"""The learning spine at national scale: 50,000 findings in one partnership, the action plan, and
the public site's pages (similar-work search over them: `benchmarks/similar_work.py`).

The first partnership carries 50,000 findings of the last three years (far beyond any real one, so
similar-work search and recurring lessons are measured at the size the issue names); every other partnership has a few hundred
findings, actions and ten years of publications.
"""

from datetime import UTC, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from learning.models import Action, Finding, OtherSource, Publication, Recommendation, Theme
from learning.themes import STANDARD_THEMES
from partnership.models import Group, Organisation, Role

LARGE_FINDINGS = 50_000
FINDINGS_PER_SOURCE = 25
OTHER_FINDINGS = 120
PUBLICATIONS_PER_YEAR = 8

SUBJECTS = [
    "health visitors",
    "school nurses",
    "police officers",
    "social workers",
    "GPs",
    "emergency department staff",
    "midwives",
    "teachers",
    "housing officers",
    "probation officers",
]
FAILINGS = [
    "did not share information about",
    "did not escalate concerns about",
    "were not curious about",
    "recorded but did not act on",
    "did not see the child alone during",
    "relied on parental accounts of",
    "worked well together on",
    "promptly identified",
    "held timely strategy discussions about",
]
TOPICS = [
    "bruising in a non-mobile baby",
    "home conditions and neglect",
    "domestic abuse in the household",
    "the father's role and history",
    "parental mental health",
    "cannabis use by a parent",
    "missed health appointments",
    "self-harm disclosures",
    "online exploitation",
    "unsafe sleep",
    "exclusion from school",
    "going missing from home",
    "a move between local authority areas",
]


def _text(rng) -> tuple[str, str]:
    title = f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(FAILINGS)} {rng.choice(TOPICS)}"
    description = ". ".join(
        f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(FAILINGS)} {rng.choice(TOPICS)}"
        for _ in range(3)
    )
    return title, description


def _findings(world, partnership, count: int, days: int) -> None:
    officer = world.person(partnership, Role.BUSINESS_UNIT_OFFICER)
    sources = OtherSource.objects.bulk_create(
        OtherSource(
            partnership=partnership,
            number=n + 1,
            kind=OtherSource.Kind.NATIONAL_REVIEW,
            title=f"Benchmark review {n + 1}",
            summary="Benchmark source.",
        )
        for n in range(max(count // FINDINGS_PER_SOURCE, 1))
    )
    source_type = ContentType.objects.get_for_model(OtherSource)
    now = datetime.now(UTC)
    rows = []
    for n in range(count):
        title, description = _text(world.rng)
        rows.append(
            Finding(
                partnership=partnership,
                source_type=source_type,
                source_id=sources[n % len(sources)].pk,
                title=title,
                description=description,
                aim=Finding.Aim.MUST_IMPROVE if n % 3 else Finding.Aim.WORKS_WELL,
                recorded_by=officer,
                recorded_at=now - timedelta(days=world.rng.randrange(days)),
            )
        )
    findings = Finding.objects.bulk_create(rows, batch_size=2000)
    themes = list(Theme.objects.filter(partnership=partnership))
    Finding.themes.through.objects.bulk_create(
        (
            Finding.themes.through(finding_id=finding.pk, theme_id=theme.pk)
            for finding in findings
            for theme in world.rng.sample(themes, 2)
        ),
        batch_size=5000,
    )
    group = Group.objects.filter(partnership=partnership).first()
    organisations = list(Organisation.objects.filter(partnership=partnership))
    recommendations = Recommendation.objects.bulk_create(
        Recommendation(
            partnership=partnership,
            source_type=source_type,
            source_id=source.pk,
            text=f"Recommendation for {source.title}",
            owning_group=group,
            recorded_by=officer,
        )
        for source in sources[:200]
    )
    Action.objects.bulk_create(
        Action(
            partnership=partnership,
            recommendation=recommendation,
            description=f"Action {n} for {recommendation.text}",
            owner_organisation=organisations[n % len(organisations)],
            due_date=world.today + timedelta(days=world.rng.randrange(-200, 200)),
        )
        for recommendation in recommendations
        for n in range(3)
    )


def seed(world) -> None:
    Theme.objects.bulk_create(
        Theme(partnership=partnership, name=name)
        for partnership in world.partnerships
        for name in STANDARD_THEMES
    )
    _findings(world, world.partnerships[0], LARGE_FINDINGS, 3 * 365)
    for partnership in world.partnerships[1:]:
        _findings(world, partnership, OTHER_FINDINGS, world.years * 365)
    now = datetime.now(UTC)
    Publication.objects.bulk_create(
        (
            Publication(
                partnership=partnership,
                kind=world.rng.choice(Publication.Kind.values),
                title=" ".join(_text(world.rng)[0].split()[:8]),
                summary=_text(world.rng)[1],
                body=_text(world.rng)[1],
                published_by=world.person(partnership, Role.BUSINESS_UNIT_MANAGER),
                published_at=now - timedelta(days=world.rng.randrange(world.years * 365)),
            )
            for partnership in world.partnerships
            for _ in range(world.years * PUBLICATIONS_PER_YEAR)
        ),
        batch_size=2000,
    )


def measure(bench) -> None:
    from partnership.models import Partnership

    partnership = Partnership.objects.order_by("pk").first()
    manager = partnership.role_assignments.get(role=Role.BUSINESS_UNIT_MANAGER).person
    bench.page("Action plan (first page of 600 actions)", reverse("learning:action_plan"), manager)
    bench.page(
        "Recurring lessons (50,000 findings)", reverse("learning:recurring_lessons"), manager
    )
    other = Partnership.objects.order_by("pk")[1]
    publication = Publication.objects.filter(partnership=other).first()
    bench.page(
        "Public site: index (80 publications)", reverse("public:index", args=[other.slug]), manager
    )
    bench.page(
        "Public site: search by year",
        f"{reverse('public:index', args=[other.slug])}?year={publication.published_at.year}&q=neglect",
        manager,
    )
    bench.page(
        "Public site: a publication",
        reverse("public:publication", args=[other.slug, publication.pk]),
        manager,
    )
    bench.page("Public site: Atom feed", reverse("public:feed", args=[other.slug]), manager)
