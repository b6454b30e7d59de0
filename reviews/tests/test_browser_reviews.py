"""Browser journey: referral, triage, notification, rapid review, decision, LCSPR with an
independent reviewer (a conflicted one refused), agency return, findings and actions, report,
publication on the public site. Every page is checked with axe-core."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
import time_machine

from core.testing import assert_accessible, browser_sign_in
from core.working_days import add_working_days
from partnership.models import Role
from partnership.tests.factories import GroupFactory, PersonFactory
from reviews import services
from reviews.deadlines import REPORT_NOTICE_WORKING_DAYS, statutory_deadlines
from reviews.models import LocalReviewPolicy, RapidReview, ReportDraft
from reviews.tests.factories import REGULATION_11_ANSWERED, partner_leads_of_every_statutory_partner

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _date(page, name: str, day: date) -> None:
    for part, value in enumerate((day.day, day.month, day.year)):
        page.locator(f'[name="{name}_{part}"]').fill(str(value))


class People:
    """One signed-in browser page per person: a second factor code is used once, so each person
    signs in once and the journey moves between their pages."""

    def __init__(self, browser, live_server):
        self.browser, self.live_server, self.pages = browser, live_server, {}

    def page(self, person):
        if person.pk not in self.pages:
            context = self.browser.new_context(locale="en-GB", timezone_id="Europe/London")
            context.set_default_timeout(15000)
            page = context.new_page()
            browser_sign_in(page, self.live_server.url, person)
            page.get_by_role("heading", name="Your dashboard").wait_for()
            assert_accessible(page)
            self.pages[person.pk] = page
        page = self.pages[person.pk]
        page.goto(f"{self.live_server.url}/")
        return page

    def close(self):
        for page in self.pages.values():
            page.context.close()


def _go(page, link: str) -> None:
    page.get_by_role("link", name=link, exact=True).first.click()
    page.wait_for_load_state()
    assert_accessible(page)


def _submit(page, button: str) -> None:
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()
    assert_accessible(page)


TODAY = date.today()
WORKING_DAY = add_working_days(TODAY, 1)


def test_a_referral_becomes_a_published_lcspr(live_server, browser, page, cast):
    PersonFactory(
        partnership=cast.partnership,
        full_name="Conflicted Reviewer",
        organisation=cast.police,
        roles=[Role.INDEPENDENT_REVIEWER],
    )
    GroupFactory(partnership=cast.partnership, name="Learning and Improvement Group")
    LocalReviewPolicy.objects.create(
        partnership=cast.partnership, reviewer_not_employed_by_agency_under_review=True
    )
    # The council's partner lead signs through the services; the police's in the browser.
    council_lead = partner_leads_of_every_statutory_partner(cast)[1]
    people = People(browser, live_server)
    try:
        _journey_to_final_report(people, live_server, cast, council_lead)
    finally:
        people.close()
    # Publication waits 7 working days after the report went to the national panel.
    publication_day = add_working_days(TODAY, REPORT_NOTICE_WORKING_DAYS)
    with time_machine.travel(datetime.combine(publication_day, time(10), tzinfo=UTC), tick=True):
        _publish(page, live_server, cast)


def _journey_to_final_report(people, live_server, cast, council_lead):
    # A practitioner refers a case for learning.
    page = people.page(cast.practitioner)
    _go(page, "Learning referrals")
    _go(page, "Refer a case for learning")
    _submit(page, "Send referral")
    page.get_by_role("heading", name="There is a problem").wait_for()
    page.get_by_label("Short title").fill("Child R: injuries not explained")
    page.get_by_label("What happened").fill(
        "Child R, aged 4, was admitted with unexplained injuries."
    )
    page.get_by_label("Agencies involved").fill("Hospital, police, children's services")
    page.get_by_label("Why there may be learning").fill(
        "Earlier bruising was not shared between agencies."
    )
    page.get_by_label("What is known of the child's voice").fill(
        "Child R told nursery staff they were scared."
    )
    _submit(page, "Send referral")
    page.get_by_text("Your referral has been sent").wait_for()

    # The business unit triages it to a serious incident notification and rapid review.
    page = people.page(cast.officer)
    _go(page, "Learning referrals")
    _go(page, "Child R: injuries not explained")
    page.get_by_role("heading", name="Similar work").wait_for()
    page.get_by_label("Serious incident notification and rapid review").check()
    _submit(page, "Record the triage outcome")
    _go(page, "Record the serious incident notification")
    page.get_by_label("Local authority that notified the national panel").select_option(
        label="Test Borough Council"
    )
    page.get_by_label("What happened").fill(
        "Child R was admitted to hospital with unexplained injuries."
    )
    _date(page, "incident_date", TODAY - timedelta(days=2))
    _date(page, "aware_date", TODAY - timedelta(days=1))
    _submit(page, "Save")
    notify_by = statutory_deadlines(aware=TODAY - timedelta(days=1)).notify_panel_by
    page.get_by_text(f"{notify_by:%A} {notify_by.day} {notify_by:%B %Y}").first.wait_for()
    _go(page, "Add a child")
    page.get_by_label("Pseudonym").fill("Child R")
    page.get_by_label("Seriously harmed").check()
    page.get_by_label("Age", exact=True).fill("4")
    page.get_by_label("Full name").fill("Tess Example")
    _submit(page, "Save")
    assert page.get_by_text("Tess Example").count() == 0

    # The rapid review: an agency summary, the facts and criteria, the decision.
    _go(page, "Open the rapid review")
    _go(page, "Ask an agency for a summary")
    page.get_by_label("Agency").select_option(label="Test Hospitals Trust")
    _date(page, "due_date", WORKING_DAY)
    _submit(page, "Send request")
    _go(page, "Back to Rapid review TTSCP-SIN-2026-001")
    _go(page, "Record facts, context and criteria")
    page.get_by_label("Immediate safeguarding actions").fill(
        "Child R's sibling was seen and is safe."
    )
    page.get_by_label("Known", exact=True).check()
    page.get_by_label("The child was seriously harmed").check()
    page.get_by_label("There is cause for concern").check()
    for consideration in REGULATION_11_ANSWERED:
        page.locator(f'[name="{consideration}"][value="True"]').check()
    _submit(page, "Save")
    _go(page, "Decision")
    page.get_by_text("an LCSPR is required").wait_for()
    page.get_by_label("Hold a local child safeguarding practice review").check()
    page.get_by_label("Rationale").fill(
        "Serious harm with concerns about how agencies worked together."
    )
    _submit(page, "Record the decision")
    page.get_by_text("Decision recorded; each partner lead").wait_for()

    # The partner lead signs off the decision.
    page = people.page(cast.partner_lead)
    _go(page, "Reviews")
    _go(page, "TTSCP-SIN-2026-001")
    _go(page, "Decision")
    page.get_by_label("Yes, I sign this off").check()
    _submit(page, "Sign off the decision")
    page.get_by_text("Your sign-off is recorded").wait_for()
    services.partner_sign_off(
        rapid_review=RapidReview.objects.get(), by=council_lead, agrees=True, comment=""
    )

    # The business unit sends it to the panel and opens the LCSPR.
    page = people.page(cast.officer)
    _go(page, "Reviews")
    _go(page, "TTSCP-SIN-2026-001")
    _go(page, "Decision")
    _date(page, "sent_on", TODAY)
    _submit(page, "Record it as sent")
    _go(page, "Open the LCSPR")
    page.get_by_label("Title").fill("Child R")
    _submit(page, "Open review")
    page.get_by_text("Review opened").wait_for()
    _go(page, "Change scope, agencies and family involvement")
    page.get_by_label("Test Borough Council").check()
    page.get_by_label("Test Police").check()
    page.get_by_label("How the family was involved").fill(
        "Child R's mother met the reviewer twice."
    )
    page.get_by_label("The child's voice").fill("Child R's drawings and words to nursery staff.")
    _submit(page, "Save")

    # A conflicted reviewer needs the partners' weighing; an independent one is accepted.
    _go(page, "Assign a reviewer")
    page.get_by_label("Reviewer", exact=True).select_option(label="Conflicted Reviewer")
    page.get_by_label("Independent reviewer").check()
    page.get_by_label("Conflict of interest declaration").fill(
        "I worked for Test Police until 2024."
    )
    _submit(page, "Save")
    page.get_by_text(
        "Conflicted Reviewer is employed by Test Police, whose actions are under review"
    ).wait_for()
    page.get_by_label("Reviewer", exact=True).select_option(label=str(cast.reviewer))
    page.get_by_label("Conflict of interest declaration").fill("No conflict of interest.")
    _submit(page, "Save")
    page.get_by_text("Reviewer assigned").wait_for()

    # The hospital is asked for its chronology; its contributor returns it.
    _go(page, "Ask an agency for information")
    page.get_by_label("Agency").select_option(label="Test Hospitals Trust")
    page.get_by_label("What is asked for").select_option(label="Chronology")
    _date(page, "due_date", WORKING_DAY)
    _submit(page, "Send request")
    page.get_by_text("Request sent").wait_for()
    page = people.page(cast.contributor)
    _go(page, "Requests")
    page.get_by_role("link").filter(has_text="TTSCP-2026-").last.click()
    assert_accessible(page)
    _date(page, "date", TODAY - timedelta(days=30))
    page.get_by_label("What happened", exact=True).fill(
        "Child R seen at the emergency department with bruising."
    )
    _submit(page, "Add entry")
    page.get_by_text("Chronology entry added").wait_for()
    _submit(page, "Return to the business unit")
    page.get_by_text("Returned to the business unit").wait_for()

    # The business unit records a finding, a recommendation and an action through the spine.
    page = people.page(cast.officer)
    _go(page, "Reviews")
    _go(page, "TTSCP-2026-001")
    _go(page, "Merged chronology")
    page.get_by_text("Child R seen at the emergency department with bruising.").wait_for()
    page.go_back()
    _go(page, "Add a finding")
    page.get_by_label("Finding", exact=True).fill("Bruising in a pre-mobile child was not shared")
    page.get_by_label("What was found").fill(
        "The emergency department did not tell children's services."
    )
    page.get_by_label("Must improve").check()
    _submit(page, "Save")
    page.goto(f"{live_server.url}/reviews/")
    _go(page, "TTSCP-2026-001")
    _go(page, "Add a recommendation")
    page.get_by_label("Recommendation").fill(
        "Share every injury to a pre-mobile child with children's services."
    )
    page.get_by_label("Bruising in a pre-mobile child was not shared").check()
    page.get_by_label("Owning group").select_option(label="Learning and Improvement Group")
    _submit(page, "Save")
    page.goto(f"{live_server.url}/reviews/")
    _go(page, "TTSCP-2026-001")
    page.get_by_role("link", name="Add an action").first.click()
    assert_accessible(page)
    page.get_by_label("Action", exact=True).fill("Update the bruising protocol.")
    page.get_by_label("Owner organisation").select_option(label="Test Hospitals Trust")
    _date(page, "due_date", TODAY + timedelta(days=90))
    _submit(page, "Save")

    # The reviewer writes the report; the partner lead signs it off; the final report is agreed.
    page = people.page(cast.reviewer)
    _go(page, "Reviews")
    _go(page, "TTSCP-2026-001")
    _go(page, "Add a draft")
    page.get_by_label("Summary of recommended improvements").fill(
        "Share injuries to pre-mobile children."
    )
    page.get_by_label("Report", exact=True).fill(
        "Child R was known to three agencies; bruising was not shared."
    )
    _submit(page, "Save")
    page = people.page(cast.partner_lead)
    page.goto(f"{live_server.url}/reviews/")
    _go(page, "TTSCP-2026-001")
    _go(page, "Draft version 1")
    page.get_by_label("Yes, I sign this off").check()
    _submit(page, "Sign off the report")
    services.partner_sign_off(
        report_draft=ReportDraft.objects.get(), by=council_lead, agrees=True, comment=""
    )
    page = people.page(cast.officer)
    page.goto(f"{live_server.url}/reviews/")
    _go(page, "TTSCP-2026-001")
    _submit(page, "Agree the final report")
    page.get_by_text("The final report is agreed").wait_for()
    _go(page, "Publication")
    _date(page, "publication_date", add_working_days(TODAY, REPORT_NOTICE_WORKING_DAYS))
    _submit(page, "Plan publication")
    page.get_by_role("button", name="Mark done today").click()
    page.wait_for_load_state()
    assert_accessible(page)


def _publish(page, live_server, cast):
    browser_sign_in(page, live_server.url, cast.officer)
    page.get_by_role("heading", name="Your dashboard").wait_for()
    assert_accessible(page)
    page.goto(f"{live_server.url}/reviews/")
    _go(page, "TTSCP-2026-001")
    _go(page, "Publication")
    _submit(page, "Publish the final report")
    page.get_by_text("Published on the public site").wait_for()
    page.get_by_role(
        "link", name="Local child safeguarding practice review (LCSPR): Child R"
    ).click()
    page.get_by_text("bruising was not shared").wait_for()
    assert_accessible(page)
