"""The panel: its agenda is built from cases ready for review in every partnership it serves."""

from django.urls import reverse

from child_deaths import selectors
from child_deaths.models import ChildDeath
from child_deaths.tests.factories import ChildDeathFactory, PanelFactory, PanelMeetingFactory
from core.models import AuditEvent
from core.testing import sign_in
from partnership.tests.factories import AreaFactory, PartnershipFactory, PartnershipLinkFactory


def test_the_agenda_offers_ready_cases_of_every_served_partnership_and_no_other(cast):
    PartnershipLinkFactory(requesting=cast.partnership, receiving=cast.other_partnership)
    panel = PanelFactory(partnership=cast.partnership)
    panel.serves.set([cast.partnership, cast.other_partnership])
    ours = ChildDeathFactory(area=cast.middlesbrough, status=ChildDeath.Status.READY)
    theirs = ChildDeathFactory(
        area=AreaFactory(partnership=cast.other_partnership), status=ChildDeath.Status.READY
    )
    ChildDeathFactory(area=cast.redcar, status=ChildDeath.Status.GATHERING)
    ChildDeathFactory(
        area=AreaFactory(partnership=PartnershipFactory()), status=ChildDeath.Status.READY
    )
    assert set(selectors.agenda_candidates(panel)) == {ours, theirs}


def test_a_panel_member_arranges_a_meeting_with_its_agenda(client, cast):
    panel = PanelFactory(partnership=cast.partnership)
    panel.serves.set([cast.partnership])
    case = ChildDeathFactory(area=cast.middlesbrough, status=ChildDeath.Status.READY)
    sign_in(client, cast.cdop_member)
    response = client.post(
        reverse("child_deaths:panel_meeting_add"),
        {
            "panel": panel.pk,
            "held_on_0": "2",
            "held_on_1": "3",
            "held_on_2": "2026",
            "location": "Room 1",
            "cases": [case.pk],
        },
    )
    meeting = panel.panel_meetings.get()
    assert response["Location"] == meeting.get_absolute_url()
    assert list(meeting.cases.all()) == [case]
    assert AuditEvent.objects.filter(subject_id=str(meeting.pk), event="created").exists()


def test_minutes_saved_from_a_stale_page_are_refused(client, cast):
    panel = PanelFactory(partnership=cast.partnership)
    meeting = PanelMeetingFactory(panel=panel)
    sign_in(client, cast.cdop_member)
    url = reverse("child_deaths:panel_meeting_minutes", args=[meeting.pk])
    data = {
        "attendees": "Chair",
        "apologies": "",
        "minutes": "Discussed",
        "version": meeting.version,
    }
    client.post(url, data)
    response = client.post(url, {**data, "minutes": "Other"})
    assert "Someone else changed this record" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes == "Discussed"
