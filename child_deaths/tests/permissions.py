from child_deaths.tests.factories import (
    ChildDeathFactory,
    PanelFactory,
    PanelMeetingFactory,
    ReportingRequestFactory,
)
from security.permission_matrix import Check, expect

# The business unit of the owning partnership and the panel member see a death; nobody else does.
DEATH_TEAM = {"manager": 200, "officer": 200, "cdop_member": 200}
DEATH_TEAM_WRITE = {"manager": 302, "officer": 302, "cdop_member": 302}
# The outsider, and the practitioner here who manages another partnership's business unit, see
# that partnership's (empty) lists.
LISTS = {**DEATH_TEAM, "outsider": 200, "two_partnerships": 200}
STATISTICS = {**LISTS, "partner_lead": 200}


def _death(cast):
    return {"pk": ChildDeathFactory(area=cast.middlesbrough).pk}


def _suspected_stillbirth(cast):
    return {"pk": ChildDeathFactory(area=cast.middlesbrough, suspected_stillbirth=True).pk}


def _request(cast):
    death = ChildDeathFactory(area=cast.middlesbrough)
    return {"pk": ReportingRequestFactory(child_death=death, organisation=cast.hospital).pk}


def _panel(cast):
    PanelFactory(partnership=cast.partnership).serves.set([cast.partnership])
    return {}


def _meeting(cast):
    panel = PanelFactory(partnership=cast.partnership)
    panel.serves.set([cast.partnership])
    return {"pk": PanelMeetingFactory(panel=panel).pk}


CHECKS = [
    Check("child_deaths:death_list", expect(403, **LISTS)),
    Check("child_deaths:notify", expect(200, no_role=403)),
    Check("child_deaths:death_detail", expect(404, **DEATH_TEAM), kwargs=_death),
    Check("child_deaths:identity", expect(404, **DEATH_TEAM), kwargs=_death),
    Check("child_deaths:jar_edit", expect(404, **DEATH_TEAM), kwargs=_death),
    Check(
        "child_deaths:stillbirth_confirm",
        expect(404, **DEATH_TEAM),
        kwargs=_suspected_stillbirth,
    ),
    Check("child_deaths:request_add", expect(404, **DEATH_TEAM), kwargs=_death),
    Check("child_deaths:review_meeting_add", expect(404, **DEATH_TEAM), kwargs=_death),
    Check("child_deaths:analysis_add", expect(404, **DEATH_TEAM), kwargs=_death),
    Check("child_deaths:mark_ready", expect(404, **DEATH_TEAM_WRITE), kwargs=_death, method="post"),
    Check("child_deaths:my_requests", expect(200)),
    Check(
        "child_deaths:request_return",
        expect(404, **DEATH_TEAM, contributor=200),
        kwargs=_request,
    ),
    Check(
        "child_deaths:panel_meeting_list",
        expect(403, **DEATH_TEAM),
        kwargs=_panel,
    ),
    Check("child_deaths:panel_meeting_add", expect(403, **DEATH_TEAM), kwargs=_panel),
    Check("child_deaths:panel_meeting_detail", expect(404, **DEATH_TEAM), kwargs=_meeting),
    Check("child_deaths:panel_meeting_minutes", expect(404, **DEATH_TEAM), kwargs=_meeting),
    Check("child_deaths:panel_meeting_paper_add", expect(404, **DEATH_TEAM), kwargs=_meeting),
    Check("child_deaths:trends", expect(403, **STATISTICS)),
    Check("child_deaths:trends_csv", expect(403, **STATISTICS)),
    Check("child_deaths:yearly_report", expect(403, **STATISTICS)),
    Check("child_deaths:yearly_report_pdf", expect(403, **STATISTICS)),
    Check(
        "child_deaths:yearly_report_publish",
        expect(403, manager=302, officer=302, outsider=302),
        method="post",
    ),
    Check("child_deaths:ncmd_export", expect(403, **LISTS), kwargs=lambda cast: {"fmt": "csv"}),
    Check(
        "child_deaths:ncmd_export",
        expect(403, **LISTS),
        kwargs=lambda cast: {"fmt": "json"},
        label="json",
    ),
]
