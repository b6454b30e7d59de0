"""Demo audits: each partnership's standard tool, and South Tees' programme for this financial year
with an audit in each quarter. The first, taken up from the performance group's audit proposal, has
its cases selected and the agencies asked (the demo contributor's hospital among them). Every case
number is fictional. Single-agency assurance has its own demo (`demo_assurance`)."""

from datetime import timedelta

from django.utils import timezone

from audits import demo_assurance, demo_report, periods, services
from audits.models import Audit, AuditProgramme
from learning.models import Finding, Theme
from partnership.demo import SOUTH_TEES, demo_email
from partnership.models import Group, Organisation, Partnership, Role, User
from performance import selectors as performance

AUDITS = (
    # quarter, title, theme, practice focus, why it was chosen
    (
        2,
        "Neglect of babies under one",
        "Neglect",
        "Babies under one on child in need or child protection plans for neglect.",
        "Neglect is the partnership's most recurring theme in rapid reviews.",
    ),
    (
        3,
        "The voice of the child in child protection plans",
        "Voice of the child",
        "Children aged 5 to 11 on child protection plans: were they seen alone and heard?",
        "The partnership's priority for the year is hearing children's lived experience.",
    ),
)


def load(partnerships: dict[str, Partnership]) -> None:
    demo_assurance.load(partnerships)
    for partnership in partnerships.values():
        services.standard_tool_seed(partnership=partnership)
    partnership = partnerships["south-tees"]
    if AuditProgramme.objects.filter(partnership=partnership).exists():
        return
    manager = User.objects.get(email=demo_email(SOUTH_TEES, Role.BUSINESS_UNIT_MANAGER))
    programme = services.programme_create(
        partnership=partnership,
        year=periods.year_containing(timezone.localdate()),
        summary="Four thematic audits, one a quarter, testing the partnership's priorities.",
        by=manager,
    )
    owner = Group.objects.get(partnership=partnership, name="Quality and Performance sub-group")
    tool = services.standard_tool_seed(partnership=partnership)
    themes = {theme.name: theme for theme in Theme.objects.for_partnership(partnership)}

    def plan(quarter, title, prompt, practice_focus, rationale, **links):
        return services.audit_plan(
            programme=programme,
            tool=tool,
            data={
                "title": title,
                "quarter": quarter,
                "theme": links.pop("theme", None),
                "practice_focus": practice_focus,
                "scope": periods.DEFAULT_SCOPE,
                "owner_group": owner,
                "rationale": rationale,
                "prompt": prompt,
                "audit_proposal": links.get("audit_proposal"),
                "prompting_recommendation": None,
                "prompting_finding": links.get("prompting_finding"),
            },
            by=manager,
        )

    proposal = performance.audit_proposals_to_plan(partnership=partnership).first()
    if proposal is not None:
        step_down = plan(
            1,
            proposal.title,
            Audit.Prompt.AUDIT_PROPOSAL,
            proposal.focus,
            "The Quality and Performance group's scrutiny of re-referrals proposed it.",
            audit_proposal=proposal,
        )
        _cases_and_requests(step_down, manager)
    for quarter, title, theme, focus, rationale in AUDITS:
        plan(
            quarter, title, Audit.Prompt.RECURRING_THEME, focus, rationale, theme=themes.get(theme)
        )
    finding = Finding.objects.filter(
        partnership=partnership, title="Health is not always part of strategy discussions"
    ).first()
    plan(
        4,
        "Health at strategy discussions",
        Audit.Prompt.INSPECTION_FINDING if finding else Audit.Prompt.OTHER,
        "Strategy discussions in the last six months: was health invited, and did it attend?",
        "The JTAI of the front door found health was not always part of strategy discussions.",
        prompting_finding=finding,
        theme=themes.get("Information sharing"),
    )
    demo_report.load(partnerships)


def _cases_and_requests(planned: Audit, manager: User) -> None:
    cases = services.cases_select_at_random(
        planned=planned,
        candidates=[f"DEMO-{number:04d}" for number in range(1001, 1013)],
        count=3,
        by=manager,
    )
    agencies = Organisation.objects.filter(
        partnership=planned.partnership,
        name__in=["Middlesbrough Council", "South Tees Hospitals NHS Foundation Trust"],
    )
    for case in cases:
        services.requests_send(
            case=case,
            organisations=list(agencies),
            due_date=timezone.localdate() + timedelta(days=28),
            by=manager,
        )
