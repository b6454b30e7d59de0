"""A demo multi-agency audit taken to its end for South Tees: four cases returned by three
agencies, moderated (one grade changed, with its reason), reported with its findings in the
spine, and its re-audit planned. Every case, grade and finding is fictional."""

from datetime import timedelta

from django.utils import timezone

from audits import periods, returns, selectors, services, services_moderation, services_report
from audits.models import Audit, AuditProgramme, Grade, ReportPoint
from learning.models import Theme
from partnership.demo import SOUTH_TEES, demo_email
from partnership.models import Group, Organisation, Partnership, Role, User

TITLE = "Neglect of babies under one (fictional demo audit)"
AGENCIES = (
    "Middlesbrough Council",
    "Cleveland Police",
    "Harrogate and District NHS Foundation Trust (0-19 services)",
)
# Each case's grades from the three agencies, in the order above (best first on the scale).
GRADES = (
    (Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.GOOD),
    (Grade.REQUIRES_IMPROVEMENT, Grade.REQUIRES_IMPROVEMENT, Grade.GOOD),
    (Grade.GOOD, Grade.INADEQUATE, Grade.OUTSTANDING),
    (Grade.REQUIRES_IMPROVEMENT, Grade.GOOD, Grade.GOOD),
)
POINTS = (
    (
        ReportPoint.Kind.GOOD_PRACTICE,
        "Health visitors saw babies at home and alone with the parent",
        "In every case the health visitor saw the baby at home and recorded the home conditions.",
        "",
    ),
    (
        ReportPoint.Kind.AREA_FOR_DEVELOPMENT,
        "Plans did not say what daily life was like for the baby",
        "Plans listed services but not what the baby's day was like or how it would change.",
        "One parent said: 'Nobody asked what a normal day looks like for her.'",
    ),
    (
        ReportPoint.Kind.AREA_FOR_DEVELOPMENT,
        "Police information reached strategy discussions late",
        "In two cases police information arrived after the strategy discussion had decided.",
        "",
    ),
)


def _answers(layout: returns.Layout, grade: int) -> returns.Return:
    """A complete return: every question answered, graded questions at the agency's own grade."""
    values = {returns.YES_PARTLY_NO: "partly", returns.GRADE: grade, returns.TEXT: "Fictional."}
    return returns.Return(
        answers={question.id: values[question.kind] for question in layout.questions.values()},
        grade=grade,
    )


def load(partnerships: dict[str, Partnership]) -> None:
    partnership = partnerships["south-tees"]
    if Audit.objects.filter(partnership=partnership, title=TITLE).exists():
        return
    manager = User.objects.get(email=demo_email(SOUTH_TEES, Role.BUSINESS_UNIT_MANAGER))
    lead = User.objects.get(email=demo_email(SOUTH_TEES, Role.PARTNER_LEAD))
    group = Group.objects.get(partnership=partnership, name="Quality and Performance sub-group")
    neglect = Theme.objects.filter(partnership=partnership, name="Neglect").first()
    this_year = periods.year_containing(timezone.localdate())
    programmes = {
        year: AuditProgramme.objects.filter(partnership=partnership, year=year).first()
        or services.programme_create(partnership=partnership, year=year, summary="", by=manager)
        for year in (this_year - 1, this_year)
    }
    audit = services.audit_plan(
        programme=programmes[this_year - 1],
        tool=services.standard_tool_seed(partnership=partnership),
        data={
            "title": TITLE,
            "quarter": 3,
            "theme": neglect,
            "practice_focus": "Babies under one on a child in need or child protection plan for neglect.",
            "scope": periods.DEFAULT_SCOPE,
            "owner_group": group,
            "rationale": "More babies on plans for neglect in the performance framework.",
            "prompt": Audit.Prompt.OTHER,
        },
        by=manager,
    )
    agencies = [Organisation.objects.get(partnership=partnership, name=name) for name in AGENCIES]
    layout = selectors.layout(audit.tool_version)
    due = timezone.localdate() - timedelta(days=60)
    for number, grades in enumerate(GRADES, start=1):
        case = services.case_choose(planned=audit, case_number=f"DEMO-{number:04d}", by=manager)
        asked = services.requests_send(case=case, organisations=agencies, due_date=due, by=manager)
        for request, grade in zip(asked, grades, strict=True):
            services.return_save(
                request=request,
                answered=_answers(layout, grade),
                expected_version=request.version,
                send=True,
                by=manager,
            )
    audit.refresh_from_db()
    meeting = services_moderation.meeting_record(
        audit=audit,
        held_on=timezone.localdate() - timedelta(days=30),
        attendees=[manager, lead],
        other_attendees="Designated nurse, health visiting; detective sergeant, police",
        by=manager,
    )
    for case in audit.cases.order_by("reference"):
        requests = list(case.requests.select_related("organisation"))
        moderated = {request.pk: (request.grade, "") for request in requests}
        if case.reference.endswith("C03"):
            police = next(request for request in requests if request.organisation == agencies[1])
            moderated[police.pk] = (
                Grade.REQUIRES_IMPROVEMENT,
                "Police did share the referral within a day; the delay was in the strategy meeting.",
            )
        services_moderation.case_moderate(
            meeting=meeting,
            case=case,
            summary="The agencies agreed how the baby's needs were met and what was missed.",
            overall_grade=Grade.REQUIRES_IMPROVEMENT,
            grades=moderated,
            by=manager,
        )
    services_moderation.action_agree(
        meeting=meeting,
        what_must_change="Strategy discussions wait for police information",
        description="Police checks are shared before every strategy discussion about a baby.",
        owner_organisation=agencies[1],
        due_date=timezone.localdate() + timedelta(days=90),
        owning_group=group,
        themes=[neglect] if neglect else [],
        by=manager,
    )
    services_moderation.moderation_conclude(audit=audit, by=manager)
    report = services_report.report_write(
        audit=audit,
        summary="Babies were seen and their homes known, but plans rarely said what their day was "
        "like, and police information reached strategy discussions late.",
        re_audit_due_on=timezone.localdate() + timedelta(days=180),
        expected_version=None,
        by=manager,
    )
    for kind, title, text, voice in POINTS:
        services_report.report_point_record(
            report=report,
            kind=kind,
            title=title,
            text=text,
            voice_of_the_child=voice,
            themes=[neglect] if neglect else [],
            owning_group=group,
            by=manager,
        )
    services_report.report_complete(report=report, by=manager)
    services_report.re_audit_schedule(
        audit=audit, programme=programmes[this_year], quarter=4, by=manager
    )
