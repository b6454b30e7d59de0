"""When an inspection's action plan is due, counted in working days (England's bank holidays only).

Sources: Ofsted, Inspecting local authority children's services (ILACS framework, 2018 as updated
2024): the final action plan within 70 working days of receiving the final report; after a focused
visit with areas for priority action, a plan within 20 working days. Joint targeted area inspection
guidance (Ofsted, CQC, HMICFRS, HMI Probation): a written statement of action, 70 working days
unless the partnership's local policy sets another number. Day 1 is the first working day after the
date the report or letter was received; a partnership's closure days do not stop the inspectorate's clock.
"""

from dataclasses import dataclass
from datetime import date

from core.working_days import add_working_days

ILACS_STANDARD = "ilacs_standard"
ILACS_SHORT = "ilacs_short"
FOCUSED_VISIT = "focused_visit"
MONITORING_VISIT = "monitoring_visit"
JTAI = "jtai"
KINDS = (ILACS_STANDARD, ILACS_SHORT, FOCUSED_VISIT, MONITORING_VISIT, JTAI)

ILACS_ACTION_PLAN_WORKING_DAYS = 70
FOCUSED_VISIT_PRIORITY_ACTION_WORKING_DAYS = 20
JTAI_STATEMENT_OF_ACTION_WORKING_DAYS = 70

ILACS_SOURCE = "Ofsted, Inspecting local authority children's services (ILACS framework)"
JTAI_SOURCE = "Joint targeted area inspection (JTAI) guidance (Ofsted, CQC, HMICFRS)"


@dataclass(frozen=True)
class ActionPlanClock:
    due: date | None
    rule: str


def action_plan_due(
    *,
    kind: str,
    received: date,
    priority_actions: bool = False,
    jtai_working_days: int = JTAI_STATEMENT_OF_ACTION_WORKING_DAYS,
) -> ActionPlanClock:
    """The date the action plan is due after an inspection of `kind`, and the rule that sets it.

    Source: Ofsted ILACS framework (70 / 20 working days) and JTAI guidance (written statement of action).
    """
    if kind in (ILACS_STANDARD, ILACS_SHORT):
        days = ILACS_ACTION_PLAN_WORKING_DAYS
        rule = f"{ILACS_SOURCE}: the action plan is due {days} working days after the final report is received"
    elif kind == FOCUSED_VISIT and priority_actions:
        days = FOCUSED_VISIT_PRIORITY_ACTION_WORKING_DAYS
        rule = (
            f"{ILACS_SOURCE}: after a focused visit with areas for priority action, the action plan "
            f"is due {days} working days after the letter is received"
        )
    elif kind == FOCUSED_VISIT:
        return ActionPlanClock(
            None,
            f"{ILACS_SOURCE}: a focused visit without areas for priority action needs no action plan",
        )
    elif kind == MONITORING_VISIT:
        return ActionPlanClock(None, f"{ILACS_SOURCE}: a monitoring visit needs no new action plan")
    elif kind == JTAI:
        days = jtai_working_days
        rule = (
            f"{JTAI_SOURCE}: the written statement of action is due {days} working days after the "
            "letter of findings is received"
        )
        if days != JTAI_STATEMENT_OF_ACTION_WORKING_DAYS:
            rule += " (the partnership's local setting)"
    else:
        return ActionPlanClock(None, "No action plan clock applies to this kind of inspection")
    # Bank holidays only: the inspectorate does not know the partnership's closure days.
    return ActionPlanClock(add_working_days(received, days), rule)
