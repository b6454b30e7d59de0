"""Browser journey: a finding becomes a recommendation and an action, the owning agency updates it,
the business unit closes it with evidence, and a 7-minute briefing is written, approved, published
and read on the public site. axe-core checks every page on the way."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.testing import assert_accessible, browser_sign_in
from learning import services
from learning.models import Theme
from learning.tests.factories import FindingFactory, OtherSourceFactory
from partnership.models import Membership
from partnership.tests.factories import GroupFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_date(page, name: str, day) -> None:
    for part, value in enumerate((day.day, day.month, day.year)):
        page.locator(f"input[name={name}_{part}]").fill(str(value))


def go(page, link: str, *, exact: bool = True) -> None:
    with page.expect_navigation():
        page.get_by_role("link", name=link, exact=exact).first.click()
    assert_accessible(page)


def submit(page, button: str = "Save") -> None:
    # Every form posts and loads a page: wait for it, or axe runs on a page being replaced.
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()
    assert_accessible(page)


def sign_in(page, live_server, person) -> None:
    # Signing in twice within one 30-second window reuses the code, which django-otp refuses.
    TOTPDevice.objects.filter(user=person).update(last_t=-1)
    browser_sign_in(page, live_server.url, person)


def sign_out(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()


def test_learning_goes_from_finding_to_closed_action_and_a_published_briefing(
    live_server, page, cast
):
    group = GroupFactory(partnership=cast.partnership, name="Learning and improvement sub-group")
    Membership.objects.create(group=group, person=cast.partner_lead, role=Membership.Role.CHAIR)
    services.themes_seed(partnership=cast.partnership, by=cast.manager)
    today = timezone.localdate()

    sign_in(page, live_server, cast.officer)
    go(page, "Learning")
    go(page, "Learning from other sources")
    go(page, "Add learning from another source")
    submit(page)  # nothing filled in
    page.get_by_role("heading", name="There is a problem").wait_for()
    page.get_by_label("Kind of source").select_option(label="National review")
    page.get_by_label("Title").fill("National review of bruising in babies")
    page.get_by_label("Summary").fill("A fictional national review.")
    submit(page)
    page.get_by_role("heading", name="National review of bruising in babies").wait_for()

    go(page, "Add a finding")
    page.get_by_label("Finding", exact=True).fill("Bruising was not escalated")
    page.get_by_label("What was found").fill("The bruising protocol was not followed for a baby.")
    page.get_by_label("Must improve").check()
    page.get_by_label("Non-accidental injury in babies").check()
    submit(page)
    page.get_by_text("Finding recorded").wait_for()

    go(page, "Add a recommendation")
    page.get_by_label("Recommendation").fill("Refresh practitioners on the bruising protocol.")
    page.get_by_label("Bruising was not escalated").check()
    page.get_by_label("Owning group").select_option(label=group.name)
    submit(page)

    go(page, "Add an action to recommendation", exact=False)
    page.get_by_label("Action", exact=True).fill(
        "Add the protocol to emergency department induction."
    )
    page.get_by_label("Owner organisation").select_option(label="Test Hospitals Trust")
    page.get_by_label("Owner (person)").select_option(label=str(cast.contributor))
    fill_date(page, "due_date", today + timedelta(days=30))
    submit(page)
    page.get_by_text("added").first.wait_for()
    sign_out(page)

    sign_in(page, live_server, cast.contributor)
    go(page, "Action plan")
    with page.expect_navigation():
        page.locator("table a").first.click()
    assert_accessible(page)
    go(page, "Update progress")
    page.get_by_label("On track").check()
    page.get_by_label("Progress update").fill("Induction pack updated; first cohort in March.")
    submit(page)
    page.get_by_text("Induction pack updated").wait_for()
    assert page.get_by_role("link", name="Close with evidence of impact").count() == 0
    sign_out(page)

    sign_in(page, live_server, cast.officer)
    go(page, "Action plan")
    with page.expect_navigation():
        page.locator("table a").first.click()
    assert_accessible(page)
    go(page, "Close with evidence of impact")
    page.get_by_label("What changed in practice").fill("Every new starter now learns the protocol.")
    page.get_by_label("Re-audit").check()
    page.get_by_label("The evidence").fill("Re-audit of 20 referrals: all followed the protocol.")
    submit(page)
    page.get_by_role("heading", name="Evidence of impact").wait_for()
    assert page.get_by_text("Closed", exact=True).count()

    with page.expect_navigation():
        page.get_by_role("link", name="Back to", exact=False).click()
    assert_accessible(page)
    go(page, "Write a 7-minute briefing from these findings")
    page.get_by_label("Title").fill("Bruising in babies who are not yet mobile")
    for label, text in (
        ("Background", "A national review."),
        ("Why it matters", "Bruising in a baby who cannot move can signal abuse."),
        ("Key information and learning (1)", "Refer any bruise."),
        ("Key information and learning (2)", "Seek a paediatric opinion."),
        ("Key information and learning (3)", "Record who was present."),
        ("Things to reflect on", "When did you last use the protocol?"),
        ("What to do", "Share this with your team."),
    ):
        page.get_by_label(label, exact=True).fill(text)
    submit(page)
    submit(page, "Send for review")
    sign_out(page)

    sign_in(page, live_server, cast.manager)
    go(page, "Learning")
    go(page, "7-minute briefings")
    go(page, "Bruising in babies who are not yet mobile")
    submit(page, "Approve")
    submit(page, "Publish")
    page.get_by_text("Published on the public site").wait_for()
    go(page, "See it on the public site")
    page.get_by_role("heading", name="Bruising in babies who are not yet mobile").wait_for()
    assert page.get_by_text(f"Published {today:%-d %B %Y}").count()
    page.context.clear_cookies()  # the public site needs no sign-in

    page.goto(f"{live_server.url}/learn/{cast.partnership.slug}/")
    assert_accessible(page)
    go(page, "Bruising in babies who are not yet mobile")
    page.get_by_role("heading", name="5. Key information and learning").wait_for()


def test_every_other_learning_page_is_accessible(live_server, page, cast):
    services.themes_seed(partnership=cast.partnership, by=cast.manager)
    source = OtherSourceFactory(partnership=cast.partnership)
    finding = FindingFactory(source=source, title="Bruising was missed", description="Bruising.")
    finding.themes.set(Theme.objects.for_partnership(cast.partnership)[:2])
    sign_in(page, live_server, cast.manager)
    for path in (
        "/learning/themes/",
        "/learning/themes/add/",
        "/learning/similar/?text=bruising",
        "/learning/recurring/",
        "/learning/newsletters/",
        "/learning/newsletters/add/",
        "/learning/changes/",
        "/learning/changes/add/",
        "/learning/publications/",
        "/learning/briefings/",
        finding.get_absolute_url(),
        f"/learn/{cast.partnership.slug}/?q=bruising",
    ):
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)
    page.goto(f"{live_server.url}/learning/changes/add/")
    submit(page)  # nothing filled in: the error summary must be accessible too
    page.get_by_role("heading", name="There is a problem").wait_for()


def test_a_person_finds_similar_work_and_sees_recurring_lessons(live_server, page, cast):
    from datetime import date

    import time_machine

    from learning.services_similar import similar_work_reindex
    from reviews.tests.factories import LearningReferralFactory

    neglect = services.theme_create(partnership=cast.partnership, name="Neglect", by=cast.manager)
    for year in (2019, 2021, 2024):
        with time_machine.travel(date(year, 6, 1), tick=False):
            services.finding_record(
                source=OtherSourceFactory(partnership=cast.partnership),
                title=f"Neglect of home conditions missed in {year}",
                description="Home conditions were accepted over two years.",
                aim="must_improve",
                themes=[neglect],
                by=cast.manager,
            )
    LearningReferralFactory(
        partnership=cast.partnership,
        title="Dental neglect at primary school",
        what_happened="Dental pain was reported by school staff and not followed up.",
    )
    similar_work_reindex()
    sign_in(page, live_server, cast.manager)
    page.goto(f"{live_server.url}/learning/")
    go(page, "Find similar work")
    page.get_by_label("Describe the referral, review, audit topic or finding").fill(
        "Dental neglect reported by school staff"
    )
    submit(page, "Find similar work")
    page.get_by_role("cell", name="Learning referral").wait_for()
    go(page, "Dental neglect at primary school", exact=False)
    page.goto(f"{live_server.url}/learning/")
    go(page, "Recurring lessons")
    for year in ("2019", "2021", "2024"):
        page.get_by_role("columnheader", name=year, exact=True).wait_for()
    go(page, "Works well")
    page.get_by_text("No theme recurs in what works well yet.").wait_for()
