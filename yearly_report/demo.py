"""The demo partnership's published yearly report for 2025-26, assembled from the year of records
the other capabilities' demos load (this app loads last). Its narrative is fictional."""

from partnership.demo import SOUTH_TEES, demo_email
from partnership.models import Organisation, Role, User
from yearly_report import selectors, services
from yearly_report.models import YearlyReport

YEAR = 2025
FICTIONAL = "(Fictional demo text.)"
NARRATIVE = {
    "arrangements": "The three safeguarding partners lead the arrangements through the Executive, "
    "with an independent chair and scrutineer, and sub-groups for case review, quality assurance "
    "and learning and development.",
    "priorities": "Our priorities were neglect, safeguarding adolescents and the voice of the "
    "child. Most actions are on track; the at-risk actions are named below.",
    "reviews": "Rapid reviews were completed within 15 working days. The learning from each review "
    "went into the action plan, 7-minute briefings and the multi-agency training programme.",
    "impact": "Re-audits and the performance framework show practice changed where actions closed: "
    "each closed action below says what changed and how it is known.",
    "little_progress": "Some actions on information sharing at transfer are overdue; the Executive "
    "has asked for a recovery plan by the summer.",
    "voice": "Young people's feedback shaped the neglect toolkit and the escalation leaflet.",
    "national": "We checked our practice against the national panel's reviews and took part in "
    "the regional learning events.",
    "scrutiny": "The independent scrutineer found the partners know their strengths and what they "
    "must improve, and that learning from reviews reaches practitioners.",
}


def _partner_leads(partnership) -> list[User]:
    """One partner lead for each statutory partner of the partnership."""
    leads = User.objects.filter(
        role_assignments__partnership=partnership,
        role_assignments__role=Role.PARTNER_LEAD,
        organisation__partnership=partnership,
        organisation__standing=Organisation.Standing.STATUTORY_PARTNER,
        is_active=True,
    ).order_by("organisation_id", "pk")
    chosen: dict[int, User] = {}
    for lead in leads:
        chosen.setdefault(lead.organisation_id, lead)
    return list(chosen.values())


def load(partnerships) -> None:
    south_tees = partnerships[SOUTH_TEES.slug]
    report = YearlyReport.objects.filter(partnership=south_tees, start_year=YEAR).first()
    if report is not None and report.publication_id:
        return
    officer = User.objects.get(email=demo_email(SOUTH_TEES, Role.BUSINESS_UNIT_OFFICER))
    manager = User.objects.get(email=demo_email(SOUTH_TEES, Role.BUSINESS_UNIT_MANAGER))
    report = report or services.report_open(partnership=south_tees, start_year=YEAR, by=officer)
    written = set(report.narratives.values_list("section", flat=True))
    for section, text in NARRATIVE.items():
        if section not in written:
            services.narrative_write(
                report=report,
                section=section,
                text=f"{text} {FICTIONAL}",
                expected_version=report.version,
                by=officer,
            )
    for lead in _partner_leads(south_tees):
        services.report_sign_off(report=report, agrees=True, comment="", by=lead)
    # A partnership without a lead for every statutory partner keeps its draft (the page says why).
    if not selectors.sign_off_blockers(report):
        services.report_publish(report=report, by=manager)
