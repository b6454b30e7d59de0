"""Browser journey: an action naming an indicator is closed with evidence citing it, a member of
its owning group signs the evidence off, it appears in the draft yearly report, the partners sign
the report off, the manager publishes it and the public page and its PDF are read. axe-core checks
every page on the way."""

from datetime import datetime

import pytest
from django.utils import timezone

from core.testing import assert_accessible
from learning import services as learning
from learning.tests.factories import ActionFactory, OtherSourceFactory
from learning.tests.test_browser_learning import go, sign_in, sign_out, submit
from partnership.models import Membership
from performance.models import Indicator
from performance.periods import Quarter
from performance.tests.factories import IndicatorFactory, ObservationFactory
from reviews.tests.factories import partner_leads_of_every_statutory_partner
from yearly_report import services
from yearly_report.models import YearlyReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_evidenced_action_goes_into_the_published_yearly_report(live_server, page, cast):
    indicator = IndicatorFactory(
        partnership=cast.partnership,
        code="EH02",
        title="Early help within ten days",
        unit=Indicator.Unit.DAYS,
    )
    this_quarter = Quarter.containing(timezone.localdate())
    for back, value in enumerate((81, 72, 65, 60)):
        ObservationFactory(
            indicator=indicator, area=None, period=this_quarter.index - back, value=value
        )
    action = ActionFactory(
        recommendation__source=OtherSourceFactory(partnership=cast.partnership),
        owner_organisation=cast.hospital,
        description="Start every early help assessment within ten days",
        created_at=timezone.make_aware(
            datetime.combine(this_quarter.previous().previous().first_day, datetime.min.time())
        ),
    )
    Membership.objects.create(group=action.recommendation.owning_group, person=cast.group_member)
    learning.action_indicator_add(
        action=action, indicator_id=indicator.pk, expected="up", by=cast.officer
    )
    council_lead = partner_leads_of_every_statutory_partner(cast)[1]

    sign_in(page, live_server, cast.officer)
    page.goto(f"{live_server.url}{action.get_absolute_url()}")
    assert_accessible(page)
    assert page.get_by_text("Moved as expected").count()
    go(page, "Close with evidence of impact")
    page.get_by_label("What changed in practice").fill("Assessments now start within ten days.")
    page.get_by_label("Performance indicator").check()
    page.get_by_label("The evidence").fill("The quarterly figures since the action opened.")
    page.get_by_label("EH02 Early help within ten days", exact=False).check()
    submit(page)
    page.get_by_text("Waiting for a member of").wait_for()
    sign_out(page)

    sign_in(page, live_server, cast.group_member)
    page.goto(f"{live_server.url}{action.get_absolute_url()}")
    assert_accessible(page)
    submit(page, f"Sign off for {action.recommendation.owning_group}")
    page.get_by_text(f"By {cast.group_member} for").wait_for()
    sign_out(page)

    sign_in(page, live_server, cast.officer)
    go(page, "Yearly report")
    page.get_by_label(f"1 April {this_quarter.start_year} to 31 March", exact=False).check()
    submit(page, "Open the draft")
    assert page.get_by_text("Start every early help assessment within ten days").count()
    go(page, "Write the narrative for The independent scrutineer's view")
    page.get_by_label("What the partnership says about", exact=False).fill(
        "The scrutineer saw the partners act on their learning."
    )
    submit(page)
    page.get_by_text("The scrutineer saw the partners act on their learning.").wait_for()
    report_url = page.url.split("#")[0]
    sign_out(page)

    sign_in(page, live_server, cast.partner_lead)
    page.goto(report_url)
    assert_accessible(page)
    page.get_by_label("Yes", exact=True).check()
    submit(page, "Sign off version 2")
    sign_out(page)
    report = YearlyReport.objects.get()
    services.report_sign_off(report=report, agrees=True, comment="", by=council_lead)

    sign_in(page, live_server, cast.manager)
    page.goto(report_url)
    assert_accessible(page)
    submit(page, "Publish on the public site")
    page.get_by_text("Published on the public site").first.wait_for()
    go(page, "the public page")
    assert page.get_by_role("heading", name="The impact of the year's actions").count()
    assert page.get_by_text("Assessments now start within ten days.", exact=False).count()
    pdf = page.request.get(page.url.rstrip("/") + "/pdf/")
    assert pdf.ok and pdf.body().startswith(b"%PDF")
