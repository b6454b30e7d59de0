"""Similar-work search at the size the issue names: in the first partnership 50,000 findings
(`benchmarks/learning.py`) plus 30,000 learning referrals and 12,000 reviews with terms of
reference, every record indexed through the spine's own service, as `similar_work_reindex` does;
and the recurring-lessons summary of every partnership's findings, as `recurring_lessons_rebuild`.
"""

from django.urls import reverse

from benchmarks.learning import _text
from learning import selectors
from learning.models import Finding, Theme
from learning.services_recurring import recurring_lessons_rebuild
from learning.services_similar import similar_work_rebuild
from partnership.models import Role
from reviews.models import LearningReferral, Review, TermsOfReference

REFERRALS = 30_000
REVIEWS = 12_000
AGENCIES = ["Health visiting", "Police", "Children's social care", "School", "GP practice"]


def seed(world) -> None:
    partnership = world.partnerships[0]
    officer = world.person(partnership, Role.BUSINESS_UNIT_OFFICER)
    practitioner = world.person(partnership, Role.PRACTITIONER)
    rows = []
    for n in range(REFERRALS):
        title, description = _text(world.rng)
        rows.append(
            LearningReferral(
                partnership=partnership,
                reference=f"{partnership.short_name}-LRB-{n + 1:05d}",
                title=title,
                what_happened=description,
                agencies_involved=", ".join(world.rng.sample(AGENCIES, 2)),
                why_learning="Benchmark referral.",
                referred_by=practitioner,
                status=LearningReferral.Status.TRIAGED,
            )
        )
    LearningReferral.objects.bulk_create(rows, batch_size=2000)
    reviews = Review.objects.bulk_create(
        (
            Review(
                partnership=partnership,
                reference=f"{partnership.short_name}-RB-{n + 1:05d}",
                review_type=Review.Type.MULTI_AGENCY,
                title=f"Child {chr(65 + n % 26)}",
                status=Review.Status.IN_PROGRESS,
                opened_by=officer,
            )
            for n in range(REVIEWS)
        ),
        batch_size=2000,
    )
    TermsOfReference.objects.bulk_create(
        (
            TermsOfReference(
                review=review, version=1, text=" ".join(_text(world.rng)), drafted_by=officer
            )
            for review in reviews
        ),
        batch_size=2000,
    )
    for each in world.partnerships:
        similar_work_rebuild(partnership=each)
        recurring_lessons_rebuild(partnership=each)


def measure(bench) -> None:
    from partnership.models import Partnership

    partnership = Partnership.objects.order_by("pk").first()
    manager = partnership.role_assignments.get(role=Role.BUSINESS_UNIT_MANAGER).person
    themes = list(Theme.objects.filter(partnership=partnership, name__in=["Neglect", "Safe sleep"]))
    text = "Health visitors did not escalate concerns about home conditions and neglect of a baby"
    one = Finding.objects.filter(partnership=partnership).order_by("pk")[25_000].pk

    def search():
        return selectors.similar_work(
            partnership=partnership, text=text, themes=themes, user=manager
        )

    def lookup():
        return Finding.objects.filter(pk=one).first()

    bench.operation(
        "similar_work_search",
        "Similar-work search, 92,000 records (50,000 findings, 30,000 referrals, 12,000 reviews)",
        search,
        baseline="one finding looked up by primary key",
        baseline_function=lookup,
    )
    bench.page(
        "Similar work page (92,000 records)",
        f"{reverse('learning:similar_work')}?text=neglect+and+home+conditions",
        manager,
    )
